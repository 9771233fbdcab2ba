/** Staff buttons: approval and emergency cards, and /today. Core decides who is staff and audits refusals. */
import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { ComponentHandler } from '../interaction-router.js';
import { callerOf, type DiscordDeps } from '../caller.js';
import { A, bookingId as idFor, prefix, readId } from '../ids.js';
import { decodeIntent } from '../../shared/present/intents.js';
import { personContext, reinstatedStaffNote, staffContext, ts } from '../../shared/present/index.js';
import { presentCompanyAdmin, presentHistory as historyMessage, presentSqueeze as presentSharedSqueeze } from '../../shared/present/results.js';
import { renderMessage } from '../render/index.js';
import { textModal } from '../kit.js';
import { NOT_STAFF, presentCancel, presentDecision, presentHistory, presentMarkJoined, presentSqueeze, type Decided } from '../present.js';
import { refuse } from '../reply-error.js';
import { answerPrivately, replaceMessage } from './respond.js';

const STALE = 'This action is no longer available. Please start again.';

async function settle(i: ButtonInteraction | ModalSubmitInteraction, d: Decided, logger: Parameters<typeof refuse>[2]): Promise<void> {
  if ('edit' in d) await replaceMessage(i, d.edit);
  else await refuse(i, d.ephemeral, logger);
}

export const staffComponents: ComponentHandler<DiscordDeps>[] = [
  {
    // The no-show note of a suspended company: record the reinstatement payment; the note loses its button.
    kind: 'button',
    prefix: prefix(A.reinstate),
    async handle(i, { core, config, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      const caller = callerOf(i);
      const ctx = personContext(config, i.locale);
      // bookingHistory is staff-only and names the booking's company.
      const h = await core.bookingHistory({ caller, bookingId: id });
      if (h.kind !== 'history') return void (await answerPrivately(i, renderMessage(historyMessage(ctx, h, config.vendor.zone).message)));
      if (!h.booking.companyName) return refuse(i, ts(ctx.lang, 'company.noCompany'), logger);
      const r = await core.recordReinstatement({ caller, name: h.booking.companyName });
      // The amount is core's (the payment recordReinstatement recorded), not computed here.
      if (r.kind !== 'company' || !r.payment) return void (await answerPrivately(i, renderMessage(presentCompanyAdmin(ctx, r, config.vendor.zone).message)));
      const by = [{ t: 'mention' as const, platform: 'discord' as const, userId: i.user.id, name: i.user.username }];
      await replaceMessage(i, renderMessage(reinstatedStaffNote(staffContext(config), h.booking, by, core.clock.now().toISOString(), r.payment.amountCents)));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.approve),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      await settle(i, presentDecision(await core.approveBooking({ caller: callerOf(i), bookingId: id })), logger);
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.decline),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      // A modal cannot be refused after it is filled in; core still checks (and audits) at submit.
      if (!core.isStaff(callerOf(i))) return refuse(i, NOT_STAFF, logger);
      await i.showModal(textModal(idFor(A.declineModal, id), 'Decline', { id: 'reason', label: 'Reason (the customer sees it)', long: true, max: 500 }));
    },
  },
  {
    kind: 'modal',
    prefix: prefix(A.declineModal),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      await settle(i, presentDecision(await core.declineBooking({ caller: callerOf(i), bookingId: id, reason: i.fields.getTextInputValue('reason') })), logger);
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.squeeze),
    async handle(i, { core, config, logger }) {
      const parsed = decodeIntent(i.customId);
      if (parsed?.do !== 'squeeze') return refuse(i, STALE, logger);
      const r = await core.squeezeIn({ caller: callerOf(i), bookingId: parsed.bookingId, staffId: parsed.staffId, startsAt: new Date(parsed.startsAt), outsideHours: parsed.outsideHours === true });
      if (r.kind === 'outside_hours_confirm') {
        return void (await answerPrivately(i, renderMessage(presentSharedSqueeze(staffContext(config), r, config.vendor.zone).message)));
      }
      await settle(i, presentSqueeze(r), logger);
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.joined),
    async handle(i, { core, logger }) {
      const parsed = readId(i.customId);
      if (!parsed?.bookingId || (parsed.arg !== 'online' && parsed.arg !== 'phone')) return refuse(i, STALE, logger);
      await answerPrivately(i, presentMarkJoined(await core.markJoined({ caller: callerOf(i), bookingId: parsed.bookingId, via: parsed.arg })));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.staffCancel),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      if (!core.isStaff(callerOf(i))) return refuse(i, NOT_STAFF, logger);
      await i.showModal(textModal(idFor(A.staffCancelModal, id), 'Cancel the session', { id: 'reason', label: 'Reason (the customer sees it)', long: true, max: 500 }));
    },
  },
  {
    kind: 'modal',
    prefix: prefix(A.staffCancelModal),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      const caller = callerOf(i);
      if (!core.isStaff(caller)) return refuse(i, NOT_STAFF, logger);
      await answerPrivately(i, presentCancel(await core.cancelBooking({ caller, bookingId: id, reason: i.fields.getTextInputValue('reason') })));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.history),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      await answerPrivately(i, presentHistory(await core.bookingHistory({ caller: callerOf(i), bookingId: id })));
    },
  },
];
