/** One booking as the caller may see it (for "are you sure?" prompts and refreshed messages). */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { canChange } from '../policy/change-window.js';
import { bookingCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';
import { loadForCaller } from './booking-access.js';

export type ViewBookingResult =
  | { kind: 'booking'; booking: BookingCard; canChange: boolean; isStaff: boolean }
  | { kind: 'not_found' }
  | { kind: 'not_allowed' };

export function viewBooking(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('viewBooking', z.object({ caller: callerSchema, bookingId: z.string().min(1).max(64) }), deps, (input) =>
    store.transaction(async (tx): Promise<ViewBookingResult> => {
      const now = clock.now();
      const access = await loadForCaller(tx, config, input.caller, input.bookingId);
      if (access.kind !== 'ok') return access;
      const { booking, member, staff } = access;
      const company = booking.companyId ? await tx.companies.get(booking.companyId) : null;
      const zone = staff ? config.vendor.zone : (member.zone ?? config.vendor.zone);
      const active = booking.status === 'confirmed' || booking.status === 'pending_approval';
      return {
        kind: 'booking',
        booking: bookingCard(config, booking, { member: await tx.members.get(booking.memberId), company, zone, now }),
        canChange: active && !!booking.startsAt && (!!staff || canChange(now, booking.startsAt, config.policy.cancelCutoffMinutes)),
        isStaff: !!staff,
      };
    }),
  );
}
