/**
 * A booking that waits for staff approval and reaches its start time unapproved is declined by the
 * system, so its time is freed and the customer is not left waiting; so is an emergency request no
 * one squeezed in by the end of the vendor's day. Run by the sweeper's approval_timeout job, planned
 * when the booking or request is made.
 */
import type { Config } from '../config/schema.js';
import type { Tx } from '../ports/store.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCard } from '../notifications/booking-card.js';


export async function expireApproval(tx: Tx, config: Config, bookingId: string, now: Date): Promise<boolean> {
  const before = await tx.bookings.get(bookingId);
  const declined = await tx.bookings.transition(bookingId, ['pending_approval', 'emergency_requested'], { status: 'declined' });
  if (!declined || !before) return false;
  const emergency = before.status === 'emergency_requested';
  await tx.bookings.releaseCells(bookingId);
  await recordAudit(tx, now, { kind: 'system' }, 'booking', bookingId, 'declined', { reason: 'approval_timeout' });
  const card = await loadCard(tx, config, declined, now);
  await tx.outbox.enqueue([
    {
      recipient: { to: 'staff' },
      bookingId,
      notice: { type: 'staff_booking_cancelled', booking: { ...card, zone: config.vendor.zone }, by: 'system', reason: null, reasonCode: emergency ? 'emergency_timeout' : 'approval_timeout' },
      dueAt: now,
    },
    {
      recipient: { to: 'member', memberId: declined.memberId },
      bookingId,
      notice: emergency
        ? { type: 'emergency_declined', booking: card, reason: null, reasonCode: 'emergency_timeout' }
        : { type: 'booking_declined', booking: card, reason: null, reasonCode: 'approval_timeout' },
      dueAt: now,
    },
    // The pending message's "Cancel request" no longer applies (an emergency request has no buttons).
    ...(emergency ? [] : [{ recipient: { to: 'member' as const, memberId: declined.memberId }, bookingId, notice: { type: 'actions_expired' as const, booking: card, why: 'declined' as const }, dueAt: now }]),
  ]);
  return true;
}
