/**
 * How Discord messages write money, instants and booking details. Instants use Discord timestamp
 * markup (`<t:unix:F>`, `<t:unix:R>`) so each reader sees their own local time; next to it we name
 * the zone the request was understood in (core's readback), so nobody wonders which clock we meant.
 */
import { formatInstant } from '../../core/time/index.js';
import type { BookingCard } from '../../core/index.js';
import { money, minutesText, priceLine } from '../shared/wording.js';
export { money, minutesText, priceLine };


export const unix = (iso: string | Date): number => Math.floor(new Date(iso).getTime() / 1000);

/** `<t:1796140800:F> (<t:1796140800:R>)`: full date and time plus "in 2 days", in the reader's zone. */
export function stamp(iso: string | Date): string {
  const u = unix(iso);
  return `<t:${u}:F> (<t:${u}:R>)`;
}

/** A button label (no markup allowed there): "Tue 1 Dec, 15:00 New York". */
export function label(iso: string, zone: string): string {
  return formatInstant(new Date(iso), zone).slice(0, 80);
}



/** Start and end as markup (the reader's own time), then the wall time in the card's zone (and the vendor's). */
export function whenLine(card: BookingCard): string {
  if (!card.startsAt || !card.endsAt) return 'time to be set by our staff';
  return `${stamp(card.startsAt)} until <t:${unix(card.endsAt)}:t> · ${formatInstant(new Date(card.startsAt), card.zone, { vendorZone: card.vendorZone })}`;
}

export function cutoffLine(card: BookingCard): string | null {
  if (!card.changeUntil) return null;
  return `You can cancel or reschedule until <t:${unix(card.changeUntil)}:F> (<t:${unix(card.changeUntil)}:R>).`;
}

/** The lines every message about one booking shares. */
export function detailLines(card: BookingCard, opts: { price?: boolean; join?: boolean } = {}): string[] {
  const lines = [`**${card.kindLabel}** (${minutesText(card.lengthMinutes)}) with ${card.staffName ?? 'our staff'}`, `**When:** ${whenLine(card)}`];
  if (opts.join !== false) {
    lines.push(`**Join${card.kind === 'online' ? '' : ' online (optional)'}:** ${card.joinUrl}`);
    lines.push(`**Phone:** ${card.phoneNumber}, PIN ${card.phonePin}`);
  }
  if (opts.price !== false) lines.push(`**Price:** ${priceLine(card)}`);
  return lines;
}

const gcal = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A Google Calendar "add event" link built from the card (no account or API needed). */
export function calendarUrl(card: BookingCard, vendorName: string): string | null {
  if (!card.startsAt || !card.endsAt) return null;
  const details = [
    `Join: ${card.joinUrl}`,
    `Phone: ${card.phoneNumber}, PIN ${card.phonePin}`,
    `Booking ${card.reference}`,
  ].filter(Boolean).join('\n');
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: `${vendorName}: ${card.kindLabel}`,
    dates: `${gcal(card.startsAt)}/${gcal(card.endsAt)}`,
    details,
    location: card.kind === 'online' ? card.joinUrl : card.phoneNumber,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
