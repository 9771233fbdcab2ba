/**
 * Calendar files (iCalendar, RFC 5545/5546) for a booking, made by ical-generator, never by hand.
 * One event per booking: its UID never changes, its SEQUENCE is the booking's (it goes up with each
 * change), so a calendar that imported the first file follows every later one. A live booking is a
 * METHOD:REQUEST; a cancelled or declined one a METHOD:CANCEL. The join link and the phone line with
 * its PIN are in the description; an alarm rings 15 minutes before.
 */
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Config } from '../../../core/config/schema.js';
import type { BookingCard, Notice } from '../../../core/notifications/types.js';
import { cardKindName } from '../present/booking.js';

export type IcsMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

const ALARM_MINUTES = 15;

function host(config: Config): string {
  try {
    return new URL(config.publicBaseUrl).hostname || 'slotkeeper';
  } catch {
    return 'slotkeeper';
  }
}

/** The event's UID: the same for every file about this booking. */
export function eventUid(config: Config, bookingId: string): string {
  return `${bookingId}@${host(config)}`;
}

/** The address part of "Name <addr>" (or the whole string). */
export function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return (m ? m[1]! : from).trim();
}

function displayNameOf(from: string, fallback: string): string {
  const m = /^\s*"?([^"<]+?)"?\s*</.exec(from);
  return m ? m[1]!.trim() : fallback;
}

function description(card: BookingCard): string {
  const lines = [`${cardKindName('en', card)}, ${card.lengthMinutes} minutes${card.staffName ? ` with ${card.staffName}` : ''}.`];
  if (card.kind === 'online') lines.push(`Join online: ${card.joinUrl}`);
  lines.push(`Phone: ${card.phoneNumber}, PIN ${card.phonePin}`);
  if (card.manageUrl) lines.push(`Reschedule or cancel: ${card.manageUrl}`);
  lines.push(`Reference: ${card.reference}`);
  return lines.join('\n');
}

interface EventInput {
  card: BookingCard;
  cancelled: boolean;
}

function addEvent(cal: ReturnType<typeof ical>, config: Config, e: EventInput, stamp: Date, attendee: string | null): void {
  const { card } = e;
  if (!card.startsAt || !card.endsAt) return;
  const from = config.mail?.from ?? `${config.vendor.name} <noreply@${host(config)}>`;
  cal.createEvent({
    id: eventUid(config, card.bookingId),
    sequence: card.sequence ?? 0,
    stamp,
    start: new Date(card.startsAt),
    end: new Date(card.endsAt),
    summary: `${cardKindName('en', card)} with ${config.vendor.name}`,
    description: description(card),
    location: card.kind === 'online' ? card.joinUrl : `${card.phoneNumber} (PIN ${card.phonePin})`,
    url: card.manageUrl ?? card.joinUrl,
    status: e.cancelled ? ICalEventStatus.CANCELLED : card.status === 'pending_approval' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    organizer: { name: displayNameOf(from, config.vendor.name), email: addressOf(from) },
    ...(attendee ? { attendees: [{ email: attendee, name: card.memberName ?? undefined }] } : {}),
    ...(e.cancelled ? {} : { alarms: [{ type: ICalAlarmType.display, trigger: ALARM_MINUTES * 60, description: `${cardKindName('en', card)} in ${ALARM_MINUTES} minutes` }] }),
  });
}

/** The calendar file of one booking as this card shows it. */
export function bookingIcs(config: Config, card: BookingCard, opts: { method: Exclude<IcsMethod, 'PUBLISH'>; stamp: Date; attendee?: string | null }): string {
  const cal = ical({ prodId: { company: 'Slotkeeper', product: 'slotkeeper', language: 'EN' }, method: opts.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  addEvent(cal, config, { card, cancelled: opts.method === 'CANCEL' }, opts.stamp, opts.attendee ?? null);
  return cal.toString();
}

/** A staff member's subscription feed: their sessions, each with the UID and SEQUENCE of its booking. */
export function feedIcs(config: Config, name: string, cards: BookingCard[], stamp: Date): string {
  const cal = ical({ prodId: { company: 'Slotkeeper', product: 'slotkeeper', language: 'EN' }, method: ICalCalendarMethod.PUBLISH, name, ttl: 15 * 60 });
  for (const card of cards) addEvent(cal, config, { card, cancelled: card.status === 'cancelled' }, stamp, null);
  return cal.toString();
}

/** Which notices carry a calendar file, and of what kind. */
export function icsMethodFor(n: Notice): Exclude<IcsMethod, 'PUBLISH'> | null {
  switch (n.type) {
    case 'booking_confirmed':
    case 'booking_pending':
    case 'booking_approved':
    case 'booking_rescheduled':
    case 'reminder':
    case 'emergency_scheduled':
      return 'REQUEST';
    case 'booking_cancelled':
    case 'booking_declined':
      return 'CANCEL';
    default:
      return null;
  }
}
