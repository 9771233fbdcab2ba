/**
 * How Discord messages write money, instants and booking details. Instants use Discord timestamp
 * markup (`<t:unix:F>`, `<t:unix:R>`) so each reader sees their own local time; next to it we name
 * the zone the request was understood in (core's readback), so nobody wonders which clock we meant.
 */
import { formatInstant } from '../../core/time/index.js';
import type { BookingCard } from '../../core/index.js';
import { money, minutesText, priceLine } from '../shared/wording.js';
import { cardKindName } from '../shared/present/booking.js';
export { money, minutesText, priceLine };


export const unix = (iso: string | Date): number => Math.floor(new Date(iso).getTime() / 1000);

/** `<t:1796140800:F> (<t:1796140800:R>)`: full date and time plus "in 2 days", in the reader's zone. */
export function stamp(iso: string | Date): string {
  const u = unix(iso);
  return `<t:${u}:F> (<t:${u}:R>)`;
}

/**
 * A time stated for a person: `<t:u:F> (Tue 1 Dec, 13:55 Chicago)`, the reader's own clock (markup)
 * and the wall time in the zone the booking or request was understood in, so both are on the page.
 */
export function stampIn(iso: string | Date, zone: string): string {
  return `<t:${unix(iso)}:F> (${formatInstant(new Date(iso), zone)})`;
}

/** Just the wall time and city in a zone: "15:00 New York" (for day lists, where the day is the heading). */
export function wallTime(iso: string | Date, zone: string): string {
  const full = formatInstant(new Date(iso), zone);
  const comma = full.indexOf(', ');
  return comma >= 0 ? full.slice(comma + 2) : full;
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

/**
 * Whether the booking can still change, from the card (core decided when it made it): the cutoff in
 * both clocks while open; once closed, that it is too late, never a cutoff already in the past.
 */
export function cutoffLine(card: BookingCard): string | null {
  if (!card.changeUntil) return null;
  if (!card.changeOpen) return closedLine(card);
  return `You can cancel or reschedule until ${stampIn(card.changeUntil, card.zone)}.`;
}

/** "It is now less than 65 minutes before …": the change window is closed. */
export function closedLine(card: BookingCard): string {
  const minutes = card.startsAt && card.changeUntil ? Math.round((Date.parse(card.startsAt) - Date.parse(card.changeUntil)) / 60_000) : null;
  const before = card.startsAt ? `the session (${stampIn(card.startsAt, card.zone)})` : 'the session';
  return minutes !== null && minutes > 0
    ? `It is now less than ${minutes} minutes before ${before}: it can no longer be cancelled or rescheduled.`
    : `${card.reference} can no longer be cancelled or rescheduled.`;
}

/** "We will remind you Tue 1 Dec, 13:00 and …" from the reminders still to come (none: no line). */
export function remindersLine(card: BookingCard): string | null {
  if (!card.remindersAt.length) return null;
  const times = card.remindersAt.map((r) => stampIn(r, card.zone));
  const list = times.length === 1 ? times[0]! : `${times.slice(0, -1).join(', ')} and ${times[times.length - 1]!}`;
  return `We will remind you ${list}.`;
}

/** The lines every message about one booking shares. */
export function detailLines(card: BookingCard, opts: { price?: boolean; join?: boolean } = {}): string[] {
  const lines = [`**${cardKindName('en', card)}** (${minutesText(card.lengthMinutes)}) with ${card.staffName ?? 'our staff'}`, `**When:** ${whenLine(card)}`];
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
    text: `${vendorName}: ${cardKindName('en', card)}`,
    dates: `${gcal(card.startsAt)}/${gcal(card.endsAt)}`,
    details,
    location: card.kind === 'online' ? card.joinUrl : card.phoneNumber,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
