import { Info } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetAt, offsetLabel, wallClock } from './offsets.js';

describe('offsetAt', () => {
  // Every 97 minutes across 2026-2028 agrees with luxon/Intl, in zones with 60- and 30-minute DST shifts.
  it.each(['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo', 'Pacific/Auckland', 'Australia/Lord_Howe', 'Europe/London', 'UTC+2'])(
    'agrees with Intl in %s',
    (zone) => {
      const z = Info.normalizeZone(zone);
      const mismatches: string[] = [];
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2029, 0, 1); t += 97 * 60_000) {
        if (offsetAt(zone, t) !== z.offset(t)) mismatches.push(new Date(t).toISOString());
      }
      expect(mismatches).toEqual([]);
    },
  );

  it('switches at the exact minute of a transition', () => {
    // New York springs forward at 2027-03-14 07:00 UTC.
    expect(offsetAt('America/New_York', Date.UTC(2027, 2, 14, 6, 59))).toBe(-300);
    expect(offsetAt('America/New_York', Date.UTC(2027, 2, 14, 7, 0))).toBe(-240);
  });

  it('gives the wall clock and an offset label', () => {
    expect(wallClock('Asia/Kolkata', Date.UTC(2026, 11, 1, 15, 0)).toISOString()).toBe('2026-12-01T20:30:00.000Z');
    expect(offsetLabel(330)).toBe('+05:30');
    expect(offsetLabel(-240)).toBe('-04:00');
  });
});
