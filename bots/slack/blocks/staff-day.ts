import type { BookingCard, Core } from '../../../core/index.js';
import { ACTIONS } from '../action-ids.js';
import { cityOf, formatInstant } from '../../../core/time/index.js';
import { at, when } from './format.js';
import { actions, button, context, divider, esc, header, section, type Block, type SlackMessage } from './kit.js';

type Day = Extract<Awaited<ReturnType<Core['staffDay']>>, { kind: 'day' }>;
type History = Extract<Awaited<ReturnType<Core['bookingHistory']>>, { kind: 'history' }>;

function customer(b: BookingCard): string {
  return `${esc(b.memberName ?? 'customer')}${b.companyName ? ` (${esc(b.companyName)})` : ''}`;
}

/** "2026-11-30" → "Mon 30 Nov" (the calendar date itself, whatever the zone). */
function dayOf(isoDate: string): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : formatInstant(d, 'UTC').split(',')[0]!;
}

/** Today's sessions with Customer joined / Cancel / History, then bookings waiting for approval. */
export function staffDayBlocks(d: Day, opts: { buttons: boolean }): Block[] {
  const blocks: Block[] = [header(`Today, ${dayOf(d.date)}`), context(`${esc(d.staffName)} · times in ${esc(cityOf(d.zone))}`)];
  if (d.sessions.length === 0) blocks.push(section('No sessions today.'));
  for (const b of d.sessions) {
    const status = b.status === 'confirmed' ? '' : ` _(${b.status.replace(/_/g, ' ')})_`;
    blocks.push(section(`*${when(b)}* ${b.kindLabel} with ${esc(b.staffName ?? 'staff')}: ${customer(b)}${status}`));
    if (opts.buttons && b.status === 'confirmed') {
      blocks.push(
        ...actions([
          button('Customer joined (online)', { action: ACTIONS.joined, bookingId: b.bookingId, arg: 'online' }),
          button('Customer joined (phone)', { action: ACTIONS.joined, bookingId: b.bookingId, arg: 'phone' }),
          button('Cancel', { action: ACTIONS.staffCancel, bookingId: b.bookingId }, 'danger'),
          button('History', { action: ACTIONS.history, bookingId: b.bookingId }),
        ]),
      );
    }
  }
  blocks.push(divider(), section(`*Waiting for approval* (${d.waiting.length})`));
  for (const b of d.waiting) {
    blocks.push(section(`${when(b)} ${b.kindLabel}: ${customer(b)}`));
    if (opts.buttons) {
      blocks.push(
        ...actions([
          b.emergency ? button('History', { action: ACTIONS.history, bookingId: b.bookingId }) : button('Approve', { action: ACTIONS.approve, bookingId: b.bookingId }, 'primary'),
          button('Decline', { action: ACTIONS.decline, bookingId: b.bookingId }, 'danger'),
        ]),
      );
    }
  }
  return blocks;
}

export function staffDayMessage(d: Day): SlackMessage {
  return { text: `Today: ${d.sessions.length} session(s), ${d.waiting.length} waiting`, blocks: staffDayBlocks(d, { buttons: false }) };
}

export function historyMessage(h: History, zone: string): SlackMessage {
  const lines = h.entries.map((e) => {
    const who = e.actor.kind === 'staff' ? e.actor.staffId : e.actor.kind;
    return `• ${at(e.at.toISOString(), zone)}: ${esc(e.action.replace(/_/g, ' '))} (${esc(who)})`;
  });
  return {
    text: `History of ${h.booking.reference}`,
    blocks: [section(`*${h.booking.kindLabel}* ${when(h.booking)}: ${customer(h.booking)}`), section(lines.join('\n') || 'No history.')],
  };
}
