/**
 * What happens around a confirmed session, written as rows at the moment it is confirmed: the
 * reminders (outbox rows due 24 h and 2 h before), the end of the change window and the no-show
 * check (job rows). Cancelling or moving the booking voids them; moving plans them again.
 */
import type { Config } from '../config/schema.js';
import type { Booking } from '../model.js';
import type { Tx } from '../ports/store.js';
import type { BookingCard } from '../notifications/types.js';
import { plannedJobs, plannedReminders } from '../policy/schedule-plan.js';

export async function planFollowUps(tx: Tx, config: Config, booking: Booking, card: BookingCard, now: Date, opts: { earlierChangeButtons?: boolean } = {}): Promise<void> {
  const startsAt = booking.startsAt!;
  await tx.outbox.enqueue(
    plannedReminders(startsAt, now, config.policy.reminderMinutesBefore).map((r) => ({
      recipient: { to: 'member' as const, memberId: booking.memberId },
      bookingId: booking.id,
      notice: { type: 'reminder' as const, booking: card, minutesBefore: r.minutesBefore },
      dueAt: r.dueAt,
    })),
  );
  await tx.jobs.schedule(plannedJobs(startsAt, now, config.policy, opts).map((j) => ({ bookingId: booking.id, ...j })));
}

/** A booking waiting for approval is declined by the system if still waiting at its start. */
export async function planApprovalTimeout(tx: Tx, booking: Booking): Promise<void> {
  await tx.jobs.schedule([{ bookingId: booking.id, type: 'approval_timeout', dueAt: booking.startsAt! }]);
}

/** Voids a booking's pending reminders and jobs (cancel, decline, reschedule). */
export async function voidFollowUps(tx: Tx, bookingId: string): Promise<void> {
  await tx.outbox.voidPending(bookingId, ['reminder']);
  await tx.jobs.voidPending(bookingId);
}
