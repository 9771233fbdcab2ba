/** A person's upcoming sessions (their company's, when linked), each saying whether it can still change. */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { canChange } from '../policy/change-window.js';
import { resolveMember, zoneOf } from '../companies/resolve-member.js';
import { bookingCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';

export interface SessionItem {
  booking: BookingCard;
  canChange: boolean;
}

export type ListSessionsResult = { kind: 'sessions'; zone: string; sessions: SessionItem[] };

export function listSessions(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('listSessions', z.object({ caller: callerSchema }), deps, (input) =>
    store.transaction(async (tx): Promise<ListSessionsResult> => {
      const now = clock.now();
      const member = await resolveMember(tx, input.caller);
      const zone = zoneOf(member, config.vendor.zone);
      const company = member.companyId ? await tx.companies.get(member.companyId) : null;
      const bookings = await tx.bookings.upcomingFor({
        companyId: member.companyId,
        memberId: member.id,
        from: now,
        statuses: ['pending_approval', 'confirmed', 'emergency_requested'],
      });
      return {
        kind: 'sessions',
        zone,
        sessions: bookings.map((b) => ({
          booking: bookingCard(config, b, { member, company, zone, now }),
          canChange: b.status !== 'emergency_requested' && !!b.startsAt && canChange(now, b.startsAt, config.policy.cancelCutoffMinutes),
        })),
      };
    }),
  );
}
