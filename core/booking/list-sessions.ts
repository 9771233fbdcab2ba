/** A person's upcoming sessions (their company's, when linked), each saying whether it can still change. */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { canChange } from '../policy/change-window.js';
import { JOIN_OPENS_MINUTES_BEFORE } from '../attendance/record-join.js';
import { resolveMember, zoneOf } from '../companies/resolve-member.js';
import { bookingCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';

export interface SessionItem {
  booking: BookingCard;
  canChange: boolean;
  /** Started and not ended yet: listed until its end. */
  inProgress: boolean;
  /** The join link counts now (from 30 minutes before the start until the close, or until the end once someone joined). */
  joinOpen: boolean;
}

/**
 * `sessions`: the soonest SESSIONS_SHOWN; `more`: how many come after them. Five fit every platform
 * with their buttons (Discord: five rows of buttons a message; Slack: 50 blocks).
 */
export type ListSessionsResult = { kind: 'sessions'; zone: string; sessions: SessionItem[]; more: number };

export const SESSIONS_SHOWN = 5;

export function listSessions(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('listSessions', z.object({ caller: callerSchema }), deps, (input) =>
    store.transaction(async (tx): Promise<ListSessionsResult> => {
      const now = clock.now();
      const member = await resolveMember(tx, input.caller);
      const zone = zoneOf(member, config.vendor.zone);
      const company = member.companyId ? await tx.companies.get(member.companyId) : null;
      // Sessions in progress stay listed until their end: look back by the longest session.
      const longest = Math.max(...config.sessionKinds.online.lengths, ...config.sessionKinds.phone.lengths);
      const bookings = (
        await tx.bookings.upcomingFor({
          companyId: member.companyId,
          memberId: member.id,
          from: new Date(now.getTime() - longest * 60_000),
          statuses: ['pending_approval', 'confirmed', 'emergency_requested'],
        })
      ).filter((b) => !b.startsAt || !b.endsAt || b.endsAt.getTime() > now.getTime())
        // A session nobody joined by the close is over (the sweeper may not have recorded it yet).
        .filter((b) => !b.startsAt || b.startsAt.getTime() > now.getTime() || b.status !== 'confirmed' || !!b.joinedAt || now.getTime() < b.startsAt.getTime() + config.policy.noShowCloseMinutes * 60_000)
        .filter((b) => !b.startsAt || b.startsAt.getTime() > now.getTime() || b.status === 'confirmed');
      return {
        kind: 'sessions',
        zone,
        more: Math.max(0, bookings.length - SESSIONS_SHOWN),
        sessions: bookings.slice(0, SESSIONS_SHOWN).map((b) => {
          const started = !!b.startsAt && b.startsAt.getTime() <= now.getTime();
          const joinFrom = b.startsAt ? b.startsAt.getTime() - JOIN_OPENS_MINUTES_BEFORE * 60_000 : Infinity;
          return {
            booking: bookingCard(config, b, { member, company, zone, now }),
            canChange: b.status !== 'emergency_requested' && !!b.startsAt && canChange(now, b.startsAt, config.policy.cancelCutoffMinutes),
            inProgress: started,
            joinOpen: b.status === 'confirmed' && now.getTime() >= joinFrom,
          };
        }),
      };
    }),
  );
}
