import type { BookingCard } from '../../../core/index.js';
import { customerButtons, cutoffMinutes, detailLines, referenceContext } from './booking-details.js';
import { when } from './format.js';
import { context, section, type Block, type SlackMessage } from './kit.js';

export type ExpiredWhy = 'cutoff_passed' | 'cancelled' | 'rescheduled' | 'closed';

const WHY: Record<ExpiredWhy, string> = {
  cutoff_passed: 'It is now less than {cutoff} minutes before your session: it can no longer be cancelled or rescheduled, so those buttons were removed.',
  cancelled: 'This session was cancelled, so these buttons were removed.',
  rescheduled: 'This session was moved; the newer message has the current time and buttons.',
  closed: 'This session is over, so these buttons were removed.',
};

/**
 * What an earlier message about a booking becomes once its buttons no longer apply (chat.update).
 * Past the cutoff the session still happens: Join and Add to calendar stay, Reschedule and Cancel go.
 */
export function actionsExpiredMessage(card: BookingCard, why: ExpiredWhy): SlackMessage {
  const lines = why === 'rescheduled' ? [`*${card.kindLabel}*, now ${when(card)}`] : detailLines(card, { price: false });
  const reason = WHY[why].replace('{cutoff}', String(cutoffMinutes(card)));
  const kept: Block[] = why === 'cutoff_passed' ? customerButtons(card, { change: false }) : [];
  return {
    text: `${card.kindLabel} ${when(card)}: ${reason}`,
    blocks: [section(lines.join('\n')), context(`:lock: ${reason}`), ...kept, referenceContext(card)],
  };
}
