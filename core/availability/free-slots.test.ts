import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { freeSlots, overlapsBusy, type Busy } from './free-slots.js';
import { workingIntervals } from './working-intervals.js';
import type { StaffConfig } from '../config/schema.js';

function everyDay(zone: string, range = '09:00-17:00'): StaffConfig {
  const hours = { mon: range, tue: range, wed: range, thu: range, fri: range, sat: range, sun: range };
  return { id: 'x', name: 'X', zone, identities: {}, hours, daysOff: [] } as StaffConfig;
}

const iso = (d: Date) => d.toISOString();
const busy = (start: string, end: string, bufferMinutes = 10): Busy => ({ start: new Date(start), end: new Date(end), bufferMinutes });

describe('free slots', () => {
  const working = [{ start: new Date('2026-12-01T14:00:00Z'), end: new Date('2026-12-01T17:00:00Z') }];
  const base = { working, lengthMinutes: 30, bufferMinutes: 10, stepMinutes: 30, notBefore: new Date('2026-12-01T00:00:00Z'), notAfter: new Date('2026-12-02T00:00:00Z') };

  it('offers every step that fits inside working time', () => {
    expect(freeSlots({ ...base, busy: [] }).map(iso)).toEqual([
      '2026-12-01T14:00:00.000Z', '2026-12-01T14:30:00.000Z', '2026-12-01T15:00:00.000Z',
      '2026-12-01T15:30:00.000Z', '2026-12-01T16:00:00.000Z', '2026-12-01T16:30:00.000Z',
    ]);
  });
  it('keeps the buffer after another booking and the new session\'s own buffer before the next', () => {
    const slots = freeSlots({ ...base, busy: [busy('2026-12-01T15:00:00Z', '2026-12-01T15:30:00Z')] }).map(iso);
    // 14:30 ends at 15:00 but needs its 10-minute buffer; 15:30 starts inside the 15:30-15:40 buffer.
    expect(slots).toEqual(['2026-12-01T14:00:00.000Z', '2026-12-01T16:00:00.000Z', '2026-12-01T16:30:00.000Z']);
  });
  it('respects notBefore, notAfter and limit, and ignores busy input order', () => {
    const b = [busy('2026-12-01T16:00:00Z', '2026-12-01T16:30:00Z', 0), busy('2026-12-01T14:00:00Z', '2026-12-01T14:30:00Z', 0)];
    const slots = freeSlots({ ...base, bufferMinutes: 0, busy: b, notBefore: new Date('2026-12-01T14:10:00Z'), notAfter: new Date('2026-12-01T16:30:00Z') });
    expect(slots.map(iso)).toEqual(['2026-12-01T14:30:00.000Z', '2026-12-01T15:00:00.000Z', '2026-12-01T15:30:00.000Z', '2026-12-01T16:30:00.000Z']);
    expect(freeSlots({ ...base, busy: [], limit: 2 })).toHaveLength(2);
  });
  it('treats touching intervals as free when there is no buffer', () => {
    expect(overlapsBusy(Date.parse('2026-12-01T15:30:00Z'), Date.parse('2026-12-01T16:00:00Z'), [busy('2026-12-01T15:00:00Z', '2026-12-01T15:30:00Z', 0)])).toBe(false);
    expect(overlapsBusy(Date.parse('2026-12-01T14:30:00Z'), Date.parse('2026-12-01T15:00:00Z'), [busy('2026-12-01T15:00:00Z', '2026-12-01T15:30:00Z', 0)])).toBe(false);
    expect(overlapsBusy(Date.parse('2026-12-01T14:31:00Z'), Date.parse('2026-12-01T15:01:00Z'), [busy('2026-12-01T15:00:00Z', '2026-12-01T15:30:00Z', 0)])).toBe(true);
  });

  for (const [zone, date, hours] of [
    ['America/New_York', '2027-03-14', 23], ['America/New_York', '2026-11-01', 25],
    ['Europe/London', '2027-03-28', 23], ['Europe/London', '2026-10-25', 25],
    ['Europe/Berlin', '2027-03-28', 23], ['Europe/Berlin', '2026-10-25', 25],
  ] as const) {
    it(`${zone} ${date}: hourly slots over the whole ${hours}-hour day, and 16 half-hour slots 09:00-16:30 local`, () => {
      const day = DateTime.fromISO(date, { zone });
      const from = day.toJSDate();
      const to = day.plus({ days: 1 }).toJSDate();
      const full = freeSlots({ working: workingIntervals(everyDay(zone, '00:00-24:00'), from, to), busy: [], lengthMinutes: 60, bufferMinutes: 0, stepMinutes: 60, notBefore: from, notAfter: to });
      expect(full).toHaveLength(hours);
      const office = freeSlots({ working: workingIntervals(everyDay(zone), from, to), busy: [], lengthMinutes: 30, bufferMinutes: 0, stepMinutes: 30, notBefore: from, notAfter: to });
      const local = office.map((d) => DateTime.fromJSDate(d, { zone }).toFormat('HH:mm'));
      expect(local).toHaveLength(16);
      expect(local[0]).toBe('09:00');
      expect(local.at(-1)).toBe('16:30');
    });
  }
});

describe('free slots: the moving pointer finds exactly what a full scan finds', () => {
  /** The plain definition: every step start whose time plus buffer overlaps no busy time plus buffer. */
  function reference(input: Parameters<typeof freeSlots>[0]): string[] {
    const out: string[] = [];
    const working = [...input.working].sort((a, b) => a.start.getTime() - b.start.getTime());
    for (const w of working) {
      for (let s = w.start.getTime(); s + input.lengthMinutes * 60_000 <= w.end.getTime(); s += input.stepMinutes * 60_000) {
        if (s < input.notBefore.getTime() || s > input.notAfter.getTime()) continue;
        if (!overlapsBusy(s, s + (input.lengthMinutes + input.bufferMinutes) * 60_000, input.busy)) out.push(new Date(s).toISOString());
      }
    }
    return out;
  }
  // A small deterministic generator, so a failure reproduces.
  let seed = 42;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);

  it('on 300 random days of overlapping, nested and long busy times, with ranges given out of order', () => {
    for (let round = 0; round < 300; round++) {
      const day = Date.parse('2027-03-14T00:00:00Z');
      const busy: Busy[] = Array.from({ length: rnd(30) }, () => {
        const start = day + rnd(24 * 12) * 5 * 60_000;
        return { start: new Date(start), end: new Date(start + (5 + rnd(rnd(10) === 0 ? 600 : 90)) * 60_000), bufferMinutes: rnd(3) * 5 };
      });
      const working = [
        { start: new Date(day + 13 * 3600_000), end: new Date(day + 18 * 3600_000) },
        { start: new Date(day + 6 * 3600_000), end: new Date(day + 12 * 3600_000) },
      ];
      const input = { working, busy, lengthMinutes: [30, 60][rnd(2)]!, bufferMinutes: rnd(3) * 5, stepMinutes: [5, 15, 30][rnd(3)]!, notBefore: new Date(day + rnd(10) * 3600_000), notAfter: new Date(day + 24 * 3600_000) };
      expect(freeSlots(input).map(iso)).toEqual(reference(input));
    }
  });
});
