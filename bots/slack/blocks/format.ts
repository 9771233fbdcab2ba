/** Money, times and price lines as every Slack message writes them. */
import { formatInstant, formatWindow } from '../../../core/time/index.js';
import type { BookingCard } from '../../../core/index.js';
import { money, minutesText, priceLine } from '../../shared/wording.js';
export { money, minutesText, priceLine };


/** "Tue 1 Dec, 15:00 New York" in the given zone (the recipient's). */
export function at(iso: string, zone: string, vendorZone?: string): string {
  return formatInstant(new Date(iso), zone, vendorZone ? { vendorZone } : {});
}

export function window(fromIso: string, toIso: string, zone: string, vendorZone?: string): string {
  return formatWindow(new Date(fromIso), new Date(toIso), zone, vendorZone ? { vendorZone } : {});
}

/** The session's time range in the card's zone, or "time to be set" for a waiting emergency. */
export function when(card: BookingCard): string {
  if (!card.startsAt || !card.endsAt) return 'time to be set by our staff';
  return window(card.startsAt, card.endsAt, card.zone);
}


/** "You can cancel or reschedule until Tue 1 Dec, 13:55 New York." */
export function cutoffLine(card: BookingCard): string | null {
  if (!card.changeUntil) return null;
  return `You can cancel or reschedule until ${at(card.changeUntil, card.zone)}.`;
}

