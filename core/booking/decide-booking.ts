/**
 * Staff approve or decline a booking that waits for approval (and decline an emergency request).
 * The first decision wins: a second press finds the booking already decided and says by whom.
 * The customer is told either way.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';
import type { BookingStatus } from '../model.js';
import type { Tx } from '../ports/store.js';
import { planFollowUps, voidFollowUps } from './follow-ups.js';
import { expireApproval } from './expire-approval.js';
import { requireStaff, staffActor } from './staff-only.js';

/** `expectedSequence`: the booking's sequence as the card showed it; moved since (or otherwise changed), nothing is approved. */
export const approveBookingInput = z.object({ caller: callerSchema, bookingId: z.string().min(1).max(64), expectedSequence: z.number().int().min(0).optional() });
/** `expectedSequence`: as for approve; a request moved since the card showed it is not declined. */
export const declineBookingInput = z.object({ caller: callerSchema, bookingId: z.string().min(1).max(64), reason: z.string().trim().min(1, 'a reason is required').max(500), expectedSequence: z.number().int().min(0).optional() });

export type DecisionResult =
  | { kind: 'approved'; booking: BookingCard; by: string }
  | { kind: 'declined'; booking: BookingCard; by: string; reason: string }
  | { kind: 'already_decided'; status: BookingStatus; by: string | null; at: string | null }
  /** The booking changed (moved) after the card showed it: nothing was decided; a newer card shows it as it is. */
  | { kind: 'changed' }
  | { kind: 'not_found' }
  | { kind: 'not_allowed' };

/** The booking's status now (another staff member may just have changed it) and who decided it. */
export async function alreadyDecided(tx: Tx, bookingId: string, config: CoreDeps['config']) {
  const current = await tx.bookings.get(bookingId);
  return { kind: 'already_decided' as const, status: current!.status, ...(await lastDecision(tx, bookingId, config)) };
}

/** Who made the last decision on a booking, from its audit history. */
export async function lastDecision(tx: Tx, bookingId: string, config: CoreDeps['config']): Promise<{ by: string | null; at: string | null }> {
  const h = await tx.audit.history('booking', bookingId);
  const last = [...h].reverse().find((e) => e.actor.kind === 'staff');
  if (!last || last.actor.kind !== 'staff') return { by: null, at: null };
  const id = last.actor.staffId;
  const named = typeof last.details.staffName === 'string' ? last.details.staffName : null;
  return { by: config.staff.find((s) => s.id === id)?.name ?? named ?? id, at: last.at.toISOString() };
}

export function approveBooking(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('approveBooking', approveBookingInput, deps, (input) =>
    store.transaction(async (tx): Promise<DecisionResult> => {
      const now = clock.now();
      const staff = await requireStaff(tx, config, input.caller, now, 'approve', input.bookingId);
      if (!staff) return { kind: 'not_allowed' };
      const booking = await tx.bookings.get(input.bookingId);
      if (!booking) return { kind: 'not_found' };
      // Too late to approve: its start has come (the approval timeout may not have run yet).
      if (booking.status === 'pending_approval' && booking.startsAt && booking.startsAt.getTime() <= now.getTime()) {
        await expireApproval(tx, config, booking.id, now);
        return alreadyDecided(tx, booking.id, config);
      }
      const sequence = input.expectedSequence;
      if (booking.status === 'pending_approval' && sequence !== undefined && (booking.sequence ?? 0) !== sequence) return { kind: 'changed' };
      const approved = await tx.bookings.transition(booking.id, ['pending_approval'], { status: 'confirmed' }, sequence !== undefined ? { sequence } : undefined);
      if (!approved) {
        const current = await tx.bookings.get(booking.id);
        return current?.status === 'pending_approval' ? { kind: 'changed' } : alreadyDecided(tx, booking.id, config);
      }
      await recordAudit(tx, now, staffActor(staff, input.caller), 'booking', booking.id, 'approved', { staffName: staff.name });
      const card = await loadCard(tx, config, approved, now);
      await tx.outbox.enqueue([{ recipient: { to: 'member', memberId: booking.memberId }, bookingId: booking.id, notice: { type: 'booking_approved', booking: card }, dueAt: now }]);
      await planFollowUps(tx, config, approved, card, now, { earlierChangeButtons: true });
      return { kind: 'approved', booking: { ...card, zone: config.vendor.zone }, by: staff.name };
    }),
  );
}

/** What a decline may still decide: a request waiting for approval, or an emergency waiting for a time. */
const DECIDABLE: BookingStatus[] = ['pending_approval', 'emergency_requested'];

export function declineBooking(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('declineBooking', declineBookingInput, deps, (input) =>
    store.transaction(async (tx): Promise<DecisionResult> => {
      const now = clock.now();
      const staff = await requireStaff(tx, config, input.caller, now, 'decline', input.bookingId);
      if (!staff) return { kind: 'not_allowed' };
      const booking = await tx.bookings.get(input.bookingId);
      if (!booking) return { kind: 'not_found' };
      const sequence = input.expectedSequence;
      if (DECIDABLE.includes(booking.status) && sequence !== undefined && (booking.sequence ?? 0) !== sequence) return { kind: 'changed' };
      const declined = await tx.bookings.transition(booking.id, DECIDABLE, { status: 'declined' }, sequence !== undefined ? { sequence } : undefined);
      if (!declined) {
        // Moved between the read and the update (still undecided), or decided by someone else.
        const current = await tx.bookings.get(booking.id);
        return current && DECIDABLE.includes(current.status) ? { kind: 'changed' } : alreadyDecided(tx, booking.id, config);
      }
      await tx.bookings.releaseCells(booking.id);
      await voidFollowUps(tx, booking.id);
      await recordAudit(tx, now, staffActor(staff, input.caller), 'booking', booking.id, 'declined', { reason: input.reason, staffName: staff.name });
      const card = await loadCard(tx, config, declined, now);
      const type = booking.status === 'emergency_requested' ? ('emergency_declined' as const) : ('booking_declined' as const);
      const toBooker = { to: 'member' as const, memberId: booking.memberId };
      await tx.outbox.enqueue([
        { recipient: toBooker, bookingId: booking.id, notice: { type, booking: card, reason: input.reason }, dueAt: now },
        // The pending message's "Cancel request" no longer applies (an emergency request has no buttons).
        ...(type === 'booking_declined' ? [{ recipient: toBooker, bookingId: booking.id, notice: { type: 'actions_expired' as const, booking: card, why: 'declined' as const }, dueAt: now }] : []),
      ]);
      return { kind: 'declined', booking: { ...card, zone: config.vendor.zone }, by: staff.name, reason: input.reason };
    }),
  );
}
