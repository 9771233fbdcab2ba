/**
 * `workingIntervals` remembered per staff record and local day range. An availability search asks
 * for the same staff days again and again (every request, every widening of its window); luxon
 * arithmetic per staff per day was a good part of its time. This only wraps `workingIntervals`: the
 * working-time rules (zones, DST, days off, shifts across midnight) stay there.
 *
 * The intervals are computed for whole local days, from the start of `from`'s local day to the
 * start of the local day after `to`, then clipped to [from, to] the way `workingIntervals` clips
 * (start, end, and a `reach` when it has one). The cache is keyed by the staff record itself: a
 * reloaded config brings new records, so changed hours or days off are never answered from it.
 */
import type { StaffConfig } from '../config/schema.js';
import { workingIntervals } from './working-intervals.js';
import { startOfLocalDay, startOfNextLocalDay } from './local-midnights.js';

type Intervals = ReturnType<typeof workingIntervals>;

const byStaff = new WeakMap<StaffConfig, Map<string, Intervals>>();
/** Local day ranges kept per staff record (a search uses one or two; the oldest go first). */
const MAX_RANGES = 32;

function wholeDays(staff: StaffConfig, lo: number, hi: number): Intervals {
  let ranges = byStaff.get(staff);
  if (!ranges) {
    ranges = new Map();
    byStaff.set(staff, ranges);
  }
  const key = `${lo}|${hi}`;
  let found = ranges.get(key);
  if (!found) {
    found = workingIntervals(staff, new Date(lo), new Date(hi));
    if (ranges.size >= MAX_RANGES) ranges.delete(ranges.keys().next().value!);
    ranges.set(key, found);
  }
  return found;
}

/** The same intervals as `workingIntervals(staff, from, to)`, from a cache of whole local days. */
export function cachedWorkingIntervals(staff: StaffConfig, from: Date, to: Date): Intervals {
  const lo = startOfLocalDay(staff.zone, from.getTime());
  const hi = startOfNextLocalDay(staff.zone, to.getTime());
  const a = from.getTime();
  const b = to.getTime();
  const out: Intervals = [];
  for (const w of wholeDays(staff, lo, hi)) {
    const s = Math.max(w.start.getTime(), a);
    const e = Math.min(w.end.getTime(), b);
    if (e <= s) continue;
    if (s === w.start.getTime() && e === w.end.getTime() && !('reach' in w && (w.reach as Date).getTime() > b)) {
      out.push(w);
      continue;
    }
    const clipped = { ...w, start: new Date(s), end: new Date(e) };
    if ('reach' in w) (clipped as unknown as { reach: Date }).reach = new Date(Math.min((w.reach as Date).getTime(), b));
    out.push(clipped);
  }
  return out;
}

/** The same answer as `withinHours(staff, start, end)`, from the cache: whether [start, end) lies inside working time. */
export function cachedWithinHours(staff: StaffConfig, start: Date, end: Date): boolean {
  const a = start.getTime();
  const b = end.getTime();
  return cachedWorkingIntervals(staff, start, end).some((i) => i.start.getTime() <= a && i.reach.getTime() >= b);
}
