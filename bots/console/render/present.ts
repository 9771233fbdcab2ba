/**
 * Core results → console messages. Each result kind is presented by an exhaustive switch: a new kind in
 * core stops the build here until it is presented. Pure functions, shared by the page and the demo.
 */
import { DateTime } from 'luxon';
import { formatPlanDate } from '../../../core/policy/plan-dates.js';
import { codeChangedText, confirmSwitchText } from '../../shared/wording.js';
import type { BookingCard, Core } from '../../../core/index.js';
import { at, cutoffLine, joinLines, money, priceLine, refLine, span, when } from './format.js';
import { ts } from '../../shared/present/i18n.js';
import { message, type ConsoleButton, type ConsoleMessage } from './message.js';
import { bookingButtons, type RenderContext } from './notice.js';

type R<K extends keyof Core> = Core[K] extends (...a: never[]) => Promise<infer T> ? T : never;
type InvalidInput = { kind: 'invalid_input'; problems: string[] };
type SlotView = { startsAt: string; endsAt: string };

export function assertNever(x: never): never {
  throw new Error(`unpresented result: ${JSON.stringify(x)}`);
}

function invalid(r: InvalidInput): ConsoleMessage {
  return message(['That did not work:', ...r.problems.map((p) => `• ${p}`)]);
}

/** The value of a "book this time" button: startsAt|kind|length|free-or-pay[|quote key]. */
export function slotValue(startsAt: string, kind: string, lengthMinutes: number, pay: boolean, quoteKey?: string): string {
  return `${startsAt}|${kind}|${lengthMinutes}|${pay ? 'pay' : 'free'}${quoteKey ? `|${quoteKey}` : ''}`;
}

function slotButtons(slots: SlotView[], kind: string, lengthMinutes: number, zone: string, pay: boolean, quoteKey?: string): ConsoleButton[] {
  return slots.slice(0, 8).map((s) => ({ label: span(s.startsAt, s.endsAt, zone), action: 'book', value: slotValue(s.startsAt, kind, lengthMinutes, pay, quoteKey) }));
}

/** Said before confirming a time inside the change window. */
export const NOT_CHANGEABLE = 'This time is inside the change window: once booked it cannot be rescheduled or cancelled.';

type Quote = Extract<R<'understandRequest'>, { quote: unknown }>['quote'];

/** What the time will cost, and whether the Confirm button books it at the standard fee. */
function quoteLines(q: Quote, ctx: RenderContext): { lines: string[]; pay: boolean; confirm: string; key: string } {
  const key = q.key;
  switch (q.kind) {
    case 'priced':
      if (q.priceCents === 0) return { lines: ['Covered by your maintenance plan.'], pay: false, confirm: 'Confirm', key };
      return {
        lines: [
          `Price: ${money(q.priceCents, q.currency)}${q.basis === 'plan_discount' ? ' (maintenance plan discount)' : ''}. Paid sessions are not refundable.`,
          q.paymentInstructions ? `How to pay: ${q.paymentInstructions} (quote your booking reference).` : '',
          q.needsApproval ? 'Paid sessions wait for staff approval.' : '',
        ],
        pay: false,
        confirm: `Confirm (${money(q.priceCents, q.currency)})`,
        key,
      };
    case 'suspended':
      return {
        lines: [
          `Free sessions for your company are suspended after ${ctx.strikeLimit} no-shows: a free booking is refused.`,
          `A payment of ${money(q.reinstatementCents, q.currency)} is required to reinstate your online session support.`,
          `You can book this time at the standard fee, ${money(q.feeCents, q.currency)}.`,
        ],
        pay: true,
        confirm: `Book at the standard fee (${money(q.feeCents, q.currency)})`,
        key,
      };
    case 'not_linked':
      return {
        lines: [
          'With an active maintenance plan, sessions are free or discounted: enter your code with /support-code YOUR-CODE.',
          `Without a plan this session costs ${money(q.feeCents, q.currency)}.`,
        ],
        pay: true,
        confirm: `Book for a fee (${money(q.feeCents, q.currency)})`,
        key,
      };
  }
}

export function presentUnderstand(r: R<'understandRequest'>, ctx: RenderContext): ConsoleMessage {
  switch (r.kind) {
    case 'proposal': {
      const q = quoteLines(r.quote, ctx);
      return message(
        [`${r.sessionKind === 'online' ? 'Online' : 'Phone'} session, ${r.lengthMinutes} minutes: ${at(r.startsAt, r.zone)}.`, `(I read "${r.readback}".)`, ...r.notes, ...q.lines, r.changeable ? '' : NOT_CHANGEABLE, 'Press Confirm to book it.'],
        [{ label: q.confirm, action: 'book', value: slotValue(r.startsAt, r.sessionKind, r.lengthMinutes, q.pay, q.key), style: 'primary' }],
      );
    }
    case 'unavailable': {
      const why = { slot_taken: 'is already taken', outside_hours: 'is outside our working hours', too_soon: 'is too soon to book', too_far: 'is too far ahead to book' }[r.reason];
      const q = quoteLines(r.quote, ctx);
      return message(
        [`${at(r.startsAt, r.zone)} ${why}.`, r.alternatives.length ? 'The nearest free times:' : 'No free time nearby: try another day.', ...q.lines.slice(0, 1)],
        slotButtons(r.alternatives, r.sessionKind, r.lengthMinutes, r.zone, q.pay, q.key),
      );
    }
    case 'choose': {
      const q = quoteLines(r.quote, ctx);
      return message(
        [r.slots.length ? `Free times ${r.readback} (${r.lengthMinutes} minutes); pick one:` : `No free time ${r.readback}: try another day.`, ...q.lines.slice(0, 1)],
        slotButtons(r.slots, r.sessionKind, r.lengthMinutes, r.zone, q.pay, q.key),
      );
    }
    case 'ambiguous': {
      const q = quoteLines(r.quote, ctx);
      return message(
        ['Which one do you mean?'],
        r.options.map((o) => ({ label: `${o.label}: ${at(o.startsAt, r.zone)}`, action: 'book', value: slotValue(o.startsAt, r.sessionKind, r.lengthMinutes, q.pay, q.key) })),
      );
    }
    case 'in_past':
      return message([`${r.readback} has already passed. Try a time ahead, e.g. /book tomorrow 3pm.`]);
    case 'nonexistent_time':
      return message([`${r.requested} does not exist on that day (the clocks change). The nearest times:`, ...r.nearest.map((n) => `• ${n.readback}`)]);
    case 'unparseable':
      return message([`I could not read a time in that. ${r.hint}`]);
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentOpenings(r: R<'findOpenings'>, ctx: RenderContext, kind: string, lengthMinutes: number): ConsoleMessage {
  switch (r.kind) {
    case 'openings': {
      const q = quoteLines(r.quote, ctx);
      return message(
        [r.slots.length ? `The next free times (${lengthMinutes} minutes); pick one, or type e.g. /book tomorrow 3pm:` : 'No free time in the next days.', ...q.lines.slice(0, 1)],
        slotButtons(r.slots, kind, lengthMinutes, r.zone, q.pay, q.key),
      );
    }
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

function alternativesText(zone: string, alternatives: SlotView[]): string {
  return alternatives.length ? 'The nearest free times:' : `No free time nearby (times in ${zone}).`;
}

export function presentBook(r: R<'bookSession'>, ctx: RenderContext, choice: { kind: string; lengthMinutes: number; pay: boolean; zone: string }): ConsoleMessage {
  switch (r.kind) {
    case 'booked':
      return message([`Booked: ${r.booking.kindLabel}, ${when(r.booking)}.`, refLine(r.booking)]);
    case 'pending_approval':
      return message([`Requested: ${r.booking.kindLabel}, ${when(r.booking)}. It waits for staff approval; you will hear here.`, priceLine(r.booking), refLine(r.booking)]);
    case 'slot_taken':
    case 'outside_hours': {
      const q = r.quote ? quoteLines(r.quote, ctx) : null;
      return message(
        [r.kind === 'slot_taken' ? 'Someone took that time a moment ago.' : 'That time is outside our working hours.', alternativesText(r.zone, r.alternatives), ...(q ? q.lines.slice(0, 1) : [])],
        slotButtons(r.alternatives, choice.kind, choice.lengthMinutes, r.zone, q ? q.pay : choice.pay, q?.key),
      );
    }
    case 'quote_changed': {
      const q = quoteLines(r.quote, ctx);
      return message(
        ['Nothing was booked: the price or your company\'s standing changed since this time was offered.', `${r.sessionKind === 'online' ? 'Online' : 'Phone'} session, ${r.lengthMinutes} minutes: ${at(r.startsAt, r.zone)}.`, ...q.lines, r.changeable ? '' : NOT_CHANGEABLE],
        [{ label: q.confirm, action: 'book', value: slotValue(r.startsAt, r.sessionKind, r.lengthMinutes, q.pay, q.key), style: 'primary' }],
      );
    }
    case 'already_booked':
      return message([`You already have a session then: ${r.booking.kindLabel}, ${when(r.booking)}. Nothing new was booked.`, refLine(r.booking)]);
    case 'in_past':
      return message(['That time has already passed. Use /book to pick another.']);
    case 'too_soon':
      return message([`That is too soon to book: the earliest is ${at(r.earliest, choice.zone)}. Use /book to pick another time.`]);
    case 'too_far':
      return message([`That is too far ahead: the latest is ${at(r.latest, choice.zone)}.`]);
    case 'code_invalid':
      return message([`That maintenance code is not right. ${r.attemptsLeft} tries left this hour. If you forgot your code, a colleague who is linked can see it with /support-code.`]);
    case 'code_locked':
      return message([`Too many wrong codes. Try again after ${at(r.retryAt, choice.zone)}.`]);
    case 'confirm_switch':
      return message([confirmSwitchText(r)]);
    case 'code_changed':
      return message([codeChangedText(r.companyName)]);
    case 'suspended':
      return message(
        [
          `Free sessions for ${r.companyName} are suspended after ${ctx.strikeLimit} no-shows: this free booking is refused.`,
          `A payment of ${money(r.reinstatementCents, r.currency)} is required to reinstate your online session support.`,
          `You can book at the standard fee, ${money(r.feeCents, r.currency)}, with /book.`,
        ],
      );
    case 'awaiting_payment': {
      if (!r.payUrl) return message([ts('en', 'book.paymentUnavailable')]);
      const amount = money(r.booking.priceCents, r.booking.currency);
      return message([ts('en', 'book.awaitingPayment', { kind: r.booking.kind, when: when(r.booking), amount, time: at(r.holdUntil, r.booking.zone) }), `${ts('en', 'pay.button', { amount })}: ${r.payUrl}`, refLine(r.booking)]);
    }
    case 'not_linked':
      return message([
        'You are not linked to a company with a maintenance plan yet: enter your code with /support-code YOUR-CODE.',
        `Without a plan this session costs ${money(r.feeCents, r.currency)}.`,
      ]);
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentCancelAsk(r: R<'viewBooking'>): ConsoleMessage {
  switch (r.kind) {
    case 'booking':
      if (!r.canChange && !r.isStaff) return message([`${r.booking.reference} can no longer be cancelled here. ${cutoffLine(r.booking) ?? ''}`]);
      return message(
        [`Cancel your ${r.booking.kindLabel} on ${when(r.booking)}?`, r.booking.priceCents > 0 ? 'Paid sessions are not refundable.' : null, refLine(r.booking)],
        [
          { label: 'Yes, cancel', action: 'cancel-yes', value: r.booking.bookingId, style: 'danger' },
          { label: 'Keep it', action: 'keep', value: r.booking.bookingId },
        ],
      );
    case 'not_found':
      return message(['That booking was not found. Use /sessions to see yours.']);
    case 'not_allowed':
      return message(['That booking belongs to another company.']);
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentCancel(r: R<'cancelBooking'>): ConsoleMessage {
  switch (r.kind) {
    case 'cancelled':
      return message([`Cancelled: ${r.booking.kindLabel} on ${when(r.booking)}.${r.byStaff ? ' The customer is told.' : ' A confirmation follows.'}`, refLine(r.booking)]);
    case 'too_late':
      return message([
        `Too late to cancel: sessions can be cancelled or rescheduled up to the cutoff, ${at(r.cutoff, r.zone)}.`,
        'Please join at the start; sessions close 10 minutes after the start if no one from your company has joined.',
      ]);
    case 'not_active':
      return message([`That session is already ${r.status.replace('_', ' ')}.`]);
    case 'not_found':
      return message(['That booking was not found. Use /sessions to see yours.']);
    case 'not_allowed':
      return message(['That booking belongs to another company.']);
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentRescheduleOptions(booking: BookingCard, r: R<'findOpenings'>): ConsoleMessage {
  switch (r.kind) {
    case 'openings':
      return message(
        [r.slots.length ? `Move ${booking.reference} (now ${when(booking)}) to:` : 'No free time in the next days to move to.', cutoffLine(booking)],
        r.slots.slice(0, 8).map((s) => ({ label: span(s.startsAt, s.endsAt, r.zone), action: 'move', value: `${booking.bookingId}|${s.startsAt}` })),
      );
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentReschedule(r: R<'rescheduleBooking'>, zone: string): ConsoleMessage {
  switch (r.kind) {
    case 'rescheduled':
      return message([`Moved to ${when(r.booking)}. A confirmation follows.`, refLine(r.booking)]);
    case 'too_late':
      return message([`Too late to reschedule: sessions can be changed up to the cutoff, ${at(r.cutoff, r.zone)}.`]);
    case 'slot_taken':
    case 'outside_hours':
      return message([r.kind === 'slot_taken' ? 'That time was just taken.' : 'That time is outside our working hours.', 'Press Reschedule again to see the free times.']);
    case 'in_past':
      return message(['That time has already passed.']);
    case 'too_soon':
      return message([`That is too soon: the earliest is ${at(r.earliest, zone)}.`]);
    case 'too_far':
      return message([`That is too far ahead: the latest is ${at(r.latest, zone)}.`]);
    case 'not_active':
      return message([`That session is ${r.status.replace('_', ' ')} and cannot be moved.`]);
    case 'not_found':
      return message(['That booking was not found.']);
    case 'not_allowed':
      return message(['That booking belongs to another company.']);
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentJoin(r: R<'openJoinLink'>): ConsoleMessage {
  switch (r.kind) {
    case 'joined':
      return message([
        r.booking.kind === 'online' && r.meetingUrl ? `You joined: your attendance is recorded. The meeting opens at ${r.meetingUrl}` : `You joined: your attendance is recorded. Call ${r.booking.phoneNumber}, PIN ${r.booking.phonePin}.`,
        refLine(r.booking),
      ]);
    case 'too_early':
      return message([`This session has not started yet (${when(r.booking)}). The link opens the meeting from 30 minutes before the start; opening it now does not count as joining.`, ...joinLines(r.booking)]);
    case 'closed':
      return message([`This session is closed (${r.status.replace('_', ' ')}). Use /book to book again.`, refLine(r.booking)]);
    case 'not_found':
      return message(['This join link is not valid. Use /sessions to see your bookings.']);
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentSessions(r: R<'listSessions'>): ConsoleMessage[] {
  switch (r.kind) {
    case 'sessions':
      if (r.sessions.length === 0) return [message(['You have no upcoming sessions. Use /book to book one.'])];
      return [
        message([`Your upcoming sessions (${r.sessions.length}):`]),
        ...r.sessions.map((s) =>
          message([`${s.booking.kindLabel}, ${when(s.booking)} · ${s.booking.status.replace('_', ' ')}`, priceLine(s.booking), s.canChange ? cutoffLine(s.booking) : 'Can no longer be cancelled or rescheduled.', refLine(s.booking)], bookingButtons(s.booking, s.canChange ? 'all' : 'join_only')),
        ),
      ];
    case 'invalid_input':
      return [invalid(r)];
    default:
      return assertNever(r);
  }
}

export function presentFees(r: R<'feeSchedule'>): ConsoleMessage {
  switch (r.kind) {
    case 'fees': {
      const you = { free: 'Your sessions are free (active maintenance plan).', discount: 'You get the maintenance plan discount.', standard: 'You pay the standard fee (no active maintenance plan).', suspended: `Free sessions are suspended until the ${money(r.reinstatementCents, r.currency)} reinstatement is paid; until then you pay the standard fee.` }[r.youPay];
      return message([
        'Fee schedule (fees are subject to change; a booking keeps the fee it was made at):',
        ...r.lines.map((l) => `• ${l.kindLabel}, ${l.lengthMinutes} minutes: ${money(l.feeCents, r.currency)}`),
        `Emergency surcharge: ${money(r.emergencySurchargeCents, r.currency)}.`,
        r.plan.kind === 'free' ? 'With an active maintenance plan, sessions are free.' : `With an active maintenance plan, sessions are ${r.plan.percent}% off.`,
        r.company ? `${r.company.name}: ${you}` : you,
        'Paid sessions are not refundable.',
      ]);
    }
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

/** The plan's end is exclusive: "through 31 Dec 2027" is the day before it, in the reader's zone. */
function lastDay(untilIso: string, zone: string): string {
  return DateTime.fromMillis(new Date(untilIso).getTime() - 1, { zone }).toFormat('d LLL yyyy');
}

type Profile = Extract<R<'linkCompany'>, { kind: 'linked' }>['profile'];

function profileLines(p: Profile, zone: string): string[] {
  return [
    `Company: ${p.companyName}`,
    `Maintenance code: ${p.code ?? '(none)'} (your code can be shared with all staff).`,
    p.planActive && p.planThrough ? `Maintenance plan active through ${formatPlanDate(p.planThrough)}.` : 'No active maintenance plan: sessions are booked for a fee.',
    p.suspended ? `Free sessions are suspended (${p.strikes} no-shows).` : `No-shows on free sessions: ${p.strikes} of ${p.strikeLimit}.`,
  ];
}

export function presentLink(r: R<'linkCompany'>, zone: string): ConsoleMessage {
  switch (r.kind) {
    case 'linked':
      return message(['Linked. You do not need to enter the code again.', ...profileLines(r.profile, zone), 'Use /book to book a session.']);
    case 'code_invalid':
      return message([`That maintenance code is not right. ${r.attemptsLeft} tries left this hour. If you forgot your code, log into your support account and open your Profile page.`]);
    case 'code_locked':
      return message([`Too many wrong codes. Try again after ${at(r.retryAt, zone)}.`]);
    case 'confirm_switch':
      return message([confirmSwitchText(r)]);
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentProfile(r: R<'showProfile'>, zone: string): ConsoleMessage {
  switch (r.kind) {
    case 'profile':
      return message(profileLines(r.profile, zone));
    case 'not_linked':
      return message(['You are not linked to a company. If you have an active maintenance plan, enter your code: /support-code YOUR-CODE']);
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentEmergency(r: R<'requestEmergency'>, zone: string, description: string): ConsoleMessage {
  const payButton = (feeCents: number, currency: string): ConsoleButton[] =>
    description.length <= 300 ? [{ label: `Send it at the fee (${money(feeCents, currency)})`, action: 'emergency', value: description, style: 'primary' }] : [];
  switch (r.kind) {
    case 'emergency_requested':
      return message([`Emergency request sent to our staff (${r.options.length} possible times today). You will get a message with the exact time.`, refLine(r.booking)]);
    case 'code_invalid':
      return message([`That maintenance code is not right. ${r.attemptsLeft} tries left this hour.`]);
    case 'code_locked':
      return message([`Too many wrong codes. Try again after ${at(r.retryAt, zone)}.`]);
    case 'confirm_switch':
      return message([confirmSwitchText(r)]);
    case 'code_changed':
      return message([codeChangedText(r.companyName)]);
    case 'suspended':
      return message(
        [`Free sessions for ${r.companyName} are suspended: an emergency session costs ${money(r.feeCents, r.currency)}. The ${money(r.reinstatementCents, r.currency)} reinstatement restores free sessions.`],
        payButton(r.feeCents, r.currency),
      );
    case 'not_linked':
      return message(['You are not linked to a company: enter your code with /support-code YOUR-CODE.', `Without a plan an emergency session costs ${money(r.feeCents, r.currency)}.`], payButton(r.feeCents, r.currency));
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentDecision(r: R<'approveBooking'>): ConsoleMessage {
  switch (r.kind) {
    case 'approved':
      return message([`Approved by ${r.by}: ${r.booking.kindLabel} ${when(r.booking)}. The customer is told.`, refLine(r.booking)]);
    case 'declined':
      return message([`Declined by ${r.by} (${r.reason}). The customer is told.`, refLine(r.booking)]);
    case 'already_decided':
      return message([`Already decided: ${r.status.replace('_', ' ')}${r.by ? ` by ${r.by}` : ''}.`]);
    case 'not_found':
      return message(['That booking was not found.']);
    case 'not_allowed':
      return message(['Only staff can do that.']);
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentSqueeze(r: R<'squeezeIn'>, bookingId: string, zone: string): ConsoleMessage {
  switch (r.kind) {
    case 'scheduled':
      return message([`Squeezed in by ${r.by}: ${when(r.booking)}. The customer gets the exact time.`, refLine(r.booking)]);
    case 'slot_taken':
      return message(
        ['That time was just taken. Other times today:'],
        r.options.slice(0, 6).map((o) => ({ label: `Squeeze in: ${o.staffName.split(' ')[0]} ${span(o.startsAt, o.endsAt, zone)}`, action: 'squeeze', value: `${bookingId}|${o.staffId}|${o.startsAt}` })),
      );
    case 'outside_hours_confirm':
      return message(
        [`${r.staffName} does not work at ${span(r.startsAt, r.endsAt, zone)}: it is outside their hours. Nothing is scheduled yet. Squeeze it in anyway?`],
        [{ label: 'Squeeze in outside hours', action: 'squeeze', value: `${r.bookingId}|${r.staffId}|${r.startsAt}|outside` }],
      );
    case 'in_past':
      return message(['That time has already passed.']);
    case 'already_decided':
      return message([`Already decided: ${r.status.replace('_', ' ')}${r.by ? ` by ${r.by}` : ''}.`]);
    case 'not_found':
      return message(['That booking or staff member was not found.']);
    case 'not_allowed':
      return message(['Only staff can do that.']);
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentMarked(r: R<'markJoined'>, zone = 'UTC'): ConsoleMessage {
  switch (r.kind) {
    case 'marked':
      return message([`Recorded by ${r.by}: the customer joined. The session will not be closed as a no-show.`, refLine(r.booking)]);
    case 'too_early':
      return message([`Too early: a join counts from 30 minutes before the start (${at(r.opensAt, zone)}).`]);
    case 'closed':
      return message([r.closedAt ? `Nobody had joined by the close: the session closed at ${at(r.closedAt, zone)} as a no-show. To correct it, reverse the no-show.` : `That session is ${r.status.replace('_', ' ')}: nothing to record.`]);
    case 'not_found':
      return message(['That booking was not found.']);
    case 'not_allowed':
      return message(['Only staff can do that.']);
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}

export function presentDay(r: R<'staffDay'>): ConsoleMessage[] {
  switch (r.kind) {
    case 'day': {
      const head = message([`${r.date} (${r.zone}): ${r.sessions.length} session(s), ${r.waiting.length} waiting for a decision.`]);
      const sessions = r.sessions.map((b) =>
        message(
          [`${when(b)} · ${b.status.replace('_', ' ')} · ${[b.companyName ?? 'no company', b.memberName].filter(Boolean).join(', ')} · ${b.staffName ?? ''}`, refLine(b)],
          b.status === 'confirmed'
            ? [
                { label: 'Customer joined (online)', action: 'joined', value: `${b.bookingId}|online` },
                { label: 'Customer joined (phone)', action: 'joined', value: `${b.bookingId}|phone` },
                { label: 'Cancel', action: 'staff-cancel', value: b.bookingId, style: 'danger' },
              ]
            : [],
        ),
      );
      const waiting = r.waiting.map((b) =>
        message(
          [`Waiting: ${b.emergency ? 'emergency' : 'approval'} · ${when(b)} · ${b.companyName ?? 'no company'}`, refLine(b)],
          b.emergency ? [{ label: 'Decline', action: 'decline', value: b.bookingId, style: 'danger' }] : [
            { label: 'Approve', action: 'approve', value: b.bookingId, style: 'primary' },
            { label: 'Decline', action: 'decline', value: b.bookingId, style: 'danger' },
          ],
        ),
      );
      return [head, ...sessions, ...waiting];
    }
    case 'not_allowed':
      return [message(['Only staff can see the day.'])];
    case 'invalid_input':
      return [invalid(r)];
    default:
      return assertNever(r);
  }
}

export function presentCompany(r: R<'createCompany'>, zone: string): ConsoleMessage {
  switch (r.kind) {
    case 'company': {
      const what = { created: 'Company created.', plan_set: 'Plan updated.', code_rotated: 'New code issued: the old code stops working at once.', reinstated: 'Reinstatement recorded: strikes cleared, free sessions restored. The company\'s members are told.' }[r.action];
      return message([what, ...(r.payment ? [`Payment of ${money(r.payment.amountCents, r.payment.currency)} recorded under reference ${r.payment.reference}.`] : []), ...profileLines(r.profile, zone)]);
    }
    case 'already_reinstated':
      return message([`The reinstatement of ${r.companyName} was already recorded by ${r.by} at ${at(r.at, zone)} (${money(r.amountCents, r.currency)}${r.reference ? `, reference ${r.reference}` : ''}). Nothing was recorded again.`]);
    case 'not_suspended':
      return message([`${r.companyName} is not suspended: there is no reinstatement to record.`]);
    case 'duplicate':
      return message([`A company with that ${r.what} already exists.`]);
    case 'invalid_code':
      return message(['That code is not usable: use letters, digits and dashes, e.g. ACME-2026.']);
    case 'not_found':
      return message([`No company named "${r.name}".`]);
    case 'not_allowed':
      return message(['Only staff can manage companies.']);
    case 'invalid_input':
      return invalid(r);
    default:
      return assertNever(r);
  }
}
