import type { BookingCard } from '../../../core/index.js';
import { referenceContext } from './booking-details.js';
import { priceLine } from './format.js';
import { esc, section, type SlackMessage } from './kit.js';

/** emergency_received: staff are going through today's calendar to squeeze it in. */
export function emergencyReceivedMessage(card: BookingCard): SlackMessage {
  return {
    text: 'Emergency request received',
    blocks: [
      section(`:rotating_light: *We received your emergency request.*${card.description ? `\n> ${esc(card.description)}` : ''}\nOur staff will go through today's calendar and squeeze you in. You will get a message with the exact time, the join link and the phone number.\n*Price:* ${priceLine(card)}`),
      referenceContext(card),
    ],
  };
}
