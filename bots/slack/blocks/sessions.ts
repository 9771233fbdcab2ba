import type { BookingCard } from '../../../core/index.js';
import { ACTIONS } from '../action-ids.js';
import { when } from './format.js';
import { actions, button, context, divider, section, type Block, type SlackMessage } from './kit.js';

export interface SessionRow {
  booking: BookingCard;
  canChange: boolean;
}

const STATUS: Partial<Record<BookingCard['status'], string>> = {
  pending_approval: ' _(waiting for staff approval)_',
  emergency_requested: ' _(emergency: waiting for a time)_',
};

export function sessionBlocks(sessions: SessionRow[]): Block[] {
  if (sessions.length === 0) return [section('You have no upcoming sessions. Use `/book` to book one.')];
  const blocks: Block[] = [];
  for (const { booking: b, canChange } of sessions) {
    blocks.push(section(`*${b.kindLabel}* ${when(b)} with ${b.staffName ?? 'our staff'}${STATUS[b.status] ?? ''}`));
    if (canChange) {
      blocks.push(
        ...actions([
          button('Reschedule', { action: ACTIONS.move, bookingId: b.bookingId }),
          button('Cancel', { action: ACTIONS.cancel, bookingId: b.bookingId }, 'danger'),
          button('Add to calendar', { action: ACTIONS.calendar, bookingId: b.bookingId }),
        ]),
      );
    } else if (b.status === 'confirmed') {
      blocks.push(context('Too late to cancel or reschedule.'));
    }
  }
  return blocks;
}

/** /sessions: upcoming sessions, with Reschedule and Cancel only while they can still change. */
export function sessionsMessage(sessions: SessionRow[]): SlackMessage {
  return {
    text: sessions.length ? `You have ${sessions.length} upcoming session(s)` : 'You have no upcoming sessions',
    blocks: [section('*Your upcoming sessions*'), divider(), ...sessionBlocks(sessions)],
  };
}
