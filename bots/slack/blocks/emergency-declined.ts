import type { BookingCard } from '../../../core/index.js';
import { referenceContext } from './booking-details.js';
import { esc, section, type SlackMessage } from './kit.js';

/** emergency_declined: staff could not take the emergency. */
export function emergencyDeclinedMessage(card: BookingCard, reason: string): SlackMessage {
  return {
    text: 'Your emergency request was declined',
    blocks: [
      section(`:x: *We could not take your emergency request.*\nReason: ${esc(reason)}\nNothing is charged. You can book the next free time with \`/book\`.`),
      referenceContext(card),
    ],
  };
}
