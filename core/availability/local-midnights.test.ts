import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { localDays, startOfLocalDay, startOfNextLocalDay } from './local-midnights.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** What luxon says, day by day, the slow way. */
function luxonDays(zone: string, from: number, to: number) {
  const starts: number[] = [];
  const dates: string[] = [];
  let d = DateTime.fromMillis(from, { zone }).startOf('day');
  const last = DateTime.fromMillis(to, { zone }).startOf('day');
  while (d <= last) {
    starts.push(d.toMillis());
    dates.push(d.toISODate()!);
    d = d.plus({ days: 1 }).startOf('day');
  }
  starts.push(d.toMillis());
  return { starts, dates };
}

// DST at 02:00 (US, EU), a 30-minute change (Lord Howe), midnight itself skipped or repeated
// (Havana and Santiago change at 00:00: the day starts at 01:00), no DST at all (Kolkata).
const zones = ['America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Havana', 'America/Santiago', 'Asia/Kolkata'];

describe('local midnights', () => {
  it('match luxon day by day for two years in zones with every kind of clock change, asked in any order', () => {
    for (const zone of zones) {
      const base = Date.parse('2026-06-01T00:00:00Z');
      // Ask forward, then far back, then inside: the cache grows both ways.
      for (const [from, days] of [[base, 400], [base - 330 * DAY, 30], [base + 17.3 * DAY, 61], [base - 200.5 * DAY, 500]] as const) {
        const to = from + days * DAY;
        expect(localDays(zone, new Date(from), new Date(to)), `${zone} from ${new Date(from).toISOString()}`).toEqual(luxonDays(zone, from, to));
      }
    }
  });

  it('give the start of the day an instant lies in and of the next, at and around each day start', () => {
    for (const zone of zones) {
      const { starts } = luxonDays(zone, Date.parse('2027-01-01T00:00:00Z'), Date.parse('2027-12-31T00:00:00Z'));
      for (let i = 0; i + 1 < starts.length; i++) {
        for (const t of [starts[i]!, starts[i]! + 1, starts[i + 1]! - 1]) {
          expect(startOfLocalDay(zone, t), `${zone} ${new Date(t).toISOString()}`).toBe(starts[i]);
          expect(startOfNextLocalDay(zone, t), `${zone} ${new Date(t).toISOString()}`).toBe(starts[i + 1]);
        }
      }
      // Days of 23 and 25 hours are among them, and in Havana days that start at 01:00.
      const lengths = new Set(starts.slice(1).map((s, i) => (s - starts[i]!) / HOUR));
      if (zone === 'America/New_York') expect([...lengths].sort()).toEqual([23, 24, 25]);
      if (zone === 'America/Havana') expect(starts.some((s) => DateTime.fromMillis(s, { zone }).hour === 1)).toBe(true);
    }
  });

  it('start afresh for a range far from the one remembered, and still answer the old one', () => {
    const zone = 'Europe/Berlin';
    const far = Date.parse('2031-03-01T12:00:00Z');
    expect(localDays(zone, new Date(far), new Date(far + 40 * DAY))).toEqual(luxonDays(zone, far, far + 40 * DAY));
    const near = Date.parse('2026-10-20T12:00:00Z');
    expect(localDays(zone, new Date(near), new Date(near + 10 * DAY))).toEqual(luxonDays(zone, near, near + 10 * DAY));
  });
});
