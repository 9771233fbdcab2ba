/**
 * Every result of every use case the Discord adapter calls, turned into a reply. Each function is an
 * exhaustive switch on `kind`: a new kind in core breaks the build here until it is presented.
 * Wording follows the vendor's policy text; times use Discord timestamp markup (see format.ts).
 */
import { cityOf } from '../../core/time/index.js';
import { formatPlanDate } from '../../core/policy/plan-dates.js';
import { codeChangedText, confirmSwitchText } from '../shared/wording.js';
import type { BookingCard, Core } from '../../core/index.js';
import type { SessionKind } from '../../core/config/schema.js';
import { A, bookingId, moveToId, proposalId, type Proposal } from './ids.js';
import { button, ButtonStyle, link, rows, view, type View } from './kit.js';
import { ts } from '../shared/present/i18n.js';
import { closedLine, cutoffLine, detailLines, label, minutesText, money, stamp, stampIn, unix, wallTime } from './format.js';
import { cardKindName } from '../shared/present/booking.js';
import { hintText, noteText, optionLabel, readbackText } from '../shared/present/parse-notes.js';

type R<K extends keyof Core> = Core[K] extends (...args: never[]) => Promise<infer T> ? T : never;

function never(x: never): never {
  throw new Error(`unpresented result: ${JSON.stringify(x)}`);
}

/** Staff who act through the Discord staff role have no configured name: core calls them `discord:<user id>`; show a mention. */
export const who = (by: string): string => (/^discord:\d+$/.test(by) ? `<@${by.slice(8)}>` : by);

const invalid = (problems: string[]) => view(`That did not work: ${problems.join('; ')}.`);

/** What a proposal's buttons need besides the time: who they belong to and the choices made so far. */
export interface ProposalContext {
  author: string;
  kind: SessionKind;
  lengthMinutes: number;
  payStandardFee: boolean;
  /** The key of the quote the buttons book at. */
  quoteKey?: string;
  /** Said until the person saves a zone with /timezone. */
  zoneNote?: string | null;
  /** Posted in a booking thread everyone can read: prices, plan and suspension stay out of it (they go by DM). */
  public?: boolean;
}

const at = (p: ProposalContext, iso: string): Proposal => ({ kind: p.kind, lengthMinutes: p.lengthMinutes, startsAt: new Date(iso), author: p.author, payStandardFee: p.payStandardFee, ...(p.quoteKey ? { quoteKey: p.quoteKey } : {}) });
/** The context whose buttons book at this quote (a priced quote's key; pay buttons carry their own). */
const quoted = (p: ProposalContext, q: Quote | undefined): ProposalContext => ({ ...p, quoteKey: q?.kind === 'priced' ? q.key : undefined });

function slotButtons(p: ProposalContext, slots: { startsAt: string }[], zone: string) {
  return slots.slice(0, 10).map((s) => button(label(s.startsAt, zone), proposalId(A.book, at(p, s.startsAt))));
}

const withNote = (p: ProposalContext, text: string) => (p.zoneNote ? `${text}\n_${p.zoneNote}_` : text);

type Quote = Extract<R<'understandRequest'>, { kind: 'proposal' }>['quote'];

/** Whether a quote names money, a plan or a suspension: in a public thread it goes to the person by DM. */
export const quoteForDm = (q: Quote): boolean => !(q.kind === 'priced' && q.priceCents === 0);

/** In a public thread: no amounts, plan or suspension (quoteText goes to the person by DM instead). */
function publicQuoteText(q: Quote): string {
  switch (q.kind) {
    case 'priced':
      if (q.priceCents === 0) return 'The details will be in your DMs once you confirm.';
      return q.needsApproval ? 'Our staff approve paid sessions first. The price is in your DMs.' : 'The price is in your DMs.';
    case 'not_linked':
    case 'suspended':
      return 'Before you book, read the details I sent you by DM.';
  }
}

export function quoteText(q: Quote): string {
  switch (q.kind) {
    case 'priced':
      if (q.priceCents === 0) return '**Price:** covered by your maintenance plan.';
      return `**Price:** ${money(q.priceCents, q.currency)}${q.basis === 'plan_discount' ? ' (maintenance plan discount)' : ''}. Paid sessions are not refundable.${q.paymentInstructions ? ` How to pay: ${q.paymentInstructions} (quote your booking reference).` : ''}${q.needsApproval ? ' Our staff approve paid sessions first: you will get a direct message once it is confirmed.' : ''}`;
    case 'not_linked':
      return `Your Discord account is not linked to a company yet. If you have an active maintenance plan, enter your code (you can find it on your Profile page). Otherwise you can book this session at the standard fee of ${money(q.feeCents, q.currency)}.`;
    case 'suspended':
      return `Free sessions for your company are suspended after repeated no-shows. A payment of ${money(q.reinstatementCents, q.currency)} reinstates them (our staff record it). You can still book this session at the standard fee of ${money(q.feeCents, q.currency)}.`;
  }
}

/** The buttons under a time that is free, depending on the quote. */
function proposalButtons(p: ProposalContext, startsAt: string, q: Quote) {
  const prop = at(quoted(p, q), startsAt);
  const other = button('Other times', proposalId(A.more, prop));
  const fee = (cents: number, currency: string) => (p.public ? 'Book at the standard fee' : `Book at ${money(cents, currency)}`);
  switch (q.kind) {
    case 'priced':
      return rows(button(q.needsApproval ? 'Request this time' : 'Confirm', proposalId(A.book, prop), ButtonStyle.Success), other);
    case 'not_linked':
      return rows(
        button('Enter my code', proposalId(A.code, prop), ButtonStyle.Primary),
        button(fee(q.feeCents, q.currency), proposalId(A.book, { ...prop, payStandardFee: true, quoteKey: q.key }), ButtonStyle.Success),
        other,
      );
    case 'suspended':
      return rows(button(fee(q.feeCents, q.currency), proposalId(A.book, { ...prop, payStandardFee: true, quoteKey: q.key }), ButtonStyle.Success), other);
  }
}

/** Said before confirming a time inside the change window. */
export const NOT_CHANGEABLE = '⚠️ This time is inside the change window: once booked it cannot be rescheduled or cancelled.';

const reasonText = { slot_taken: 'That time is already taken.', outside_hours: 'We are not working then.', too_soon: 'That is too soon to book.', too_far: 'That is too far ahead to book.' } as const;

export function presentUnderstand(r: R<'understandRequest'>, p: ProposalContext): View {
  switch (r.kind) {
    case 'proposal': {
      const ctx = { ...p, kind: r.sessionKind, lengthMinutes: r.lengthMinutes };
      const lines = [`I understood: **${r.sessionKind === 'online' ? 'online' : 'phone'} session, ${minutesText(r.lengthMinutes)}**, ${stamp(r.startsAt)} — read as ${readbackText('en', r.readback, r.corrections)}.`, ...r.notes.map((n) => noteText('en', n)), p.public ? publicQuoteText(r.quote) : quoteText(r.quote), ...(r.changeable ? [] : [NOT_CHANGEABLE])];
      return view(withNote(p, lines.join('\n')), proposalButtons(ctx, r.startsAt, r.quote));
    }
    case 'unavailable': {
      const ctx = quoted({ ...p, kind: r.sessionKind, lengthMinutes: r.lengthMinutes }, r.quote);
      const text = `${reasonText[r.reason]} (${r.readback})\n${r.alternatives.length ? 'The nearest free times:' : 'I found no free time near it; try another day.'}\n${p.public ? publicQuoteText(r.quote) : quoteText(r.quote)}`;
      return view(withNote(p, text), rows(...slotButtons(ctx, r.alternatives, r.zone)));
    }
    case 'choose': {
      const ctx = quoted({ ...p, kind: r.sessionKind, lengthMinutes: r.lengthMinutes }, r.quote);
      const text = `${r.slots.length ? `Free times ${r.readback}: pick one.` : `No free time ${r.readback}; try another day.`}\n${p.public ? publicQuoteText(r.quote) : quoteText(r.quote)}`;
      return view(withNote(p, text), rows(...slotButtons(ctx, r.slots, r.zone)));
    }
    case 'ambiguous': {
      const ctx = { ...p, kind: r.sessionKind, lengthMinutes: r.lengthMinutes };
      return view(withNote(p, 'Which one did you mean?'), rows(...r.options.map((o) => button(optionLabel('en', o.label), proposalId(A.book, at(ctx, o.startsAt))))));
    }
    case 'in_past':
      return view(withNote(p, `${r.readback} has already passed. Which time did you mean?`));
    case 'nonexistent_time':
      return view(
        withNote(p, `${r.requested} does not exist in ${cityOf(r.zone)} (the clocks go forward). The nearest times:`),
        rows(...r.nearest.map((n) => button(n.readback, proposalId(A.book, at(p, n.startsAt))))),
      );
    case 'unparseable':
      return view(withNote(p, `I could not read a time in that. ${hintText('en', r.hint)}`));
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

export function presentOpenings(r: R<'findOpenings'>, p: ProposalContext): View {
  switch (r.kind) {
    case 'openings':
      if (r.slots.length === 0) return view('No other free times in the next week. Try /book with another day.');
      return view(`Other free times (shown in ${cityOf(r.zone)} time on the buttons):\n${quoteText(r.quote)}`, rows(...slotButtons(quoted(p, r.quote), r.slots, r.zone)));
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

function bookedText(card: BookingCard, heading: string): string {
  return [heading, ...detailLines(card), cutoffLine(card), `Booking ${card.reference}`].filter(Boolean).join('\n');
}

/**
 * What replaces a public thread message once the booking is made: who booked what and when, nothing
 * else (no join link, phone, PIN or price: those go to the presser alone). Null for any other result.
 */
export function publicBookLine(r: R<'bookSession'>): View | null {
  switch (r.kind) {
    case 'booked':
      return view(`Booked ${r.booking.reference}${r.booking.startsAt ? ` for ${stampIn(r.booking.startsAt, r.booking.zone)}` : ''} — details are in your DMs.`);
    case 'pending_approval':
      return view(`Request sent to staff (${r.booking.reference}) — details in your DMs.`);
    default:
      return null;
  }
}

/** `zone`: the presser's, for refusals that name a time (the earliest, the latest, when to retry a code). */
export function presentBook(r: R<'bookSession'>, p: ProposalContext, proposal: Proposal, zone: string): View {
  switch (r.kind) {
    case 'booked':
      return view(bookedText(r.booking, '✅ **Your session is booked.** The confirmation, with Reschedule and Cancel buttons, is in your direct messages.'));
    case 'pending_approval':
      return view(bookedText(r.booking, '⏳ **Requested.** Our staff approve paid sessions first; you will get a direct message when it is confirmed.'));
    case 'slot_taken':
    case 'outside_hours':
      return view(
        `${r.kind === 'slot_taken' ? 'Someone just took that time.' : 'We are not working then.'} ${r.alternatives.length ? 'The nearest free times:' : 'Try another day.'}${r.quote ? `\n${quoteText(r.quote)}` : ''}`,
        rows(...slotButtons(quoted(p, r.quote), r.alternatives, r.zone)),
      );
    case 'quote_changed': {
      const ctx = { ...p, kind: r.sessionKind, lengthMinutes: r.lengthMinutes, payStandardFee: false };
      const lines = ['⚠️ **Nothing was booked:** the price or your company\'s standing changed since this time was offered.', `${r.sessionKind === 'online' ? 'Online' : 'Phone'} session, ${minutesText(r.lengthMinutes)}, ${stampIn(r.startsAt, r.zone)}.`, quoteText(r.quote), ...(r.changeable ? [] : [NOT_CHANGEABLE])];
      return view(lines.join('\n'), proposalButtons(ctx, r.startsAt, r.quote));
    }
    case 'already_booked':
      return view(`You already have a session then: ${cardKindName('en', r.booking)}${r.booking.startsAt ? ` ${stampIn(r.booking.startsAt, r.booking.zone)}` : ''} (${r.booking.reference}). Nothing new was booked.`);
    case 'in_past':
      return view('That time has already passed. Try /book again.');
    case 'too_soon':
      return view(`That is too soon to book: the earliest is ${stampIn(r.earliest, zone)}.`);
    case 'too_far':
      return view(`That is too far ahead: the latest is ${stampIn(r.latest, zone)}.`);
    case 'code_invalid':
      return view(`That code is not valid. ${r.attemptsLeft} attempt${r.attemptsLeft === 1 ? '' : 's'} left this hour.`, rows(button('Enter my code', proposalId(A.code, proposal), ButtonStyle.Primary)));
    case 'code_locked':
      return view(`Too many wrong codes. You can try again ${stampIn(r.retryAt, zone)}. If you forgot your code, log into your support account and open your Profile page.`);
    case 'confirm_switch':
      return view(confirmSwitchText(r));
    case 'code_changed':
      return view(codeChangedText(r.companyName));
    case 'suspended':
      return view(
        `Free sessions for ${r.companyName} are suspended after repeated no-shows. A payment of ${money(r.reinstatementCents, r.currency)} reinstates them. You can still book at the standard fee of ${money(r.feeCents, r.currency)}.`,
        rows(button(`Book at ${money(r.feeCents, r.currency)}`, proposalId(A.book, { ...proposal, payStandardFee: true, quoteKey: undefined }), ButtonStyle.Success)),
      );
    case 'awaiting_payment': {
      if (!r.payUrl) return view(ts('en', 'book.paymentUnavailable'));
      const amount = money(r.booking.priceCents, r.booking.currency);
      return view(
        `${ts('en', 'book.awaitingPayment', { kind: r.booking.kind, name: cardKindName('en', r.booking), when: r.booking.startsAt ? stampIn(r.booking.startsAt, r.booking.zone) : '', amount, time: stampIn(r.holdUntil, r.booking.zone) })}\nBooking ${r.booking.reference}`,
        rows(link(ts('en', 'pay.button', { amount }), r.payUrl)),
      );
    }
    case 'not_linked':
      return view(
        `Your Discord account is not linked to a company yet. Enter your maintenance code, or book at the standard fee of ${money(r.feeCents, r.currency)}.`,
        rows(button('Enter my code', proposalId(A.code, proposal), ButtonStyle.Primary), button(`Book at ${money(r.feeCents, r.currency)}`, proposalId(A.book, { ...proposal, payStandardFee: true, quoteKey: undefined }), ButtonStyle.Success)),
      );
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

export function presentSessions(r: R<'listSessions'>): View {
  switch (r.kind) {
    case 'sessions': {
      if (r.sessions.length === 0) return view('You have no upcoming sessions. Book one with /book.');
      const lines = r.sessions.map(({ booking: b, canChange }) => `• ${b.reference} · ${cardKindName('en', b)} · ${b.startsAt ? stampIn(b.startsAt, r.zone) : 'time to be set'} · ${b.status === 'confirmed' ? 'confirmed' : b.status === 'pending_approval' ? 'waiting for approval' : 'emergency, waiting for a time'}${canChange ? '' : ' · can no longer be changed'}`);
      const buttons = r.sessions
        .filter((s) => s.canChange)
        .slice(0, 12)
        .flatMap((s) => [button(`Reschedule ${s.booking.reference}`, bookingId(A.move, s.booking.bookingId)), button(`Cancel ${s.booking.reference}`, bookingId(A.cancel, s.booking.bookingId), ButtonStyle.Danger)]);
      return view(`Your upcoming sessions:\n${lines.join('\n')}`, rows(...buttons));
    }
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

export function presentFees(r: R<'feeSchedule'>): View {
  switch (r.kind) {
    case 'fees': {
      const lines = r.lines.map((l) => `• ${cardKindName('en', l)}, ${minutesText(l.lengthMinutes)}: ${money(l.feeCents, r.currency)}`);
      const plan = r.plan.kind === 'free' ? 'With an active maintenance plan, sessions are free.' : `With an active maintenance plan you get ${r.plan.percent}% off.`;
      const you: Record<typeof r.youPay, string> = {
        free: `${r.company?.name ?? 'Your company'} has an active plan: your sessions are free.`,
        discount: `${r.company?.name ?? 'Your company'} has an active plan: you pay the discounted price.`,
        standard: r.company ? `${r.company.name} has no active plan: you pay the standard fee.` : 'You are not linked to a company: you pay the standard fee (link with /support-code).',
        suspended: `Free sessions for ${r.company?.name ?? 'your company'} are suspended; a payment of ${money(r.reinstatementCents, r.currency)} reinstates them.`,
      };
      const extra = [r.emergencySurchargeCents ? `Emergency sessions add ${money(r.emergencySurchargeCents, r.currency)}.` : null, 'Paid sessions are not refundable. Fees are subject to change.'];
      return view(['**Fee schedule**', ...lines, plan, ...extra.filter(Boolean), you[r.youPay]].join('\n'));
    }
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

type Profile = Extract<R<'linkCompany'>, { kind: 'linked' }>['profile'];
function profileText(p: Profile, zone: string): string {
  return [
    `**${p.companyName}**`,
    `Maintenance code: \`${p.code ?? '(none)'}\` (you can share it with all your staff)`,
    p.planActive ? `Maintenance plan active${p.planThrough ? ` through ${formatPlanDate(p.planThrough)}` : ''}.` : 'No active maintenance plan: sessions are at the standard fee.',
    `No-shows: ${p.strikes} of ${p.strikeLimit}.${p.suspended ? ' Free sessions are suspended until the reinstatement fee is paid.' : ''}`,
  ].join('\n');
}

/** `zone`: the person's (saved, else the vendor's), for the plan end and when to retry a code. */
export function presentLink(r: R<'linkCompany'>, zone: string): View {
  switch (r.kind) {
    case 'linked':
      return view(`Linked. Your bookings now use your company's plan.\n${profileText(r.profile, zone)}`);
    case 'code_invalid':
      return view(`That code is not valid. ${r.attemptsLeft} attempt${r.attemptsLeft === 1 ? '' : 's'} left this hour.`);
    case 'code_locked':
      return view(`Too many wrong codes. You can try again ${stampIn(r.retryAt, zone)}.`);
    case 'confirm_switch':
      return view(confirmSwitchText(r));
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

export function presentProfile(r: R<'showProfile'>, vendorZone: string): View {
  switch (r.kind) {
    case 'profile':
      return view(profileText(r.profile, r.zone ?? vendorZone));
    case 'not_linked':
      return view('You are not linked to a company. Use `/support-code code:<your code>`; if you forgot it, log into your support account and open your Profile page.');
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

export function presentZone(r: R<'setZone'>): View {
  switch (r.kind) {
    case 'zone_saved':
      return view(`Saved: I will read the times you type in ${cityOf(r.zone)} time (${r.zone}). Times I write show in your own local time anyway.`);
    case 'invalid_input':
      return view(`That is not a time zone I know. Pick one from the list (e.g. Europe/Berlin, America/New_York).`);
    default:
      return never(r);
  }
}

export function presentEmergency(r: R<'requestEmergency'>, zone: string): View {
  switch (r.kind) {
    case 'emergency_requested':
      return view(`🚨 **Emergency request received** (${r.booking.reference}). Our staff will go through today's calendar and squeeze you in; you will get a direct message with the exact time and how to connect.`);
    case 'code_invalid':
      return view(`That code is not valid. ${r.attemptsLeft} attempt${r.attemptsLeft === 1 ? '' : 's'} left this hour.`);
    case 'code_locked':
      return view(`Too many wrong codes. You can try again ${stampIn(r.retryAt, zone)}.`);
    case 'confirm_switch':
      return view(confirmSwitchText(r));
    case 'code_changed':
      return view(codeChangedText(r.companyName));
    case 'suspended':
      return view(`Free sessions for ${r.companyName} are suspended (reinstatement ${money(r.reinstatementCents, r.currency)}). Run /emergency again with \`standard_fee: True\` to request it at ${money(r.feeCents, r.currency)}.`);
    case 'not_linked':
      return view(`You are not linked to a company. Run /emergency again with your \`code\`, or with \`standard_fee: True\` to request it at ${money(r.feeCents, r.currency)}.`);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

const notActive = (status: string) => view(`That booking is no longer active (${status.replace(/_/g, ' ')}).`);

export function presentCancel(r: R<'cancelBooking'>): View {
  switch (r.kind) {
    case 'cancelled':
      return view(`Cancelled ${r.booking.reference}${r.booking.priceCents > 0 ? ' (paid sessions are not refunded)' : ''}. A confirmation is on its way by direct message.`);
    case 'too_late':
      return view(`It is too late to cancel: changes were possible until ${stampIn(r.cutoff, r.zone)}.`);
    case 'not_active':
      return notActive(r.status);
    case 'not_found':
      return view('I could not find that booking.');
    case 'not_allowed':
      return view('That booking is not yours to change.');
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

/** `zone`: the presser's, for the earliest / latest bookable time. */
export function presentReschedule(r: R<'rescheduleBooking'>, bid: string, zone: string): View {
  switch (r.kind) {
    case 'rescheduled':
      return view(`Moved ${r.booking.reference} to ${stampIn(r.booking.startsAt!, r.booking.zone)} (it was ${stampIn(r.previousStartsAt, r.booking.zone)}). A confirmation is on its way by direct message.`);
    case 'too_late':
      return view(`It is too late to reschedule: changes were possible until ${stampIn(r.cutoff, r.zone)}.`);
    case 'slot_taken':
    case 'outside_hours':
      return view(
        `${r.kind === 'slot_taken' ? 'That time is taken.' : 'We are not working then.'} ${r.alternatives.length ? 'The nearest free times:' : 'Try another day.'}`,
        rows(...r.alternatives.slice(0, 10).map((s) => button(label(s.startsAt, r.zone), moveToId(bid, s.startsAt)))),
      );
    case 'in_past':
      return view('That time has already passed.');
    case 'too_soon':
      return view(`That is too soon: the earliest is ${stampIn(r.earliest, zone)}.`);
    case 'too_far':
      return view(`That is too far ahead: the latest is ${stampIn(r.latest, zone)}.`);
    case 'not_active':
      return notActive(r.status);
    case 'not_found':
      return view('I could not find that booking.');
    case 'not_allowed':
      return view('That booking is not yours to change.');
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

/** The reschedule text was read by core; what it understood becomes a time to move to, or choices. */
export function presentMoveUnderstood(r: R<'understandRequest'>, bid: string): { startsAt: string } | View {
  switch (r.kind) {
    case 'proposal':
      return { startsAt: r.startsAt };
    case 'unavailable':
      return view(`${reasonText[r.reason]} (${r.readback}) The nearest free times:`, rows(...r.alternatives.slice(0, 10).map((s) => button(label(s.startsAt, r.zone), moveToId(bid, s.startsAt)))));
    case 'choose':
      return view(`Free times ${r.readback}:`, rows(...r.slots.slice(0, 10).map((s) => button(label(s.startsAt, r.zone), moveToId(bid, s.startsAt)))));
    case 'ambiguous':
      return view('Which one did you mean?', rows(...r.options.map((o) => button(optionLabel('en', o.label), moveToId(bid, o.startsAt)))));
    case 'in_past':
      return view(`${r.readback} has already passed.`);
    case 'nonexistent_time':
      return view(`${r.requested} does not exist in ${cityOf(r.zone)} (the clocks go forward).`, rows(...r.nearest.map((n) => button(n.readback, moveToId(bid, n.startsAt)))));
    case 'unparseable':
      return view(`I could not read a time in that. ${hintText('en', r.hint)}`);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

// ---- staff ---------------------------------------------------------------

export const NOT_STAFF = 'Only staff can do that.';

export function staffCardText(card: BookingCard, heading: string): string {
  return [heading, `${card.memberName ?? 'A customer'}${card.companyName ? ` (${card.companyName})` : ''} · ${card.reference}`, ...detailLines(card, { join: false }), card.description ? `> ${card.description}` : null].filter(Boolean).join('\n');
}

/** A decision either edits the card (decided) or answers the presser alone. */
export type Decided = { edit: View } | { ephemeral: string };

export function presentDecision(r: R<'approveBooking'>): Decided {
  switch (r.kind) {
    case 'approved':
      return { edit: view(staffCardText(r.booking, `✅ **Approved by ${r.by}**`)) };
    case 'declined':
      return { edit: view(staffCardText(r.booking, `❌ **Declined by ${r.by}**: ${r.reason}`)) };
    case 'already_decided':
      return { ephemeral: `Already decided${r.by ? ` by ${who(r.by)}` : ''}${r.at ? ` ${stamp(r.at)}` : ''} (${r.status.replace(/_/g, ' ')}).` };
    case 'not_found':
      return { ephemeral: 'That booking no longer exists.' };
    case 'not_allowed':
      return { ephemeral: NOT_STAFF };
    case 'invalid_input':
      return { ephemeral: `That did not work: ${r.problems.join('; ')}.` };
    default:
      return never(r);
  }
}

export function presentSqueeze(r: R<'squeezeIn'>): Decided {
  switch (r.kind) {
    case 'scheduled':
      return { edit: view(staffCardText(r.booking, `✅ **Squeezed in by ${r.by}**`)) };
    case 'slot_taken':
      return { ephemeral: `That time was just taken. ${r.options.length ? 'Still free: ' + r.options.map((o) => `${o.staffName} ${stamp(o.startsAt)}`).join(', ') : 'No other option today.'}` };
    case 'outside_hours_confirm':
      throw new Error('outside_hours_confirm is drawn through bots/shared/present (components/staff.ts)');
    case 'in_past':
      return { ephemeral: 'That time has already passed.' };
    case 'already_decided':
      return { ephemeral: `Already decided${r.by ? ` by ${who(r.by)}` : ''} (${r.status.replace(/_/g, ' ')}).` };
    case 'not_found':
      return { ephemeral: 'That booking or staff member no longer exists.' };
    case 'not_allowed':
      return { ephemeral: NOT_STAFF };
    case 'invalid_input':
      return { ephemeral: `That did not work: ${r.problems.join('; ')}.` };
    default:
      return never(r);
  }
}

export function presentStaffDay(r: R<'staffDay'>): View {
  switch (r.kind) {
    case 'day': {
      const line = (b: BookingCard) => `• ${b.startsAt ? `<t:${unix(b.startsAt)}:t> (${wallTime(b.startsAt, r.zone)})` : '—'} ${b.reference} · ${cardKindName('en', b)} · ${b.memberName ?? '?'}${b.companyName ? ` (${b.companyName})` : ''} · ${b.staffName ?? 'unassigned'} · ${b.status.replace(/_/g, ' ')}`;
      const text = [
        `**Sessions on ${r.date}** (${cityOf(r.zone)})`,
        ...(r.sessions.length ? r.sessions.map(line) : ['None.']),
        ...(r.waiting.length ? ['**Waiting for staff**', ...r.waiting.map(line)] : []),
      ].join('\n');
      const active = r.sessions.filter((b) => b.status === 'confirmed').slice(0, 5);
      const rowsOut = active.flatMap((b) =>
        rows(
          button(`${b.reference}: joined online`, bookingId(A.joined, b.bookingId, 'online'), ButtonStyle.Success),
          button('Joined by phone', bookingId(A.joined, b.bookingId, 'phone'), ButtonStyle.Success),
          button('Cancel…', bookingId(A.staffCancel, b.bookingId), ButtonStyle.Danger),
          button('History', bookingId(A.history, b.bookingId)),
        ),
      );
      return view(text, rowsOut);
    }
    case 'not_allowed':
      return view(NOT_STAFF);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

export function presentMarkJoined(r: R<'markJoined'>): View {
  switch (r.kind) {
    case 'marked':
      return view(`Recorded: the customer joined ${r.booking.reference} (by ${r.by}).`);
    case 'too_early':
      return view(`Too early: a join counts from 30 minutes before the start (${stamp(r.opensAt)}).`);
    case 'closed':
      return r.closedAt ? view(`Nobody had joined by the close: the session closed ${stamp(r.closedAt)} as a no-show. To correct it, reverse the no-show.`) : notActive(r.status);
    case 'not_found':
      return view('I could not find that booking.');
    case 'not_allowed':
      return view(NOT_STAFF);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

export function presentHistory(r: R<'bookingHistory'>): View {
  switch (r.kind) {
    case 'history':
      return view([`**History of ${r.booking.reference}**`, ...r.entries.map((e) => `• <t:${unix(e.at)}:f> ${e.action} by ${e.actor.kind === 'staff' ? who(e.actor.staffId) : e.actor.kind}${typeof e.details.reason === 'string' ? `: ${e.details.reason}` : ''}`)].join('\n'));
    case 'not_found':
      return view('I could not find that booking.');
    case 'not_allowed':
      return view(NOT_STAFF);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

/** `zone`: the vendor's (staff read plan end dates on the vendor's calendar). */
export function presentCompanyAdmin(r: R<'createCompany'>, zone: string): View {
  switch (r.kind) {
    case 'company': {
      const what = { created: 'Created', plan_set: 'Plan updated for', code_rotated: 'New code for', reinstated: 'Reinstated' }[r.action];
      return view(`${what} **${r.profile.companyName}**.\nCode: \`${r.profile.code ?? '(none)'}\` · plan ${r.profile.planActive ? `active through ${r.profile.planThrough ? formatPlanDate(r.profile.planThrough) : '?'}` : 'not active'} · no-shows ${r.profile.strikes}/${r.profile.strikeLimit}${r.profile.suspended ? ' · suspended' : ''}${r.payment ? `\nPayment of ${money(r.payment.amountCents, r.payment.currency)} recorded under reference ${r.payment.reference}.` : ''}`);
    }
    case 'already_reinstated':
      return view(`The reinstatement of **${r.companyName}** was already recorded by ${who(r.by)} ${stampIn(r.at, zone)} (${money(r.amountCents, r.currency)}${r.reference ? `, reference ${r.reference}` : ''}). Nothing was recorded again.`);
    case 'not_suspended':
      return view(`**${r.companyName}** is not suspended: there is no reinstatement to record.`);
    case 'duplicate':
      return view(`A company with that ${r.what} already exists.`);
    case 'invalid_code':
      return view('That code cannot be used: use 4 to 64 letters or digits.');
    case 'not_found':
      return view(`No company called “${r.name}”.`);
    case 'not_allowed':
      return view(NOT_STAFF);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}


/** Cancel asks first (a paid session is not refunded). */
export function presentCancelAsk(r: R<'viewBooking'>): View {
  switch (r.kind) {
    case 'booking': {
      const b = r.booking;
      if (!r.canChange) return view(b.status === 'confirmed' && b.changeUntil ? closedLine(b) : `${b.reference} can no longer be cancelled (${b.status.replace(/_/g, ' ')}).`);
      const paid = b.priceCents > 0 ? `This is a paid session (${money(b.priceCents, b.currency)}): paid sessions are not refunded. ` : '';
      return view(
        `${paid}Cancel booking ${b.reference} (${b.startsAt ? stampIn(b.startsAt, b.zone) : 'time to be set'})?`,
        rows(button('Yes, cancel it', bookingId(A.cancelYes, b.bookingId), ButtonStyle.Danger), button('Keep it', bookingId(A.keep, b.bookingId))),
      );
    }
    case 'not_found':
      return view('I could not find that booking.');
    case 'not_allowed':
      return view('That booking is not yours to change.');
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

/** Reschedule asks core first: a booking that can no longer change is refused before the modal opens. Null: open it. */
export function presentMoveAsk(r: R<'viewBooking'>): View | null {
  switch (r.kind) {
    case 'booking': {
      const b = r.booking;
      if (r.canChange) return null;
      return view(b.status === 'confirmed' && b.changeUntil ? closedLine(b) : `${b.reference} can no longer be rescheduled (${b.status.replace(/_/g, ' ')}).`);
    }
    case 'not_found':
      return view('I could not find that booking.');
    case 'not_allowed':
      return view('That booking is not yours to change.');
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return never(r);
  }
}

/** "Keep it" under the cancel question: nothing changes. */
export const keptText = (reference: string | null): View => view(`Nothing changed${reference ? `: ${reference} stays booked` : ''}.`);
