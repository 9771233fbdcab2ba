import type { BookingCard } from '../../../core/index.js';
import { ACTIONS } from '../action-ids.js';
import { detailLines, referenceContext } from './booking-details.js';
import { at, when } from './format.js';
import { actions, button, context, esc, section, type Block, type SlackMessage } from './kit.js';

function who(card: BookingCard): string {
  return `${esc(card.memberName ?? 'A customer')}${card.companyName ? ` (${esc(card.companyName)})` : ' (no company linked)'}`;
}

export function staffBookingSummary(card: BookingCard): Block {
  return section(`${who(card)}\n${detailLines(card, { join: false, staff: true }).join('\n')}${card.description ? `\n> ${esc(card.description)}` : ''}`);
}

/** staff_approval_request: a card in the staff channel with Approve and Decline. */
export function staffApprovalMessage(card: BookingCard): SlackMessage {
  return {
    text: `Approval needed: ${card.kindLabel} ${when(card)} for ${card.memberName ?? 'a customer'}`,
    blocks: [
      section(':inbox_tray: *A booking needs approval*'),
      staffBookingSummary(card),
      ...actions([
        button('Approve', { action: ACTIONS.approve, bookingId: card.bookingId }, 'primary'),
        button('Decline', { action: ACTIONS.decline, bookingId: card.bookingId }, 'danger'),
      ]),
      referenceContext(card),
    ],
  };
}

export type Decision = { kind: 'approved'; by: string } | { kind: 'declined'; by: string; reason: string } | { kind: 'scheduled'; by: string };

/** The staff card after a decision: no buttons, who acted and when. */
export function staffDecidedMessage(card: BookingCard, decision: Decision, decidedAt: string): SlackMessage {
  const verb = decision.kind === 'approved' ? ':white_check_mark: Approved' : decision.kind === 'declined' ? ':x: Declined' : ':calendar: Scheduled';
  const reason = decision.kind === 'declined' ? ` Reason: ${esc(decision.reason)}` : '';
  const line = `${verb} by ${esc(decision.by)} at ${at(decidedAt, card.vendorZone)}.${reason}`;
  return {
    text: `${line} (${card.kindLabel} ${when(card)})`,
    blocks: [staffBookingSummary(card), context(line), referenceContext(card)],
  };
}

/** What a staff_booking_cancelled notice says on the earlier cards, "… at <time>" in the card's zone (the vendor's). */
export function staffClosedLine(by: 'customer' | 'staff' | 'system', reason: string | null, atIso: string, zone: string): string {
  const time = at(atIso, zone);
  const why = reason?.trim() ? ` Reason: ${esc(reason.trim())}` : '';
  if (by === 'customer') return `:leftwards_arrow_with_hook: Withdrawn by the customer at ${time}.${why}`;
  if (by === 'staff') return `:wastebasket: Cancelled by staff at ${time}.${why}`;
  const what = (reason?.trim() || 'Nobody answered it in time.').replace(/\.+$/, '');
  return `:hourglass: Closed: ${esc(what.charAt(0).toLowerCase() + what.slice(1))} (${time}).`;
}

/** An approval or emergency card once the booking or request is off: no buttons, what happened and when. */
export function staffClosedMessage(card: BookingCard, by: 'customer' | 'staff' | 'system', reason: string | null, atIso: string): SlackMessage {
  const line = staffClosedLine(by, reason, atIso, card.zone);
  return {
    text: `${line} (${card.kindLabel} ${when(card)})`,
    blocks: [staffBookingSummary(card), context(line), referenceContext(card)],
  };
}
