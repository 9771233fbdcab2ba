import type { BookingCard } from '../../../core/index.js';
import { confirmedBlocks } from './booking-details.js';
import { when } from './format.js';
import type { SlackMessage } from './kit.js';

/** emergency_scheduled: staff squeezed the emergency in; this is the exact time. */
export function emergencyScheduledMessage(card: BookingCard, closeMinutes: number): SlackMessage {
  return {
    text: `Emergency session scheduled: ${when(card)}`,
    blocks: confirmedBlocks(card, ':rotating_light: *Your emergency session is scheduled.* Connect online or by phone at this time:', closeMinutes),
  };
}
