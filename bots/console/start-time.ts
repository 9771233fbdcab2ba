/**
 * Where a fresh console's simulated clock starts: 09:00 (vendor time) on the first working morning
 * from the real now on which README's first command, "/book tomorrow 3pm" typed by the first demo
 * customer, finds staff working; so the story's first step leads to a Confirm whatever the real day
 * (a Friday night or a Sunday starts on the coming Monday). A database that already has a clock keeps it.
 */
import { DateTime } from 'luxon';
import type { Config } from '../../core/config/schema.js';
import { withinHours } from '../../core/availability/working-intervals.js';
import { CUSTOMERS } from './personas.js';

/** README's first command, and who types it (the customer pane's first persona). */
export const FIRST_COMMAND = { text: '/book tomorrow 3pm', customer: CUSTOMERS[0]!, hour: 15 } as const;

const MORNING_HOUR = 9;

export function consoleStartTime(realNow: Date, config: Config): Date {
  const length = config.sessionKinds.online.lengths[0]!;
  const someoneWorks = (start: DateTime) => config.staff.some((s) => withinHours(s, start.toJSDate(), start.plus({ minutes: length }).toJSDate()));
  const today = DateTime.fromJSDate(realNow, { zone: config.vendor.zone }).startOf('day');
  for (let i = 0; i < 28; i++) {
    const morning = today.plus({ days: i }).set({ hour: MORNING_HOUR });
    if (morning.toMillis() < realNow.getTime()) continue;
    const tomorrow = morning.setZone(FIRST_COMMAND.customer.zone).startOf('day').plus({ days: 1 }).set({ hour: FIRST_COMMAND.hour });
    if (someoneWorks(morning) && someoneWorks(tomorrow)) return morning.toJSDate();
  }
  return realNow;
}
