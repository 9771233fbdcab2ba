/**
 * Cancel a session. Customers (any member of the booking's company) may cancel until the cutoff,
 * 65 minutes before the start by default; after it the answer is `too_late` with the exact cutoff.
 * Staff may cancel at any time, with a reason the customer is told. Paid sessions are not refunded.
 * Each cancel is confirmed back to the customer, and the staff channel is told.
 *
 * `expectedSequence`: the booking's sequence as the confirm step showed it. When the booking changed
 * since (moved, approved, …: each change raises it), nothing is cancelled and the answer is
 * `changed`: the person confirmed a time that is no longer the booking's.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { canChange, changeDeadline } from '../policy/change-window.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';
import type { BookingStatus } from '../model.js';
import { loadForCaller, actorOf } from './booking-access.js';
import { voidFollowUps } from './follow-ups.js';
import { requireStaff } from './staff-only.js';
import type { Tx } from '../ports/store.js';

export const cancelBookingInput = z.object({
  caller: callerSchema,
  bookingId: z.string().min(1).max(64),
  reason: z.string().max(500).optional(),
  expectedSequence: z.number().int().min(0).optional(),
});

export type CancelBookingResult =
  /** `refunded`: staff cancelled a paid session and the vendor refunds those (`payment.staffCancelPaid: refund`). */
  | { kind: 'cancelled'; booking: BookingCard; refunded: boolean; byStaff: boolean }
  | { kind: 'too_late'; cutoff: string; zone: string }
  | { kind: 'not_active'; status: BookingStatus }
  /** The booking changed after the confirm step showed it (`expectedSequence`): nothing was cancelled. */
  | { kind: 'changed' }
  | { kind: 'not_found' }
  | { kind: 'not_allowed' };

const ACTIVE: BookingStatus[] = ['pending_approval', 'confirmed', 'emergency_requested'];

export function cancelBooking(deps: CoreDeps) {
  const { store, clock } = deps;
  return useCase('cancelBooking', cancelBookingInput, deps, (input) => store.transaction((tx) => cancelIn(deps, tx, input, clock.now())));
}

export const staffCancelBookingInput = cancelBookingInput;

/**
 * A staff cancel (from a staff card or the day list): staff only, decided here rather than by which
 * button a platform showed. A caller who is not staff is refused and the attempt audited; staff may
 * cancel at any time, and the customer reads the reason (none given: "cancelled by our staff").
 */
export function staffCancelBooking(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('staffCancelBooking', staffCancelBookingInput, deps, (input) =>
    store.transaction(async (tx): Promise<CancelBookingResult> => {
      const now = clock.now();
      if (!(await requireStaff(tx, config, input.caller, now, 'staffCancelBooking', input.bookingId))) return { kind: 'not_allowed' };
      return cancelIn(deps, tx, input, now);
    }),
  );
}

async function cancelIn(deps: CoreDeps, tx: Tx, input: z.output<typeof cancelBookingInput>, now: Date): Promise<CancelBookingResult> {
      const { config } = deps;
      const access = await loadForCaller(tx, config, input.caller, input.bookingId);
      if (access.kind !== 'ok') return access;
      const { booking, member, staff } = access;
      if (!ACTIVE.includes(booking.status)) return { kind: 'not_active', status: booking.status };
      const sequence = input.expectedSequence;
      if (sequence !== undefined && (booking.sequence ?? 0) !== sequence) return { kind: 'changed' };
      if (!staff && booking.startsAt && !canChange(now, booking.startsAt, config.policy.cancelCutoffMinutes)) {
        return { kind: 'too_late', cutoff: changeDeadline(booking.startsAt, config.policy.cancelCutoffMinutes).toISOString(), zone: member.zone ?? config.vendor.zone };
      }
      const cancelled = await tx.bookings.transition(booking.id, ACTIVE, { status: 'cancelled' }, sequence !== undefined ? { sequence } : undefined);
      if (!cancelled) {
        // Someone else changed it between the read and the update: ended, or only moved.
        const current = (await tx.bookings.get(booking.id))!;
        return ACTIVE.includes(current.status) ? { kind: 'changed' } : { kind: 'not_active', status: current.status };
      }
      await tx.bookings.releaseCells(booking.id);
      await voidFollowUps(tx, booking.id);
      // No reason given by staff: the presenter says "cancelled by our staff" in the reader's language.
      const reason = input.reason?.trim() || null;
      await recordAudit(tx, now, actorOf(member, staff, input.caller), 'booking', booking.id, 'cancelled', { reason, priceCents: booking.priceCents });

      const card = await loadCard(tx, config, cancelled, now);
      const by = staff ? ('staff' as const) : ('customer' as const);
      // A staff cancel of a paid session says what the vendor does (payment.staffCancelPaid); the customer's own cancel refunds nothing.
      const refunded = !!staff && booking.priceCents > 0 && config.payment.staffCancelPaid === 'refund';
      const toBooker = { to: 'member' as const, memberId: booking.memberId };
      const messages = [
        {
          recipient: toBooker,
          bookingId: booking.id,
          notice: { type: 'booking_cancelled' as const, booking: card, by, reason, refunded, byYou: !staff && member.id === booking.memberId, byName: staff ? null : member.displayName },
          dueAt: now,
        },
        { recipient: toBooker, bookingId: booking.id, notice: { type: 'actions_expired' as const, booking: card, why: 'cancelled' as const }, dueAt: now },
        { recipient: { to: 'staff' as const }, bookingId: booking.id, notice: { type: 'staff_booking_cancelled' as const, booking: { ...card, zone: config.vendor.zone }, by, reason }, dueAt: now },
      ];
      if (!staff && member.id !== booking.memberId) {
        // A colleague cancelled: they get the confirmation too, in their own zone.
        messages.push({ recipient: { to: 'member', memberId: member.id }, bookingId: booking.id, notice: { type: 'booking_cancelled', booking: { ...card, zone: member.zone ?? config.vendor.zone }, by, reason, refunded: false, byYou: true, byName: member.displayName }, dueAt: now });
      }
      await tx.outbox.enqueue(messages);
      const callerCard = staff ? { ...card, zone: config.vendor.zone } : member.id === booking.memberId ? card : { ...card, zone: member.zone ?? config.vendor.zone };
      return { kind: 'cancelled', booking: callerCard, refunded, byStaff: !!staff };
}
