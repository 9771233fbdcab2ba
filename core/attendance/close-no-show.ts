/**
 * "Sessions / conference calls will close 10 minutes after the scheduled start time if no one from
 * your company has joined online or called the conference line." Run by the sweeper's no-show job.
 * A free (plan) session closed this way is a strike for the company: the first brings a warning,
 * reaching the limit suspends free sessions. Paid sessions close without a strike (and no refund).
 */
import type { Config } from '../config/schema.js';
import type { Tx } from '../ports/store.js';
import { earnsStrike, isFreeSession, toCents } from '../policy/pricing.js';
import { strikeOutcome } from '../policy/strikes.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';
import type { BookingStatus } from '../model.js';
import { voidFollowUps } from '../booking/follow-ups.js';


/**
 * "A payment of $100 will be required to reinstate your online session support": the suspension takes
 * effect at once. The company's upcoming free sessions, and its free emergency requests not yet given
 * a time, are cancelled (time freed, reminders voided),
 * staff are told; the customers are told by the caller, with the reinstatement cost and how to pay.
 */
async function suspensionTakesEffect(tx: Tx, config: Config, companyId: string, causeBookingId: string, strikes: number, now: Date): Promise<Array<{ memberId: string; card: BookingCard }>> {
  await recordAudit(tx, now, { kind: 'system' }, 'company', companyId, 'suspended', { strikes, bookingId: causeBookingId });
  // A free emergency request that staff have not yet given a time is cancelled too: squeezed in
  // after the suspension, it would still be free.
  const active: BookingStatus[] = ['pending_approval', 'confirmed', 'emergency_requested'];
  // Every one of them, not a first page: a free session left over would still be free.
  const upcoming = await tx.bookings.upcomingFor({ companyId, memberId: '', from: now, statuses: active, limit: 100_000 });
  const out: Array<{ memberId: string; card: BookingCard }> = [];
  for (const b of upcoming) {
    if ((!b.startsAt && b.status !== 'emergency_requested') || !isFreeSession(b)) continue;
    const cancelled = await tx.bookings.transition(b.id, active, { status: 'cancelled' });
    if (!cancelled) continue;
    await tx.bookings.releaseCells(b.id);
    await voidFollowUps(tx, b.id);
    await recordAudit(tx, now, { kind: 'system' }, 'booking', b.id, 'cancelled', { reason: 'suspended', causeBookingId });
    const card = await loadCard(tx, config, cancelled, now);
    await tx.outbox.enqueue([
      { recipient: { to: 'member', memberId: b.memberId }, bookingId: b.id, notice: { type: 'actions_expired', booking: card, why: 'cancelled' }, dueAt: now },
      // Chat says it in the suspension notice; an email reader gets the cancel with its calendar file, so
      // the invite leaves their calendar (without mail, nothing: the store would keep it as a chat row).
      ...(config.mail ? [{ recipient: { to: 'member' as const, memberId: b.memberId }, bookingId: b.id, notice: { type: 'booking_cancelled' as const, booking: card, by: 'staff' as const, reason: null, reasonCode: 'suspended' as const, refunded: false }, dueAt: now, only: 'email' as const }] : []),
      { recipient: { to: 'staff' }, bookingId: b.id, notice: { type: 'staff_booking_cancelled', booking: { ...card, zone: config.vendor.zone }, by: 'system', reason: null, reasonCode: 'suspended' }, dueAt: now },
    ]);
    out.push({ memberId: b.memberId, card });
  }
  return out;
}

export type NoShowCheck = 'attended' | 'closed' | 'not_applicable';

/** `payOnline`: the reinstatement fee can be paid online (a payment provider is on): the suspension notice offers it. */
export async function closeIfNoShow(tx: Tx, config: Config, bookingId: string, now: Date, opts: { payOnline?: boolean } = {}): Promise<NoShowCheck> {
  const booking = await tx.bookings.get(bookingId);
  if (!booking || booking.status !== 'confirmed') return 'not_applicable';
  if (booking.joinedAt) return 'attended';
  // Only if still nobody joined: a join committed since the read above wins.
  const closed = await tx.bookings.transition(booking.id, ['confirmed'], { status: 'no_show' }, { onlyIfNotJoined: true });
  if (!closed) return 'not_applicable';
  // The rest of the slot is free again: staff may squeeze someone into it.
  await tx.bookings.releaseCells(booking.id);
  const system = { kind: 'system' as const };
  await recordAudit(tx, now, system, 'booking', booking.id, 'closed_no_show');
  await tx.outbox.voidPending(booking.id, ['reminder']);

  let strikes: number | null = null;
  let suspended = false;
  const toBooker = { to: 'member' as const, memberId: booking.memberId };
  const card = await loadCard(tx, config, closed, now);
  const limit = config.policy.strikesToSuspend;
  const messages = [];
  if (booking.companyId && earnsStrike(booking, config.policy.noShowStrikes)) {
    const company = await tx.companies.addStrike(booking.companyId);
    const outcome = strikeOutcome(company.strikes, limit);
    strikes = outcome.strikes;
    await recordAudit(tx, now, system, 'strike', company.id, 'strike_added', { bookingId: booking.id, strikes });
    // At the limit the company is suspended; only the no-show that suspends it tells the customers. A
    // further no-show while suspended (a free session that was already under way when the suspension
    // took effect is not cancelled by it) counts, but does not send the suspension notice again.
    if (outcome.kind === 'suspended') {
      suspended = true;
    }
    if (outcome.kind === 'suspended' && (await tx.companies.suspend(company.id, now))) {
      const cancelled = await suspensionTakesEffect(tx, config, company.id, booking.id, strikes, now);
      const notice = {
        type: 'suspended' as const,
        companyName: company.name,
        feeCents: toCents(config.policy.reinstatementFee, config.vendor.currency),
        currency: config.vendor.currency,
        cancelled: cancelled.filter((c) => c.memberId === booking.memberId).map((c) => c.card),
        paymentInstructions: config.payment.instructions ?? null,
        ...(opts.payOnline ? { payOnline: true } : {}),
      };
      messages.push({ recipient: toBooker, bookingId: booking.id, notice, dueAt: now });
      // Colleagues whose free sessions were cancelled are told too, each with theirs.
      const others = new Map<string, BookingCard[]>();
      for (const c of cancelled) if (c.memberId !== booking.memberId) others.set(c.memberId, [...(others.get(c.memberId) ?? []), c.card]);
      for (const [memberId, cards] of others) {
        messages.push({ recipient: { to: 'member' as const, memberId }, bookingId: booking.id, notice: { ...notice, cancelled: cards }, dueAt: now });
      }
    }
    // Below the limit the no-show notice itself carries the count and the warning: no second
    // "strike_warning" message repeating "1 of 2" (that type stays only for rows already queued).
  }
  await tx.outbox.enqueue([
    { recipient: toBooker, bookingId: booking.id, notice: { type: 'no_show_closed', booking: card, strikes, strikeLimit: limit, reinstatementCents: toCents(config.policy.reinstatementFee, config.vendor.currency) }, dueAt: now },
    ...messages,
    { recipient: toBooker, bookingId: booking.id, notice: { type: 'actions_expired', booking: card, why: 'closed' }, dueAt: now },
    { recipient: { to: 'staff' }, bookingId: booking.id, notice: { type: 'staff_no_show', booking: { ...card, zone: config.vendor.zone }, strikes, suspended }, dueAt: now },
  ]);
  return 'closed';
}
