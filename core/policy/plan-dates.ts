/**
 * A maintenance plan "until 2027-12-31" covers that whole day in the vendor's zone: it ends at the
 * next local midnight. Returns null for anything that is not a real YYYY-MM-DD date.
 */
import { DateTime } from 'luxon';

export function planEndAfter(date: string, vendorZone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const d = DateTime.fromISO(date, { zone: vendorZone });
  return d.isValid ? d.plus({ days: 1 }).startOf('day').toJSDate() : null;
}

/**
 * The last day a plan ending at `planUntil` covers, as a vendor-zone date ("2027-12-31"): the day
 * before the local midnight it ends at (an end at another instant covers the day it falls in).
 * Everyone is shown this date, whatever their own zone.
 */
export function planLastDay(planUntil: Date, vendorZone: string): string {
  return DateTime.fromMillis(planUntil.getTime() - 1, { zone: vendorZone }).toISODate()!;
}

/** "2027-12-31" → "31 Dec 2027" (no zone: a date is the same date for everyone). */
export function formatPlanDate(date: string): string {
  const d = DateTime.fromISO(date, { zone: 'UTC' });
  return d.isValid ? d.toFormat('d LLL yyyy') : date;
}
