import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CORPUS, TYPED, type CorpusCase } from './corpus.js';
import { cityOf, formatInstant, formatWindow, parseWhen, type WhenResult } from './index.js';
import { readRequest } from '../booking/request-words.js';
import { compact } from './compact.js';

const wall = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm');

const LENGTHS = [30, 45, 60, 90];
function run(c: CorpusCase): string {
  const options = { now: new Date(c.now), zone: c.zone, locale: c.locale, workingHours: c.workingHours };
  if (!c.sentence) return compact(parseWhen(c.text, options));
  const r = readRequest(c.text, LENGTHS, options);
  return compact(r.when, { lengthMinutes: r.lengthMinutes, sessionKind: r.kind });
}

describe('a month or a year with no day is asked back, never read as today', () => {
  const options = { now: new Date('2026-12-01T15:00:00Z'), zone: 'America/New_York', locale: 'en-US' };
  it.each(['next month', 'in 3 months', 'next year', 'next year 3pm', 'this year', 'next quarter', 'december'])('%s', (text) => {
    expect(parseWhen(text, options)).toMatchObject({ kind: 'unparseable', hint: { code: 'no_day' } });
  });
  it('German and French too', () => {
    // (German asks whether "Monat" was "Montag")
    expect(parseWhen('nächsten Monat', { ...options, locale: 'de-DE' })).toMatchObject({ kind: 'unparseable' });
    expect(parseWhen('le mois prochain', { ...options, locale: 'fr-FR' })).toMatchObject({ kind: 'unparseable', hint: { code: 'no_day' } });
  });
  it('a day in it still reads: "end of the month", "next week", "this afternoon", "3 December"', () => {
    expect(compact(parseWhen('end of the month', options))).toBe('window 2026-12-31 00:00 → 2027-01-01 00:00');
    expect(parseWhen('next week', options).kind).toBe('window');
    expect(parseWhen('this afternoon', options).kind).toBe('window');
    expect(compact(parseWhen('3 December 10am', options))).toBe('exact 2026-12-03 10:00');
  });
});

describe('parseWhen corpus', () => {
  it('has at least 200 phrases across the six required zones', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(200);
    const zones = new Set(CORPUS.map((c) => c.zone));
    for (const z of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo', 'Pacific/Auckland']) {
      expect(zones.has(z)).toBe(true);
    }
  });

  it('has at least 150 phrases written the way customers type (issue 13), across the six languages', () => {
    expect(TYPED.length).toBeGreaterThanOrEqual(150);
    expect(new Set(TYPED.map((c) => (c.locale ?? 'en').slice(0, 2))).size).toBe(6);
  });

  it.each(CORPUS.map((c) => [`${c.rule} | ${c.zone}${c.locale ? ` ${c.locale}` : ''} | ${JSON.stringify(c.text.slice(0, 40))}`, c] as const))(
    '%s',
    (_name, c) => {
      expect(run(c)).toBe(c.expect);
    },
  );
});

describe('parseWhen details', () => {
  const now = new Date('2026-12-01T15:00:00Z');

  it('reads back in the person zone and the vendor zone', () => {
    const r = parseWhen('Dec 3 at 3pm', { now, zone: 'Europe/Berlin', vendorZone: 'America/New_York' });
    expect(r.kind).toBe('exact');
    if (r.kind !== 'exact') return;
    expect(r.readback).toBe('Thu 3 Dec, 15:00 Berlin (09:00 New York)');
    expect(r.zoneSource).toBe('person');
  });

  it('shows the vendor day when it differs', () => {
    const r = parseWhen('tomorrow at 9', { now, zone: 'Pacific/Auckland', vendorZone: 'Europe/Berlin' });
    expect(r.kind === 'exact' && r.readback).toBe('Thu 3 Dec, 09:00 Auckland (Wed 2 Dec, 21:00 Berlin)');
  });

  it('leaves out the vendor part when the vendor is in the same zone', () => {
    const r = parseWhen('tomorrow at 9', { now, zone: 'Europe/Berlin', vendorZone: 'Europe/Berlin' });
    expect(r.kind === 'exact' && r.readback).toBe('Wed 2 Dec, 09:00 Berlin');
  });

  it('says which zone was used when the text names one, and reads back in the person zone', () => {
    const r = parseWhen('3pm EST', { now, zone: 'Europe/Berlin' });
    expect(r.kind).toBe('exact');
    if (r.kind !== 'exact') return;
    expect(r.zone).toBe('America/New_York');
    expect(r.zoneSource).toBe('text');
    expect(r.start.toISOString()).toBe('2026-12-01T20:00:00.000Z');
    expect(r.readback).toBe('Tue 1 Dec, 21:00 Berlin');
    expect(r.notes).toEqual([{ code: 'zone_from_text', zone: 'America/New_York' }]);
  });

  it('reads "EST" in summer as New York daylight time (documented choice)', () => {
    const r = parseWhen('Jul 1 3pm EST', { now, zone: 'UTC' });
    expect(r.kind === 'exact' && r.start.toISOString()).toBe('2027-07-01T19:00:00.000Z');
  });

  it('takes the first of a repeated time, in daylight time, and says so', () => {
    const r = parseWhen('tomorrow 1:30am', { now: new Date('2027-11-06T15:00:00Z'), zone: 'America/New_York' });
    expect(r.kind).toBe('repeated_time');
    if (r.kind !== 'repeated_time') return;
    expect(r.start.toISOString()).toBe('2027-11-07T05:30:00.000Z');
    expect(r.note).toEqual({ code: 'repeated_time', time: '01:30', date: '2027-11-07', offset: 'UTC-04:00' });
  });

  it('gives the two nearest valid times around a skipped time, with readbacks', () => {
    const r = parseWhen('tomorrow 2:30am', { now: new Date('2027-03-27T15:00:00Z'), zone: 'Europe/Berlin' });
    expect(r.kind).toBe('nonexistent_time');
    if (r.kind !== 'nonexistent_time') return;
    expect(r.requested).toBe('2027-03-28 02:30');
    expect(r.nearest.map((d) => d.toISOString())).toEqual(['2027-03-28T00:30:00.000Z', '2027-03-28T01:30:00.000Z']);
    expect(r.nearestReadbacks).toEqual(['Sun 28 Mar, 01:30 Berlin', 'Sun 28 Mar, 03:30 Berlin']);
  });

  it('makes the spring-forward day 23 hours long and the fall-back day 25', () => {
    const spring = parseWhen('tomorrow', { now: new Date('2027-03-13T15:00:00Z'), zone: 'America/New_York' });
    const fall = parseWhen('tomorrow', { now: new Date('2027-10-30T15:00:00Z'), zone: 'Europe/Berlin' });
    expect(spring.kind === 'window' && (spring.to.getTime() - spring.from.getTime()) / 3_600_000).toBe(23);
    expect(fall.kind === 'window' && (fall.to.getTime() - fall.from.getTime()) / 3_600_000).toBe(25);
  });

  it('counts "in N hours" as elapsed time across a DST change', () => {
    const r = parseWhen('in 3 hours', { now: new Date('2027-03-14T06:30:00Z'), zone: 'America/New_York' });
    expect(r.kind === 'exact' && r.start.toISOString()).toBe('2027-03-14T09:30:00.000Z');
    expect(r.kind === 'exact' && wall(r.start, 'America/New_York')).toBe('2027-03-14 05:30');
  });

  it('gives each ambiguous option a label and a readback', () => {
    const r = parseWhen('3/4 at 10', { now, zone: 'America/New_York' });
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.options.map((o) => o.label)).toEqual(['2027-03-04', '2027-04-03']);
    expect(r.options.map((o) => o.readback)).toEqual(['Thu 4 Mar, 10:00 New York', 'Sat 3 Apr, 10:00 New York']);
  });

  it('labels am/pm options with the 24-hour time', () => {
    const r = parseWhen('tomorrow at 7', { now, zone: 'America/New_York' });
    expect(r.kind === 'ambiguous' && r.options.map((o) => o.label)).toEqual(['07:00', '19:00']);
  });

  it('refuses long input without parsing and gives a hint', () => {
    const r = parseWhen('tomorrow at 3'.padEnd(201, '!'), { now, zone: 'UTC' });
    expect(r.kind).toBe('unparseable');
    expect(r.kind === 'unparseable' && r.hint).toEqual({ code: 'too_long', max: 200 });
  });

  it('says why it does not understand, as a code the presenter words', () => {
    const r = parseWhen('soonish', { now, zone: 'UTC' });
    expect(r.kind === 'unparseable' && r.hint).toEqual({ code: 'no_time' });
    const two = parseWhen('Monday the 8th at 10', { now, zone: 'UTC' });
    expect(two.kind === 'unparseable' && two.hint).toEqual({ code: 'weekday_mismatch', date: '2026-12-08', weekday: 2, named: 1 });
    const which = parseWhen('tusrday 3pm', { now, zone: 'UTC' });
    expect(which.kind === 'unparseable' && which.hint).toEqual({ code: 'which_day', typed: 'tusrday', options: ['Tuesday', 'Thursday'] });
  });

  it('carries the words it corrected as values, and leaves the readback alone', () => {
    const r = parseWhen('tomorow at 2pm', { now, zone: 'America/New_York' });
    expect(r.kind === 'exact' && r.corrections).toEqual([{ typed: 'tomorow', read: 'tomorrow' }]);
    expect(r.kind === 'exact' && r.readback).toBe('Wed 2 Dec, 14:00 New York');
  });

  it('notes a slash date read day first because the month-first reading has passed', () => {
    const r = parseWhen('3/4 at 10', { now: new Date('2027-03-20T12:00:00Z'), zone: 'America/New_York' });
    expect(r.kind === 'exact' && r.notes).toEqual([{ code: 'other_date_order', read: '2027-04-03', passed: '2027-03-04' }]);
  });

  it('reads back in the person locale', () => {
    const r = parseWhen('morgen um 15 Uhr', { now, zone: 'Europe/Berlin', locale: 'de-DE', vendorZone: 'America/New_York' });
    expect(r.kind === 'exact' && r.readback).toBe('Mi 2 Dez, 15:00 Berlin (09:00 New York)');
  });

  it('notes when a bare time rolled to the next day', () => {
    const r = parseWhen('at 9', { now, zone: 'America/New_York' });
    expect(r.kind === 'exact' && r.notes).toEqual([{ code: 'rolled_to_next_day', date: '2026-12-01' }]);
  });

  it('throws on an unknown person zone (a bug, not a user error)', () => {
    expect(() => parseWhen('tomorrow', { now, zone: 'Mars/Olympus' })).toThrow(/unknown zone/);
  });
});

describe('formatInstant, formatWindow, cityOf', () => {
  const at = new Date('2026-12-03T14:00:00Z');
  it('formats the issue example', () => {
    expect(formatInstant(at, 'Europe/Berlin', { vendorZone: 'America/New_York' })).toBe('Thu 3 Dec, 15:00 Berlin (09:00 New York)');
  });
  it('formats a window across zones', () => {
    expect(formatWindow(new Date('2026-12-04T11:00:00Z'), new Date('2026-12-04T16:00:00Z'), 'Europe/Berlin', { vendorZone: 'America/New_York' })).toBe(
      'Fri 4 Dec, 12:00–17:00 Berlin (06:00–11:00 New York)',
    );
  });
  it('reads "–24:00" only for the midnight that ends the window\'s own day', () => {
    const berlin = 'Europe/Berlin';
    expect(formatWindow(new Date('2026-12-03T22:00:00Z'), new Date('2026-12-03T23:00:00Z'), berlin)).toBe('Thu 3 Dec, 23:00–24:00 Berlin');
    expect(formatWindow(new Date('2026-12-02T23:00:00Z'), new Date('2026-12-03T23:00:00Z'), berlin)).toBe('Thu 3 Dec, 00:00–24:00 Berlin');
    // 25 hours from Wed 23:00 to Fri 00:00 is not "Wed 23:00–24:00"
    expect(formatWindow(new Date('2026-12-02T22:00:00Z'), new Date('2026-12-03T23:00:00Z'), berlin)).toBe('Wed 2 Dec, 23:00 – Fri 4 Dec, 00:00 Berlin');
    expect(formatWindow(new Date('2026-12-03T22:30:00Z'), new Date('2026-12-03T23:30:00Z'), berlin)).toBe('Thu 3 Dec, 23:30 – Fri 4 Dec, 00:30 Berlin');
    // the 25-hour day of 25 Oct 2026 still ends at 24:00
    expect(formatWindow(new Date('2026-10-24T22:00:00Z'), new Date('2026-10-25T23:00:00Z'), berlin)).toBe('Sun 25 Oct, 00:00–24:00 Berlin');
  });
  it('names cities', () => {
    expect(cityOf('America/New_York')).toBe('New York');
    expect(cityOf('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(cityOf('UTC+2')).toBe('UTC+2');
    expect(cityOf('UTC')).toBe('UTC');
  });
});
