import type { BookingCard } from '../../../core/index.js';
import { referenceContext } from './booking-details.js';
import { when } from './format.js';
import { esc, section, type SlackMessage } from './kit.js';

/** staff_no_show: a session was closed because nobody joined. */
export function staffNoShowMessage(card: BookingCard, strikes: number | null, suspended: boolean): SlackMessage {
  const who = `${card.memberName ?? 'A customer'}${card.companyName ? ` (${card.companyName})` : ''}`;
  const strikeText = strikes === null ? 'No strike (not a free session).' : `Strike ${strikes} for the company.${suspended ? ' Free sessions are now suspended.' : ''}`;
  return {
    text: `No-show: ${who}, ${when(card)}`,
    blocks: [section(`:door: *No-show closed:* ${esc(who)}, ${card.kindLabel} ${when(card)}.\n${strikeText}`), referenceContext(card)],
  };
}

/** staff_booking_cancelled: a note that a session was cancelled. */
export function staffCancelledMessage(card: BookingCard, by: 'customer' | 'staff', reason: string | null): SlackMessage {
  const who = `${card.memberName ?? 'A customer'}${card.companyName ? ` (${card.companyName})` : ''}`;
  return {
    text: `Cancelled by ${by}: ${who}, ${when(card)}`,
    blocks: [
      section(`:wastebasket: *Cancelled by ${by === 'staff' ? 'staff' : 'the customer'}:* ${esc(who)}, ${card.kindLabel} ${when(card)} with ${esc(card.staffName ?? 'staff')}.${reason ? `\nReason: ${esc(reason)}` : ''}`),
      referenceContext(card),
    ],
  };
}
