/**
 * A staff member's working time as UTC intervals, computed day by day in the staff member's own zone
 * so that "09:00-17:00" means 09:00 local on every day, including the 23- and 25-hour days of a DST
 * change. A range that starts or ends inside a skipped hour is moved forward by luxon to the next
 * valid local time.
 */
import { DateTime } from 'luxon';
import type { StaffConfig, Weekday } from '../config/schema.js';
import { WEEKDAYS } from '../config/schema.js';

export interface Interval {
  start: Date;
  end: Date;
}

function parseRange(range: string): [number, number] {
  const [from, to] = range.split('-') as [string, string];
  const min = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return [min(from), min(to)];
}

function rangesFor(staff: StaffConfig, day: Weekday): [number, number][] {
  const h = staff.hours[day];
  if (h === 'off') return [];
  return (Array.isArray(h) ? h : [h]).map(parseRange);
}

export function workingIntervals(staff: StaffConfig, from: Date, to: Date): Interval[] {
  const out: Interval[] = [];
  const daysOff = new Set(staff.daysOff);
  let day = DateTime.fromJSDate(from, { zone: staff.zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromJSDate(to, { zone: staff.zone }).startOf('day');
  while (day <= last) {
    if (!daysOff.has(day.toISODate()!)) {
      for (const [a, b] of rangesFor(staff, WEEKDAYS[day.weekday - 1]!)) {
        const start = day.set({ hour: Math.floor(a / 60), minute: a % 60 }).toJSDate();
        const end = (b === 24 * 60 ? day.plus({ days: 1 }).startOf('day') : day.set({ hour: Math.floor(b / 60), minute: b % 60 })).toJSDate();
        const s = Math.max(start.getTime(), from.getTime());
        const e = Math.min(end.getTime(), to.getTime());
        if (e > s) out.push({ start: new Date(s), end: new Date(e) });
      }
    }
    day = day.plus({ days: 1 });
  }
  return out;
}

/** Whether [start, end) lies inside one of the staff member's working intervals. */
export function withinHours(staff: StaffConfig, start: Date, end: Date): boolean {
  return workingIntervals(staff, start, end).some((i) => i.start.getTime() <= start.getTime() && i.end.getTime() >= end.getTime());
}
