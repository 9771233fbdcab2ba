/**
 * Openings across all staff for a session kind and length: the free start times, each with the
 * staff members free then, least-loaded first. Reads busy time from the store; the rest is pure.
 */
import { DateTime } from 'luxon';
import type { Config, SessionKind, StaffConfig } from '../config/schema.js';
import type { Tx, BusyInterval } from '../ports/store.js';
import { freeSlots, overlapsBusy } from './free-slots.js';
import { workingIntervals, withinHours } from './working-intervals.js';

const MIN = 60_000;

export interface Opening {
  start: Date;
  end: Date;
  /** Staff free at this time, least-loaded first. */
  staffIds: string[];
}

export interface BookingBounds {
  /** Earliest start allowed (minimum notice). */
  earliest: Date;
  /** Latest start allowed (booking horizon). */
  latest: Date;
}

export function bookingBounds(config: Config, now: Date): BookingBounds {
  return {
    earliest: new Date(now.getTime() + config.policy.minNoticeMinutes * MIN),
    latest: new Date(now.getTime() + config.policy.horizonDays * 24 * 60 * MIN),
  };
}

/**
 * The vendor-zone date of an instant, found by binary search over the local midnights of a range
 * (luxon once per day rather than once per booking: 20,000 bookings made this the slowest step).
 * Instants outside the range fall back to luxon.
 */
export function dayKeyer(zone: string, from: Date, to: Date): (t: Date) => string {
  const starts: number[] = [];
  const dates: string[] = [];
  let d = DateTime.fromJSDate(from, { zone }).startOf('day');
  const last = DateTime.fromJSDate(to, { zone }).startOf('day');
  while (d <= last) {
    starts.push(d.toMillis());
    dates.push(d.toISODate()!);
    d = d.plus({ days: 1 });
  }
  starts.push(d.toMillis());
  return (t) => {
    const ms = t.getTime();
    if (dates.length === 0 || ms < starts[0]! || ms >= starts[dates.length]!) return DateTime.fromJSDate(t, { zone }).toISODate()!;
    let lo = 0;
    let hi = dates.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= ms) lo = mid;
      else hi = mid - 1;
    }
    return dates[lo]!;
  };
}

/** Live bookings per staff member per vendor-zone day, for "least loaded". */
function loadByDay(busy: BusyInterval[], dayOf: (t: Date) => string): Map<string, number> {
  const load = new Map<string, number>();
  for (const b of busy) {
    const key = `${b.staffId}|${dayOf(b.start)}`;
    load.set(key, (load.get(key) ?? 0) + 1);
  }
  return load;
}

function rankStaff(staffIds: string[], start: Date, load: Map<string, number>, dayOf: (t: Date) => string, order: string[]): string[] {
  const day = dayOf(start);
  return [...staffIds].sort((a, b) => (load.get(`${a}|${day}`) ?? 0) - (load.get(`${b}|${day}`) ?? 0) || order.indexOf(a) - order.indexOf(b));
}

type OpeningsQuery = { kind: SessionKind; lengthMinutes: number; from: Date; to: Date; now: Date; limit?: number; staff?: StaffConfig[] };

/** How far ahead a limited search reads at first, then further only when too few openings were found. */
const LAZY_WINDOW_DAYS = [2, 7, 30];

/**
 * Free start times in [from, to], soonest first. With a `limit`, the search reads 2 days, then 7,
 * then 30, then the whole range, and stops as soon as it has `limit` openings: every opening of a
 * later window starts later, so the first `limit` are the same as a search of the whole range would
 * give, and only the bookings near the window are read.
 */
export async function findOpenings(tx: Tx, config: Config, q: OpeningsQuery): Promise<Opening[]> {
  if (!q.limit) return openingsIn(tx, config, q);
  const from = Math.max(q.from.getTime(), bookingBounds(config, q.now).earliest.getTime());
  for (const days of LAZY_WINDOW_DAYS) {
    const windowTo = from + days * 24 * 60 * MIN;
    if (windowTo >= q.to.getTime()) break;
    const found = await openingsIn(tx, config, { ...q, to: new Date(windowTo) });
    if (found.length >= q.limit) return found;
  }
  return openingsIn(tx, config, q);
}

async function openingsIn(tx: Tx, config: Config, q: OpeningsQuery): Promise<Opening[]> {
  const bounds = bookingBounds(config, q.now);
  const from = new Date(Math.max(q.from.getTime(), bounds.earliest.getTime()));
  const to = new Date(Math.min(q.to.getTime(), bounds.latest.getTime()));
  if (to <= from) return [];
  const staff = q.staff ?? config.staff;
  const bufferMinutes = config.sessionKinds[q.kind].bufferMinutes;
  const busyFrom = new Date(from.getTime() - 24 * 60 * MIN);
  const busyTo = new Date(to.getTime() + 24 * 60 * MIN);
  const busy = await tx.bookings.busy(staff.map((s) => s.id), busyFrom, busyTo);
  const byStaff = new Map<string, BusyInterval[]>();
  for (const b of busy) {
    const list = byStaff.get(b.staffId);
    if (list) list.push(b);
    else byStaff.set(b.staffId, [b]);
  }
  const byStart = new Map<number, string[]>();
  for (const s of staff) {
    const mine = byStaff.get(s.id) ?? [];
    const slots = freeSlots({
      // Whole working days, so slots stay on the grid of the working day; notBefore drops the early ones.
      // (Clipping at `from` = now + notice put every slot of the day off the 5-minute grid.)
      working: workingIntervals(s, DateTime.fromJSDate(from, { zone: s.zone }).startOf('day').toJSDate(), new Date(to.getTime() + q.lengthMinutes * MIN)),
      busy: mine,
      lengthMinutes: q.lengthMinutes,
      bufferMinutes,
      stepMinutes: config.policy.slotStepMinutes,
      notBefore: from,
      notAfter: to,
      // The first `limit` openings overall are among each staff member's first `limit` free starts.
      limit: q.limit,
    });
    for (const t of slots) {
      const list = byStart.get(t.getTime()) ?? [];
      list.push(s.id);
      byStart.set(t.getTime(), list);
    }
  }
  const dayOf = dayKeyer(config.vendor.zone, busyFrom, busyTo);
  const load = loadByDay(busy, dayOf);
  const order = config.staff.map((s) => s.id);
  const starts = [...byStart.keys()].sort((a, b) => a - b);
  return (q.limit ? starts.slice(0, q.limit) : starts).map((t) => ({
    start: new Date(t),
    end: new Date(t + q.lengthMinutes * MIN),
    staffIds: rankStaff(byStart.get(t)!, new Date(t), load, dayOf, order),
  }));
}

/** The `count` openings nearest to `around` (before or after), in time order. */
export async function nearestOpenings(
  tx: Tx,
  config: Config,
  q: { kind: SessionKind; lengthMinutes: number; around: Date; now: Date; count?: number },
): Promise<Opening[]> {
  const count = q.count ?? 3;
  const day = 24 * 60 * MIN;
  for (const days of [2, 7, 30, config.policy.horizonDays]) {
    const all = await findOpenings(tx, config, {
      kind: q.kind,
      lengthMinutes: q.lengthMinutes,
      from: new Date(q.around.getTime() - days * day),
      to: new Date(q.around.getTime() + days * day),
      now: q.now,
    });
    if (all.length >= count || days === config.policy.horizonDays) {
      return all
        .sort((a, b) => Math.abs(a.start.getTime() - q.around.getTime()) - Math.abs(b.start.getTime() - q.around.getTime()))
        .slice(0, count)
        .sort((a, b) => a.start.getTime() - b.start.getTime());
    }
  }
  return [];
}

export type ExactCheck =
  | { kind: 'free'; staffIds: string[] }
  | { kind: 'outside_hours' }
  | { kind: 'taken' };

/** Can a session start exactly at `start`? Which staff (least-loaded first) could take it? */
export async function checkExact(
  tx: Tx,
  config: Config,
  q: { kind: SessionKind; lengthMinutes: number; start: Date; excludeBookingId?: string; staff?: StaffConfig[] },
): Promise<ExactCheck> {
  const end = new Date(q.start.getTime() + q.lengthMinutes * MIN);
  const staff = (q.staff ?? config.staff).filter((s) => withinHours(s, q.start, end));
  if (staff.length === 0) return { kind: 'outside_hours' };
  const bufferMinutes = config.sessionKinds[q.kind].bufferMinutes;
  const busy = (await tx.bookings.busy(
    staff.map((s) => s.id),
    new Date(q.start.getTime() - 24 * 60 * MIN),
    new Date(end.getTime() + 24 * 60 * MIN),
  )).filter((b) => b.bookingId !== q.excludeBookingId);
  const free = staff
    .filter((s) => !overlapsBusy(q.start.getTime(), end.getTime() + bufferMinutes * MIN, busy.filter((b) => b.staffId === s.id)))
    .map((s) => s.id);
  if (free.length === 0) return { kind: 'taken' };
  const dayOf = dayKeyer(config.vendor.zone, new Date(q.start.getTime() - 24 * 60 * MIN), new Date(end.getTime() + 24 * 60 * MIN));
  return { kind: 'free', staffIds: rankStaff(free, q.start, loadByDay(busy, dayOf), dayOf, config.staff.map((s) => s.id)) };
}
