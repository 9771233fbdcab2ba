import type { BookingCard } from '../../../core/index.js';
import { detailLines, referenceContext } from './booking-details.js';
import { when } from './format.js';
import { context, section, type SlackMessage } from './kit.js';

export type ExpiredWhy = 'cutoff_passed' | 'cancelled' | 'rescheduled' | 'closed';

const WHY: Record<ExpiredWhy, string> = {
  cutoff_passed: 'The time to cancel or reschedule has passed, so these buttons were removed.',
  cancelled: 'This session was cancelled, so these buttons were removed.',
  rescheduled: 'This session was moved; the newer message has the current time and buttons.',
  closed: 'This session is over, so these buttons were removed.',
};

/** What an earlier message about a booking becomes once its buttons no longer apply (chat.update). */
export function actionsExpiredMessage(card: BookingCard, why: ExpiredWhy): SlackMessage {
  const lines = why === 'rescheduled' ? [`*${card.kindLabel}*, now ${when(card)}`] : detailLines(card, { price: false });
  return {
    text: `${card.kindLabel} ${when(card)}: ${WHY[why]}`,
    blocks: [section(lines.join('\n')), context(`:lock: ${WHY[why]}`), referenceContext(card)],
  };
}
