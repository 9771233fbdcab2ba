/**
 * What a notice that edits earlier messages about its booking makes of each of them, once for every
 * platform. Each earlier message is redrawn for its own reader: a colleague's message in the
 * colleague's language and zone, a staff card in the vendor's; never with the text made for the
 * notice's own recipient.
 */
import type { Config } from '../../../core/config/schema.js';
import type { BookingCard, Notice } from '../../../core/notifications/types.js';
import { personContext, staffContext } from './context.js';
import type { Message } from './model.js';
import { closedStaffCard, expiredMessage, settledNoShowCard, settledSuspension, STAFF_CARDS, WITH_CUSTOMER_BUTTONS } from './notices.js';

/** An earlier delivered message about the booking (core.deliveredMessages). */
export interface EarlierMessage {
  type: string;
  memberId: string | null;
  /** Its reader's language; null: the vendor's. */
  locale?: string | null;
  /** Its reader's zone now, if they set one (the message is drawn again now, as the sweeper draws a card when it sends it). */
  zone?: string | null;
  /** What it said: its card's zone is its reader's. */
  notice?: Notice;
}

const cardOf = (n: Notice | undefined): BookingCard | undefined => (n && 'booking' in n ? n.booking : undefined);

/**
 * The earlier messages `n` edits, each with what it becomes. actions_expired: every message with
 * Reschedule / Cancel, whoever it went to (a colleague who moved the booking got one too); for a
 * reschedule, not the messages about the new time. staff_booking_cancelled: the approval and
 * emergency cards. suspension_ended: the suspension messages (Pay) and the staff no-show cards
 * (Record reinstatement) about that no-show. `at`: the time written on a closed staff card.
 */
export function earlierMessageEdits<E extends EarlierMessage>(config: Config, n: Notice, earlier: E[], at: string): Array<{ earlier: E; message: Message }> {
  switch (n.type) {
    case 'actions_expired': {
      const now = n.booking.sequence;
      return earlier
        .filter((e) => WITH_CUSTOMER_BUTTONS.has(e.type as never))
        // The new "moved" messages (this sequence or later) may already be out: they keep their buttons.
        .filter((e) => !(n.why === 'rescheduled' && now !== undefined && (cardOf(e.notice)?.sequence ?? -1) >= now))
        .map((e) => {
          const card = { ...n.booking, zone: e.zone ?? cardOf(e.notice)?.zone ?? n.booking.zone };
          return { earlier: e, message: expiredMessage(personContext(config, e.locale), card, n.why) };
        });
    }
    case 'staff_booking_cancelled':
      return earlier.filter((e) => STAFF_CARDS.has(e.type as never)).map((e) => ({ earlier: e, message: closedStaffCard(staffContext(config), n, at) }));
    case 'suspension_ended':
      // Nothing is owed any more: the customers' suspension messages and the staff no-show cards that asked for the fee.
      return earlier.flatMap((e) => {
        if (e.notice?.type === 'suspended') return [{ earlier: e, message: settledSuspension(personContext(config, e.locale), n) }];
        if (e.notice?.type === 'staff_no_show' && e.notice.suspended) return [{ earlier: e, message: settledNoShowCard(staffContext(config), e.notice.booking, n) }];
        return [];
      });
    default:
      return [];
  }
}
