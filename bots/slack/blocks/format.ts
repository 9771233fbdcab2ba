/** Money, times and price lines as every Slack message writes them. */
import { formatInstant, formatWindow } from '../../../core/time/index.js';
import type { BookingCard } from '../../../core/index.js';

export function money(cents: number, currency: string): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(cents / 100);
}

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

export function priceLine(card: Pick<BookingCard, 'priceCents' | 'currency' | 'priceBasis'>): string {
  if (card.priceCents === 0) return 'Covered by your maintenance plan';
  const amount = money(card.priceCents, card.currency);
  switch (card.priceBasis) {
    case 'plan_discount':
      return `${amount} (maintenance plan discount). Paid sessions are not refundable.`;
    case 'emergency':
      return `${amount} (emergency session). Paid sessions are not refundable.`;
    case 'plan_free':
    case 'standard_fee':
      return `${amount}. Paid sessions are not refundable.`;
  }
}

/** "You can cancel or reschedule until Tue 1 Dec, 13:55 New York." */
export function cutoffLine(card: BookingCard): string | null {
  if (!card.changeUntil) return null;
  return `You can cancel or reschedule until ${at(card.changeUntil, card.zone)}.`;
}

export function minutesText(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}
