/**
 * A staff member squeezes an emergency in at a chosen time; the customer is told the exact time.
 * The session may give up buffers around its neighbours but never overlaps another session of the
 * same staff member (the database refuses that). The first staff member to act wins.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { PersonBusyError, SlotTakenError } from '../ports/store.js';
import { occupiedCells } from '../availability/cells.js';
import { squeezeInOptions } from '../availability/squeeze-in.js';
import { withinHours } from '../availability/working-intervals.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCard } from '../notifications/booking-card.js';
import type { BookingCard, SqueezeOption } from '../notifications/types.js';
import type { BookingStatus } from '../model.js';
import { planFollowUps } from './follow-ups.js';
import { requireStaff, staffActor } from './staff-only.js';
import { alreadyDecided } from './decide-booking.js';
import { meetingUrlFor } from './conference.js';

export const squeezeInInput = z.object({
  caller: callerSchema,
  bookingId: z.string().min(1).max(64),
  staffId: z.string().min(1).max(64),
  startsAt: z.coerce.date(),
  /** Staff confirmed a time outside the assignee's hours (after `outside_hours_confirm`). */
  outsideHours: z.boolean().default(false),
});

export type SqueezeInResult =
  | { kind: 'scheduled'; booking: BookingCard; by: string }
  | { kind: 'slot_taken'; options: SqueezeOption[] }
  /** The chosen time is outside the staff member's hours: nothing is booked until staff confirm it (`outsideHours: true`). */
  | { kind: 'outside_hours_confirm'; bookingId: string; staffId: string; staffName: string; startsAt: string; endsAt: string }
  | { kind: 'in_past' }
  | { kind: 'already_decided'; status: BookingStatus; by: string | null; at: string | null }
  | { kind: 'not_found' }
  | { kind: 'not_allowed' };

export function squeezeIn(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('squeezeIn', squeezeInInput, deps, async (input) => {
    try {
      return await store.transaction(async (tx): Promise<SqueezeInResult> => {
        const now = clock.now();
        const staff = await requireStaff(tx, config, input.caller, now, 'squeeze_in', input.bookingId);
        if (!staff) return { kind: 'not_allowed' };
        const booking = await tx.bookings.get(input.bookingId);
        if (!booking) return { kind: 'not_found' };
        if (input.startsAt.getTime() <= now.getTime()) return { kind: 'in_past' };
        const assignee = config.staff.find((s) => s.id === input.staffId);
        if (!assignee) return { kind: 'not_found' };
        const endsAt = new Date(input.startsAt.getTime() + booking.lengthMinutes * 60_000);
        if (!input.outsideHours && booking.status === 'emergency_requested' && !withinHours(assignee, input.startsAt, endsAt)) {
          return { kind: 'outside_hours_confirm', bookingId: booking.id, staffId: assignee.id, staffName: assignee.name, startsAt: input.startsAt.toISOString(), endsAt: endsAt.toISOString() };
        }
        const confirmed = await tx.bookings.transition(booking.id, ['emergency_requested'], {
          status: 'confirmed',
          meetingUrl: config.conference.online.mode === 'per_staff' ? meetingUrlFor(config, assignee, '') : booking.meetingUrl,
        });
        if (!confirmed) return alreadyDecided(tx, booking.id, config);
        const moved = (await tx.bookings.moveTo(booking.id, { from: ['confirmed'], startsAt: null }, { staffId: assignee.id, startsAt: input.startsAt, endsAt, bufferMinutes: 0 }, occupiedCells(input.startsAt, endsAt), { giveUpBuffers: true, memberCells: occupiedCells(input.startsAt, endsAt) }))!;
        await recordAudit(tx, now, staffActor(staff, input.caller), 'booking', booking.id, 'squeezed_in', {
          startsAt: input.startsAt.toISOString(),
          staffId: assignee.id,
          staffName: staff.name,
          ...(input.outsideHours ? { outsideHours: true } : {}),
        });
        const card = await loadCard(tx, config, moved, now);
        await tx.outbox.enqueue([{ recipient: { to: 'member', memberId: booking.memberId }, bookingId: booking.id, notice: { type: 'emergency_scheduled', booking: card }, dueAt: now }]);
        await planFollowUps(tx, config, moved, card, now);
        return { kind: 'scheduled', booking: { ...card, zone: config.vendor.zone }, by: staff.name };
      });
    } catch (e) {
      if (!(e instanceof SlotTakenError) && !(e instanceof PersonBusyError)) throw e;
      const booking = await store.transaction((tx) => tx.bookings.get(input.bookingId));
      const options = await store.transaction((tx) =>
        squeezeInOptions(tx, config, { kind: booking!.kind, lengthMinutes: booking!.lengthMinutes, now: clock.now() }),
      );
      return { kind: 'slot_taken', options } as SqueezeInResult;
    }
  });
}
