import type { BookingCard } from '../../../core/index.js';
import { KEEP_CONFIRMATION, referenceContext } from './booking-details.js';
import { when } from './format.js';
import { esc, section, type SlackMessage } from './kit.js';

/** booking_cancelled: the confirmation of a cancel (by the customer or by staff). */
export function cancelledMessage(card: BookingCard, by: 'customer' | 'staff', reason: string | null, refunded: boolean, colleague?: { byYou?: boolean; byName?: string | null }): SlackMessage {
  const who = by === 'staff' ? 'Our staff cancelled' : colleague?.byYou === false ? `${esc(colleague.byName ?? 'A colleague')} from your company cancelled` : 'You cancelled';
  const money = card.priceCents === 0 ? '' : refunded ? '\nThe fee will be refunded.' : '\nPaid sessions are not refundable.';
  return {
    text: `Cancelled: ${card.kindLabel} ${when(card)}`,
    blocks: [
      section(`:wastebasket: *${who} your ${card.kindLabel} on ${when(card)}.*${reason ? `\nReason: ${esc(reason)}` : ''}${money}\nUse \`/book\` whenever you want a new time.`),
      referenceContext(card),
      section(KEEP_CONFIRMATION),
    ],
  };
}
