import type { BookingCard } from '../../../core/index.js';
import { referenceContext } from './booking-details.js';
import { at, money, when } from './format.js';
import { actions, button, context, esc, section, type SlackMessage } from './kit.js';
import { ACTIONS } from '../action-ids.js';

/** staff_no_show: a session was closed because nobody joined; a suspension comes with its fee and a button to record it. */
export function staffNoShowMessage(card: BookingCard, strikes: number | null, suspended: boolean, reinstatementCents: number): SlackMessage {
  const who = `${card.memberName ?? 'A customer'}${card.companyName ? ` (${card.companyName})` : ''}`;
  const fee = money(reinstatementCents, card.currency);
  const strikeText =
    strikes === null
      ? 'No strike (not a free session).'
      : `Strike ${strikes} for the company.${suspended ? ` Free sessions are now suspended until the reinstatement payment of ${fee} is made.` : ''}`;
  const canReinstate = suspended && card.companyName !== null;
  return {
    text: `No-show: ${who}, ${when(card)}`,
    blocks: [
      section(`:door: *No-show closed:* ${esc(who)}, ${card.kindLabel} ${when(card)}.\n${strikeText}`),
      ...(canReinstate ? actions([button(`Record reinstatement (${fee})`, { action: ACTIONS.reinstate, bookingId: card.bookingId })]) : []),
      referenceContext(card),
    ],
  };
}

/** The no-show note once the reinstatement is recorded: no button, who recorded it (`by`: mrkdwn, e.g. a <@U…> mention) and when. */
export function staffReinstatedNote(card: BookingCard, by: string, atIso: string, reinstatementCents: number): SlackMessage {
  const who = `${card.memberName ?? 'A customer'}${card.companyName ? ` (${card.companyName})` : ''}`;
  const line = `:white_check_mark: Reinstatement payment of ${money(reinstatementCents, card.currency)} recorded by ${by} at ${at(atIso, card.vendorZone)}; free sessions for ${esc(card.companyName ?? 'the company')} are back.`;
  return {
    text: `No-show: ${who}, ${when(card)}. ${line}`,
    blocks: [section(`:door: *No-show closed:* ${esc(who)}, ${card.kindLabel} ${when(card)}.`), context(line), referenceContext(card)],
  };
}

/** staff_booking_cancelled: a note that a session was cancelled. */
export function staffCancelledMessage(card: BookingCard, by: 'customer' | 'staff' | 'system', reason: string | null): SlackMessage {
  const who = `${card.memberName ?? 'A customer'}${card.companyName ? ` (${card.companyName})` : ''}`;
  const head = by === 'system' ? 'Closed unanswered' : `Cancelled by ${by === 'staff' ? 'staff' : 'the customer'}`;
  return {
    text: `${head}: ${who}, ${when(card)}`,
    blocks: [
      section(`:wastebasket: *${head}:* ${esc(who)}, ${card.kindLabel} ${when(card)}${card.staffName ? ` with ${esc(card.staffName)}` : ''}.${reason ? `\nReason: ${esc(reason)}` : ''}`),
      referenceContext(card),
    ],
  };
}
