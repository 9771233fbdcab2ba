/**
 * One outbox Notice → one console message. Pure: the page feed and the demo transcript both call it,
 * so what a person reads in the browser is what `npm run demo` prints.
 */
import type { BookingCard, Notice } from '../../../core/index.js';
import { at, cutoffLine, joinLines, minutesText, money, priceLine, refLine, span, when } from './format.js';
import { ts } from '../../shared/present/i18n.js';
import { message, type ConsoleButton, type ConsoleMessage } from './message.js';

export interface RenderContext {
  /** policy.noShowCloseMinutes */
  closeMinutes: number;
  /** policy.cancelCutoffMinutes */
  cutoffMinutes: number;
  /** policy.strikesToSuspend */
  strikeLimit: number;
  reinstatementCents: number;
  currency: string;
}

export function renderContext(config: { policy: { noShowCloseMinutes: number; cancelCutoffMinutes: number; strikesToSuspend: number; reinstatementFee: number }; vendor: { currency: string } }): RenderContext {
  return {
    closeMinutes: config.policy.noShowCloseMinutes,
    cutoffMinutes: config.policy.cancelCutoffMinutes,
    strikeLimit: config.policy.strikesToSuspend,
    reinstatementCents: Math.round(config.policy.reinstatementFee * 100),
    currency: config.vendor.currency,
  };
}

/** Which of a booking message's buttons still apply (later messages take them away, as Slack edits them). */
export type ButtonState = 'all' | 'join_only' | 'none';

export function bookingButtons(card: BookingCard, state: ButtonState = 'all'): ConsoleButton[] {
  if (state === 'none' || card.status === 'cancelled' || card.status === 'declined' || card.status === 'no_show') return [];
  const join: ConsoleButton = { label: card.kind === 'online' ? 'Join' : 'Join (phone details)', action: 'join', value: card.joinUrl.slice(card.joinUrl.lastIndexOf('/') + 1), style: 'primary' };
  const reschedule: ConsoleButton = { label: 'Reschedule', action: 'reschedule', value: card.bookingId };
  const cancel: ConsoleButton = { label: 'Cancel', action: 'cancel', value: card.bookingId, style: 'danger' };
  if (card.status === 'pending_approval' || card.status === 'emergency_requested') return state === 'all' ? [{ ...cancel, label: 'Cancel request' }] : [];
  return state === 'all' ? [join, reschedule, cancel] : [join];
}

function closeLine(ctx: RenderContext): string {
  return `Sessions close ${ctx.closeMinutes} minutes after the scheduled start time if no one from your company has joined online or called the conference line.`;
}

/** Core says whether changes were still open when the message was made (an emergency squeezed in minutes ahead: not). */
function pastCutoff(card: BookingCard, _sentAt?: Date): boolean {
  return !!card.startsAt && (card.status === 'confirmed' || card.status === 'pending_approval') && !card.changeOpen;
}

/** "We will remind you Mon 30 Nov, 15:00 and Tue 1 Dec, 13:00 Chicago." from the reminders core planned. */
function remindersLine(card: BookingCard): string {
  if (card.remindersAt.length === 0) return '';
  const times = card.remindersAt.map((r) => at(r, card.zone));
  return ` We will remind you ${times.join(' and ')}.`;
}

function details(card: BookingCard, ctx: RenderContext, sentAt: Date | undefined): string[] {
  const change = pastCutoff(card, sentAt) ? 'It is too close to the start to cancel or reschedule.' : (cutoffLine(card) ?? '');
  return [`${card.kindLabel}, ${when(card)}`, priceLine(card), ...joinLines(card), change, closeLine(ctx), refLine(card)];
}

function staffSummary(card: BookingCard): string {
  const who = [card.companyName ?? 'no company', card.memberName].filter(Boolean).join(', ');
  const price = card.priceCents === 0 ? 'free (plan)' : `${money(card.priceCents, card.currency)} (${card.priceBasis.replace('_', ' ')})`;
  return `${card.kindLabel} ${when(card)} · ${who} · ${price}${card.staffName ? ` · ${card.staffName}` : ''}`;
}

/** A message for the notice, or null for notices that only take buttons off earlier messages. */
export function renderNotice(n: Notice, ctx: RenderContext, state: ButtonState = 'all', sentAt?: Date): ConsoleMessage | null {
  if ('booking' in n && state === 'all' && pastCutoff(n.booking, sentAt)) state = 'join_only';
  switch (n.type) {
    case 'booking_confirmed':
      return message(
        [`Your session is booked.${remindersLine(n.booking)}`, ...details(n.booking, ctx, sentAt)],
        bookingButtons(n.booking, state),
      );
    case 'booking_pending':
      return message(
        [
          `Your request is waiting for staff approval: ${n.booking.kindLabel}, ${when(n.booking)}.`,
          priceLine(n.booking),
          'We hold the time for you and tell you here as soon as staff decide.',
          refLine(n.booking),
        ],
        bookingButtons(n.booking, state),
      );
    case 'booking_approved':
      return message(['Staff approved your session: it is booked. You will receive a reminder before it starts.', ...details(n.booking, ctx, sentAt)], bookingButtons(n.booking, state));
    case 'booking_declined':
      return message([`Staff declined your request for ${when(n.booking)}.`, `Reason: ${n.reasonCode ? ts('en', 'reason.system', { code: n.reasonCode, cmd: '/book' }) : n.reason}`, 'Nothing is charged. Use /book to pick another time.', refLine(n.booking)]);
    case 'reminder':
      return message([`Reminder: your session starts in ${minutesText(n.minutesBefore)}.`, ...details(n.booking, ctx, sentAt)], bookingButtons(n.booking, state));
    case 'booking_cancelled':
      return message([
        n.by === 'customer'
          ? `Your ${n.booking.kindLabel} on ${when(n.booking)} is cancelled. Keep this message: it is your confirmation.`
          : `Our staff cancelled your ${n.booking.kindLabel} on ${when(n.booking)}.`,
        n.reason && n.by === 'staff' ? `Reason: ${n.reason}` : null,
        n.booking.priceCents > 0 && !n.refunded ? 'Paid sessions are not refundable.' : null,
        'Use /book to book another time.',
        refLine(n.booking),
      ]);
    case 'booking_rescheduled':
      return message(
        [`Your session moved from ${at(n.previousStartsAt, n.booking.zone)} to ${when(n.booking)}. Keep this message: it is your confirmation.`, ...details(n.booking, ctx, sentAt)],
        bookingButtons(n.booking, state),
      );
    case 'actions_expired':
      if (n.why !== 'cutoff_passed') return null;
      return message([
        `It is now less than ${ctx.cutoffMinutes} minutes before your session on ${when(n.booking)}: it can no longer be cancelled or rescheduled.`,
        `Join at the start: ${n.booking.kind === 'online' ? n.booking.joinUrl : `call ${n.booking.phoneNumber}, PIN ${n.booking.phonePin}`}`,
        refLine(n.booking),
      ], state === 'none' ? [] : bookingButtons(n.booking, 'join_only'));
    case 'no_show_closed':
      return message([
        `Your ${n.booking.kindLabel} on ${when(n.booking)} was closed because nobody from your company joined online or called the conference line within ${ctx.closeMinutes} minutes of the start.`,
        n.strikes === null
          ? n.booking.priceCents > 0
            ? 'Paid sessions are not refundable.'
            : null
          : `This is no-show ${n.strikes} of ${n.strikeLimit} for your company's free sessions.${n.strikes < n.strikeLimit ? ` If there are ${n.strikeLimit} no-shows, a payment of ${money(n.reinstatementCents, n.booking.currency)} will be required to reinstate your online session support.` : ''}`,
        'Use /book to book another time.',
        refLine(n.booking),
      ]);
    case 'strike_warning':
      return message([
        `Please be considerate: one of our staff was scheduled to spend that time with ${n.companyName}.`,
        `That was no-show ${n.strikes} of ${n.strikeLimit}. If there are ${n.strikeLimit} no-shows, a payment of ${money(ctx.reinstatementCents, ctx.currency)} will be required to reinstate your online session support.`,
      ]);
    case 'suspended':
      return message([
        `Free sessions for ${n.companyName} are suspended: there have been ${ctx.strikeLimit} no-shows on scheduled sessions.`,
        `A payment of ${money(n.feeCents, n.currency)} is required to reinstate your online session support; our staff record it and free sessions start again.`,
        'Until then you can still book a session at the standard fee (see /fees).',
        n.paymentInstructions ? `How to pay: ${n.paymentInstructions}` : null,
        ...(n.cancelled?.length ? ['Your upcoming free sessions are cancelled and their time freed:', ...n.cancelled.map((b) => `• ${b.kindLabel}, ${when(b)} (${b.reference})`)] : []),
      ]);
    case 'no_show_reversed':
      return message([
        `Your ${n.booking.kindLabel} on ${when(n.booking)} counts as attended after all. Our staff corrected the no-show: ${n.reason}`,
        n.strikes !== null ? `The strike is removed: ${n.strikes} of ${n.strikeLimit} no-shows.` : null,
        n.suspensionLifted ? `Free sessions for ${n.companyName} are available again.` : null,
      ]);
    case 'payment_hold_expired':
      return message([ts('en', 'holdExpired.title', { kind: n.booking.kind, when: when(n.booking) }), ts('en', 'holdExpired.next', { cmd: '/book' }), refLine(n.booking)]);
    case 'payment_received_late':
      return message([ts('en', 'paidLate.title', { amount: money(n.amountCents, n.currency), when: when(n.booking) }), ts('en', 'paidLate.body'), refLine(n.booking)]);
    case 'staff_reinstatement_paid':
      return message([ts('en', 'staffReinstatementPaid.title', { company: n.companyName, amount: money(n.amountCents, n.currency) }), n.reference]);
    case 'staff_payment_to_settle':
      return message([ts('en', 'staffToSettle.title', { amount: money(n.amountCents, n.currency) }), ts('en', 'staffToSettle.body', { purpose: n.purpose, reference: n.reference, who: [n.companyName, n.customerName].filter(Boolean).join(', ') || '—', payment: n.paymentId ?? '—' })]);
    case 'reinstated':
      return message([`Free sessions for ${n.companyName} are reinstated: thank you. Use /book to book a session.`]);
    case 'emergency_received':
      return message(
        [
          'We have your emergency request. Our staff will go through the day\'s calendar and squeeze you in; you will get a message here with the exact time of your appointment.',
          n.booking.description ? `You wrote: "${n.booking.description}"` : null,
          priceLine(n.booking),
          refLine(n.booking),
        ],
        bookingButtons(n.booking, state),
      );
    case 'emergency_scheduled':
      return message(['You are squeezed in. Here is the exact time of your appointment.', ...details(n.booking, ctx, sentAt)], bookingButtons(n.booking, state));
    case 'emergency_declined':
      return message([`Our staff could not squeeze in your emergency request.`, `Reason: ${n.reasonCode ? ts('en', 'reason.system', { code: n.reasonCode, cmd: '/book' }) : n.reason}`, 'Nothing is charged. Use /book for the next free time.', refLine(n.booking)]);
    // the staff channel
    case 'staff_approval_request':
      return message(
        ['Approval needed: a paid session was requested.', staffSummary(n.booking), n.booking.description ? `Note: ${n.booking.description}` : null, refLine(n.booking)],
        state === 'none' ? [] : [
          { label: 'Approve', action: 'approve', value: n.booking.bookingId, style: 'primary' },
          { label: 'Decline', action: 'decline', value: n.booking.bookingId, style: 'danger' },
        ],
      );
    case 'staff_emergency_request':
      return message(
        [
          `Emergency request (urgency: ${n.urgency}) from ${[n.booking.companyName ?? 'a customer without a company', n.booking.memberName].filter(Boolean).join(', ')}.`,
          n.booking.description ? `"${n.booking.description}"` : null,
          `${n.booking.kindLabel}, ${n.booking.lengthMinutes} minutes. ${priceLine(n.booking)}`,
          state === 'none' ? null : n.options.length ? 'Squeeze in at:' : 'No free time found today. Decline with a reason, or contact the customer.',
          refLine(n.booking),
        ],
        state === 'none'
          ? []
          : [
              ...n.options.slice(0, 6).map((o): ConsoleButton => ({
                label: `Squeeze in: ${o.staffName.split(' ')[0]} ${span(o.startsAt, o.endsAt, n.booking.zone)}${o.bufferShortenedBy ? ` (-${o.bufferShortenedBy} min buffer)` : ''}`,
                action: 'squeeze',
                value: `${n.booking.bookingId}|${o.staffId}|${o.startsAt}`,
                style: 'primary',
              })),
              { label: 'Decline', action: 'decline', value: n.booking.bookingId, style: 'danger' },
            ],
      );
    case 'staff_no_show':
      return message(
        [
          `No-show: closed ${ctx.closeMinutes} minutes after the start, nobody joined.`,
          staffSummary(n.booking),
          n.strikes === null ? 'No strike (not a free session).' : `Strike ${n.strikes} for ${n.booking.companyName ?? 'the company'}.`,
          n.suspended ? `Free sessions are now suspended until the ${money(ctx.reinstatementCents, ctx.currency)} reinstatement is paid. Record it when it arrives.` : null,
          refLine(n.booking),
        ],
        n.suspended && n.booking.companyName && state !== 'none' ? [{ label: 'Record reinstatement', action: 'reinstate', value: n.booking.companyName }] : [],
      );
    case 'staff_booking_cancelled':
      return message([
        `${n.by === 'system' ? 'Closed unanswered' : `Cancelled by ${n.by === 'customer' ? 'the customer' : 'staff'}`}: ${staffSummary(n.booking)}`,
        n.reasonCode ? `Reason: ${ts('en', 'reason.systemStaff', { code: n.reasonCode })}` : n.reason ? `Reason: ${n.reason}` : null,
        refLine(n.booking),
      ]);
  }
}
