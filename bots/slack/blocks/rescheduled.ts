import type { BookingCard } from '../../../core/index.js';
import { confirmedBlocks, KEEP_CONFIRMATION } from './booking-details.js';
import { at, when } from './format.js';
import type { SlackMessage } from './kit.js';

/** booking_rescheduled: the new time, with everything the confirmation has. */
export function rescheduledMessage(card: BookingCard, previousStartsAt: string, closeMinutes: number): SlackMessage {
  return {
    text: `Rescheduled: ${card.kindLabel} now ${when(card)}`,
    blocks: confirmedBlocks(card, `:arrows_counterclockwise: *Your session was moved* from ${at(previousStartsAt, card.zone)} to the time below.`, closeMinutes, { reminders: true, footer: KEEP_CONFIRMATION }),
  };
}
