/** The customer commands that are one core call and one private answer, worded by the shared presenter. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../interaction-router.js';
import { callerOf, contextOf, zoneOfCaller, type DiscordDeps } from '../caller.js';
import { presentEmergency, presentFees, presentLink, presentProfile, presentSessions } from '../../shared/present/results.js';
import { renderMessage } from '../render/index.js';
import { replyPrivately } from './reply.js';
import { readCodeText } from '../../shared/wording.js';

export const sessionsCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder().setName('sessions').setDescription('Your upcoming sessions, to reschedule or cancel').toJSON(),
  async execute(interaction, { core, config }) {
    const answer = async () => renderMessage(presentSessions(await contextOf(core, config, interaction), await core.listSessions({ caller: callerOf(interaction) })).message);
    await replyPrivately(interaction, answer());
  },
};

export const feesCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder().setName('fees').setDescription('The fee schedule, and what your company pays').toJSON(),
  async execute(interaction, { core, config }) {
    const answer = async () => renderMessage(presentFees(await contextOf(core, config, interaction), await core.feeSchedule({ caller: callerOf(interaction) })).message);
    await replyPrivately(interaction, answer());
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
    const answer = async () => {
      const ctx = await contextOf(core, config, interaction);
      const zone = await zoneOfCaller(core, config, caller);
      return renderMessage((entered ? presentLink(ctx, await core.linkCompany({ caller, ...entered }), zone) : presentProfile(ctx, await core.showProfile({ caller }), zone)).message);
    };
    await replyPrivately(interaction, answer());
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
    const caller = callerOf(interaction);
    const code = interaction.options.getString('code');
    const description = interaction.options.getString('what', true);
    const answer = async () => {
      const r = await core.requestEmergency({
        caller,
        description,
        kind: (interaction.options.getString('kind') as 'online' | 'phone' | null) ?? 'online',
        payStandardFee: interaction.options.getBoolean('standard_fee') ?? false,
        ...(code ? { code } : {}),
      });
      const zone = r.kind === 'code_locked' ? await zoneOfCaller(core, config, caller) : config.vendor.zone;
      return renderMessage(presentEmergency(await contextOf(core, config, interaction), r, zone, description).message);
    };
    await replyPrivately(interaction, answer());
  },
};
