import type { BookingCard, SqueezeOption, Urgency } from '../../../core/index.js';
import { ACTIONS, encodeSqueeze } from '../action-ids.js';
import { referenceContext } from './booking-details.js';
import { window } from './format.js';
import { actions, button, esc, section, type SlackMessage } from './kit.js';
import { staffBookingSummary } from './staff-approval.js';

/** staff_emergency_request: one button per squeeze-in option, and Decline. */
export function staffEmergencyMessage(card: BookingCard, urgency: Urgency, options: SqueezeOption[]): SlackMessage {
  const optionButtons = options.slice(0, 10).map((o) =>
    button(`${o.staffName}: ${window(o.startsAt, o.endsAt, card.zone)}${o.bufferShortenedBy ? ` (-${o.bufferShortenedBy} min buffer)` : ''}`, {
      action: ACTIONS.squeeze,
      bookingId: card.bookingId,
      arg: encodeSqueeze(o.staffId, o.startsAt),
    }),
  );
  return {
    text: `Emergency (${urgency}) from ${card.memberName ?? 'a customer'}`,
    blocks: [
      section(`:rotating_light: *Emergency request* (urgency: ${esc(urgency)})`),
      staffBookingSummary(card),
      section(options.length ? '*Squeeze in at:*' : '*No free time found today.* Decline with a reason, or contact the customer.'),
      ...actions([...optionButtons, button('Decline', { action: ACTIONS.decline, bookingId: card.bookingId }, 'danger')]),
      referenceContext(card),
    ],
  };
}
