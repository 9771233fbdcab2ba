/**
 * The local midnights of a time zone, computed with luxon once and remembered: an availability
 * search asks for the same month of midnights on every call, and luxon's zone arithmetic (about 0.1 ms
 * a day) was the largest cost of a short search. Per zone, one unbroken run of midnights is kept and
 * grown on either side as asked; a request far from it (over a year away) starts a new run instead.
 * Zone rules do not change while the process runs, so nothing here goes stale.
 */
import { DateTime } from 'luxon';

interface Run {
  /** Local midnights in epoch ms, ascending, each the start of the next day after the one before. */
  starts: number[];
  /** The local date (YYYY-MM-DD) starting at each midnight. */
  dates: string[];
}

const runs = new Map<string, Run>();
const FAR = 400 * 24 * 3600_000;

function dayAt(zone: string, t: number): DateTime {
  return DateTime.fromMillis(t, { zone }).startOf('day');
}

function runFor(zone: string, from: number, to: number): Run {
  let run = runs.get(zone);
  if (run && (from < run.starts[0]! - FAR || to >= run.starts[run.starts.length - 1]! + FAR)) run = undefined;
  if (!run) {
    const d = dayAt(zone, from);
    run = { starts: [d.toMillis()], dates: [d.toISODate()!] };
    runs.set(zone, run);
  }
  if (from < run.starts[0]!) {
    const first = dayAt(zone, from);
    const starts: number[] = [];
    const dates: string[] = [];
    for (let d = first; d.toMillis() < run.starts[0]!; d = d.plus({ days: 1 }).startOf('day')) {
      starts.push(d.toMillis());
      dates.push(d.toISODate()!);
    }
    run.starts = starts.concat(run.starts);
    run.dates = dates.concat(run.dates);
  }
  // Always one midnight after the day `to` lies in, so that day's end is known too.
  while (run.starts[run.starts.length - 1]! <= to) {
    // startOf again: where a DST change skips midnight the day starts at 01:00, and the next day at 00:00.
    const next = DateTime.fromMillis(run.starts[run.starts.length - 1]!, { zone }).plus({ days: 1 }).startOf('day');
    run.starts.push(next.toMillis());
    run.dates.push(next.toISODate()!);
  }
  return run;
}

/** Index of the last element of sorted `xs` at or below `t` (-1 if none). */
export function floorIndex(xs: ArrayLike<number>, t: number, lo = 0, hi = xs.length - 1): number {
  if (hi < lo || t < xs[lo]!) return lo - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The local midnights of `zone` from the start of the day `from` lies in to the first midnight after
 * `to`, and the dates of the days they start: `starts` has one element more than `dates`.
 */
export function localDays(zone: string, from: Date, to: Date): { starts: number[]; dates: string[] } {
  const a = from.getTime();
  const b = Math.max(a, to.getTime());
  const run = runFor(zone, a, b);
  const i = floorIndex(run.starts, a);
  const j = floorIndex(run.starts, b);
  return { starts: run.starts.slice(i, j + 2), dates: run.dates.slice(i, j + 1) };
}

/** The local midnight starting the day `t` lies in (as luxon's `startOf('day')` gives it), in epoch ms. */
export function startOfLocalDay(zone: string, t: number): number {
  const run = runFor(zone, t, t);
  return run.starts[floorIndex(run.starts, t)]!;
}

/** The local midnight after the day `t` lies in, in epoch ms. */
export function startOfNextLocalDay(zone: string, t: number): number {
  const run = runFor(zone, t, t);
  return run.starts[floorIndex(run.starts, t) + 1]!;
}
