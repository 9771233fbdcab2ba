/** The lines every message about one booking shares, and its customer buttons. */
import type { BookingCard } from '../../../core/index.js';
import { ACTIONS } from '../action-ids.js';
import { actions, button, context, esc, section, type Block } from './kit.js';
import { cutoffLine, minutesText, priceLine, when } from './format.js';

export function detailLines(card: BookingCard, opts: { price?: boolean; join?: boolean } = {}): string[] {
  const lines = [`*${card.kindLabel}* (${minutesText(card.lengthMinutes)}) with ${card.staffName ?? 'our staff'}`, `*When:* ${when(card)}`];
  if (opts.join !== false) {
    lines.push(`*Join${card.kind === 'online' ? '' : ' online (optional)'}:* <${card.joinUrl}|${card.joinUrl}>`);
    lines.push(`*Phone:* ${card.phoneNumber}, PIN ${card.phonePin}`);
  }
  if (opts.price !== false) lines.push(`*Price:* ${priceLine(card)}`);
  return lines;
}

export function referenceContext(card: BookingCard): Block {
  return context(`Booking ${esc(card.reference)}`);
}

/** Reschedule, Cancel and Add to calendar. */
export function customerButtons(card: BookingCard): Block[] {
  return actions(
    [
      button('Reschedule', { action: ACTIONS.move, bookingId: card.bookingId }),
      button('Cancel', { action: ACTIONS.cancel, bookingId: card.bookingId }, 'danger'),
      button('Add to calendar', { action: ACTIONS.calendar, bookingId: card.bookingId }),
    ],
    `booking-${card.bookingId}`.slice(0, 255),
  );
}

/** A confirmed session with everything needed to attend and the change window stated exactly. */
export function confirmedBlocks(card: BookingCard, heading: string, closeMinutes: number): Block[] {
  const cutoff = cutoffLine(card);
  return [
    section(`${heading}\n${detailLines(card).join('\n')}`),
    section(
      [
        cutoff ?? '',
        `The session closes ${closeMinutes} minutes after the start if nobody from your company has joined online or called in.`,
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    ...customerButtons(card),
    referenceContext(card),
  ];
}
