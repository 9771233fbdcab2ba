/**
 * Staff reverse a no-show ("the customer really called in"): the booking counts as attended, the
 * strike it earned is removed, the company's suspension is lifted once the strikes left are below the
 * limit, whichever of its no-shows is reversed (free sessions the suspension cancelled stay
 * cancelled: the time may be taken since), the customer is told, and the reversal is audited with
 * who and why.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';
import type { BookingStatus } from '../model.js';
import { requireStaff, staffActor } from '../booking/staff-only.js';
import { queueSuspensionEnded } from '../notifications/suspension-ended.js';

export const reverseNoShowInput = z.object({
  caller: callerSchema,
  bookingId: z.string().min(1).max(64),
  reason: z.string().trim().min(1, 'say why (e.g. "called the phone line, our mistake")').max(500),
});

export type ReverseNoShowResult =
  | { kind: 'reversed'; booking: BookingCard; by: string; strikeRemoved: boolean; strikes: number | null; suspensionLifted: boolean }
  | { kind: 'not_no_show'; status: BookingStatus }
  | { kind: 'not_found' }
  | { kind: 'not_allowed' };

export function reverseNoShow(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('reverseNoShow', reverseNoShowInput, deps, (input) =>
    store.transaction(async (tx): Promise<ReverseNoShowResult> => {
      const now = clock.now();
      const staff = await requireStaff(tx, config, input.caller, now, 'reverse_no_show', input.bookingId);
      if (!staff) return { kind: 'not_allowed' };
      // Buttons carry the id; a typed command carries the reference staff read on the card ("sk-7kq4m" too).
      const booking = (await tx.bookings.get(input.bookingId)) ?? (await tx.bookings.findByReference(input.bookingId.trim().toUpperCase()));
      if (!booking) return { kind: 'not_found' };
      const attended = await tx.bookings.transition(booking.id, ['no_show'], { status: 'confirmed', joinedAt: booking.startsAt ?? now, joinedVia: 'staff_phone' });
      if (!attended) return { kind: 'not_no_show', status: booking.status };
      const actor = staffActor(staff, input.caller);
      await recordAudit(tx, now, actor, 'booking', booking.id, 'no_show_reversed', { reason: input.reason, staffName: staff.name });
      // The session is over: its follow-ups already ran; nothing is planned again.
      await tx.jobs.voidPending(booking.id);

      let strikeRemoved = false;
      let suspensionLifted = false;
      let strikes: number | null = null;
      let companyName: string | null = null;
      if (booking.companyId) {
        // Only the strikes since the last reinstatement count: one the reinstatement cleared is gone already,
        // and reversing its no-show must not take away a newer strike (nor lift a newer suspension).
        const history = await tx.audit.history('strike', booking.companyId);
        const current = history.slice(history.map((e) => e.action).lastIndexOf('strikes_cleared') + 1);
        const earned = current.some((e) => e.action === 'strike_added' && e.details.bookingId === booking.id);
        const already = current.some((e) => e.action === 'strike_removed' && e.details.bookingId === booking.id);
        let company = (await tx.companies.get(booking.companyId))!;
        companyName = company.name;
        if (earned && !already) {
          const before = company;
          company = await tx.companies.removeStrike(company.id);
          strikeRemoved = company.strikes < before.strikes;
          await recordAudit(tx, now, actor, 'strike', company.id, 'strike_removed', { bookingId: booking.id, reason: input.reason, strikes: company.strikes });
          // Below the limit nothing holds the suspension any more, whichever no-show reached it.
          if (company.suspended && company.strikes < config.policy.strikesToSuspend) {
            suspensionLifted = await tx.companies.unsuspend(company.id, company.suspendedAt);
            if (suspensionLifted) await recordAudit(tx, now, actor, 'company', company.id, 'suspension_lifted', { bookingId: booking.id, reason: input.reason, staffName: staff.name });
          }
        }
        strikes = company.strikes;
      }
      const card = await loadCard(tx, config, attended, now);
      await tx.outbox.enqueue([
        {
          recipient: { to: 'member', memberId: booking.memberId },
          bookingId: booking.id,
          notice: { type: 'no_show_reversed', booking: card, companyName, strikes: strikeRemoved ? strikes : null, strikeLimit: config.policy.strikesToSuspend, suspensionLifted, reason: input.reason },
          dueAt: now,
        },
      ]);
      // Nothing is owed any more: the no-shows that asked for the fee lose their Pay / Record buttons.
      if (suspensionLifted && booking.companyId) await queueSuspensionEnded(tx, booking.companyId, { companyName: companyName!, how: 'lifted', at: now.toISOString() }, now);
      return { kind: 'reversed', booking: { ...card, zone: config.vendor.zone }, by: staff.name, strikeRemoved, strikes, suspensionLifted };
    }),
  );
}
