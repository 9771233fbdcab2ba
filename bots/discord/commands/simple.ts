/** The customer commands that are one core call and one private answer. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../interaction-router.js';
import { callerOf, zoneOfCaller, type DiscordDeps } from '../caller.js';
import { presentEmergency, presentFees, presentLink, presentProfile, presentSessions } from '../present.js';
import { replyPrivately } from './reply.js';
import { readCodeText } from '../../shared/wording.js';

export const sessionsCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder().setName('sessions').setDescription('Your upcoming sessions, to reschedule or cancel').toJSON(),
  async execute(interaction, { core }) {
    await replyPrivately(interaction, presentSessions(await core.listSessions({ caller: callerOf(interaction) })));
  },
};

export const feesCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder().setName('fees').setDescription('The fee schedule, and what your company pays').toJSON(),
  async execute(interaction, { core }) {
    await replyPrivately(interaction, presentFees(await core.feeSchedule({ caller: callerOf(interaction) })));
  },
};

export const supportCodeCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder()
    .setName('support-code')
    .setDescription('Link your company with its maintenance code, or see your code and plan')
    .addStringOption((o) => o.setName('code').setDescription('Your company’s maintenance code').setMaxLength(64))
    .toJSON(),
  async execute(interaction, { core, config }) {
    const caller = callerOf(interaction);
    const code = interaction.options.getString('code');
    const entered = code ? readCodeText(code) : null;
    await replyPrivately(interaction, entered ? presentLink(await core.linkCompany({ caller, ...entered }), await zoneOfCaller(core, config, caller)) : presentProfile(await core.showProfile({ caller }), config.vendor.zone));
  },
};

export const emergencyCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder()
    .setName('emergency')
    .setDescription('Request an emergency session today: staff squeeze you in and tell you the exact time')
    .addStringOption((o) => o.setName('what').setDescription('What is wrong').setRequired(true).setMaxLength(1000))
    .addStringOption((o) => o.setName('kind').setDescription('Online or phone (default online)').addChoices({ name: 'Online session', value: 'online' }, { name: 'Phone session', value: 'phone' }))
    .addStringOption((o) => o.setName('code').setDescription('Your maintenance code (only needed once)').setMaxLength(64))
    .addBooleanOption((o) => o.setName('standard_fee').setDescription('Pay the standard fee (no plan, or free sessions suspended)'))
    .toJSON(),
  async execute(interaction, { core, config }) {
    const code = interaction.options.getString('code');
    const r = await core.requestEmergency({
      caller: callerOf(interaction),
      description: interaction.options.getString('what', true),
      kind: (interaction.options.getString('kind') as 'online' | 'phone' | null) ?? 'online',
      payStandardFee: interaction.options.getBoolean('standard_fee') ?? false,
      ...(code ? { code } : {}),
    });
    await replyPrivately(interaction, presentEmergency(r, r.kind === 'code_locked' ? await zoneOfCaller(core, config, callerOf(interaction)) : config.vendor.zone));
  },
};
