import type { BookingCard } from '../../../core/index.js';
import { when } from './format.js';
import { linkButton, section, type SlackMessage } from './kit.js';

const gcalTime = (iso: string): string => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A Google Calendar "add event" template URL built from the card (no calendar feed is served). */
export function googleCalendarUrl(card: BookingCard, vendorName: string): string | null {
  if (!card.startsAt || !card.endsAt) return null;
  const details = [
    `Join: ${card.joinUrl}`,
    `Phone: ${card.phoneNumber}, PIN ${card.phonePin}`,
    `Booking ${card.reference}`,
  ]
    .filter(Boolean)
    .join('\n');
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: `${card.kindLabel} with ${vendorName}`,
    dates: `${gcalTime(card.startsAt)}/${gcalTime(card.endsAt)}`,
    details,
    location: card.kind === 'online' ? card.joinUrl : card.phoneNumber,
    ctz: card.zone,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

export function calendarMessage(card: BookingCard, vendorName: string): SlackMessage {
  const url = googleCalendarUrl(card, vendorName);
  if (!url) return { text: 'This session has no time yet.', blocks: [section('This session has no time yet: you will be able to add it once staff schedule it.')] };
  return {
    text: `Add ${card.kindLabel} ${when(card)} to your calendar: ${url}`,
    blocks: [
      section(`:calendar: *${card.kindLabel}* ${when(card)}\nOpen this link to add it to Google Calendar (other calendars: copy the time and join link from the confirmation).`),
      { type: 'actions', elements: [linkButton('Open Google Calendar', url, 'sk-calendar-link')] },
    ],
  };
}
