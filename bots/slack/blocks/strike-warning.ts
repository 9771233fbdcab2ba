import type { BookingCard } from '../../../core/index.js';
import { reinstatementLine } from './booking-details.js';
import { when } from './format.js';
import { esc, section, type SlackMessage } from './kit.js';

/** strike_warning: one more no-show suspends the company's free sessions. */
export function strikeWarningMessage(companyName: string, strikes: number, strikeLimit: number, card: BookingCard, reinstatementCents: number): SlackMessage {
  const left = strikeLimit - strikes;
  return {
    text: `${companyName} has ${strikes} of ${strikeLimit} no-shows`,
    blocks: [
      section(`:warning: *${esc(companyName)} now has ${strikes} of ${strikeLimit} no-shows* (the last: ${card.kindLabel} on ${when(card)}).\n${left <= 1 ? 'One more no-show' : `${left} more no-shows`} will suspend free sessions. ${reinstatementLine(strikeLimit, reinstatementCents, card.currency)}\nIf you cannot make a session, cancel it in time with the Cancel button (the confirmation states until when).`),
    ],
  };
}
