import type { BookingCard } from '../../../core/index.js';
import { confirmedBlocks } from './booking-details.js';
import { minutesText, when } from './format.js';
import type { SlackMessage } from './kit.js';

/** reminder: 24 h and 2 h before, with the same buttons as the confirmation. */
export function reminderMessage(card: BookingCard, minutesBefore: number, closeMinutes: number): SlackMessage {
  const inText = minutesText(minutesBefore);
  return {
    text: `Reminder: your ${card.kindLabel} starts in ${inText} (${when(card)})`,
    blocks: confirmedBlocks(card, `:alarm_clock: *Reminder: your session starts in ${inText}.*`, closeMinutes),
  };
}
