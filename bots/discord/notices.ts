/**
 * Every outbox notice as a Discord message: the same content and buttons as on Slack. Customer
 * notices go by DM; staff notices to the staff channel. Exhaustive: a new notice type breaks the build.
 */
import type { BookingCard, Notice } from '../../core/index.js';
import { formatInstant } from '../../core/time/index.js';
import { A, bookingId } from './ids.js';
import { button, ButtonStyle, link, rows, view, type View } from './kit.js';
import { calendarUrl, closedLine, cutoffLine, detailLines, minutesText, money, remindersLine, stampIn } from './format.js';

export interface NoticeOptions {
  vendorName: string;
  closeMinutes: number;
}

/** Reschedule / Cancel show while core said, when it made the card, that changes are open (not by this process's clock). */
export const canChange = (card: BookingCard): boolean => card.changeOpen;

/** Join (online sessions; for phone sessions it records attendance and shows the details) and calendar links: they stay when the other buttons go. */
export function linkButtons(card: BookingCard, vendorName: string) {
  const cal = calendarUrl(card, vendorName);
  return [...(card.startsAt ? [link('Join', card.joinUrl)] : []), ...(cal ? [link('Add to calendar', cal)] : [])];
}

function bookingMessage(card: BookingCard, heading: string, o: NoticeOptions, extra: (string | null)[] = []): View {
  const lines = [
    heading,
    ...detailLines(card),
    cutoffLine(card),
    `The session closes ${o.closeMinutes} minutes after the start if nobody from your company has joined online or called in.`,
    ...extra,
    `Booking ${card.reference}`,
  ].filter(Boolean);
  const change = canChange(card) ? [button('Reschedule', bookingId(A.move, card.bookingId)), button('Cancel', bookingId(A.cancel, card.bookingId), ButtonStyle.Danger)] : [];
  return view(lines.join('\n'), rows(...linkButtons(card, o.vendorName), ...change));
}

/** What to do next, at the end of messages that leave the person without a booking. */
export const NEXT_STEP = 'Use /book to pick another time.';

/** The vendor's rule, with the fee from the notice: "If there are 2 no-shows, a payment of $100 will be required …". */
export function reinstatementLine(strikeLimit: number, cents: number, currency: string): string {
  return `If there are ${strikeLimit} no-show${strikeLimit === 1 ? '' : 's'}, a payment of ${money(cents, currency)} will be required to reinstate your free session support.`;
}

const plain = (lines: (string | null | false)[]) => view(lines.filter(Boolean).join('\n'));

function staffCard(card: BookingCard, heading: string): string {
  return [heading, `${card.memberName ?? 'A customer'}${card.companyName ? ` (${card.companyName})` : ''} · ${card.reference}`, ...detailLines(card, { join: false }), card.description ? `> ${card.description}` : null].filter(Boolean).join('\n');
}

export function noticeMessage(n: Notice, o: NoticeOptions): View {
  switch (n.type) {
    case 'booking_confirmed':
      return bookingMessage(n.booking, '✅ **Your session is booked.**', o, [remindersLine(n.booking)]);
    case 'booking_pending':
      return plain(['⏳ **We received your request.** Our staff approve paid sessions first; you will get a message when it is confirmed.', ...detailLines(n.booking, { join: false }), `Booking ${n.booking.reference}`]);
    case 'booking_approved':
      return bookingMessage(n.booking, '✅ **Your session is approved and booked.**', o, [remindersLine(n.booking)]);
    case 'booking_declined':
      return plain([`❌ **Your request ${n.booking.reference} was declined.**`, `Reason: ${n.reason}`, ...detailLines(n.booking, { join: false, price: false }), NEXT_STEP]);
    case 'reminder':
      return bookingMessage(n.booking, `⏰ **Reminder: your session starts ${n.booking.startsAt ? `<t:${Math.floor(Date.parse(n.booking.startsAt) / 1000)}:R>` : 'soon'}** (${minutesText(n.minutesBefore)} before).`, o);
    case 'booking_cancelled':
      return plain([
        `🗑️ **Booking ${n.booking.reference} is cancelled**${n.by === 'staff' ? ' by our staff' : ''}.`,
        n.reason ? `Reason: ${n.reason}` : null,
        ...detailLines(n.booking, { join: false, price: false }),
        n.booking.priceCents > 0 && !n.refunded ? 'Paid sessions are not refundable.' : null,
        'Book again any time with /book.',
      ]);
    case 'booking_rescheduled':
      return bookingMessage(n.booking, `🔁 **Your session is moved** (it was ${stampIn(n.previousStartsAt, n.booking.zone)}).`, o, [remindersLine(n.booking)]);
    case 'actions_expired':
      // Not sent as a message: the notifier edits the earlier ones with expiredMessage (see notifier.ts).
      return expiredMessage(n, 'booking_confirmed', o);
    case 'no_show_closed':
      return plain([
        `**Session ${n.booking.reference} was closed**: nobody from your company joined within ${o.closeMinutes} minutes of the start.`,
        n.strikes !== null ? `That is no-show ${n.strikes} of ${n.strikeLimit}. Please be considerate: one of our staff was scheduled to spend that time with you.` : null,
        n.booking.priceCents > 0 ? 'Paid sessions are not refundable.' : null,
        n.strikes !== null ? reinstatementLine(n.strikeLimit, n.reinstatementCents, n.booking.currency) : null,
        NEXT_STEP,
      ]);
    case 'strike_warning':
      return plain([
        `⚠️ **${n.companyName} has ${n.strikes} of ${n.strikeLimit} no-shows.** At ${n.strikeLimit}, free sessions are suspended until the reinstatement fee is paid.`,
        reinstatementLine(n.strikeLimit, n.reinstatementCents, n.booking.currency),
      ]);
    case 'suspended':
      return plain([
        `⛔ **Free sessions for ${n.companyName} are suspended** after repeated no-shows. A payment of ${money(n.feeCents, n.currency)} is required to reinstate them; until then you can book at the standard fee.`,
        ...(n.paymentInstructions ? [`How to pay: ${n.paymentInstructions}`] : []),
        ...(n.cancelled?.length ? ['Your upcoming free sessions are cancelled and their time freed:', ...n.cancelled.map((b) => `• ${b.kindLabel}${b.startsAt ? ` ${stampIn(b.startsAt, b.zone)}` : ''} (${b.reference})`)] : []),
      ]);
    case 'no_show_reversed':
      return plain([
        `✅ **Your session ${n.booking.reference}${n.booking.startsAt ? ` (${stampIn(n.booking.startsAt, n.booking.zone)})` : ''} counts as attended after all.** Our staff corrected the no-show: ${n.reason}`,
        ...(n.strikes !== null ? [`The strike is removed: ${n.strikes} of ${n.strikeLimit} no-shows.`] : []),
        ...(n.suspensionLifted ? [`Free sessions for ${n.companyName} are available again.`] : []),
      ]);
    case 'reinstated':
      return plain([`✅ **Free sessions for ${n.companyName} are reinstated.** Thank you.`, NEXT_STEP]);
    case 'emergency_received':
      return plain([`🚨 **We received your emergency request** (${n.booking.reference}). Our staff will go through today's calendar and squeeze you in; you will get a message with the exact time and how to connect.`]);
    case 'emergency_scheduled':
      return bookingMessage(n.booking, '🚨 **Your emergency session is scheduled.**', o);
    case 'emergency_declined':
      return plain([`❌ **We could not fit your emergency request ${n.booking.reference} in.**`, `Reason: ${n.reason}`, 'You can book the next free time with /book.']);
    case 'staff_approval_request':
      return view(staffCard(n.booking, '📝 **Approval needed** (paid session)'), rows(button('Approve', bookingId(A.approve, n.booking.bookingId), ButtonStyle.Success), button('Decline…', bookingId(A.decline, n.booking.bookingId), ButtonStyle.Danger)));
    case 'staff_emergency_request':
      return view(
        staffCard(n.booking, `🚨 **Emergency request** (${n.urgency})${n.options.length ? '. Squeeze in at:' : ': no free gap today.'}`),
        rows(
          ...n.options.slice(0, 9).map((opt) =>
            button(`${opt.staffName} ${formatInstant(new Date(opt.startsAt), n.booking.vendorZone)}${opt.bufferShortenedBy ? ` (−${opt.bufferShortenedBy}m buffer)` : ''}`, bookingId(A.squeeze, n.booking.bookingId, `${opt.staffId}.${Math.floor(Date.parse(opt.startsAt) / 1000)}`), ButtonStyle.Primary),
          ),
          button('Decline…', bookingId(A.decline, n.booking.bookingId), ButtonStyle.Danger),
        ),
      );
    case 'staff_no_show':
      return plain([staffCard(n.booking, `👻 **No-show closed**${n.strikes !== null ? `: strike ${n.strikes}` : ''}${n.suspended ? ', free sessions now suspended' : ''}.`)]);
    case 'staff_booking_cancelled':
      if (n.by === 'system') return plain([staffCard(n.booking, '⌛ **Closed unanswered**'), n.reason ? `Reason: ${n.reason}` : null]);
      return plain([staffCard(n.booking, `🗑️ **Cancelled by ${n.by === 'staff' ? 'staff' : 'the customer'}**${n.reason ? `: ${n.reason}` : ''}`)]);
    default:
      return ((x: never) => {
        throw new Error(`unpresented notice ${JSON.stringify(x)}`);
      })(n);
  }
}

const EXPIRED_HEADINGS: Partial<Record<Notice['type'], string>> = {
  booking_confirmed: '✅ **Your session is booked.**',
  booking_approved: '✅ **Your session is approved and booked.**',
  reminder: '⏰ **Reminder: your session is coming up.**',
  booking_rescheduled: '🔁 **Your session is moved.**',
  emergency_scheduled: '🚨 **Your emergency session is scheduled.**',
};

/**
 * What an earlier DM (of type `earlier`) becomes when its Reschedule / Cancel buttons go: its status
 * line must not keep saying "you can cancel until …". Past the cutoff the details and the Join /
 * calendar links stay; cancelled, moved or closed, the message says so and loses every button.
 */
export function expiredMessage(n: Extract<Notice, { type: 'actions_expired' }>, earlier: string, o: NoticeOptions): View {
  const card = n.booking;
  switch (n.why) {
    case 'cutoff_passed':
      return view(
        [
          EXPIRED_HEADINGS[earlier as Notice['type']] ?? EXPIRED_HEADINGS.booking_confirmed!,
          ...detailLines(card),
          closedLine(card),
          `The session closes ${o.closeMinutes} minutes after the start if nobody from your company has joined online or called in.`,
          `Booking ${card.reference}`,
        ].join('\n'),
        rows(...linkButtons(card, o.vendorName)),
      );
    case 'cancelled':
      return view(`🗑️ **Booking ${card.reference} is cancelled.** This message is out of date. ${NEXT_STEP}`);
    case 'rescheduled':
      return view(`🔁 **Booking ${card.reference} was moved${card.startsAt ? ` to ${stampIn(card.startsAt, card.zone)}` : ''}.** The newer message has the details.`);
    case 'closed':
      return view(`**Session ${card.reference} is closed.** It can no longer be joined, cancelled or rescheduled.`);
  }
}

/** Notices whose DMs carry Reschedule / Cancel buttons, edited away by actions_expired. */
export const WITH_BUTTONS: ReadonlySet<Notice['type']> = new Set(['booking_confirmed', 'booking_approved', 'reminder', 'booking_rescheduled', 'emergency_scheduled']);

/** Staff cards with Approve / Decline / squeeze-in buttons, edited by staff_booking_cancelled. */
export const STAFF_CARDS: ReadonlySet<Notice['type']> = new Set(['staff_approval_request', 'staff_emergency_request']);

/**
 * What an earlier staff card (approval or emergency request) becomes once the booking is off: no
 * buttons, and a first line saying what happened, with the session time (markup and the wall time
 * in the card's zone) when it had one.
 */
export function closedStaffCard(n: Extract<Notice, { type: 'staff_booking_cancelled' }>, earlier: string): View {
  const card = n.booking;
  const what = n.by === 'customer' ? 'Withdrawn by the customer' : n.by === 'staff' ? 'Cancelled by staff' : `Closed: ${n.reason ?? 'nobody answered in time'}`;
  const icon = n.by === 'system' ? '⌛' : '🗑️';
  const lines = [
    `${icon} **${what}**${card.startsAt ? ` · ${stampIn(card.startsAt, card.zone)}` : ''}`,
    `${card.memberName ?? 'A customer'}${card.companyName ? ` (${card.companyName})` : ''} · ${card.reference}`,
    n.by !== 'system' && n.reason ? `Reason: ${n.reason}` : null,
    earlier === 'staff_emergency_request' ? 'This emergency request is closed: nothing to squeeze in.' : 'This request is closed: nothing to approve.',
  ];
  return view(lines.filter(Boolean).join('\n'));
}
