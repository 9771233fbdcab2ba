/**
 * Every outbox Notice as a neutral Message, once for all platforms (an exhaustive switch: a new
 * notice type breaks the build here until it is told). Also what earlier messages about a booking
 * become when their buttons no longer apply, and what a staff card says once decided or closed.
 */
import { toCents } from '../../../core/policy/pricing.js';
import type { BookingCard, Notice, NoticeType, SystemReason } from '../../../core/notifications/types.js';
import { label, money, t, ts, type Lang } from './i18n.js';
import {
  changeLine,
  closeLine,
  cmd,
  customerButtons,
  customerName,
  cutoffMinutes,
  detailLines,
  kindName,
  lines,
  referenceText,
  payReinstatementButton,
  planKind,
  reinstatementLine,
  remindersLine,
  time,
  whenOf,
  type PresentContext,
} from './booking.js';
import { timeText } from './time-text.js';
import type { Button, Icon, Line, Message, Text } from './model.js';

/** A confirmed session with everything needed to attend, the change window stated exactly. */
function confirmed(ctx: PresentContext, card: BookingCard, icon: Icon, title: Text, summary: Text, opts: { reminders?: boolean; closing?: boolean } = {}): Message {
  return {
    visibility: 'dm',
    icon,
    title,
    sections: [detailLines(ctx, card), lines(opts.reminders ? remindersLine(ctx, card) : null, changeLine(ctx, card), closeLine(ctx))],
    buttons: customerButtons(ctx, card),
    footer: referenceText(ctx, card),
    ...(opts.closing ? { closing: t(ctx.lang, 'booking.keepConfirmation') } : {}),
    summary,
    locale: ctx.lang,
  };
}

/**
 * A request waiting for staff approval: the pending notice's words, no Join or phone yet, and only its
 * "Cancel request" button. `moved`: the title of a request the customer moved, never worded as a
 * confirmation; the pending line then leads the body.
 */
function pendingRequest(ctx: PresentContext, card: BookingCard, moved?: Text): Message {
  const L = ctx.lang;
  return {
    visibility: 'dm',
    icon: 'pending',
    title: moved ?? t(L, 'pending.title'),
    sections: [[...(moved ? [{ text: t(L, 'pending.title'), style: 'strong' as const }] : []), { text: t(L, 'pending.body') }, ...detailLines(ctx, card, { join: false })]],
    buttons: [{ kind: 'action', label: ts(L, 'button.cancelRequest'), intent: { do: 'cancel', bookingId: card.bookingId }, style: 'danger' }],
    footer: referenceText(ctx, card),
    summary: t(L, 'pending.summary', { when: whenOf(ctx, card) }),
    locale: L,
  };
}

function plainNotice(ctx: PresentContext, icon: Icon, title: Text, body: Line[], summary: Text, extra: Partial<Message> = {}): Message {
  return { visibility: 'dm', icon, title, sections: body.length ? [body] : [], buttons: [], summary, locale: ctx.lang, ...extra };
}

/** The staff channel's summary of a booking: who, what, when, price (as staff read it), and the customer's words. */
export function staffSummary(ctx: PresentContext, card: BookingCard): Line[] {
  return [{ text: [customerName(ctx, card)] }, ...detailLines(ctx, card, { join: false, staff: true }), ...(card.description ? [{ text: [card.description], style: 'quote' as const }] : [])];
}

export function presentNotice(n: Notice, ctx: PresentContext): Message {
  const L = ctx.lang;
  const cfg = ctx.config;
  switch (n.type) {
    case 'booking_confirmed':
      return confirmed(ctx, n.booking, 'booked', t(L, 'confirmed.title'), t(L, 'confirmed.summary', { when: whenOf(ctx, n.booking) }), { reminders: true });
    case 'booking_approved':
      return confirmed(ctx, n.booking, 'booked', t(L, 'approved.title'), t(L, 'approved.summary', { when: whenOf(ctx, n.booking) }), { reminders: true });
    case 'emergency_scheduled':
      return confirmed(ctx, n.booking, 'emergency', t(L, 'emergencyScheduled.title'), t(L, 'emergencyScheduled.summary', { when: whenOf(ctx, n.booking) }));
    case 'reminder':
      return confirmed(ctx, n.booking, 'reminder', t(L, 'reminder.title', { hours: n.minutesBefore % 60 === 0 ? n.minutesBefore / 60 : 0, minutes: n.minutesBefore }), t(L, 'reminder.summary', { when: whenOf(ctx, n.booking) }));
    case 'booking_rescheduled': {
      const moved =
        n.byYou === false
          ? t(L, 'rescheduled.byColleague', { name: n.byName ?? ts(L, 'cancelled.aColleague'), from: time(ctx, n.previousStartsAt, n.booking.zone) })
          : t(L, 'rescheduled.title', { from: time(ctx, n.previousStartsAt, n.booking.zone) });
      // A request still waiting for approval stays a request at its new time, not a confirmation.
      if (n.booking.status === 'pending_approval') return pendingRequest(ctx, n.booking, moved);
      return confirmed(ctx, n.booking, 'moved', moved, t(L, 'rescheduled.summary', { when: whenOf(ctx, n.booking) }), { reminders: true, closing: true });
    }
    case 'booking_pending':
      return pendingRequest(ctx, n.booking);
    case 'booking_declined':
      return plainNotice(ctx, 'declined', t(L, 'declined.title', { kind: n.booking.kind, when: whenOf(ctx, n.booking) }), lines(reasonLine(ctx, n), t(L, 'declined.next', { cmd: cmd('/book') })), t(L, 'declined.summary', { when: whenOf(ctx, n.booking) }), { footer: referenceText(ctx, n.booking) });
    case 'booking_cancelled': {
      const who = n.by === 'staff' ? 'staff' : n.byYou === false ? 'colleague' : 'you';
      const price = n.booking.priceCents === 0 ? null : n.refunded ? t(L, 'cancelled.refunded') : t(L, 'price.notRefundable');
      return plainNotice(
        ctx,
        'cancelled',
        t(L, 'cancelled.title', { who, name: n.byName ?? ts(L, 'cancelled.aColleague'), kind: n.booking.kind, when: whenOf(ctx, n.booking) }),
        lines(n.reason || n.reasonCode ? reasonLine(ctx, n) : null, price, t(L, 'common.bookAgain', { cmd: cmd('/book') })),
        t(L, 'cancelled.summary', { when: whenOf(ctx, n.booking) }),
        { footer: referenceText(ctx, n.booking), closing: t(L, 'booking.keepConfirmation') },
      );
    }
    case 'actions_expired':
      return expiredMessage(ctx, n.booking, n.why);
    case 'no_show_closed': {
      const card = n.booking;
      // Core sends one message per no-show: it carries the count, and below the limit the warning too
      // (at the limit the suspension notice follows with the fee).
      const strike = n.strikes === null ? (card.priceCents > 0 ? t(L, 'price.notRefundable') : null) : t(L, 'noShow.counts', { planKind: planKind(ctx), strikes: n.strikes, limit: n.strikeLimit });
      const warning = n.strikes !== null && n.strikes < n.strikeLimit ? reinstatementLine(ctx, n.strikeLimit, n.reinstatementCents, card.currency) : null;
      return plainNotice(
        ctx,
        'noshow',
        t(L, 'noShow.title', { kind: card.kind, when: whenOf(ctx, card) }),
        lines(t(L, 'noShow.why', { minutes: cfg.policy.noShowCloseMinutes }), strike && warning ? [...strike, ' ', ...warning] : strike, t(L, 'common.bookAgain', { cmd: cmd('/book') })),
        t(L, 'noShow.summary', { when: whenOf(ctx, card) }),
        { footer: referenceText(ctx, card) },
      );
    }
    case 'strike_warning':
      return plainNotice(
        ctx,
        'warning',
        t(L, 'strikeWarning.title', { company: n.companyName, strikes: n.strikes, limit: n.strikeLimit }),
        lines(
          t(L, 'strikeWarning.last', { kind: n.booking.kind, when: whenOf(ctx, n.booking) }),
          t(L, 'strikeWarning.more', { planKind: planKind(ctx), left: Math.max(1, n.strikeLimit - n.strikes) }),
          reinstatementLine(ctx, n.strikeLimit, n.reinstatementCents, n.booking.currency),
          t(L, 'strikeWarning.cancelInTime'),
        ),
        t(L, 'strikeWarning.summary', { company: n.companyName, strikes: n.strikes, limit: n.strikeLimit }),
      );
    case 'suspended':
      return plainNotice(
        ctx,
        'suspended',
        t(L, 'suspended.title', { planKind: planKind(ctx), company: n.companyName }),
        lines(
          t(L, n.payOnline ? 'suspended.bodyOnline' : 'suspended.body', { planKind: planKind(ctx), amount: money(L, n.feeCents, n.currency), cmd: cmd('/fees') }),
          n.paymentInstructions ? t(L, 'suspended.payHow', { instructions: n.paymentInstructions }) : null,
          ...(n.cancelled?.length ? [t(L, 'suspended.cancelled', { n: n.cancelled.length }), ...n.cancelled.map((b) => [kindName(ctx, b.kind), ' ', whenOf(ctx, b), ` (${b.reference})`] as Text)] : []),
        ),
        t(L, 'suspended.title', { planKind: planKind(ctx), company: n.companyName }),
        n.payOnline ? { buttons: [payReinstatementButton(ctx, n.feeCents, n.currency, { primary: true })] } : {},
      );
    case 'no_show_reversed':
      return plainNotice(
        ctx,
        'reinstated',
        t(L, 'reversed.title', { kind: n.booking.kind, when: whenOf(ctx, n.booking) }),
        lines(t(L, 'reversed.body', { reason: n.reason }), n.strikes !== null ? t(L, 'reversed.strikes', { strikes: n.strikes, limit: n.strikeLimit }) : null, n.suspensionLifted ? t(L, 'reversed.lifted', { planKind: planKind(ctx), company: n.companyName ?? '' }) : null),
        t(L, 'reversed.title', { kind: n.booking.kind, when: whenOf(ctx, n.booking) }),
      );
    case 'payment_hold_expired':
      return plainNotice(ctx, 'closed', t(L, 'holdExpired.title', { kind: n.booking.kind, when: whenOf(ctx, n.booking) }), lines(t(L, 'holdExpired.next', { cmd: cmd('/book') })), t(L, 'holdExpired.title', { kind: n.booking.kind, when: whenOf(ctx, n.booking) }), { footer: referenceText(ctx, n.booking) });
    case 'payment_received_late': {
      const amount = money(L, n.amountCents, n.currency);
      const title = n.expected
        ? t(L, 'paidLate.mismatch', { amount, expected: money(L, n.expected.amountCents, n.expected.currency), when: whenOf(ctx, n.booking) })
        : t(L, 'paidLate.title', { amount, when: whenOf(ctx, n.booking) });
      return plainNotice(ctx, 'warning', title, lines(t(L, 'paidLate.body')), title, { footer: referenceText(ctx, n.booking) });
    }
    case 'staff_reinstatement_paid': {
      const title = t(L, 'staffReinstatementPaid.title', { planKind: planKind(ctx), company: n.companyName, amount: money(L, n.amountCents, n.currency) });
      return { ...plainNotice(ctx, 'reinstated', title, [], title), visibility: 'staff', footer: [n.reference] };
    }
    case 'staff_payment_to_settle': {
      const title = n.expected
        ? t(L, 'staffToSettle.mismatch', { amount: money(L, n.amountCents, n.currency), expected: money(L, n.expected.amountCents, n.expected.currency) })
        : t(L, 'staffToSettle.title', { amount: money(L, n.amountCents, n.currency) });
      const who = [n.companyName, n.customerName].filter(Boolean).join(', ') || '—';
      return { ...plainNotice(ctx, 'warning', title, lines(t(L, 'staffToSettle.body', { purpose: n.purpose, reference: n.reference, who, payment: n.paymentId ?? '—' })), title), visibility: 'staff' };
    }
    case 'reinstated':
      return plainNotice(ctx, 'reinstated', t(L, 'reinstated.title', { planKind: planKind(ctx), company: n.companyName }), lines(t(L, 'reinstated.body', { cmd: cmd('/book') })), t(L, 'reinstated.title', { planKind: planKind(ctx), company: n.companyName }));
    case 'suspension_ended':
      return settledSuspension(ctx, n);
    case 'emergency_received':
      return plainNotice(
        ctx,
        'emergency',
        t(L, 'emergencyReceived.title'),
        [...(n.booking.description ? [{ text: [n.booking.description], style: 'quote' as const }] : []), ...lines(n.waitsUntil ? t(L, 'emergencyReceived.afterHours', { time: time(ctx, n.waitsUntil, n.booking.zone) }) : t(L, 'emergencyReceived.body')), { label: label(L, 'label.price'), text: priceTextOf(ctx, n.booking) }],
        t(L, 'emergencyReceived.title'),
        { footer: referenceText(ctx, n.booking) },
      );
    case 'emergency_declined':
      return plainNotice(ctx, 'declined', t(L, 'emergencyDeclined.title'), lines(reasonLine(ctx, n), t(L, 'emergencyDeclined.next', { cmd: cmd('/book') })), t(L, 'emergencyDeclined.title'), { footer: referenceText(ctx, n.booking) });
    case 'staff_approval_request':
      return {
        visibility: 'staff',
        icon: 'approval',
        title: t(L, 'staffApproval.title'),
        sections: [staffSummary(ctx, n.booking)],
        buttons: [
          // Approve or decline the booking as this card shows it: core decides nothing if it moved since.
          { kind: 'action', label: ts(L, 'button.approve'), intent: { do: 'approve', bookingId: n.booking.bookingId, sequence: n.booking.sequence ?? 0 }, style: 'primary' },
          { kind: 'action', label: ts(L, 'button.decline'), intent: { do: 'decline', bookingId: n.booking.bookingId, sequence: n.booking.sequence ?? 0 }, style: 'danger' },
        ],
        footer: referenceText(ctx, n.booking),
        summary: t(L, 'staffApproval.summary', { kind: n.booking.kind, when: whenOf(ctx, n.booking), who: customerName(ctx, n.booking) }),
        locale: L,
      };
    case 'staff_emergency_request': {
      const card = n.booking;
      const options: Button[] = n.options.slice(0, 9).map((o) => ({
        kind: 'action',
        label: squeezeLabel(L, o.staffName, timeText(time(ctx, o.startsAt, card.zone, { end: o.endsAt })), o.bufferShortenedBy),
        intent: { do: 'squeeze', bookingId: card.bookingId, staffId: o.staffId, startsAt: o.startsAt },
      }));
      return {
        visibility: 'staff',
        icon: 'emergency',
        title: t(L, 'staffEmergency.title', { urgency: n.urgency }),
        sections: [staffSummary(ctx, card), lines(options.length ? t(L, 'staffEmergency.squeezeAt') : t(L, 'staffEmergency.noGap'))],
        buttons: [...options, { kind: 'action', label: ts(L, 'button.decline'), intent: { do: 'decline', bookingId: card.bookingId, sequence: card.sequence ?? 0 }, style: 'danger' }],
        footer: referenceText(ctx, card),
        summary: t(L, 'staffEmergency.summary', { urgency: n.urgency, who: customerName(ctx, card) }),
        locale: L,
      };
    }
    case 'staff_no_show': {
      const card = n.booking;
      const cents = toCents(cfg.policy.reinstatementFee, card.currency);
      const fee = money(L, cents, card.currency);
      const strike = n.strikes === null ? t(L, 'staffNoShow.noStrike') : t(L, 'staffNoShow.strike', { planKind: planKind(ctx), strikes: n.strikes, suspended: n.suspended ? 'yes' : 'no', amount: fee });
      return {
        visibility: 'staff',
        icon: 'noshow',
        title: t(L, 'staffNoShow.title', { who: customerName(ctx, card), kind: card.kind, when: whenOf(ctx, card) }),
        sections: [lines(strike)],
        buttons: n.suspended && card.companyName !== null ? [{ kind: 'action', label: ts(L, 'button.reinstate', { amount: fee }), intent: { do: 'reinstate', bookingId: card.bookingId } }] : [],
        footer: referenceText(ctx, card),
        summary: t(L, 'staffNoShow.summary', { who: customerName(ctx, card), when: whenOf(ctx, card) }),
        locale: L,
      };
    }
    case 'staff_booking_cancelled': {
      const card = n.booking;
      return {
        visibility: 'staff',
        icon: n.by === 'system' ? 'closed' : 'cancelled',
        title: t(L, 'staffCancelled.title', { by: n.by, who: customerName(ctx, card), kind: card.kind, when: whenOf(ctx, card), staff: card.staffName ?? '' }),
        sections: n.reason || n.reasonCode ? [lines(t(L, 'common.reason', { reason: reasonText(ctx, n, true) }))] : [],
        buttons: [],
        footer: referenceText(ctx, card),
        summary: t(L, 'staffCancelled.summary', { by: n.by, who: customerName(ctx, card), when: whenOf(ctx, card) }),
        locale: L,
      };
    }
    default: {
      const never: never = n;
      throw new Error(`unpresented notice: ${JSON.stringify(never)}`);
    }
  }
}

const priceTextOf = (ctx: PresentContext, card: BookingCard): Text =>
  card.priceCents === 0 ? t(ctx.lang, 'price.free') : t(ctx.lang, 'price.paid', { amount: money(ctx.lang, card.priceCents, card.currency), basis: card.priceBasis });

/**
 * Which notices carry buttons, so which earlier messages a later notice edits: customer messages
 * with Reschedule / Cancel (edited by actions_expired), and staff cards with Approve / Decline /
 * squeeze-in (edited by staff_booking_cancelled). One list for every platform. The fee buttons
 * (`suspended`'s Pay, `staff_no_show`'s Record reinstatement) go with suspension_ended (edits.ts).
 */
export const WITH_CUSTOMER_BUTTONS: ReadonlySet<NoticeType> = new Set<NoticeType>(['booking_confirmed', 'booking_approved', 'booking_pending', 'booking_rescheduled', 'reminder', 'emergency_scheduled']);
export const STAFF_CARDS: ReadonlySet<NoticeType> = new Set<NoticeType>(['staff_approval_request', 'staff_emergency_request']);

export type ExpiredWhy = Extract<Notice, { type: 'actions_expired' }>['why'];

/**
 * What an earlier message about a booking becomes once its buttons no longer apply. Past the cutoff
 * the session still happens: Join and Add to calendar stay, Reschedule and Cancel go.
 */
export function expiredMessage(ctx: PresentContext, card: BookingCard, why: ExpiredWhy): Message {
  const L = ctx.lang;
  const reason = t(L, 'expired.why', { why, minutes: cutoffMinutes(ctx, card) });
  const body: Line[] = why === 'rescheduled' ? [{ text: t(L, 'expired.movedTo', { kind: card.kind, name: kindName(ctx, card.kind), when: whenOf(ctx, card) }), style: 'strong' }] : detailLines(ctx, card, { price: false, join: why !== 'declined' });
  return {
    visibility: 'dm',
    sections: [body, [{ text: reason, style: 'muted' }]],
    icon: 'lock',
    buttons: why === 'cutoff_passed' ? customerButtons(ctx, card, { change: false }) : [],
    footer: referenceText(ctx, card),
    summary: [...t(L, 'label.colon', { label: [kindName(ctx, card.kind), ' ', whenOf(ctx, card)] }), ' ', ...reason],
    locale: L,
  };
}

/** A staff card after a decision: no buttons, who decided and when. */
export type Decision = { kind: 'approved'; by: string } | { kind: 'declined'; by: string; reason: string } | { kind: 'scheduled'; by: string };

/** A staff card once nothing is left to press: the booking, one muted line saying what happened, no buttons. */
function settledStaffCard(ctx: PresentContext, card: BookingCard, line: Text): Message {
  return {
    visibility: 'staff',
    sections: [staffSummary(ctx, card), [{ text: line, style: 'muted' }]],
    buttons: [],
    footer: referenceText(ctx, card),
    summary: [...line, ' (', kindName(ctx, card.kind), ' ', whenOf(ctx, card), ')'],
    locale: ctx.lang,
  };
}

export function decidedStaffCard(ctx: PresentContext, card: BookingCard, d: Decision, decidedAt: string): Message {
  const L = ctx.lang;
  const line = t(L, 'staffCard.decided', { decision: d.kind, by: d.by, time: time(ctx, decidedAt, card.vendorZone), reason: d.kind === 'declined' ? d.reason : '' });
  return settledStaffCard(ctx, card, line);
}

/** What a person wrote, or the system's reason (a code from core) in the reader's language. */
/** Slack cuts button labels at 75 characters, Discord at 80: a long name gives way (first name, then cut), never the time or the buffer. */
const BUTTON_LABEL_MAX = 75;
function squeezeLabel(L: Lang, staffName: string, timeTextValue: string, buffer: number): string {
  const label = (staff: string) => ts(L, 'staffEmergency.option', { staff, time: timeTextValue, buffer });
  const full = label(staffName);
  if (full.length <= BUTTON_LABEL_MAX) return full;
  const first = staffName.split(/\s+/)[0]!;
  const short = label(first);
  if (short.length <= BUTTON_LABEL_MAX) return short;
  const room = Math.max(1, first.length - (short.length - BUTTON_LABEL_MAX) - 1);
  return label(`${first.slice(0, room)}…`);
}

function reasonText(ctx: PresentContext, n: { reason: string | null; reasonCode?: SystemReason }, staff = false): string {
  if (n.reasonCode) return ts(ctx.lang, staff ? 'reason.systemStaff' : 'reason.system', { planKind: planKind(ctx), code: n.reasonCode, cmd: '/book' });
  return n.reason ?? '';
}

/** "Reason: …" for the customer: the system's in their language, staff's as written; a system reason reads on its own. */
function reasonLine(ctx: PresentContext, n: { reason: string | null; reasonCode?: SystemReason }): Text | null {
  if (n.reasonCode) return t(ctx.lang, 'reason.system', { planKind: planKind(ctx), code: n.reasonCode, cmd: cmd('/book') });
  return n.reason ? t(ctx.lang, 'common.reason', { reason: n.reason }) : null;
}

/** An approval or emergency card once the booking or request is off: no buttons, what happened and when. */
export function closedStaffCard(ctx: PresentContext, n: Extract<Notice, { type: 'staff_booking_cancelled' }>, closedAt: string): Message {
  const L = ctx.lang;
  const card = n.booking;
  const trimmed = reasonText(ctx, n, true).trim().replace(/\.+$/, '');
  // A system closure's reason reads inside the sentence ("Closed: nobody approved it …").
  const reason = n.by === 'system' && trimmed ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
  const line = t(L, 'staffCard.closed', { by: n.by, time: time(ctx, closedAt, card.zone), reason });
  return settledStaffCard(ctx, card, line);
}

/** The staff no-show note once the reinstatement is recorded: no button, who recorded it and when. */
export function reinstatedStaffNote(ctx: PresentContext, card: BookingCard, by: Text, at: string, cents: number): Message {
  const L = ctx.lang;
  return noShowNote(ctx, card, t(L, 'staffCard.reinstated', { planKind: planKind(ctx), amount: money(L, cents, card.currency), by, time: time(ctx, at, card.vendorZone), company: card.companyName ?? '' }));
}

function noShowNote(ctx: PresentContext, card: BookingCard, line: Text): Message {
  const L = ctx.lang;
  return {
    visibility: 'staff',
    icon: 'noshow',
    title: t(L, 'staffNoShow.title', { who: customerName(ctx, card), kind: card.kind, when: whenOf(ctx, card) }),
    sections: [[{ text: line, style: 'muted' }]],
    buttons: [],
    footer: referenceText(ctx, card),
    summary: t(L, 'staffNoShow.summary', { who: customerName(ctx, card), when: whenOf(ctx, card) }),
    locale: L,
  };
}

type SuspensionEnded = Extract<Notice, { type: 'suspension_ended' }>;

const suspensionEndedLine = (ctx: PresentContext, n: SuspensionEnded): Text =>
  t(ctx.lang, n.how === 'lifted' ? 'reversed.lifted' : 'reinstated.title', { planKind: planKind(ctx), company: n.companyName });

/** A customer's suspension message once nothing is owed: no Pay button; it says the sessions are back. */
export function settledSuspension(ctx: PresentContext, n: SuspensionEnded): Message {
  const title = suspensionEndedLine(ctx, n);
  return plainNotice(ctx, 'reinstated', title, n.how === 'lifted' ? [] : lines(t(ctx.lang, 'reinstated.body', { cmd: cmd('/book') })), title);
}

/** A staff no-show card once the suspension is over: no Record reinstatement button; what ended it. */
export function settledNoShowCard(ctx: PresentContext, card: BookingCard, n: SuspensionEnded): Message {
  if (n.how === 'recorded' && n.by && n.amountCents !== undefined) return reinstatedStaffNote(ctx, card, [n.by], n.at, n.amountCents);
  return noShowNote(ctx, card, suspensionEndedLine(ctx, n));
}
