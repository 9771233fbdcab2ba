/**
 * Attendance. A join counts when anyone opens the booking's join link (the link is the company's:
 * it was sent to its member) from 30 minutes before the start until the session closes (10 minutes
 * after the start if nobody has joined by then), or when
 * staff mark "customer joined" online or on the phone line. The first join is kept.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';
import type { BookingStatus } from '../model.js';
import { requireStaff, staffActor } from '../booking/staff-only.js';
import { languageOf } from '../companies/set-language.js';

/** Opening the link earlier than this shows the details but does not count as joining. */
export const JOIN_OPENS_MINUTES_BEFORE = 30;

export const openJoinLinkInput = z.object({ token: z.string().min(1).max(100) });

/** `locale`: the booking member's language (their /language choice, else their platform's locale); null: the vendor's. */
export type OpenJoinLinkResult =
  | { kind: 'joined'; meetingUrl: string | null; booking: BookingCard; locale: string | null }
  | { kind: 'too_early'; meetingUrl: string | null; booking: BookingCard; locale: string | null }
  | { kind: 'closed'; status: BookingStatus; booking: BookingCard; locale: string | null }
  | { kind: 'not_found' };

export function openJoinLink(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('openJoinLink', openJoinLinkInput, deps, (input) =>
    store.transaction(async (tx): Promise<OpenJoinLinkResult> => {
      const now = clock.now();
      const booking = await tx.bookings.findByJoinToken(input.token);
      if (!booking) return { kind: 'not_found' };
      const card = await loadCard(tx, config, booking, now);
      const locale = languageOf(await tx.members.get(booking.memberId));
      if (booking.status !== 'confirmed' || !booking.startsAt) return { kind: 'closed', status: booking.status, booking: card, locale };
      // The session closed 10 minutes after its start if nobody had joined, whether or not the
      // sweeper has recorded that yet.
      const closesAt = booking.startsAt.getTime() + config.policy.noShowCloseMinutes * 60_000;
      if (!booking.joinedAt && now.getTime() >= closesAt) return { kind: 'closed', status: 'no_show', booking: card, locale };
      if (now.getTime() < booking.startsAt.getTime() - JOIN_OPENS_MINUTES_BEFORE * 60_000) {
        return { kind: 'too_early', meetingUrl: booking.meetingUrl, booking: card, locale };
      }
      if (!booking.joinedAt) {
        await tx.bookings.recordJoin(booking.id, now, 'link');
        await recordAudit(tx, now, { kind: 'system' }, 'booking', booking.id, 'joined', { via: 'link' });
      }
      return { kind: 'joined', meetingUrl: booking.meetingUrl, booking: card, locale };
    }),
  );
}

export const markJoinedInput = z.object({
  caller: callerSchema,
  bookingId: z.string().min(1).max(64),
  via: z.enum(['online', 'phone']),
});

export type MarkJoinedResult =
  | { kind: 'marked'; booking: BookingCard; by: string }
  /** Like the join link: a join counts from 30 minutes before the start. */
  | { kind: 'too_early'; opensAt: string }
  /** `closedAt`: when nobody had joined by the close (10 minutes after the start), the session closed then. */
  | { kind: 'closed'; status: BookingStatus; closedAt?: string }
  | { kind: 'not_found' }
  | { kind: 'not_allowed' };

export function markJoined(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('markJoined', markJoinedInput, deps, (input) =>
    store.transaction(async (tx): Promise<MarkJoinedResult> => {
      const now = clock.now();
      const staff = await requireStaff(tx, config, input.caller, now, 'mark_joined', input.bookingId);
      if (!staff) return { kind: 'not_allowed' };
      const booking = await tx.bookings.get(input.bookingId);
      if (!booking) return { kind: 'not_found' };
      if (booking.status !== 'confirmed' || !booking.startsAt) return { kind: 'closed', status: booking.status };
      // The same window as the join link: from 30 minutes before the start until the close.
      const opensAt = booking.startsAt.getTime() - JOIN_OPENS_MINUTES_BEFORE * 60_000;
      const closesAt = booking.startsAt.getTime() + config.policy.noShowCloseMinutes * 60_000;
      if (now.getTime() < opensAt) return { kind: 'too_early', opensAt: new Date(opensAt).toISOString() };
      if (!booking.joinedAt && now.getTime() >= closesAt) return { kind: 'closed', status: 'no_show', closedAt: new Date(closesAt).toISOString() };
      const via = input.via === 'online' ? 'staff_online' : 'staff_phone';
      const joined = await tx.bookings.recordJoin(booking.id, now, via);
      await recordAudit(tx, now, staffActor(staff, input.caller), 'booking', booking.id, 'joined', { via });
      return { kind: 'marked', booking: { ...(await loadCard(tx, config, joined, now)), zone: config.vendor.zone }, by: staff.name };
    }),
  );
}
