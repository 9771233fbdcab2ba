/**
 * Plain calendar dates and placing a local wall time in a zone: where DST gaps and overlaps are found.
 * No Date arithmetic in the host zone: dates are {year, month, day}, instants are UTC milliseconds.
 */
import { offsetAt } from './offsets.js';

export const DAY_MS = 86_400_000;
export const MIN_MS = 60_000;
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A month-day without a year that lies more than this far back means next year's. */
export const PAST_DATE_GRACE_DAYS = 30;

export interface PlainDate {
  year: number;
  month: number;
  day: number;
}

export type Placed =
  | { kind: 'ok'; at: Date }
  | { kind: 'gap'; before: Date; after: Date }
  | { kind: 'overlap'; first: Date; second: Date };

/** Place a local wall time (date + minutes since midnight, may be 1440) in the zone. */
export function place(zone: string, date: PlainDate, minutes: number): Placed {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * MIN_MS;
  const o1 = offsetAt(zone, wall - DAY_MS);
  const o2 = offsetAt(zone, wall + DAY_MS);
  // The wall time is valid under an offset if the instant it gives really has that offset.
  const t1 = wall - o1 * MIN_MS;
  const ok1 = offsetAt(zone, t1) === o1;
  if (o1 === o2) return { kind: 'ok', at: new Date(ok1 ? t1 : wall - offsetAt(zone, t1) * MIN_MS) };
  const t2 = wall - o2 * MIN_MS;
  const ok2 = offsetAt(zone, t2) === o2;
  if (ok1 && ok2) return { kind: 'overlap', first: new Date(Math.min(t1, t2)), second: new Date(Math.max(t1, t2)) };
  if (ok1) return { kind: 'ok', at: new Date(t1) };
  if (ok2) return { kind: 'ok', at: new Date(t2) };
  // Skipped by the clocks going forward: the same wall time one gap earlier / later.
  const gap = Math.abs(o2 - o1) * MIN_MS;
  return { kind: 'gap', before: new Date(wall - gap - o1 * MIN_MS), after: new Date(wall + gap - o2 * MIN_MS) };
}

/** Window edges never fail: a gap takes the first valid instant after it, an overlap the first. */
export function placeEdge(zone: string, date: PlainDate, minutes: number): Date {
  const p = place(zone, date, minutes);
  if (p.kind === 'ok') return p.at;
  if (p.kind === 'overlap') return p.first;
  return new Date(p.after.getTime() - (p.after.getTime() % (60 * MIN_MS)));
}

export function addDays(d: PlainDate, n: number): PlainDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/**
 * The year for a month-day written without one: a date up to 30 days back stays in the past
 * (so the person hears "that has passed"); otherwise the next time it comes round.
 */
export function withYear(today: PlainDate, month: number, day: number): PlainDate {
  let pastWithinGrace: PlainDate | undefined;
  for (const year of [today.year - 1, today.year, today.year + 1]) {
    const d = { year, month, day };
    const diff = compareDates(today, d);
    if (diff > 0 && diff <= PAST_DATE_GRACE_DAYS * DAY_MS) pastWithinGrace = d;
    if (diff <= 0) return pastWithinGrace ?? d;
  }
  return pastWithinGrace ?? { year: today.year + 1, month, day };
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);
}

export function isoWeekday(d: PlainDate): number {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function ymd(d: PlainDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

