/**
 * Staff buttons: approval and emergency cards, /today's rows, the no-show note. Core decides who is
 * staff (a configured identity or the staff role), refuses and audits everyone else; a decided card
 * is redrawn by the shared presenter in the vendor's language, answers to the presser in theirs.
 */
import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { BookingCard } from '../../../core/index.js';
import type { ComponentHandler, HandlerContext } from '../interaction-router.js';
import { callerOf, contextOf, zoneOfCaller, type DiscordDeps } from '../caller.js';
import { A, bookingId as idFor, prefix, readId } from '../ids.js';
import { decodeIntent, readSequence } from '../../shared/present/intents.js';
import { decidedStaffCard, reinstatedStaffNote, staffContext, t, ts, type Decision } from '../../shared/present/index.js';
import { say } from '../../shared/present/booking.js';
import { notAllowed, presentCompanyAdmin, presentDecision, presentHistory, presentMarkJoined, presentSqueeze, presentStaffCancel, type Presentation } from '../../shared/present/results.js';
import { renderMessage } from '../render/index.js';
import { textModal } from '../kit.js';
import { answerPrivately, bookingOf, refuseStale, replaceMessage } from './respond.js';

type Ctx = HandlerContext<DiscordDeps>;


/** An answer to the presser alone, in their language; `zone`: the one they read times in. */
async function privately(i: ButtonInteraction | ModalSubmitInteraction, { core, config }: Ctx, present: (ctx: Awaited<ReturnType<typeof contextOf>>, zone: string) => Presentation): Promise<void> {
  const ctx = await contextOf(core, config, i);
  await answerPrivately(i, renderMessage(present(ctx, await zoneOfCaller(core, config, callerOf(i))).message));
}

/** The card the button sat on, decided: what happened, by whom and when, no buttons left. */
function decided(i: ButtonInteraction | ModalSubmitInteraction, { core, config }: Ctx, card: BookingCard, d: Decision): Promise<unknown> {
  return replaceMessage(i, renderMessage(decidedStaffCard(staffContext(config), card, d, core.clock.now().toISOString())));
}

/** Modals cannot be refused once filled in, so a customer is refused before one opens (core still checks, and audits, at submit). */
async function staffModal(i: ButtonInteraction, ctx: Ctx, customId: string, which: 'decline' | 'staff_cancel'): Promise<void> {
  const pctx = await contextOf(ctx.core, ctx.config, i);
  if (!ctx.core.isStaff(callerOf(i))) return void (await answerPrivately(i, renderMessage(notAllowed(pctx).message)));
  await i.showModal(textModal(customId, ts(pctx.lang, 'modal.title', { which }), { id: 'reason', label: ts(pctx.lang, 'modal.reason'), long: true, max: 500 }));
}

/** A sequence as a modal id's arg (none on a button drawn before it was carried). */
const sequenceArg = (sequence: number | undefined): string | undefined => (sequence === undefined ? undefined : String(sequence));

/**
 * The booking a reason modal was opened for, and its sequence as the button showed it (core acts on
 * nothing changed since); null once the presser was told the modal is no longer available.
 */
async function shownBooking(i: ModalSubmitInteraction, ctx: Ctx): Promise<{ bookingId: string; expected: { expectedSequence?: number } } | null> {
  const id = readId(i.customId);
  const sequence = readSequence(id?.arg);
  if (!id?.bookingId || sequence === null) {
    await refuseStale(i, ctx);
    return null;
  }
  return { bookingId: id.bookingId, expected: sequence === undefined ? {} : { expectedSequence: sequence } };
}

export const staffComponents: ComponentHandler<DiscordDeps>[] = [
  {
    // The no-show note of a suspended company: record the reinstatement payment; the note loses its button.
    kind: 'button',
    prefix: prefix(A.reinstate),
    async handle(i, ctx) {
      const id = await bookingOf(i, ctx);
      if (!id) return;
      const { core, config } = ctx;
      const caller = callerOf(i);
      const pctx = await contextOf(core, config, i);
      // bookingHistory is staff-only and names the booking's company.
      const h = await core.bookingHistory({ caller, bookingId: id });
      if (h.kind !== 'history') return void (await answerPrivately(i, renderMessage(presentHistory(pctx, h, config.vendor.zone).message)));
      if (!h.booking.companyName) return void (await answerPrivately(i, renderMessage(say(pctx, 'person', t(pctx.lang, 'company.noCompany')))));
      const r = await core.recordReinstatement({ caller, name: h.booking.companyName });
      // The amount is core's (the payment recordReinstatement recorded), not computed here.
      if (r.kind !== 'company' || !r.payment) return void (await answerPrivately(i, renderMessage(presentCompanyAdmin(pctx, r, config.vendor.zone).message)));
      const by = [{ t: 'mention' as const, platform: 'discord' as const, userId: i.user.id, name: i.user.username }];
      await replaceMessage(i, renderMessage(reinstatedStaffNote(staffContext(config), h.booking, by, core.clock.now().toISOString(), r.payment.amountCents)));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.approve),
    async handle(i, ctx) {
      // The booking as the card showed it (its sequence): core approves nothing if it moved since.
      const approve = decodeIntent(i.customId);
      if (approve?.do !== 'approve') return refuseStale(i, ctx);
      const r = await ctx.core.approveBooking({ caller: callerOf(i), bookingId: approve.bookingId, ...(approve.sequence !== undefined ? { expectedSequence: approve.sequence } : {}) });
      if (r.kind === 'approved') return void (await decided(i, ctx, r.booking, { kind: 'approved', by: r.by }));
      await privately(i, ctx, (c, zone) => presentDecision(c, r, zone));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.decline),
    async handle(i, ctx) {
      // The modal carries the booking's sequence as the card showed it on to the submit.
      const decline = decodeIntent(i.customId);
      if (decline?.do !== 'decline') return refuseStale(i, ctx);
      await staffModal(i, ctx, idFor(A.declineModal, decline.bookingId, sequenceArg(decline.sequence)), 'decline');
    },
  },
  {
    kind: 'modal',
    prefix: prefix(A.declineModal),
    async handle(i, ctx) {
      const shown = await shownBooking(i, ctx);
      if (!shown) return;
      const r = await ctx.core.declineBooking({ caller: callerOf(i), bookingId: shown.bookingId, reason: i.fields.getTextInputValue('reason'), ...shown.expected });
      if (r.kind === 'declined') return void (await decided(i, ctx, r.booking, { kind: 'declined', by: r.by, reason: r.reason }));
      await privately(i, ctx, (c, zone) => presentDecision(c, r, zone));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.squeeze),
    async handle(i, ctx) {
      const parsed = decodeIntent(i.customId);
      if (parsed?.do !== 'squeeze') return refuseStale(i, ctx);
      const r = await ctx.core.squeezeIn({ caller: callerOf(i), bookingId: parsed.bookingId, staffId: parsed.staffId, startsAt: new Date(parsed.startsAt), outsideHours: parsed.outsideHours === true });
      if (r.kind === 'scheduled') return void (await decided(i, ctx, r.booking, { kind: 'scheduled', by: r.by }));
      // Outside the assignee's hours: nothing is booked; the presser confirms it apart.
      await privately(i, ctx, (c, zone) => presentSqueeze(c, r, zone));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.joined),
    async handle(i, ctx) {
      const parsed = decodeIntent(i.customId);
      if (parsed?.do !== 'joined') return refuseStale(i, ctx);
      const r = await ctx.core.markJoined({ caller: callerOf(i), bookingId: parsed.bookingId, via: parsed.via });
      await privately(i, ctx, (c) => presentMarkJoined(c, r));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.staffCancel),
    async handle(i, ctx) {
      const cancel = decodeIntent(i.customId);
      if (cancel?.do !== 'staff-cancel') return refuseStale(i, ctx);
      await staffModal(i, ctx, idFor(A.staffCancelModal, cancel.bookingId, sequenceArg(cancel.sequence)), 'staff_cancel');
    },
  },
  {
    // core's staff cancel: it refuses anyone who is not staff (not_allowed) and tells the customer why.
    kind: 'modal',
    prefix: prefix(A.staffCancelModal),
    async handle(i, ctx) {
      const shown = await shownBooking(i, ctx);
      if (!shown) return;
      const reason = i.fields.getTextInputValue('reason');
      const r = await ctx.core.staffCancelBooking({ caller: callerOf(i), bookingId: shown.bookingId, ...(reason ? { reason } : {}), ...shown.expected });
      await privately(i, ctx, (c) => presentStaffCancel(c, r));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.history),
    async handle(i, ctx) {
      const id = await bookingOf(i, ctx);
      if (!id) return;
      const r = await ctx.core.bookingHistory({ caller: callerOf(i), bookingId: id });
      await privately(i, ctx, (c, zone) => presentHistory(c, r, zone));
    },
  },
];
