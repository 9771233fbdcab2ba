/**
 * How we write an instant back to a person: "Tue 3 Dec, 15:00 Berlin (09:00 New York)".
 * Wall clock from offsets.ts and day/month names asked of Intl once per locale: this runs on every
 * parse, and building luxon DateTimes for it cost several times more than chrono's own parse.
 */
import { wallClock } from './offsets.js';

/** "Europe/Berlin" → "Berlin", "America/New_York" → "New York", "UTC+2" → "UTC+2". */
export function cityOf(zone: string): string {
  let city = cities.get(zone);
  if (city === undefined) {
    city = zone.includes('/') ? zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ') : zone;
    if (cities.size < 1000) cities.set(zone, city);
  }
  return city;
}
const cities = new Map<string, string>();

export interface FormatOptions {
  /** The vendor's zone: added in parentheses when it shows a different wall time. */
  vendorZone?: string;
  /** BCP 47 locale for day and month names; English by default. */
  locale?: string;
}

interface Parts {
  /** "Tue 3 Dec" */
  day: string;
  /** "15:00" */
  time: string;
  /** Year, month and day, to compare calendar days. */
  dayKey: string;
}

interface Names {
  weekdays: string[]; // 0 = Sunday
  months: string[];
}

const names = new Map<string, Names>();

/** Short weekday and month names for a locale, asked of Intl once (trailing dots dropped: "Dez." → "Dez"). */
function namesFor(locale: string): Names {
  let n = names.get(locale);
  if (!n) {
    let loc = locale;
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 0) loc = 'en';
    } catch {
      loc = 'en';
    }
    const wd = new Intl.DateTimeFormat(loc, { weekday: 'short', timeZone: 'UTC' });
    const mo = new Intl.DateTimeFormat(loc, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    const clean = (s: string) => s.replace(/\.$/, '');
    n = {
      // 2023-01-01 was a Sunday.
      weekdays: Array.from({ length: 7 }, (_, i) => clean(wd.format(Date.UTC(2023, 0, 1 + i)))),
      months: Array.from({ length: 12 }, (_, i) => clean(mo.formatToParts(Date.UTC(2023, i, 15)).find((p) => p.type === 'month')?.value ?? String(i + 1))),
    };
    names.set(locale, n);
  }
  return n;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function parts(date: Date, zone: string, locale: string): Parts {
  const w = wallClock(zone, date.getTime());
  const n = namesFor(locale);
  return {
    day: `${n.weekdays[w.getUTCDay()]} ${w.getUTCDate()} ${n.months[w.getUTCMonth()]}`,
    time: `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`,
    dayKey: `${w.getUTCFullYear()}-${w.getUTCMonth()}-${w.getUTCDate()}`,
  };
}

/** The vendor's parts when they show another wall time than the person's, else undefined. */
function vendorParts(date: Date, zone: string, options: FormatOptions, mine: Parts): Parts | undefined {
  const vendor = options.vendorZone;
  if (!vendor || vendor === zone) return undefined;
  const theirs = parts(date, vendor, options.locale ?? 'en');
  return theirs.dayKey === mine.dayKey && theirs.time === mine.time ? undefined : theirs;
}

/** One instant: "Tue 3 Dec, 15:00 Berlin (09:00 New York)"; the vendor part shows its day only when it differs. */
export function formatInstant(date: Date, zone: string, options: FormatOptions = {}): string {
  const here = parts(date, zone, options.locale ?? 'en');
  const head = `${here.day}, ${here.time} ${cityOf(zone)}`;
  const v = vendorParts(date, zone, options, here);
  if (!v) return head;
  return `${head} (${v.dayKey === here.dayKey ? v.time : `${v.day}, ${v.time}`} ${cityOf(options.vendorZone!)})`;
}

function range(a: Parts, b: Parts, to: Date, zone: string, locale: string, withDay: boolean): string {
  const start = withDay ? `${a.day}, ${a.time}` : a.time;
  if (a.dayKey === b.dayKey) return `${start}–${b.time}`;
  // `to` is the midnight that ends `from`'s day (its last minute is on `from`'s day): "…–24:00".
  // A window from Wed 23:00 to Fri 00:00 is not "Wed 23:00–24:00".
  if (b.time === '00:00' && parts(new Date(to.getTime() - 60_000), zone, locale).dayKey === a.dayKey) return `${start}–24:00`;
  return `${start} – ${b.day}, ${b.time}`;
}

/** A window: "Fri 4 Dec, 12:00–17:00 Berlin (06:00–11:00 New York)"; a day ending at midnight reads "…–24:00". */
export function formatWindow(from: Date, to: Date, zone: string, options: FormatOptions = {}): string {
  const locale = options.locale ?? 'en';
  const a = parts(from, zone, locale);
  const head = `${range(a, parts(to, zone, locale), to, zone, locale, true)} ${cityOf(zone)}`;
  const v = vendorParts(from, zone, options, a);
  if (!v) return head;
  const vendor = options.vendorZone!;
  return `${head} (${range(v, parts(to, vendor, locale), to, vendor, locale, v.dayKey !== a.dayKey)} ${cityOf(vendor)})`;
}
