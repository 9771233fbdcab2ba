/** Money, times and booking lines as every console message (and the demo transcript) writes them. */
import { formatInstant, formatWindow } from '../../../core/time/index.js';
import type { BookingCard } from '../../../core/index.js';
import { money, minutesText, priceLine as sharedPriceLine } from '../../shared/wording.js';
export { money, minutesText };


/** "Tue 1 Dec, 15:00 Chicago (16:00 New York)": one instant in the reader's zone, the vendor's beside it. */
export function at(iso: string | Date, zone: string, vendorZone?: string): string {
  return formatInstant(new Date(iso), zone, vendorZone ? { vendorZone } : {});
}

export function span(fromIso: string, toIso: string, zone: string, vendorZone?: string): string {
  return formatWindow(new Date(fromIso), new Date(toIso), zone, vendorZone ? { vendorZone } : {});
}

/** The session's time range in the card's zone, or what is waiting for a time. */
export function when(card: BookingCard): string {
  if (!card.startsAt || !card.endsAt) return 'time to be set by our staff';
  return span(card.startsAt, card.endsAt, card.zone, card.vendorZone);
}

export function priceLine(card: Pick<BookingCard, 'priceCents' | 'currency' | 'priceBasis'> & Partial<Pick<BookingCard, 'paymentInstructions' | 'reference'>>): string {
  return card.priceCents === 0 ? 'Price: covered by your maintenance plan.' : `Price: ${sharedPriceLine(card)}`;
}

/** "You can cancel or reschedule up to 65 minutes prior to the scheduled start time": the exact instant. */
export function cutoffLine(card: BookingCard): string | null {
  if (!card.changeUntil) return null;
  return `You can cancel or reschedule until ${at(card.changeUntil, card.zone)}.`;
}

/** How to join: the tracked link (online) or the conference line and PIN (both kinds). */
export function joinLines(card: BookingCard): string[] {
  const phone = `Or call ${card.phoneNumber}, PIN ${card.phonePin}.`;
  return card.kind === 'online' ? [`Join online: ${card.joinUrl}`, phone] : [`Call ${card.phoneNumber}, PIN ${card.phonePin}.`, `Details: ${card.joinUrl}`];
}


export function refLine(card: BookingCard): string {
  const who = [card.companyName, card.memberName].filter(Boolean).join(', ');
  return `Ref ${card.reference}${card.staffName ? ` · with ${card.staffName}` : ''}${who ? ` · ${who}` : ''}`;
}
