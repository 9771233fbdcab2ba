/** The lines every message about one booking shares, and its customer buttons. */
import type { BookingCard } from '../../../core/index.js';
import { ACTIONS } from '../action-ids.js';
import { actions, button, context, esc, linkButton, section, type Block } from './kit.js';
import { cityOf } from '../../../core/time/index.js';
import { at, cutoffLine, minutesText, money, priceLine, when } from './format.js';

/** `staff`: the price as staff read it ("free (maintenance plan)"). */
export function detailLines(card: BookingCard, opts: { price?: boolean; join?: boolean; staff?: boolean } = {}): string[] {
  const lines = [`*${card.kindLabel}* (${minutesText(card.lengthMinutes)}) with ${card.staffName ?? 'our staff'}`, `*When:* ${when(card)}`];
  if (opts.join !== false) {
    lines.push(`*Join${card.kind === 'online' ? '' : ' online (optional)'}:* <${card.joinUrl}|${card.joinUrl}>`);
    lines.push(`*Phone:* ${card.phoneNumber}, PIN ${card.phonePin}`);
  }
  if (opts.price !== false) lines.push(`*Price:* ${opts.staff && card.priceCents === 0 ? 'free (maintenance plan)' : priceLine(card)}`);
  return lines;
}

export function referenceContext(card: BookingCard): Block {
  return context(`Booking ${esc(card.reference)}`);
}

/** Join (a link), Reschedule and Cancel while changes are open, and Add to calendar. */
export function customerButtons(card: BookingCard, opts: { change?: boolean } = {}): Block[] {
  const change = opts.change ?? card.changeOpen;
  return actions(
    [
      ...(card.startsAt ? [linkButton('Join', card.joinUrl, 'sk-join-link')] : []),
      ...(change
        ? [button('Reschedule', { action: ACTIONS.move, bookingId: card.bookingId }), button('Cancel', { action: ACTIONS.cancel, bookingId: card.bookingId }, 'danger')]
        : []),
      button('Add to calendar', { action: ACTIONS.calendar, bookingId: card.bookingId }),
    ],
    `booking-${card.bookingId}`.slice(0, 255),
  );
}

/** Minutes before the start that changes close (the card's cutoff; the policy's 65 by default). */
export function cutoffMinutes(card: BookingCard): number {
  if (!card.startsAt || !card.changeUntil) return 65;
  return Math.round((new Date(card.startsAt).getTime() - new Date(card.changeUntil).getTime()) / 60_000);
}

/** The change window: until when, or that it has closed. */
export function changeLine(card: BookingCard): string | null {
  if (!card.changeOpen) {
    return card.startsAt ? `It is now less than ${cutoffMinutes(card)} minutes before your session: it can no longer be cancelled or rescheduled.` : null;
  }
  return cutoffLine(card);
}

/** "We will remind you Mon 30 Nov, 15:00 and Tue 1 Dec, 13:00 Chicago.", or null without reminders to come. */
export function remindersLine(card: BookingCard): string | null {
  if (card.remindersAt.length === 0) return null;
  const city = ` ${cityOf(card.zone)}`;
  const times = card.remindersAt.map((t, i, all) => {
    const s = at(t, card.zone);
    return i < all.length - 1 && s.endsWith(city) ? s.slice(0, -city.length) : s;
  });
  const list = times.length === 1 ? times[0]! : `${times.slice(0, -1).join(', ')} and ${times.at(-1)!}`;
  return `We will remind you ${list}.`;
}

/** The policy's words: "If there are 2 no-shows, a payment of $100 will be required to reinstate your free session support." */
export function reinstatementLine(strikeLimit: number, reinstatementCents: number, currency: string): string {
  return `If there are ${strikeLimit} no-shows, a payment of ${money(reinstatementCents, currency)} will be required to reinstate your free session support.`;
}

/** The policy: "If you cancel or reset, make sure you get a confirmation". Cancelled and rescheduled DMs end with it. */
export const KEEP_CONFIRMATION = '*Keep this message: it is your confirmation.*';

/** A confirmed session with everything needed to attend and the change window stated exactly. */
export function confirmedBlocks(card: BookingCard, heading: string, closeMinutes: number, opts: { reminders?: boolean; footer?: string } = {}): Block[] {
  return [
    section(`${heading}\n${detailLines(card).join('\n')}`),
    section(
      [
        opts.reminders ? remindersLine(card) : null,
        changeLine(card),
        `The session closes ${closeMinutes} minutes after the start if nobody from your company has joined online or called in.`,
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    ...customerButtons(card),
    referenceContext(card),
    ...(opts.footer ? [section(opts.footer)] : []),
  ];
}
