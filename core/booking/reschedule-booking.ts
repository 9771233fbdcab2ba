/**
 * Move a session to another time, under the same cutoff as a cancel. The price stays as booked;
 * reminders and checks are voided and planned again for the new time; the customer gets a
 * confirmation and the old messages lose their buttons.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { PersonBusyError, SlotTakenError } from '../ports/store.js';
import { canChange, changeDeadline } from '../policy/change-window.js';
import { checkExact, nearestOpenings } from '../availability/openings.js';
import { bufferCells, occupiedCells } from '../availability/cells.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';
import type { BookingStatus } from '../model.js';
import { loadForCaller, actorOf } from './booking-access.js';
import { planApprovalTimeout, planFollowUps, voidFollowUps } from './follow-ups.js';
import { checkStart, type StartProblem } from './check-start.js';
import { slotViews, type SlotView } from './slot-view.js';
import { meetingUrlFor } from './conference.js';

export const rescheduleBookingInput = z.object({
  caller: callerSchema,
  bookingId: z.string().min(1).max(64),
  startsAt: z.coerce.date(),
});

export type RescheduleBookingResult =
  | { kind: 'rescheduled'; booking: BookingCard; previousStartsAt: string }
  | { kind: 'too_late'; cutoff: string; zone: string }
  | { kind: 'slot_taken'; zone: string; alternatives: SlotView[] }
  | { kind: 'outside_hours'; zone: string; alternatives: SlotView[] }
  | StartProblem
  | { kind: 'not_active'; status: BookingStatus }
  | { kind: 'not_found' }
  | { kind: 'not_allowed' };

const MOVABLE: BookingStatus[] = ['pending_approval', 'confirmed'];

export function rescheduleBooking(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('rescheduleBooking', rescheduleBookingInput, deps, async (input) => {
    for (let attempt = 0; attempt <= config.staff.length; attempt++) {
      try {
        return await store.transaction(async (tx): Promise<RescheduleBookingResult> => {
          const now = clock.now();
          const access = await loadForCaller(tx, config, input.caller, input.bookingId);
          if (access.kind !== 'ok') return access;
          const { booking, member, staff } = access;
          const zone = member.zone ?? config.vendor.zone;
          if (!MOVABLE.includes(booking.status) || !booking.startsAt) return { kind: 'not_active', status: booking.status };
          if (!staff && !canChange(now, booking.startsAt, config.policy.cancelCutoffMinutes)) {
            return { kind: 'too_late', cutoff: changeDeadline(booking.startsAt, config.policy.cancelCutoffMinutes).toISOString(), zone };
          }
          const problem = checkStart(config, { kind: booking.kind, lengthMinutes: booking.lengthMinutes, startsAt: input.startsAt, now });
          if (problem) return problem;
          const check = await checkExact(tx, config, { kind: booking.kind, lengthMinutes: booking.lengthMinutes, start: input.startsAt, excludeBookingId: booking.id });
          if (check.kind !== 'free') {
            const alternatives = slotViews(await nearestOpenings(tx, config, { kind: booking.kind, lengthMinutes: booking.lengthMinutes, around: input.startsAt, now }));
            return { kind: check.kind === 'taken' ? 'slot_taken' : 'outside_hours', zone, alternatives };
          }
          // Keep the same staff member when they are free; otherwise the least-loaded one.
          const staffId = check.staffIds.includes(booking.staffId ?? '') ? booking.staffId! : check.staffIds[Math.min(attempt, check.staffIds.length - 1)]!;
          const endsAt = new Date(input.startsAt.getTime() + booking.lengthMinutes * 60_000);
          // The new time is an ordinary one, checked with the kind's buffer: it keeps that buffer, also
          // for an emergency that was squeezed in without one.
          const bufferMinutes = config.sessionKinds[booking.kind].bufferMinutes;
          const moved = await tx.bookings.moveTo(
            booking.id,
            { from: MOVABLE, startsAt: booking.startsAt },
            { staffId, startsAt: input.startsAt, endsAt, bufferMinutes },
            occupiedCells(input.startsAt, endsAt),
            { bufferCells: bufferCells(endsAt, bufferMinutes), memberCells: occupiedCells(input.startsAt, endsAt) },
          );
          if (!moved) return { kind: 'not_active', status: (await tx.bookings.get(booking.id))!.status };
          const withRoom =
            staffId !== booking.staffId && config.conference.online.mode === 'per_staff'
              ? (await tx.bookings.transition(booking.id, MOVABLE, { meetingUrl: meetingUrlFor(config, config.staff.find((s) => s.id === staffId), '') }))!
              : moved;
          await voidFollowUps(tx, booking.id);
          await recordAudit(tx, now, actorOf(member, staff, input.caller), 'booking', booking.id, 'rescheduled', {
            from: booking.startsAt.toISOString(), to: input.startsAt.toISOString(), staffId,
          });
          const card = await loadCard(tx, config, withRoom, now);
          const toBooker = { to: 'member' as const, memberId: booking.memberId };
          const previousStartsAt = booking.startsAt.toISOString();
          const byColleague = !staff && member.id !== booking.memberId;
          await tx.outbox.enqueue([
            { recipient: toBooker, bookingId: booking.id, notice: { type: 'actions_expired', booking: card, why: 'rescheduled' }, dueAt: now },
            {
              recipient: toBooker,
              bookingId: booking.id,
              notice: { type: 'booking_rescheduled', booking: card, previousStartsAt, ...(byColleague ? { byYou: false, byName: member.displayName } : {}) },
              dueAt: now,
            },
            // "The appointment is for your company": the colleague who moved it gets the confirmation too, in their zone.
            ...(byColleague
              ? [{ recipient: { to: 'member' as const, memberId: member.id }, bookingId: booking.id, notice: { type: 'booking_rescheduled' as const, booking: { ...card, zone }, previousStartsAt, byYou: true, byName: member.displayName }, dueAt: now }]
              : []),
          ]);
          if (withRoom.status === 'confirmed') await planFollowUps(tx, config, withRoom, card, now);
          else {
            // Staff approve the time they see: a waiting request that moved is asked about again.
            await planApprovalTimeout(tx, withRoom);
            await tx.outbox.enqueue([{ recipient: { to: 'staff' }, bookingId: booking.id, notice: { type: 'staff_approval_request', booking: { ...card, zone: config.vendor.zone } }, dueAt: now }]);
          }
          return { kind: 'rescheduled', booking: member.id === booking.memberId ? card : { ...card, zone }, previousStartsAt };
        });
      } catch (e) {
        // The booker holds another session at the new time: not a time this booking can move to.
        if (e instanceof PersonBusyError) break;
        if (!(e instanceof SlotTakenError)) throw e;
      }
    }
    const member = await store.transaction((tx) => tx.members.find(input.caller.platform, input.caller.userId));
    return { kind: 'slot_taken', zone: member?.zone ?? config.vendor.zone, alternatives: [] } as RescheduleBookingResult;
  });
}
