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

describe('working time across a staff member\'s local midnight', () => {
  const berlin = 'Europe/Berlin';
  const span = (s: StaffConfig, a: string, b: string) => withinHours(s, new Date(a), new Date(b));

  it('00:00-24:00 every day: a session 23:30-00:30 local is inside hours, on an ordinary night and on both DST nights', () => {
    const full = everyDay(berlin, '00:00-24:00');
    // Wed 2 Dec 2026 23:30 CET = 22:30Z
    expect(span(full, '2026-12-02T22:30:00Z', '2026-12-02T23:30:00Z')).toBe(true);
    // Sat 27 Mar 2027 23:30 CET → Sun 00:30 CET (the clocks go forward at 02:00 that night)
    expect(span(full, '2027-03-27T22:30:00Z', '2027-03-27T23:30:00Z')).toBe(true);
    // across the skipped hour itself: Sun 28 Mar 01:30 CET → 03:30 CEST
    expect(span(full, '2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z')).toBe(true);
    // Sat 24 Oct 2026 23:30 CEST → Sun 00:30 CEST, and across the repeated hour 02:30 CEST → 02:30 CET
    expect(span(full, '2026-10-24T21:30:00Z', '2026-10-24T22:30:00Z')).toBe(true);
    expect(span(full, '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z')).toBe(true);
  });

  it('the next day off ends the time at midnight: 23:30-00:30 into it is outside hours, 23:00-24:00 is inside', () => {
    const s = everyDay(berlin, '00:00-24:00', ['2026-12-03']);
    expect(span(s, '2026-12-02T22:30:00Z', '2026-12-02T23:30:00Z')).toBe(false);
    expect(span(s, '2026-12-02T22:00:00Z', '2026-12-02T23:00:00Z')).toBe(true);
  });

  it('a night shift 22:00-06:00 belongs to the day it starts and runs to the next morning: 8 hours, 7 and 9 on the DST nights', () => {
    const hours = { mon: 'off', tue: 'off', wed: 'off', thu: 'off', fri: 'off', sat: '22:00-06:00', sun: 'off' };
    const night = { id: 'n', name: 'N', zone: berlin, identities: {}, hours, daysOff: [] } as unknown as StaffConfig;
    const shift = (sat: string) => {
      const d = DateTime.fromISO(sat, { zone: berlin });
      return workingIntervals(night, d.toJSDate(), d.plus({ days: 2 }).toJSDate()).map((i) => [i.start.toISOString(), i.end.toISOString()]);
    };
    expect(shift('2026-12-05')).toEqual([['2026-12-05T21:00:00.000Z', '2026-12-06T05:00:00.000Z']]);
    expect(shift('2027-03-27')).toEqual([['2027-03-27T21:00:00.000Z', '2027-03-28T04:00:00.000Z']]);
    expect(shift('2026-10-24')).toEqual([['2026-10-24T20:00:00.000Z', '2026-10-25T05:00:00.000Z']]);
    // Seen from Sunday alone, the shift that started on Saturday is still there until 06:00.
    const sunday = DateTime.fromISO('2026-12-06', { zone: berlin });
    expect(workingIntervals(night, sunday.toJSDate(), sunday.plus({ days: 1 }).toJSDate()).map((i) => i.end.toISOString())).toEqual(['2026-12-06T05:00:00.000Z']);
    // A session 23:30-00:30 is inside it; 05:30-06:30 runs past its end; Sunday night has no shift.
    expect(span(night, '2026-12-05T22:30:00Z', '2026-12-05T23:30:00Z')).toBe(true);
    expect(span(night, '2026-12-06T04:30:00Z', '2026-12-06T05:30:00Z')).toBe(false);
    expect(span(night, '2026-12-06T22:30:00Z', '2026-12-06T23:30:00Z')).toBe(false);
    // A day off on the Saturday removes the shift that starts on it.
    expect(span({ ...night, daysOff: ['2026-12-05'] }, '2026-12-05T22:30:00Z', '2026-12-05T23:30:00Z')).toBe(false);
  });

  it('a night shift running into a morning shift is one stretch of working time', () => {
    const hours = { mon: ['08:00-12:00'], tue: ['08:00-12:00', '20:00-08:00'], wed: '08:00-12:00', thu: 'off', fri: 'off', sat: 'off', sun: 'off' };
    const s = { id: 'm', name: 'M', zone: berlin, identities: {}, hours, daysOff: [] } as unknown as StaffConfig;
    // Tue 1 Dec 20:00 CET → Wed 2 Dec 12:00 CET: a session 07:30-08:30 Wednesday crosses from the night shift into the morning.
    expect(span(s, '2026-12-02T06:30:00Z', '2026-12-02T07:30:00Z')).toBe(true);
    expect(span(s, '2026-12-02T10:30:00Z', '2026-12-02T11:30:00Z')).toBe(false);
  });
});

describe('free slots across midnight', () => {
  it('offers 23:00 and 23:30 for a 60-minute session in a 00:00-24:00 zone, and keeps the half-hour grid over the DST nights', async () => {
    const { freeSlots } = await import('./free-slots.js');
    const zone = 'Europe/Berlin';
    const slotsOf = (sat: string) => {
      const d = DateTime.fromISO(sat, { zone });
      const from = d.toJSDate();
      const to = d.plus({ days: 2 }).toJSDate();
      return freeSlots({ working: workingIntervals(everyDay(zone, '00:00-24:00'), from, to), busy: [], lengthMinutes: 60, bufferMinutes: 0, stepMinutes: 30, notBefore: from, notAfter: to })
        .map((t) => DateTime.fromJSDate(t, { zone }).toFormat('ccc HH:mm'));
    };
    for (const sat of ['2026-12-05', '2027-03-27', '2026-10-24']) {
      const local = slotsOf(sat);
      expect(local).toEqual(expect.arrayContaining(['Sat 23:00', 'Sat 23:30', 'Sun 00:00', 'Sun 00:30']));
      // every start on the half hour, none twice, and the last one ends at Monday 00:00
      expect(local.every((t) => t.endsWith(':00') || t.endsWith(':30'))).toBe(true);
      expect(new Set(local).size + (sat === '2026-10-24' ? 2 : 0)).toBe(local.length);
      expect(local.at(-1)).toBe('Sun 23:00');
    }
  });
});
