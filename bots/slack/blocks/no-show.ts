import type { BookingCard } from '../../../core/index.js';
import { referenceContext, reinstatementLine } from './booking-details.js';
import { when } from './format.js';
import { section, type SlackMessage } from './kit.js';

/** no_show_closed: nobody joined in time. */
export function noShowMessage(card: BookingCard, strikes: number | null, strikeLimit: number, closeMinutes: number, reinstatementCents: number): SlackMessage {
  const strikeText =
    strikes === null
      ? card.priceCents > 0
        ? 'Paid sessions are not refundable.'
        : ''
      : `This is no-show ${strikes} of ${strikeLimit} for your company's free sessions. ${reinstatementLine(strikeLimit, reinstatementCents, card.currency)}`;
  return {
    text: `Session closed: nobody joined (${when(card)})`,
    blocks: [
      section(`:door: *Your ${card.kindLabel} on ${when(card)} was closed* because nobody from your company joined online or called the conference line within ${closeMinutes} minutes of the start.\n${strikeText}\nUse \`/book\` to book another time.`),
      referenceContext(card),
    ],
  };
}
