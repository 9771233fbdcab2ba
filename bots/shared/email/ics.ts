/**
 * Calendar files (iCalendar, RFC 5545/5546) for a booking, made by ical-generator, never by hand.
 * One event per booking: its UID never changes, its SEQUENCE is the booking's (it goes up with each
 * change), so a calendar that imported the first file follows every later one. A live booking is a
 * METHOD:REQUEST; a cancelled or declined one a METHOD:CANCEL. The join link and the phone line with
 * its PIN are in the description; an alarm rings 15 minutes before. The words (summary, description,
 * the alarm's text, a feed's name) come from the shared catalogs (keys `ics.*`) in the reader's
 * language: the booking member's for their files, the vendor's for staff copies and feeds.
 */
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Config } from '../../../core/config/schema.js';
import type { BookingCard, Notice } from '../../../core/notifications/types.js';
import { cardKindName } from '../present/booking.js';
import { duration, ts, type Lang } from '../present/i18n.js';

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

/**
 * The event's words in one language: what the calendar shows as its title, its notes, and the alarm.
 * `staff`: a staff member's feed, whose card core made for staff (the room itself, no self-service
 * link): titled with the customer instead of the vendor.
 */
export function icsText(L: Lang, config: Config, card: BookingCard, opts: { staff?: boolean } = {}): { summary: string; description: string; alarm: string; location: string } {
  const name = cardKindName(L, card);
  const lines = [ts(L, 'ics.what', { name, length: duration(L, card.lengthMinutes), staff: card.staffName })];
  if (card.kind === 'online' && card.joinUrl) lines.push(ts(L, 'ics.join', { url: card.joinUrl }));
  lines.push(ts(L, 'ics.phone', { number: card.phoneNumber, pin: card.phonePin }));
  if (card.manageUrl) lines.push(ts(L, 'ics.manage', { url: card.manageUrl }));
  lines.push(ts(L, 'ics.reference', { reference: card.reference }));
  const who = [card.memberName, card.companyName].filter(Boolean).join(', ');
  const phone = ts(L, 'booking.phone', { number: card.phoneNumber, pin: card.phonePin });
  return {
    summary: opts.staff && who ? ts(L, 'ics.staffSummary', { name, who }) : ts(L, 'ics.summary', { name, vendor: config.vendor.name }),
    description: lines.join('\n'),
    alarm: ts(L, 'ics.alarm', { name, minutes: ALARM_MINUTES }),
    location: card.kind === 'online' && card.joinUrl ? card.joinUrl : phone,
  };
}

interface EventInput {
  card: BookingCard;
  cancelled: boolean;
  staff?: boolean;
}

function addEvent(cal: ReturnType<typeof ical>, config: Config, L: Lang, e: EventInput, stamp: Date, attendee: string | null): void {
  const { card } = e;
  if (!card.startsAt || !card.endsAt) return;
  const words = icsText(L, config, card, { staff: e.staff ?? false });
  const from = config.mail?.from ?? `${config.vendor.name} <noreply@${host(config)}>`;
  cal.createEvent({
    id: eventUid(config, card.bookingId),
    sequence: card.sequence ?? 0,
    stamp,
    start: new Date(card.startsAt),
    end: new Date(card.endsAt),
    summary: words.summary,
    description: words.description,
    location: words.location,
    ...(card.manageUrl || card.joinUrl ? { url: card.manageUrl ?? card.joinUrl } : {}),
    status: e.cancelled ? ICalEventStatus.CANCELLED : card.status === 'pending_approval' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    organizer: { name: displayNameOf(from, config.vendor.name), email: addressOf(from) },
    ...(attendee ? { attendees: [{ email: attendee, name: card.memberName ?? undefined }] } : {}),
    ...(e.cancelled ? {} : { alarms: [{ type: ICalAlarmType.display, trigger: ALARM_MINUTES * 60, description: words.alarm }] }),
  });
}

/** The calendar file of one booking as this card shows it, worded in `lang` (the reader's). */
export function bookingIcs(config: Config, card: BookingCard, opts: { method: Exclude<IcsMethod, 'PUBLISH'>; stamp: Date; attendee?: string | null; lang: Lang }): string {
  const cal = ical({ prodId: { company: 'Slotkeeper', product: 'slotkeeper', language: opts.lang.toUpperCase() }, method: opts.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  addEvent(cal, config, opts.lang, { card, cancelled: opts.method === 'CANCEL' }, opts.stamp, opts.attendee ?? null);
  return cal.toString();
}

/** A staff member's subscription feed: their sessions, each with the UID and SEQUENCE of its booking; in `lang` (the vendor's). */
export function feedIcs(config: Config, staffName: string, cards: BookingCard[], stamp: Date, lang: Lang): string {
  const cal = ical({ prodId: { company: 'Slotkeeper', product: 'slotkeeper', language: lang.toUpperCase() }, method: ICalCalendarMethod.PUBLISH, name: ts(lang, 'ics.feedName', { staff: staffName }), ttl: 15 * 60 });
  for (const card of cards) addEvent(cal, config, lang, { card, cancelled: card.status === 'cancelled', staff: true }, stamp, null);
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
