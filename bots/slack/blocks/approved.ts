import type { BookingCard } from '../../../core/index.js';
import { confirmedBlocks } from './booking-details.js';
import { when } from './format.js';
import type { SlackMessage } from './kit.js';

/** booking_approved: staff approved a booking that waited for approval. */
export function approvedMessage(card: BookingCard, closeMinutes: number): SlackMessage {
  return {
    text: `Approved and booked: ${card.kindLabel} ${when(card)}`,
    blocks: confirmedBlocks(card, ':white_check_mark: *Your session was approved and is booked.*', closeMinutes, { reminders: true }),
  };
}
