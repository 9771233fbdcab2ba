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
