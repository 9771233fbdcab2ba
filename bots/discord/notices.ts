/**
 * Every outbox notice as a Discord message: the same content and buttons as on Slack. Customer
 * notices go by DM; staff notices to the staff channel. Exhaustive: a new notice type breaks the build.
 */
import type { BookingCard, Notice } from '../../core/index.js';
import { formatInstant } from '../../core/time/index.js';
import { A, bookingId } from './ids.js';
import { button, ButtonStyle, link, rows, view, type View } from './kit.js';
import { calendarUrl, cutoffLine, detailLines, minutesText, money, stamp } from './format.js';

export interface NoticeOptions {
  vendorName: string;
  closeMinutes: number;
  /** Is changing still allowed now (the cutoff not passed)? */
  canChange(card: BookingCard): boolean;
}

/** Join (online sessions; for phone sessions it records attendance and shows the details) and calendar links: they stay when the other buttons go. */
export function linkButtons(card: BookingCard, vendorName: string) {
  const cal = calendarUrl(card, vendorName);
  return [...(card.startsAt ? [link('Join', card.joinUrl)] : []), ...(cal ? [link('Add to calendar', cal)] : [])];
}

function bookingMessage(card: BookingCard, heading: string, o: NoticeOptions, extra: string[] = []): View {
  const lines = [
    heading,
    ...detailLines(card),
    cutoffLine(card),
    `The session closes ${o.closeMinutes} minutes after the start if nobody from your company has joined online or called in.`,
    ...extra,
    `Booking ${card.reference}`,
  ].filter(Boolean);
  const change = o.canChange(card) ? [button('Reschedule', bookingId(A.move, card.bookingId)), button('Cancel', bookingId(A.cancel, card.bookingId), ButtonStyle.Danger)] : [];
  return view(lines.join('\n'), rows(...linkButtons(card, o.vendorName), ...change));
}

const plain = (lines: (string | null | false)[]) => view(lines.filter(Boolean).join('\n'));

function staffCard(card: BookingCard, heading: string): string {
  return [heading, `${card.memberName ?? 'A customer'}${card.companyName ? ` (${card.companyName})` : ''} · ${card.reference}`, ...detailLines(card, { join: false }), card.description ? `> ${card.description}` : null].filter(Boolean).join('\n');
}

export function noticeMessage(n: Notice, o: NoticeOptions): View {
  switch (n.type) {
    case 'booking_confirmed':
      return bookingMessage(n.booking, '✅ **Your session is booked.** We will remind you 24 hours and 2 hours before it starts.', o);
    case 'booking_pending':
      return plain(['⏳ **We received your request.** Our staff approve paid sessions first; you will get a message when it is confirmed.', ...detailLines(n.booking, { join: false }), `Booking ${n.booking.reference}`]);
    case 'booking_approved':
      return bookingMessage(n.booking, '✅ **Your session is approved and booked.**', o);
    case 'booking_declined':
      return plain([`❌ **Your request ${n.booking.reference} was declined.**`, `Reason: ${n.reason}`, ...detailLines(n.booking, { join: false, price: false })]);
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
      return bookingMessage(n.booking, `🔁 **Your session is moved** (it was ${stamp(n.previousStartsAt)}).`, o);
    case 'actions_expired':
      // Not sent as a message: the notifier edits the earlier ones (see notifier.ts).
      return plain([`Booking ${n.booking.reference}: ${n.why.replace(/_/g, ' ')}.`]);
    case 'no_show_closed':
      return plain([
        `**Session ${n.booking.reference} was closed**: nobody from your company joined within ${o.closeMinutes} minutes of the start.`,
        n.strikes !== null ? `That is no-show ${n.strikes} of ${n.strikeLimit}. Please be considerate: one of our staff was scheduled to spend that time with you.` : null,
        n.booking.priceCents > 0 ? 'Paid sessions are not refundable.' : null,
      ]);
    case 'strike_warning':
      return plain([`⚠️ **${n.companyName} has ${n.strikes} of ${n.strikeLimit} no-shows.** At ${n.strikeLimit}, free sessions are suspended until the reinstatement fee is paid.`]);
    case 'suspended':
      return plain([`⛔ **Free sessions for ${n.companyName} are suspended** after repeated no-shows. A payment of ${money(n.feeCents, n.currency)} is required to reinstate them; until then you can book at the standard fee.`]);
    case 'reinstated':
      return plain([`✅ **Free sessions for ${n.companyName} are reinstated.** Thank you.`]);
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
      return plain([staffCard(n.booking, `🗑️ **Cancelled by ${n.by === 'staff' ? 'staff' : 'the customer'}**${n.reason ? `: ${n.reason}` : ''}`)]);
    default:
      return ((x: never) => {
        throw new Error(`unpresented notice ${JSON.stringify(x)}`);
      })(n);
  }
}

/** Notices whose DMs carry Reschedule / Cancel buttons, edited away by actions_expired. */
export const WITH_BUTTONS: ReadonlySet<Notice['type']> = new Set(['booking_confirmed', 'booking_approved', 'reminder', 'booking_rescheduled', 'emergency_scheduled']);
