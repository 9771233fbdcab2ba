/**
 * Self-service links: each booking's unguessable token (a random 256-bit value stored with it, like the
 * join link's) opens a page where the booker can see the booking and cancel or reschedule it through the
 * very same use cases as in chat. The token acts as the booker; it works until the session ends.
 * Also here: the booking's calendar file behind the same token, and the staff calendar feeds.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { bookingCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';
import type { Caller } from '../policy/staff.js';
import { staffFor } from '../policy/staff.js';
import { languageOf } from '../companies/set-language.js';

const tokenInput = z.object({ token: z.string().min(4).max(200) });

export type OpenManageLinkResult =
  | {
      kind: 'manage';
      booking: BookingCard;
      /** The booker, as the change use cases take them. */
      caller: Caller;
      /** Whether a cancel or reschedule is still accepted now (core says no after the cutoff anyway). */
      canChange: boolean;
      vendorName: string;
      /** The booking member's language (their /language choice, else their platform's locale); null: the vendor's. */
      locale: string | null;
    }
  /** The session is over: the link no longer acts. */
  | { kind: 'expired' }
  | { kind: 'not_found' };

export function openManageLink(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('openManageLink', tokenInput, deps, (i) =>
    store.transaction(async (tx): Promise<OpenManageLinkResult> => {
      const now = clock.now();
      const booking = await tx.bookings.findByManageToken(i.token);
      if (!booking) return { kind: 'not_found' };
      if (booking.endsAt && booking.endsAt.getTime() <= now.getTime()) return { kind: 'expired' };
      const member = await tx.members.get(booking.memberId);
      if (!member) return { kind: 'not_found' };
      const company = booking.companyId ? await tx.companies.get(booking.companyId) : null;
      const card = bookingCard(config, booking, { member, company, now });
      return {
        kind: 'manage',
        booking: card,
        caller: { platform: member.platform, userId: member.platformUserId },
        canChange: card.changeOpen,
        vendorName: config.vendor.name,
        locale: languageOf(member),
      };
    }),
  );
}

export type StaffCalendarResult =
  | { kind: 'feed_url'; url: string; created: boolean }
  | { kind: 'feed_revoked'; count: number }
  | { kind: 'not_allowed' };

/** A staff member's private calendar subscription URL: shown, replaced (`rotate`) or switched off (`revoke`). */
export function staffCalendarFeed(deps: CoreDeps) {
  const { store, clock, config, ids } = deps;
  const input = z.object({ caller: callerSchema, action: z.enum(['show', 'rotate', 'revoke']).default('show') });
  return useCase('staffCalendarFeed', input, deps, (i) =>
    store.transaction(async (tx): Promise<StaffCalendarResult> => {
      const staff = staffFor(config, i.caller);
      if (!staff?.config) return { kind: 'not_allowed' };
      const now = clock.now();
      const staffId = staff.staffId;
      if (i.action === 'revoke') return { kind: 'feed_revoked', count: await tx.calendarFeeds.revoke(staffId, now) };
      let token = i.action === 'rotate' ? null : await tx.calendarFeeds.current(staffId);
      const created = !token;
      if (!token) {
        token = ids.linkToken();
        await tx.calendarFeeds.replace(staffId, token, now);
      }
      return { kind: 'feed_url', url: `${config.publicBaseUrl.replace(/\/$/, '')}/cal/${token}.ics`, created };
    }),
  );
}

export type ReadStaffFeedResult = { kind: 'feed'; staffName: string; bookings: BookingCard[] } | { kind: 'not_found' };

/** What a feed URL serves: the staff member's sessions from a week ago to the booking horizon, as staff see them. */
export function readStaffFeed(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('readStaffFeed', tokenInput, deps, (i) =>
    store.transaction(async (tx): Promise<ReadStaffFeedResult> => {
      const staffId = await tx.calendarFeeds.staffFor(i.token);
      const staff = staffId ? config.staff.find((s) => s.id === staffId) : undefined;
      if (!staff) return { kind: 'not_found' };
      const now = clock.now();
      const rows = await tx.bookings.forStaff(staff.id, new Date(now.getTime() - 7 * 86_400_000), new Date(now.getTime() + (config.policy.horizonDays + 1) * 86_400_000));
      const live = rows.filter((b) => b.status === 'confirmed' || b.status === 'pending_approval' || b.status === 'no_show' || (b.status === 'cancelled' && b.startsAt && b.startsAt > now));
      const bookings = await Promise.all(
        live.map(async (b) => {
          const member = await tx.members.get(b.memberId);
          const company = b.companyId ? await tx.companies.get(b.companyId) : null;
          const card = bookingCard(config, b, { member, company, zone: staff.zone, now });
          // Staff's own view: the room itself (opening the customer's join link records the customer as
          // joined, so a no-show would never close) and no customer self-service link (a feed URL is
          // handed to calendar services).
          return { ...card, joinUrl: b.meetingUrl ?? '', manageUrl: null, calendarUrl: null };
        }),
      );
      return { kind: 'feed', staffName: staff.name, bookings };
    }),
  );
}
