/** Staff commands: core decides who is staff (configured identity or the staff role) and audits refusals. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../interaction-router.js';
import { callerOf, type DiscordDeps } from '../caller.js';
import { presentCompanyAdmin, presentStaffDay } from '../present.js';
import { replyPrivately } from './reply.js';

export const todayCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder()
    .setName('today')
    .setDescription('Staff: today’s sessions and requests waiting for you')
    .addStringOption((o) => o.setName('date').setDescription('Another day, as 2026-12-01').setMinLength(10).setMaxLength(10))
    .toJSON(),
  async execute(interaction, { core }) {
    const date = interaction.options.getString('date');
    await replyPrivately(interaction, presentStaffDay(await core.staffDay({ caller: callerOf(interaction), ...(date ? { date } : {}) })));
  },
};

export const companyCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder()
    .setName('sk-company')
    .setDescription('Staff: manage customer companies')
    .addSubcommand((s) =>
      s
        .setName('create')
        .setDescription('Create a company')
        .addStringOption((o) => o.setName('name').setDescription('Company name').setRequired(true).setMaxLength(120))
        .addStringOption((o) => o.setName('plan_until').setDescription('Maintenance plan end date, e.g. 2027-12-31'))
        .addStringOption((o) => o.setName('code').setDescription('Maintenance code (generated when omitted)').setMaxLength(64)),
    )
    .addSubcommand((s) =>
      s
        .setName('plan')
        .setDescription('Set or end a company’s maintenance plan')
        .addStringOption((o) => o.setName('name').setDescription('Company name').setRequired(true).setMaxLength(120))
        .addStringOption((o) => o.setName('until').setDescription('Plan end date, e.g. 2027-12-31; "none" ends it').setRequired(true)),
    )
    .addSubcommand((s) => s.setName('rotate').setDescription('Give a company a new maintenance code').addStringOption((o) => o.setName('name').setDescription('Company name').setRequired(true).setMaxLength(120)))
    .addSubcommand((s) => s.setName('reinstate').setDescription('Record the reinstatement payment').addStringOption((o) => o.setName('name').setDescription('Company name').setRequired(true).setMaxLength(120)))
    .toJSON(),
  async execute(interaction, { core, config }) {
    const caller = callerOf(interaction);
    const name = interaction.options.getString('name', true);
    const sub = interaction.options.getSubcommand(true);
    const date = (s: string | null) => (!s || s.toLowerCase() === 'none' ? null : s);
    const r =
      sub === 'create'
        ? await core.createCompany({ caller, name, planUntil: date(interaction.options.getString('plan_until')), ...(interaction.options.getString('code') ? { code: interaction.options.getString('code')! } : {}) })
        : sub === 'plan'
          ? await core.setPlan({ caller, name, planUntil: date(interaction.options.getString('until', true)) })
          : sub === 'rotate'
            ? await core.rotateCode({ caller, name })
            : await core.recordReinstatement({ caller, name });
    await replyPrivately(interaction, presentCompanyAdmin(r, config.vendor.zone));
  },
};
