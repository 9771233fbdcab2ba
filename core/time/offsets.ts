/**
 * Zone offsets without an Intl call per lookup.
 *
 * luxon (like everyone) asks Intl for the offset of each instant, a few microseconds each, and a parse
 * needs a dozen. Here each (zone, UTC year) is surveyed once: sampled every 7 days, and each change of
 * offset pinned to the minute by bisection (tzdb transitions are on whole minutes, and no zone changes
 * offset twice within a week). Lookups are then arithmetic. A survey costs ~80 Intl calls.
 */
import { Info, type Zone } from 'luxon';

const MIN_MS = 60_000;
const WEEK_MS = 7 * 86_400_000;

interface Year {
  /** Offset (minutes) at the start of the UTC year. */
  first: number;
  /** Changes within the year, in order: from `at` (UTC ms) the offset is `offset`. */
  changes: Array<{ at: number; offset: number }>;
}

interface ZoneEntry {
  zone: Zone;
  years: Map<number, Year>;
  /** The year looked up last, to skip the map on the common path. */
  lastStart: number;
  lastEnd: number;
  last?: Year;
}

const zones = new Map<string, ZoneEntry>();

function entryOf(name: string): ZoneEntry {
  let e = zones.get(name);
  if (!e) {
    const zone = Info.normalizeZone(name);
    if (!zone.isValid) throw new Error(`unknown zone "${name}"`);
    if (zones.size > 500) zones.clear();
    e = { zone, years: new Map(), lastStart: 0, lastEnd: 0 };
    zones.set(name, e);
  }
  return e;
}

function survey(z: Zone, year: number): Year {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const first = z.offset(start);
  const changes: Year['changes'] = [];
  let prevT = start;
  let prevO = first;
  for (let t = Math.min(start + WEEK_MS, end); ; t = Math.min(t + WEEK_MS, end)) {
    const o = z.offset(t);
    if (o !== prevO) {
      // Bisect (prevT, t] to the first minute with the new offset.
      let lo = prevT;
      let hi = t;
      while (hi - lo > MIN_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MIN_MS) * MIN_MS;
        if (z.offset(mid) === prevO) lo = mid;
        else hi = mid;
      }
      changes.push({ at: hi, offset: o });
      prevO = o;
    }
    prevT = t;
    if (t === end) break;
  }
  return { first, changes };
}

/** The zone's offset from UTC in minutes at the instant `ts` (ms). */
export function offsetAt(zone: string, ts: number): number {
  const e = entryOf(zone);
  if (e.zone.isUniversal) return e.zone.offset(ts);
  let y = e.last;
  if (!y || ts < e.lastStart || ts >= e.lastEnd) {
    const year = new Date(ts).getUTCFullYear();
    y = e.years.get(year);
    if (!y) {
      y = survey(e.zone, year);
      e.years.set(year, y);
    }
    e.last = y;
    e.lastStart = Date.UTC(year, 0, 1);
    e.lastEnd = Date.UTC(year + 1, 0, 1);
  }
  let o = y.first;
  for (const c of y.changes) {
    if (ts >= c.at) o = c.offset;
    else break;
  }
  return o;
}

/** The wall clock of `ts` in the zone, as a Date whose UTC fields are the local fields. */
export function wallClock(zone: string, ts: number): Date {
  return new Date(ts + offsetAt(zone, ts) * MIN_MS);
}

/** "+02:00", "-04:00", "+05:30". */
export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
