/**
 * "Sessions / conference calls will close 10 minutes after the scheduled start time if no one from
 * your company has joined online or called the conference line." Run by the sweeper's no-show job.
 * A free (plan) session closed this way is a strike for the company: the first brings a warning,
 * reaching the limit suspends free sessions. Paid sessions close without a strike (and no refund).
 */
import type { Config } from '../config/schema.js';
import type { Tx } from '../ports/store.js';
import { earnsStrike, toCents } from '../policy/pricing.js';
import { strikeOutcome } from '../policy/strikes.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCard } from '../notifications/booking-card.js';

export type NoShowCheck = 'attended' | 'closed' | 'not_applicable';

export async function closeIfNoShow(tx: Tx, config: Config, bookingId: string, now: Date): Promise<NoShowCheck> {
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
    if (outcome.kind === 'suspended') {
      suspended = true;
      if (!company.suspended) {
        await tx.companies.update(company.id, { suspended: true });
        await recordAudit(tx, now, system, 'company', company.id, 'suspended', { strikes });
      }
      messages.push({ recipient: toBooker, bookingId: booking.id, notice: { type: 'suspended' as const, companyName: company.name, feeCents: toCents(config.policy.reinstatementFee), currency: config.vendor.currency }, dueAt: now });
    }
    // Below the limit the no-show notice itself carries the count and the warning: no second
    // "strike_warning" message repeating "1 of 2" (that type stays only for rows already queued).
  }
  await tx.outbox.enqueue([
    { recipient: toBooker, bookingId: booking.id, notice: { type: 'no_show_closed', booking: card, strikes, strikeLimit: limit, reinstatementCents: toCents(config.policy.reinstatementFee) }, dueAt: now },
    ...messages,
    { recipient: toBooker, bookingId: booking.id, notice: { type: 'actions_expired', booking: card, why: 'closed' }, dueAt: now },
    { recipient: { to: 'staff' }, bookingId: booking.id, notice: { type: 'staff_no_show', booking: { ...card, zone: config.vendor.zone }, strikes, suspended }, dueAt: now },
  ]);
  return 'closed';
}
