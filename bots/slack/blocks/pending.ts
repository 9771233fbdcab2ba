import type { BookingCard } from '../../../core/index.js';
import { detailLines, referenceContext } from './booking-details.js';
import { when } from './format.js';
import { actions, button, section, type SlackMessage } from './kit.js';
import { ACTIONS } from '../action-ids.js';

/** booking_pending: the time is held while staff approve it. */
export function pendingMessage(card: BookingCard): SlackMessage {
  return {
    text: `Waiting for approval: ${card.kindLabel} ${when(card)}`,
    blocks: [
      section(`:hourglass_flowing_sand: *Your request needs staff approval.* The time is held for you; you will get a message as soon as staff decide.\n${detailLines(card, { join: false }).join('\n')}`),
      ...actions([button('Cancel request', { action: ACTIONS.cancel, bookingId: card.bookingId }, 'danger')]),
      referenceContext(card),
    ],
  };
}
