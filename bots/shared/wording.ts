/** Plain wording every adapter uses the same way: money, lengths, and what a session costs. */
import type { BookingCard } from '../../core/notifications/types.js';

export function money(cents: number, currency: string): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(cents / 100);
}

export function minutesText(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

/** "Covered by your maintenance plan", or the price and "Paid sessions are not refundable." */
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
