/** Staff's view of a day: its sessions (any status) and everything waiting for a decision. */
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { loadCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';
import type { AuditEntry } from '../model.js';
import { requireStaff } from './staff-only.js';

export type StaffDayResult =
  | { kind: 'day'; date: string; zone: string; sessions: BookingCard[]; waiting: BookingCard[]; staffName: string }
  | { kind: 'not_allowed' };

export function staffDay(deps: CoreDeps) {
  const { store, clock, config } = deps;
  const input = z.object({
    caller: callerSchema,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date like 2026-12-01').refine((d) => DateTime.fromISO(d).isValid, 'is not a real date').optional(),
  });
  return useCase('staffDay', input, deps, (i) =>
    store.transaction(async (tx): Promise<StaffDayResult> => {
      const now = clock.now();
      const staff = await requireStaff(tx, config, i.caller, now, 'view_day', null);
      if (!staff) return { kind: 'not_allowed' };
      const zone = staff.config?.zone ?? config.vendor.zone;
      const day = i.date ? DateTime.fromISO(i.date, { zone }) : DateTime.fromJSDate(now, { zone }).startOf('day');
      const sessions = await tx.bookings.startingBetween(day.toJSDate(), day.plus({ days: 1 }).toJSDate());
      const waiting = await tx.bookings.listByStatus(['pending_approval', 'emergency_requested'], 50);
      const cards = async (bs: typeof sessions) => Promise.all(bs.map((b) => loadCard(tx, config, b, now, zone)));
      return { kind: 'day', date: day.toISODate()!, zone, sessions: await cards(sessions), waiting: await cards(waiting), staffName: staff.name };
    }),
  );
}

export type BookingHistoryResult = { kind: 'history'; booking: BookingCard; entries: AuditEntry[] } | { kind: 'not_found' } | { kind: 'not_allowed' };

export function bookingHistory(deps: CoreDeps) {
  const { store, clock, config } = deps;
  const input = z.object({ caller: callerSchema, bookingId: z.string().min(1).max(64) });
  return useCase('bookingHistory', input, deps, (i) =>
    store.transaction(async (tx): Promise<BookingHistoryResult> => {
      const staff = await requireStaff(tx, config, i.caller, clock.now(), 'view_history', i.bookingId);
      if (!staff) return { kind: 'not_allowed' };
      const b = (await tx.bookings.get(i.bookingId)) ?? (await tx.bookings.findByReference(i.bookingId));
      if (!b) return { kind: 'not_found' };
      return { kind: 'history', booking: await loadCard(tx, config, b, clock.now(), config.vendor.zone), entries: await tx.audit.history('booking', b.id) };
    }),
  );
}
