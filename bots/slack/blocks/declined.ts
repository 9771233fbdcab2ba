import type { BookingCard } from '../../../core/index.js';
import { referenceContext } from './booking-details.js';
import { when } from './format.js';
import { esc, section, type SlackMessage } from './kit.js';

/** booking_declined: staff declined a request; nothing is booked and nothing is charged. */
export function declinedMessage(card: BookingCard, reason: string): SlackMessage {
  return {
    text: `Your request for ${when(card)} was declined`,
    blocks: [
      section(`:x: *Your request for a ${card.kindLabel} on ${when(card)} was declined.*\nReason: ${esc(reason)}\nNothing is booked and nothing is charged. Use \`/book\` to pick another time.`),
      referenceContext(card),
    ],
  };
}
