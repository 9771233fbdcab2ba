/** Small helpers shared by the use-case suites in test/core. */
import type { Caller } from '../../core/policy/staff.js';
import type { BookingCard } from '../../core/notifications/types.js';
import type { Harness } from '../support/core-harness.js';

/** Tuesday 1 Dec 2026 15:00 New York: both Alice (09-17 NY) and Ben (13-21 London) work then. */
export const START = new Date('2026-12-01T20:00:00Z');
/** 65 minutes before START. */
export const CUTOFF = new Date('2026-12-01T18:55:00Z');

export const secs = (d: Date, s: number) => new Date(d.getTime() + s * 1000);
export const mins = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

export async function book(h: Harness, caller: Caller, startsAt: Date, opts: { lengthMinutes?: number; kind?: 'online' | 'phone'; payStandardFee?: boolean } = {}): Promise<BookingCard> {
  const r = await h.core.bookSession({ caller, kind: opts.kind ?? 'online', lengthMinutes: opts.lengthMinutes ?? 30, startsAt, payStandardFee: opts.payStandardFee ?? false });
  if (r.kind !== 'booked' && r.kind !== 'pending_approval') throw new Error(`could not book: ${JSON.stringify(r)}`);
  return r.booking;
}

/** Notices delivered to people so far, as [type, notice] pairs, in delivery order. */
export function notices(h: Harness, type: string) {
  return h.notifier.delivered.filter((m) => m.notice.type === type).map((m) => m.notice as any);
}
