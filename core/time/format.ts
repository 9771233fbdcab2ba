/** How we write an instant back to a person: "Tue 3 Dec, 15:00 Berlin (09:00 New York)". */
import { DateTime } from 'luxon';

/** "Europe/Berlin" → "Berlin", "America/New_York" → "New York", "UTC+2" → "UTC+2". */
export function cityOf(zone: string): string {
  if (!zone.includes('/')) return zone;
  const last = zone.slice(zone.lastIndexOf('/') + 1);
  return last.replace(/_/g, ' ');
}

export interface FormatOptions {
  /** The vendor's zone: added in parentheses when it shows a different wall time. */
  vendorZone?: string;
  /** BCP 47 locale for day and month names; English by default. */
  locale?: string;
}

const DAY = 'ccc d LLL';
const TIME = 'HH:mm';

function local(date: Date, zone: string, locale: string): DateTime {
  return DateTime.fromJSDate(date, { zone }).setLocale(locale);
}

function vendorPart(date: Date, zone: string, vendorZone: string | undefined, locale: string, fmt: (d: DateTime, ref: DateTime) => string): string {
  if (!vendorZone || vendorZone === zone) return '';
  const mine = local(date, zone, locale);
  const theirs = local(date, vendorZone, locale);
  if (mine.offset === theirs.offset) return '';
  return ` (${fmt(theirs, mine)} ${cityOf(vendorZone)})`;
}

/** One instant: "Tue 3 Dec, 15:00 Berlin (09:00 New York)"; the vendor part shows its day only when it differs. */
export function formatInstant(date: Date, zone: string, options: FormatOptions = {}): string {
  const locale = options.locale ?? 'en';
  const here = local(date, zone, locale);
  const head = `${here.toFormat(DAY)}, ${here.toFormat(TIME)} ${cityOf(zone)}`;
  return (
    head +
    vendorPart(date, zone, options.vendorZone, locale, (v, m) =>
      v.hasSame(m, 'day') ? v.toFormat(TIME) : `${v.toFormat(DAY)}, ${v.toFormat(TIME)}`,
    )
  );
}

function range(from: DateTime, to: DateTime, withDay: boolean): string {
  const sameDay = from.hasSame(to, 'day') || to.equals(from.plus({ days: 1 }).startOf('day'));
  const start = withDay ? `${from.toFormat(DAY)}, ${from.toFormat(TIME)}` : from.toFormat(TIME);
  const end = sameDay ? (to.hour === 0 && to.minute === 0 && !to.hasSame(from, 'day') ? '24:00' : to.toFormat(TIME)) : `${to.toFormat(DAY)}, ${to.toFormat(TIME)}`;
  return sameDay ? `${start}–${end}` : `${start} – ${end}`;
}

/** A window: "Fri 4 Dec, 12:00–17:00 Berlin (06:00–11:00 New York)". */
export function formatWindow(from: Date, to: Date, zone: string, options: FormatOptions = {}): string {
  const locale = options.locale ?? 'en';
  const head = `${range(local(from, zone, locale), local(to, zone, locale), true)} ${cityOf(zone)}`;
  return (
    head +
    vendorPart(from, zone, options.vendorZone, locale, (v, m) => {
      const vTo = local(to, options.vendorZone!, locale);
      return range(v, vTo, !v.hasSame(m, 'day'));
    })
  );
}
