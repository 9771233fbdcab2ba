/** Staff commands: core decides who is staff (configured identity or the staff role) and audits refusals. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../interaction-router.js';
import { callerOf, contextOf, type DiscordDeps } from '../caller.js';
import { presentCompanyAdmin, presentCompanyMembers, presentReverseNoShow, presentStaffDay } from '../../shared/present/results.js';
import { renderMessage } from '../render/index.js';
import { replyPrivately } from './reply.js';

export const todayCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder()
    .setName('today')
    .setDescription('Staff: today’s sessions and requests waiting for you')
    .addStringOption((o) => o.setName('date').setDescription('Another day, as 2026-12-01').setMinLength(10).setMaxLength(10))
    .toJSON(),
  async execute(interaction, { core, config }) {
    const date = interaction.options.getString('date');
    const answer = async () => renderMessage(presentStaffDay(await contextOf(core, config, interaction), await core.staffDay({ caller: callerOf(interaction), ...(date ? { date } : {}) }), { buttons: true }).message);
    await replyPrivately(interaction, answer());
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
    .addSubcommand((s) => s.setName('members').setDescription('Who is linked to a company').addStringOption((o) => o.setName('name').setDescription('Company name').setRequired(true).setMaxLength(120)))
    .addSubcommand((s) =>
      s
        .setName('unlink')
        .setDescription('Unlink a person from a company (their bookings stay)')
        .addStringOption((o) => o.setName('name').setDescription('Company name').setRequired(true).setMaxLength(120))
        .addStringOption((o) => o.setName('person').setDescription('The person as the members list shows them').setRequired(true).setMaxLength(120)),
    )
    .toJSON(),
  async execute(interaction, { core, config }) {
    const caller = callerOf(interaction);
    const name = interaction.options.getString('name', true);
    const sub = interaction.options.getSubcommand(true);
    const ctx = await contextOf(core, config, interaction);
    if (sub === 'members' || sub === 'unlink') {
      const m = sub === 'members' ? await core.listCompanyMembers({ caller, name }) : await core.unlinkMember({ caller, name, memberId: interaction.options.getString('person', true) });
      return void (await replyPrivately(interaction, renderMessage(presentCompanyMembers(ctx, m).message)));
    }
    const date = (s: string | null) => (!s || s.toLowerCase() === 'none' ? null : s);
    const r =
      sub === 'create'
        ? await core.createCompany({ caller, name, planUntil: date(interaction.options.getString('plan_until')), ...(interaction.options.getString('code') ? { code: interaction.options.getString('code')! } : {}) })
        : sub === 'plan'
          ? await core.setPlan({ caller, name, planUntil: date(interaction.options.getString('until', true)) })
          : sub === 'rotate'
            ? await core.rotateCode({ caller, name })
            : await core.recordReinstatement({ caller, name });
    await replyPrivately(interaction, renderMessage(presentCompanyAdmin(ctx, r, config.vendor.zone).message));
  },
};

/** /sk-reverse (staff): reverse a no-show by its booking reference, with why; core removes the strike, lifts the suspension once below the limit, tells the customer and audits it. */
export const reverseCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder()
    .setName('sk-reverse')
    .setDescription('Staff: reverse a no-show (the customer did call in)')
    .addStringOption((o) => o.setName('reference').setDescription('The booking reference, e.g. SK-7KQ4M').setRequired(true).setMaxLength(40))
    .addStringOption((o) => o.setName('why').setDescription('Why (the customer reads it)').setRequired(true).setMaxLength(300))
    .toJSON(),
  async execute(interaction, { core, config }) {
    const ctx = await contextOf(core, config, interaction);
    const r = await core.reverseNoShow({ caller: callerOf(interaction), bookingId: interaction.options.getString('reference', true).trim(), reason: interaction.options.getString('why', true) });
    await replyPrivately(interaction, renderMessage(presentReverseNoShow(ctx, r).message));
  },
};
