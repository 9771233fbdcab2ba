import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { StaffConfig } from '../config/schema.js';
import { withinHours, workingIntervals } from './working-intervals.js';

function everyDay(zone: string, range: string | string[] = '09:00-17:00', daysOff: string[] = []): StaffConfig {
  const hours = { mon: range, tue: range, wed: range, thu: range, fri: range, sat: range, sun: range };
  return { id: 'x', name: 'X', zone, identities: {}, hours, daysOff } as StaffConfig;
}

/** The working interval of one local day, as UTC ISO strings. */
function dayOf(staff: StaffConfig, isoDate: string): string[][] {
  const d = DateTime.fromISO(isoDate, { zone: staff.zone });
  return workingIntervals(staff, d.toJSDate(), d.plus({ days: 1 }).toJSDate()).map((i) => [i.start.toISOString(), i.end.toISOString()]);
}

// [zone, DST day, day before, 09:00 local in UTC on the DST day, on the day before, hours in the day]
const cases: Array<[string, string, string, string, string, number]> = [
  ['America/New_York', '2027-03-14', '2027-03-13', '13:00', '14:00', 23],
  ['America/New_York', '2026-11-01', '2026-10-31', '14:00', '13:00', 25],
  ['Europe/London', '2027-03-28', '2027-03-27', '08:00', '09:00', 23],
  ['Europe/London', '2026-10-25', '2026-10-24', '09:00', '08:00', 25],
  ['Europe/Berlin', '2027-03-28', '2027-03-27', '07:00', '08:00', 23],
  ['Europe/Berlin', '2026-10-25', '2026-10-24', '08:00', '07:00', 25],
];

describe('working intervals across DST changes', () => {
  for (const [zone, dst, prev, nineDst, ninePrev, hours] of cases) {
    it(`${zone} ${dst} (${hours}-hour day): 09:00-17:00 local, 8 hours, on the day and the day before`, () => {
      const s = everyDay(zone);
      const utcHour = (h: string) => Number(h.slice(0, 2));
      const endOf = (h: string) => `${String(utcHour(h) + 8).padStart(2, '0')}:00`;
      expect(dayOf(s, dst)).toEqual([[`${dst}T${nineDst}:00.000Z`, `${dst}T${endOf(nineDst)}:00.000Z`]]);
      expect(dayOf(s, prev)).toEqual([[`${prev}T${ninePrev}:00.000Z`, `${prev}T${endOf(ninePrev)}:00.000Z`]]);
      const full = everyDay(zone, '00:00-24:00');
      const [i] = workingIntervals(full, DateTime.fromISO(dst, { zone }).toJSDate(), DateTime.fromISO(dst, { zone }).plus({ days: 1 }).toJSDate());
      expect((i!.end.getTime() - i!.start.getTime()) / 3600_000).toBe(hours);
    });
  }

  it('keeps a range that spans the skipped hour at its real length (01:00-04:00 on 14 Mar 2027 in New York is 2 hours)', () => {
    const [i] = dayOf(everyDay('America/New_York', '01:00-04:00'), '2027-03-14');
    expect(i).toEqual(['2027-03-14T06:00:00.000Z', '2027-03-14T08:00:00.000Z']);
  });
  it('keeps a range that spans the repeated hour at its real length (01:00-03:00 on 1 Nov 2026 in New York is 3 hours)', () => {
    const [i] = dayOf(everyDay('America/New_York', '01:00-03:00'), '2026-11-01');
    expect(i).toEqual(['2026-11-01T05:00:00.000Z', '2026-11-01T08:00:00.000Z']);
  });
  it('supports several ranges, days off and clips to the asked window', () => {
    const s = everyDay('Europe/Berlin', ['09:00-12:00', '13:00-17:00'], ['2027-03-29']);
    expect(dayOf(s, '2027-03-29')).toEqual([]);
    expect(dayOf(s, '2027-03-28')).toEqual([
      ['2027-03-28T07:00:00.000Z', '2027-03-28T10:00:00.000Z'],
      ['2027-03-28T11:00:00.000Z', '2027-03-28T15:00:00.000Z'],
    ]);
    const clipped = workingIntervals(s, new Date('2027-03-28T08:00:00Z'), new Date('2027-03-28T12:00:00Z'));
    expect(clipped.map((i) => [i.start.toISOString(), i.end.toISOString()])).toEqual([
      ['2027-03-28T08:00:00.000Z', '2027-03-28T10:00:00.000Z'],
      ['2027-03-28T11:00:00.000Z', '2027-03-28T12:00:00.000Z'],
    ]);
  });
  it('answers withinHours for a session touching the edges', () => {
    const s = everyDay('America/New_York');
    expect(withinHours(s, new Date('2027-03-14T13:00:00Z'), new Date('2027-03-14T21:00:00Z'))).toBe(true);
    expect(withinHours(s, new Date('2027-03-14T12:55:00Z'), new Date('2027-03-14T13:25:00Z'))).toBe(false);
    expect(withinHours(s, new Date('2027-03-14T20:40:00Z'), new Date('2027-03-14T21:10:00Z'))).toBe(false);
  });
});

describe('dayKeyer (vendor-zone dates without luxon per booking)', () => {
  it('gives the same local date as luxon for every 5 minutes across DST changes and outside its range', async () => {
    const { dayKeyer } = await import('./openings.js');
    for (const [zone, date] of [['America/New_York', '2027-03-14'], ['America/New_York', '2026-11-01'], ['Europe/London', '2026-10-25'], ['Europe/Berlin', '2027-03-28'], ['Asia/Kolkata', '2027-01-10']] as const) {
      const from = DateTime.fromISO(date, { zone }).minus({ days: 1 });
      const dayOf = dayKeyer(zone, from.toJSDate(), from.plus({ days: 3 }).toJSDate());
      for (let t = from.minus({ days: 1 }).toMillis(); t < from.plus({ days: 5 }).toMillis(); t += 5 * 60_000) {
        expect(dayOf(new Date(t))).toBe(DateTime.fromMillis(t, { zone }).toISODate());
      }
    }
  });
});
