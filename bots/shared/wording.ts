/** Plain wording every adapter uses the same way: money, lengths, and what a session costs. */
import type { BookingCard } from '../../core/notifications/types.js';
import { money as presentMoney } from './present/i18n.js';

/** "$75", "$12.50", in English: the presenter's money (amounts in the currency's minor unit). */
export function money(cents: number, currency: string): string {
  return presentMoney('en', cents, currency);
}

export function minutesText(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

/** "Covered by your maintenance plan", or the price and "Paid sessions are not refundable." */
export function priceLine(card: Pick<BookingCard, 'priceCents' | 'currency' | 'priceBasis'> & Partial<Pick<BookingCard, 'paymentInstructions' | 'reference'>>): string {
  if (card.priceCents === 0) return 'Covered by your maintenance plan';
  const amount = money(card.priceCents, card.currency);
  const pay = card.paymentInstructions ? ` How to pay: ${card.paymentInstructions}${card.reference ? ` (reference ${card.reference})` : ''}.` : '';
  switch (card.priceBasis) {
    case 'plan_discount':
      return `${amount} (maintenance plan discount). Paid sessions are not refundable.${pay}`;
    case 'emergency':
      return `${amount} (emergency session). Paid sessions are not refundable.${pay}`;
    case 'plan_free':
    case 'standard_fee':
      return `${amount}. Paid sessions are not refundable.${pay}`;
  }
}

/** "/support-code ACME-2026 switch": the code, and whether the person confirms leaving their current company. */
export function readCodeText(text: string): { code: string; confirmSwitch: boolean } {
  const m = /^(.*?)\s+switch$/i.exec(text.trim());
  return m ? { code: m[1]!.trim(), confirmSwitch: true } : { code: text.trim(), confirmSwitch: false };
}
