import type { BookingCard } from '../../../core/index.js';
import { confirmedBlocks } from './booking-details.js';
import { when } from './format.js';
import type { SlackMessage } from './kit.js';

/** booking_confirmed: the session is booked. */
export function confirmationMessage(card: BookingCard, closeMinutes: number): SlackMessage {
  return {
    text: `Booked: ${card.kindLabel} ${when(card)}`,
    blocks: confirmedBlocks(card, ':white_check_mark: *Your session is booked.*', closeMinutes, { reminders: true }),
  };
}
