/**
 * Openings across all staff for a session kind and length: the free start times, each with the
 * staff members free then, least-loaded first. Reads busy time from the store; the rest is pure.
 */
import { DateTime } from 'luxon';
import type { Config, SessionKind, StaffConfig } from '../config/schema.js';
import type { Tx, BusyInterval } from '../ports/store.js';
import { freeStarts, overlapsBusy } from './free-slots.js';
import { cachedWithinHours, cachedWorkingIntervals } from './working-cache.js';
import { floorIndex, localDays, startOfLocalDay } from './local-midnights.js';

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
  const { starts, dates } = localDays(zone, from, to);
  return (t) => {
    const ms = t.getTime();
    if (dates.length === 0 || ms < starts[0]! || ms >= starts[dates.length]!) return DateTime.fromJSDate(t, { zone }).toISODate()!;
    return dates[floorIndex(starts, ms)]!;
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

const DAY = 24 * 60 * MIN;
/** How far before the window busy time is read: a booking that started up to this long before still counts. */
const LOOKBACK = 2 * DAY;

/**
 * Free start times in [from, to], soonest first, each with the staff free then (least loaded first).
 *
 * With a `limit`, the search walks forward by whole vendor days: one day, then as many more as the
 * openings found so far suggest (at most three times what it has covered), and stops at the end of the
 * first stretch that holds `limit` openings. Every opening of a later stretch starts later, so the
 * first `limit` are those a search of the whole range would give. Busy time is read on from where the
 * last read stopped (never twice), so a search reads only the bookings of the days it looks at, and
 * the bookings later in the range cost nothing.
 */
export async function findOpenings(tx: Tx, config: Config, q: OpeningsQuery): Promise<Opening[]> {
  const bounds = bookingBounds(config, q.now);
  const from = Math.max(q.from.getTime(), bounds.earliest.getTime());
  const to = Math.min(q.to.getTime(), bounds.latest.getTime());
  if (to <= from) return [];
  const staff = q.staff ?? config.staff;
  const ids = staff.map((s) => s.id);
  const bufferMinutes = config.sessionKinds[q.kind].bufferMinutes;
  const lengthMs = q.lengthMinutes * MIN;
  // A start `s` can collide with a booking starting before s + length + buffer.
  const aheadMs = (q.lengthMinutes + bufferMinutes) * MIN;
  // Whole working days, so slots stay on the grid of the working day; notBefore drops the early ones.
  // (Clipping at `from` = now + notice put every slot of the day off the 5-minute grid.)
  const working = staff.map((s) => cachedWorkingIntervals(s, new Date(startOfLocalDay(s.zone, from)), new Date(to + lengthMs)));
  const days = localDays(config.vendor.zone, new Date(from), new Date(to));

  // Each staff member's busy time read so far, as numbers ascending by start (see BusyTimes).
  const mine = new Map<string, { starts: number[]; ends: number[] }>(ids.map((id) => [id, { starts: [], ends: [] }]));
  let readTo = from - LOOKBACK;
  const readUntil = async (until: number) => {
    if (until <= readTo) return;
    const read = await tx.bookings.busyTimes(ids, new Date(readTo), new Date(until));
    readTo = until;
    for (const t of read) {
      const m = mine.get(t.staffId);
      if (!m) continue;
      // Each read starts where the last stopped, so appending keeps every list in start order
      // (sorted again should a store hand a read back out of order).
      let sorted = m.starts.length === 0 || t.starts.length === 0 || m.starts[m.starts.length - 1]! <= t.starts[0]!;
      for (let i = 0; i < t.starts.length; i++) {
        if (i > 0 && t.starts[i - 1]! > t.starts[i]!) sorted = false;
        m.starts.push(t.starts[i]!);
        m.ends.push(t.ends[i]!);
      }
      if (!sorted) {
        const order = m.starts.map((_, i) => i).sort((a, b) => m.starts[a]! - m.starts[b]!);
        m.starts = order.map((i) => m.starts[i]!);
        m.ends = order.map((i) => m.ends[i]!);
      }
    }
  };

  const byStart = new Map<number, string[]>();
  let chunkStart = from;
  let dayIndex = 0; // the vendor day `chunkStart` lies in
  let spanDays = q.limit ? 1 : Infinity;
  for (;;) {
    const endIndex = Math.min(dayIndex + spanDays, days.dates.length);
    const last = endIndex >= days.dates.length || days.starts[endIndex]! > to;
    const chunkEnd = last ? to : days.starts[endIndex]!;
    // Starts in [chunkStart, chunkEnd) — the last stretch takes `to` itself too. Reading on to the next
    // vendor midnight counts every booking of each day an opening falls on (for "least loaded").
    await readUntil(Math.max(chunkEnd + aheadMs + 1, last ? days.starts[days.dates.length]! : chunkEnd));
    for (let i = 0; i < staff.length; i++) {
      const s = staff[i]!;
      const m = mine.get(s.id)!;
      const slots = freeStarts({
        working: working[i]!.filter((w) => w.end.getTime() > chunkStart),
        starts: m.starts,
        ends: m.ends,
        first: floorIndex(m.starts, chunkStart - LOOKBACK),
        lengthMinutes: q.lengthMinutes,
        bufferMinutes,
        stepMinutes: config.policy.slotStepMinutes,
        notBefore: chunkStart,
        notAfter: last ? to : chunkEnd - 1,
        // The first `limit` openings overall are among each staff member's first `limit` free starts.
        limit: q.limit,
      });
      for (const t of slots) {
        const list = byStart.get(t);
        if (list) list.push(s.id);
        else byStart.set(t, [s.id]);
      }
    }
    if (last || (q.limit && byStart.size >= q.limit)) break;
    const covered = endIndex;
    // Days still needed at the rate found so far, half as many again, at least one and at most three times the
    // days covered: each stretch is one more round trip to the database (in the bench, 4 reads instead of 5).
    const rate = byStart.size / covered;
    spanDays = Math.max(1, Math.min(3 * covered, rate > 0 ? Math.ceil(((q.limit! - byStart.size) / rate) * 1.5) : 3 * covered));
    chunkStart = chunkEnd;
    dayIndex = endIndex;
  }

  // "Least loaded": live bookings of the staff member starting on the vendor day of the opening, all
  // read (every read went on to the vendor midnight after the stretch it served), counted by bisection.
  const loads = new Map<string, number>();
  const loadOn = (staffId: string, day: number): number => {
    const key = `${staffId}|${day}`;
    let n = loads.get(key);
    if (n === undefined) {
      const { starts } = mine.get(staffId)!;
      n = floorIndex(starts, days.starts[day + 1]! - 1) - floorIndex(starts, days.starts[day]! - 1);
      loads.set(key, n);
    }
    return n;
  };
  const order = config.staff.map((s) => s.id);
  const rank = (a: string, b: string) => order.indexOf(a) - order.indexOf(b);
  const starts = [...byStart.keys()].sort((a, b) => a - b);
  return (q.limit ? starts.slice(0, q.limit) : starts).map((t) => {
    const free = byStart.get(t)!;
    const day = floorIndex(days.starts, t);
    return {
      start: new Date(t),
      end: new Date(t + lengthMs),
      staffIds: free.length < 2 ? free : [...free].sort((a, b) => loadOn(a, day) - loadOn(b, day) || rank(a, b)),
    };
  });
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
  const staff = (q.staff ?? config.staff).filter((s) => cachedWithinHours(s, q.start, end));
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
