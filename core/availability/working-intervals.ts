/**
 * A staff member's working time as UTC intervals, computed day by day in the staff member's own zone
 * so that "09:00-17:00" means 09:00 local on every day, including the 23- and 25-hour days of a DST
 * change. A range that starts or ends inside a skipped hour is moved forward by luxon to the next
 * valid local time.
 *
 * Across midnight: a range that ends before it starts ("22:00-06:00") is a night shift listed under
 * the day it starts, ending the next morning (a day off removes the shifts that start on it). Each
 * shift keeps its own start (slots are on its grid), and its `reach` is the end of the working time
 * it belongs to: when the next shift starts at or before its end (`00:00-24:00` every day, or a
 * night shift running into a morning), a session starting in this shift may run on into the next.
 */
import { DateTime } from 'luxon';
import type { StaffConfig, Weekday } from '../config/schema.js';
import { WEEKDAYS, parseTimeRange } from '../config/schema.js';

export interface Interval {
  start: Date;
  end: Date;
}

/** A working interval (one shift) and the end of the unbroken working time it belongs to. */
export interface Shift extends Interval {
  /** >= end: the end of the run of shifts that touch or overlap one another, this one among them (clipped like `end`). */
  reach: Date;
}

function rangesFor(staff: StaffConfig, day: Weekday): [number, number][] {
  const h = staff.hours[day];
  if (h === 'off') return [];
  return (Array.isArray(h) ? h : [h]).map(parseTimeRange);
}

/** Local minutes-from-midnight `m` (may exceed 24 h for a night shift) on `day`, as a UTC instant. */
function at(day: DateTime, m: number): number {
  const d = m >= 24 * 60 ? day.plus({ days: 1 }) : day;
  const rest = m % (24 * 60);
  return (rest === 0 ? d.startOf('day') : d.set({ hour: Math.floor(rest / 60), minute: rest % 60 })).toMillis();
}

export function workingIntervals(staff: StaffConfig, from: Date, to: Date): Shift[] {
  const raw: Array<[number, number]> = [];
  const daysOff = new Set(staff.daysOff);
  // The day before `from` too: its night shift may run into `from`'s day.
  let day = DateTime.fromJSDate(from, { zone: staff.zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromJSDate(to, { zone: staff.zone }).startOf('day');
  while (day <= last) {
    if (!daysOff.has(day.toISODate()!)) {
      for (const [a, b] of rangesFor(staff, WEEKDAYS[day.weekday - 1]!)) {
        const start = at(day, a);
        const end = at(day, b);
        if (end > start) raw.push([start, end]);
      }
    }
    day = day.plus({ days: 1 });
  }
  raw.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  // Runs of shifts that touch or overlap: every shift of a run reaches the run's end.
  const reach = new Array<number>(raw.length);
  for (let i = 0; i < raw.length; ) {
    let end = raw[i]![1];
    let j = i + 1;
    while (j < raw.length && raw[j]![0] <= end) end = Math.max(end, raw[j++]![1]);
    reach.fill(end, i, j);
    i = j;
  }
  const lo = from.getTime();
  const hi = to.getTime();
  const out: Shift[] = [];
  raw.forEach(([a, b], i) => {
    const s = Math.max(a, lo);
    const e = Math.min(b, hi);
    if (e > s) out.push({ start: new Date(s), end: new Date(e), reach: new Date(Math.min(reach[i]!, hi)) });
  });
  return out;
}

/** Whether [start, end) lies inside the staff member's working time (possibly across several touching shifts). */
export function withinHours(staff: StaffConfig, start: Date, end: Date): boolean {
  return workingIntervals(staff, start, end).some((i) => i.start.getTime() <= start.getTime() && i.reach.getTime() >= end.getTime());
}
