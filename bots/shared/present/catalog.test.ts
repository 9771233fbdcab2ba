/**
 * Every notice type and every result kind, drawn by every platform renderer, in every language:
 * fails on a missing or extra catalog key, a message that does not compile, an unrendered
 * placeholder, or English words in a non-English message (names, brands and fixture data aside).
 * The fixture tables are mapped types over core's unions: a new notice type or result kind breaks
 * the build here until it has a fixture.
 */
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import type { BookingCard, Notice, NoticeType } from '../../../core/index.js';
import type { WhenHint } from '../../../core/time/index.js';
import { configWith, exampleConfig } from '../../../test/support/config.js';
import { CATALOGS, LANGUAGES, messageArguments, type Lang } from './i18n.js';
import { en } from './catalog/en.js';
import { contextFor, say, type PresentContext } from './booking.js';
import { expectedOptions, noLongerAvailable, tooLong, unknownCommand } from '../refusals.js';
import { closedStaffCard, decidedStaffCard, expiredMessage, presentNotice, reinstatedStaffNote } from './notices.js';
import * as results from './results.js';
import { presentDmsClosed, presentPublicBook, presentQuoteDm } from './public.js';
import { presentPreview, previewExamples } from './preview.js';
import type { Message } from './model.js';
import { renderMessage as slack } from '../../slack/render/index.js';
import { renderMessage as discord } from '../../discord/render/index.js';
import { renderMessage as consoleHtml } from '../../console/render/html.js';
import { bookModal, codeModal, messageModal, moveModal, reasonModal } from '../../slack/blocks/modals.js';
import { closedPage, earlyPage, notFoundPage, phonePage } from '../join-page.js';
import { icsText } from '../email/ics.js';
import { checkoutNotice, checkoutPage, checkoutShell, type CheckoutView } from '../../console/simulated-checkout.js';
import { presentCompanyUsage, type CompanyUsageProblem } from './company-usage.js';
import { duration, money, ts } from './i18n.js';

const config = exampleConfig();
const discountConfig = configWith((c) => { c.fees.plan = { kind: 'discount', percent: 50 }; });
const card: BookingCard = {
  bookingId: 'bk_1',
  reference: 'SK-ABCDE',
  kind: 'phone',
  kindLabel: 'Phone session',
  status: 'confirmed',
  staffName: 'Ben Okafor',
  startsAt: '2026-12-01T20:00:00.000Z',
  endsAt: '2026-12-01T21:00:00.000Z',
  lengthMinutes: 60,
  zone: 'Europe/Berlin',
  vendorZone: 'America/New_York',
  priceCents: 11000,
  currency: 'USD',
  priceBasis: 'standard_fee',
  joinUrl: 'http://localhost:3000/j/tok',
  phoneNumber: '+1 555 010 0200',
  phonePin: '123456',
  changeUntil: '2026-12-01T18:55:00.000Z',
  changeOpen: true,
  remindersAt: ['2026-11-30T20:00:00.000Z', '2026-12-01T18:00:00.000Z'],
  companyName: 'Acme Crating',
  memberName: 'Kim Larsen',
  emergency: false,
  description: 'Zxq printer',
};
const slots = [{ startsAt: '2026-12-02T15:00:00.000Z', endsAt: '2026-12-02T16:00:00.000Z' }];
const option = { staffId: 'alice', staffName: 'Alice Moreno', startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2026-12-01T17:00:00.000Z', bufferShortenedBy: 5 };

/** One or more fixtures per notice type: a new type fails to compile until it is listed. */
const NOTICES: { [T in NoticeType]: Extract<Notice, { type: T }>[] } = {
  booking_confirmed: [{ type: 'booking_confirmed', booking: card }, { type: 'booking_confirmed', booking: { ...card, changeOpen: false, remindersAt: [] } }],
  booking_pending: [{ type: 'booking_pending', booking: card }],
  booking_approved: [{ type: 'booking_approved', booking: card }],
  booking_declined: [{ type: 'booking_declined', booking: card, reason: 'Zxq' }, { type: 'booking_declined', booking: card, reason: null, reasonCode: 'approval_timeout' }],
  reminder: [{ type: 'reminder', booking: card, minutesBefore: 1440 }, { type: 'reminder', booking: card, minutesBefore: 45 }],
  booking_cancelled: [
    { type: 'booking_cancelled', booking: card, by: 'customer', reason: null, refunded: false },
    { type: 'booking_cancelled', booking: card, by: 'customer', reason: null, refunded: false, byYou: false, byName: 'Sam Lee' },
    { type: 'booking_cancelled', booking: card, by: 'staff', reason: null, reasonCode: 'suspended', refunded: false },
    { type: 'booking_cancelled', booking: card, by: 'staff', reason: 'Zxq', refunded: true },
  ],
  booking_rescheduled: [{ type: 'booking_rescheduled', booking: card, previousStartsAt: '2026-12-01T15:00:00.000Z' }],
  suspension_ended: (['recorded', 'paid_online', 'lifted'] as const).map((how) => ({ type: 'suspension_ended' as const, companyName: 'Acme Crating', how, at: '2026-12-01T15:00:00.000Z', by: 'Alice Moreno', amountCents: 10000 })),
  actions_expired: (['cutoff_passed', 'cancelled', 'rescheduled', 'closed'] as const).map((why) => ({ type: 'actions_expired' as const, booking: card, why })),
  no_show_closed: [
    { type: 'no_show_closed', booking: card, strikes: 1, strikeLimit: 2, reinstatementCents: 10000 },
    { type: 'no_show_closed', booking: card, strikes: null, strikeLimit: 2, reinstatementCents: 10000 },
  ],
  strike_warning: [{ type: 'strike_warning', companyName: 'Acme Crating', strikes: 1, strikeLimit: 2, booking: card, reinstatementCents: 10000 }],
  suspended: [
    { type: 'suspended', companyName: 'Acme Crating', feeCents: 10000, currency: 'USD' },
    { type: 'suspended', companyName: 'Acme Crating', feeCents: 10000, currency: 'USD', cancelled: [card], paymentInstructions: 'Zxq' },
    { type: 'suspended', companyName: 'Acme Crating', feeCents: 10000, currency: 'USD', payOnline: true },
  ],
  no_show_reversed: [
    { type: 'no_show_reversed', booking: card, companyName: 'Acme Crating', strikes: 1, strikeLimit: 2, suspensionLifted: true, reason: 'Zxq' },
    { type: 'no_show_reversed', booking: card, companyName: null, strikes: null, strikeLimit: 2, suspensionLifted: false, reason: 'Zxq' },
  ],
  reinstated: [{ type: 'reinstated', companyName: 'Acme Crating' }],
  emergency_received: [
    { type: 'emergency_received', booking: { ...card, startsAt: null, endsAt: null, emergency: true, priceBasis: 'emergency' } },
    { type: 'emergency_received', booking: { ...card, startsAt: null, endsAt: null, emergency: true, priceBasis: 'emergency' }, waitsUntil: card.startsAt! },
  ],
  emergency_scheduled: [{ type: 'emergency_scheduled', booking: card }],
  emergency_declined: [{ type: 'emergency_declined', booking: card, reason: 'Zxq' }, { type: 'emergency_declined', booking: card, reason: null, reasonCode: 'emergency_timeout' }],
  staff_approval_request: [{ type: 'staff_approval_request', booking: card }, { type: 'staff_approval_request', booking: { ...card, companyName: null, priceCents: 0 } }],
  staff_emergency_request: [
    { type: 'staff_emergency_request', booking: card, urgency: 'critical', options: [option] },
    { type: 'staff_emergency_request', booking: card, urgency: 'normal', options: [] },
  ],
  staff_no_show: [{ type: 'staff_no_show', booking: card, strikes: 2, suspended: true }, { type: 'staff_no_show', booking: card, strikes: null, suspended: false }],
  staff_booking_cancelled: [
    ...(['customer', 'staff', 'system'] as const).map((by) => ({ type: 'staff_booking_cancelled' as const, booking: card, by, reason: by === 'system' ? null : 'Zxq' })),
    ...(['approval_timeout', 'emergency_timeout', 'suspended'] as const).map((reasonCode) => ({ type: 'staff_booking_cancelled' as const, booking: card, by: 'system' as const, reason: null, reasonCode })),
  ],
  payment_hold_expired: [{ type: 'payment_hold_expired', booking: card }],
  payment_received_late: [
    { type: 'payment_received_late', booking: card, amountCents: 11000, currency: 'USD' },
    { type: 'payment_received_late', booking: card, amountCents: 1, currency: 'JPY', expected: { amountCents: 7500, currency: 'USD' } },
  ],
  staff_reinstatement_paid: [{ type: 'staff_reinstatement_paid', companyName: 'Acme Crating', amountCents: 10000, currency: 'USD', reference: 'cs_test_1' }],
  staff_payment_to_settle: [
    { type: 'staff_payment_to_settle', purpose: 'session_fee', reference: 'SK-7Q2M', companyName: 'Acme Crating', customerName: 'Kim Larsen', amountCents: 11000, currency: 'USD', paymentId: 'pi_1', bookingStatus: 'cancelled' },
    { type: 'staff_payment_to_settle', purpose: 'reinstatement', reference: 'cs_test_2', companyName: null, customerName: null, amountCents: 10000, currency: 'USD', paymentId: null, bookingStatus: null },
    { type: 'staff_payment_to_settle', purpose: 'session_fee', reference: 'SK-7Q2M', companyName: 'Acme Crating', customerName: 'Kim Larsen', amountCents: 1, currency: 'JPY', paymentId: 'pi_2', bookingStatus: 'awaiting_payment', expected: { amountCents: 7500, currency: 'USD' } },
  ],
};

type K<X extends { kind: string }> = { [Kind in X['kind']]: Extract<X, { kind: Kind }> };
const profile = { companyName: 'Acme Crating', code: 'ACME-2026', planActive: true, planUntil: '2028-01-01T05:00:00.000Z', planThrough: '2027-12-31', strikes: 1, strikeLimit: 2, suspended: false };
const quote = { kind: 'priced' as const, priceCents: 11000, basis: 'standard_fee' as const, currency: 'USD', needsApproval: true, nonRefundable: true, key: 'q1', paymentInstructions: 'Zxq IBAN' };
const base = { zone: 'Europe/Berlin', sessionKind: 'phone' as const, lengthMinutes: 60, quote, zoneSaved: true, language: 'de' };

const UNDERSTAND: K<results.R<'understandRequest'>> = {
  proposal: {
    ...base, kind: 'proposal', startsAt: card.startsAt!, readback: 'Di 1 Dez, 21:00 Berlin', changeable: false,
    notes: [{ code: 'zone_from_text', zone: 'Europe/Berlin' }, { code: 'rolled_to_next_day', date: '2026-12-01' }, { code: 'other_date_order', read: '2027-04-03', passed: '2027-03-04' }, { code: 'repeated_time', time: '02:30', date: '2027-10-31', offset: 'UTC+02:00' }],
    corrections: [{ typed: 'zxqq', read: 'zxq' }],
    lengthNote: { code: 'length_not_offered', asked: 90, offered: [30, 60], used: 60 },
  },
  unavailable: { ...base, kind: 'unavailable', startsAt: card.startsAt!, readback: 'Di 1 Dez, 21:00 Berlin', reason: 'outside_hours', alternatives: slots },
  choose: { ...base, kind: 'choose', readback: 'Di 1 Dez', slots, lengthNote: { code: 'length_not_offered', asked: -30, offered: [30, 60], used: 30 } },
  ambiguous: { ...base, kind: 'ambiguous', options: [{ startsAt: card.startsAt!, readback: 'Di 1 Dez, 21:00 Berlin', label: '1/12' }] },
  in_past: { ...base, kind: 'in_past', readback: 'Di 1 Dez, 21:00 Berlin' },
  nonexistent_time: { kind: 'nonexistent_time', requested: '02:30', zone: 'Europe/Berlin', nearest: [{ startsAt: card.startsAt!, readback: '03:00' }] } as never,
  unparseable: { kind: 'unparseable', hint: { code: 'no_time' }, zoneSaved: true, language: 'de' },
  invalid_input: { kind: 'invalid_input', problems: ['zxq'] },
};
const BOOK: K<results.R<'bookSession'>> = {
  booked: { kind: 'booked', booking: card },
  pending_approval: { kind: 'pending_approval', booking: card },
  slot_taken: { kind: 'slot_taken', zone: 'Europe/Berlin', alternatives: slots },
  outside_hours: { kind: 'outside_hours', zone: 'Europe/Berlin', alternatives: [] },
  in_past: { kind: 'in_past' } as never,
  too_soon: { kind: 'too_soon', earliest: card.startsAt! } as never,
  too_far: { kind: 'too_far', latest: card.startsAt! } as never,
  code_invalid: { kind: 'code_invalid', attemptsLeft: 1 },
  code_locked: { kind: 'code_locked', retryAt: card.startsAt! },
  suspended: { kind: 'suspended', companyName: 'Acme Crating', reinstatementCents: 10000, feeCents: 11000, currency: 'USD', payOnline: true },
  not_linked: { kind: 'not_linked', feeCents: 11000, currency: 'USD' },
  invalid_input: { kind: 'invalid_input', problems: ['zxq'] },
  confirm_switch: { kind: 'confirm_switch', fromCompany: 'Acme Crating', toCompany: 'Birch Boxes' },
  code_changed: { kind: 'code_changed', companyName: 'Acme Crating' },
  quote_changed: { kind: 'quote_changed', quote, startsAt: card.startsAt!, sessionKind: 'phone', lengthMinutes: 60, zone: 'Europe/Berlin', changeable: true },
  already_booked: { kind: 'already_booked', booking: card },
  awaiting_payment: { kind: 'awaiting_payment', booking: { ...card, status: 'awaiting_payment' }, payUrl: 'https://checkout.stripe.test/c/pay/cs_test_1', holdUntil: '2026-11-30T14:15:00.000Z' },
};
const VIEW: K<results.R<'viewBooking'>> = {
  booking: { kind: 'booking', booking: card, canChange: true, isStaff: false },
  not_found: { kind: 'not_found' },
  not_allowed: { kind: 'not_allowed' },
  invalid_input: { kind: 'invalid_input', problems: ['zxq'] },
};
const CANCEL: K<results.R<'cancelBooking'>> = {
  cancelled: { kind: 'cancelled', booking: card, refunded: false, byStaff: false },
  too_late: { kind: 'too_late', cutoff: card.changeUntil!, zone: 'Europe/Berlin' },
  not_active: { kind: 'not_active', status: 'no_show' },
  changed: { kind: 'changed' },
  not_found: { kind: 'not_found' },
  not_allowed: { kind: 'not_allowed' },
  invalid_input: { kind: 'invalid_input', problems: ['zxq'] },
};
const DECISION: K<results.R<'approveBooking'>> = {
  approved: { kind: 'approved', booking: card, by: 'Alice Moreno' },
  declined: { kind: 'declined', booking: card, by: 'Alice Moreno', reason: 'Zxq' },
  already_decided: { kind: 'already_decided', status: 'confirmed', by: 'Alice Moreno', at: card.startsAt },
  changed: { kind: 'changed' },
  not_found: { kind: 'not_found' },
  not_allowed: { kind: 'not_allowed' },
  invalid_input: { kind: 'invalid_input', problems: ['zxq'] },
};
const EMERGENCY: K<results.R<'requestEmergency'>> = {
  emergency_requested: { kind: 'emergency_requested', booking: card } as never,
  code_invalid: { kind: 'code_invalid', attemptsLeft: 3 },
  code_locked: { kind: 'code_locked', retryAt: card.startsAt! },
  suspended: { kind: 'suspended', companyName: 'Acme Crating', reinstatementCents: 10000, feeCents: 12500, currency: 'USD' } as never,
  not_linked: { kind: 'not_linked', feeCents: 12500, currency: 'USD' } as never,
  invalid_input: { kind: 'invalid_input', problems: ['zxq'] },
  confirm_switch: { kind: 'confirm_switch', fromCompany: 'Acme Crating', toCompany: 'Birch Boxes' },
  code_changed: { kind: 'code_changed', companyName: 'Acme Crating' },
};
const FEES_BASE = { kind: 'fees' as const, currency: 'USD', lines: [{ kind: 'online' as const, kindLabel: 'Online session', lengthMinutes: 30, feeCents: 7500 }], plan: { kind: 'discount' as const, percent: 20 }, emergencySurchargeCents: 5000, reinstatementCents: 10000 };

/** Every presenter with fixtures for each of its kinds. */
function messagesFor(ctx: PresentContext): Message[] {
  const z = 'Europe/Berlin';
  const out: Message[] = [];
  for (const list of Object.values(NOTICES)) for (const n of list) out.push(presentNotice(n as Notice, ctx));
  out.push(expiredMessage(ctx, card, 'cutoff_passed'), decidedStaffCard(ctx, card, { kind: 'declined', by: 'Alice Moreno', reason: 'Zxq' }, card.startsAt!), reinstatedStaffNote(ctx, card, ['Alice Moreno'], card.startsAt!, 10000));
  for (const n of NOTICES.staff_booking_cancelled.slice(2)) out.push(closedStaffCard(ctx, n, card.startsAt!));
  for (const r of Object.values(UNDERSTAND)) out.push(results.presentUnderstand(ctx, r, { kind: 'online', lengthMinutes: 30 }).message);
  // Why a time was not understood, every reason the parser gives (core/time WhenHint).
  for (const hint of [
    { code: 'no_time_in_message' }, { code: 'too_long', max: 200 }, { code: 'am_or_pm' }, { code: 'two_days' }, { code: 'no_day' },
    { code: 'weekday_mismatch', date: '2026-12-08', weekday: 2, named: 1 }, { code: 'which_day', typed: 'zxqday', options: ['Zxq', 'Zxqq'] }, { code: 'did_you_mean', typed: 'zxqq', word: 'Zxq' },
  ] as WhenHint[]) out.push(results.presentUnderstand(ctx, { kind: 'unparseable', hint, zoneSaved: true, language: null }, { kind: 'online', lengthMinutes: 30 }).message);
  // The same where others read it (a Discord booking thread) with Other times and the zone note, and what goes by DM instead.
  const thread = { author: '123', public: true, more: true, zoneCommand: '/timezone' };
  for (const r of Object.values(UNDERSTAND)) out.push(results.presentUnderstand(ctx, { ...r, zoneSaved: false } as never, { kind: 'online', lengthMinutes: 30 }, thread).message);
  for (const q of [{ ...quote, needsApproval: false }, { kind: 'not_linked', feeCents: 6000, currency: 'USD', key: 'q2' }, { kind: 'suspended', feeCents: 6000, reinstatementCents: 10000, currency: 'USD', key: 'q3' }]) {
    const proposal = { ...UNDERSTAND.proposal, quote: q } as never;
    out.push(results.presentUnderstand(ctx, proposal, { kind: 'online', lengthMinutes: 30 }, thread).message, presentQuoteDm(ctx, proposal, { t: 'mention', platform: 'discord', userId: '9', name: 'Zxq', channel: true })!);
  }
  out.push(presentDmsClosed(ctx, { t: 'mention', platform: 'discord', userId: '9', name: 'Zxq' }, 'SK-ABCDE'));
  // Discord's /book autocomplete lines.
  for (const r of Object.values(UNDERSTAND)) for (const c of presentPreview(ctx, r)) out.push(say(ctx, 'person', [c.label]));
  out.push(say(ctx, 'person', [previewExamples(ctx).join(' / ')]));
  for (const r of [BOOK.booked, BOOK.pending_approval, { ...BOOK.booked, booking: { ...card, startsAt: null, endsAt: null } }]) out.push(presentPublicBook(ctx, r as never)!);
  for (const r of [UNDERSTAND.unavailable, UNDERSTAND.choose, UNDERSTAND.ambiguous, UNDERSTAND.nonexistent_time, UNDERSTAND.in_past, { kind: 'not_active', status: 'cancelled' }, { kind: 'not_found' }]) out.push(results.presentMoveUnderstood(ctx, r as never, 'bk_1')!.message);
  for (const r of Object.values(BOOK)) out.push(results.presentBook(ctx, r, { startsAt: card.startsAt!, kind: 'phone', lengthMinutes: 60 }, z).message);
  for (const r of Object.values(VIEW)) out.push(results.presentCancelStep(ctx, r).message, results.presentMoveStep(ctx, r).message, results.presentView(ctx, r).message);
  out.push(results.presentCancelStep(ctx, { kind: 'booking', booking: card, canChange: false, isStaff: false }).message);
  for (const r of Object.values(CANCEL)) out.push(results.presentCancel(ctx, r).message);
  for (const r of Object.values(DECISION)) out.push(results.presentDecision(ctx, r, z).message);
  for (const r of Object.values(EMERGENCY)) out.push(results.presentEmergency(ctx, r, z, 'Zxq').message);
  for (const pays of ['free', 'discount', 'standard', 'suspended'] as const) {
    out.push(results.presentFees(ctx, { ...FEES_BASE, youPay: pays, company: pays === 'standard' ? null : { name: 'Acme Crating', planActive: true, planUntil: null, suspended: false, strikes: 0 } } as never).message);
  }
  out.push(results.presentLink(ctx, { kind: 'linked', profile }, z).message, results.presentLink(ctx, { kind: 'code_invalid', attemptsLeft: 2 }, z).message);
  out.push(results.presentProfile(ctx, { kind: 'profile', profile, zone: z }, z).message, results.presentProfile(ctx, { kind: 'profile', profile: { ...profile, strikes: 2, suspended: true }, zone: z }, z).message, results.presentProfile(ctx, { kind: 'not_linked', zone: null }, z).message);
  out.push(results.presentSessions(ctx, { kind: 'sessions', zone: z, sessions: [{ booking: card, canChange: true, inProgress: false, joinOpen: false }, { booking: { ...card, status: 'pending_approval' }, canChange: false, inProgress: false, joinOpen: false }], more: 3 }).message);
  out.push(results.presentSessions(ctx, { kind: 'sessions', zone: z, sessions: [], more: 0 }).message);
  out.push(results.presentSessions(ctx, { kind: 'sessions', zone: z, sessions: [{ booking: card, canChange: false, inProgress: true, joinOpen: true }], more: 1 }).message);
  out.push(results.presentKept(ctx).message, results.presentZone(ctx, { kind: 'zone_saved', zone: z } as never).message);
  for (const r of [{ kind: 'scheduled', booking: card, by: 'Alice Moreno' }, { kind: 'slot_taken', options: [option] }, { kind: 'slot_taken', options: [] }, { kind: 'in_past' }, { kind: 'outside_hours_confirm', bookingId: card.bookingId, staffId: 'alice', staffName: 'Alice Moreno', startsAt: card.startsAt!, endsAt: card.endsAt! }] as const) out.push(results.presentSqueeze(ctx, r as never, z).message);
  out.push(results.presentBook(ctx, { kind: 'awaiting_payment', booking: card, payUrl: null, holdUntil: card.startsAt! }, { startsAt: card.startsAt!, kind: 'phone', lengthMinutes: 60 }, z).message);
  for (const r of [
    { kind: 'reinstatement_checkout', companyName: 'Acme Crating', payUrl: 'https://checkout.stripe.test/c/pay/cs_test_2', amountCents: 10000, currency: 'USD' },
    { kind: 'reinstatement_manual', companyName: 'Acme Crating', amountCents: 10000, currency: 'USD', instructions: 'Zxq IBAN' },
    { kind: 'not_suspended' },
    { kind: 'payment_unavailable' },
  ] as const) out.push(results.presentPayReinstatement(ctx, r).message);
  out.push(results.presentMarkJoined(ctx, { kind: 'marked', booking: card, by: 'Alice Moreno' }).message);
  const linked = { memberId: 'm1', platform: 'slack' as const, platformUserId: 'U1', displayName: 'Kim Larsen', currentCode: false };
  type MembersResult = Parameters<typeof results.presentCompanyMembers>[1];
  for (const r of [
    { kind: 'members', companyName: 'Acme Crating', members: [linked, { ...linked, currentCode: true }] },
    { kind: 'members', companyName: 'Acme Crating', members: [] },
    { kind: 'unlinked', companyName: 'Acme Crating', member: linked },
    { kind: 'not_linked_here', companyName: 'Acme Crating' },
    { kind: 'not_found', name: 'Zxq' },
    { kind: 'not_allowed' },
  ] as MembersResult[]) out.push(results.presentCompanyMembers(ctx, r).message);
  for (const r of [
    { kind: 'reversed', booking: card, by: 'Alice Moreno', strikeRemoved: true, strikes: 1, suspensionLifted: true },
    { kind: 'reversed', booking: card, by: 'Alice Moreno', strikeRemoved: false, strikes: null, suspensionLifted: false },
    { kind: 'not_no_show', status: 'confirmed' },
    { kind: 'not_found' },
    { kind: 'not_allowed' },
  ] as const) out.push(results.presentReverseNoShow(ctx, r).message);
  out.push(results.presentReverseUsage(ctx, '/sk-reverse SK-ABCDE Zxq').message);
  out.push(results.presentMarkJoined(ctx, { kind: 'too_early', opensAt: card.startsAt! }).message, results.presentMarkJoined(ctx, { kind: 'closed', status: 'no_show', closedAt: card.startsAt! }).message);
  for (const action of ['created', 'plan_set', 'code_rotated', 'reinstated'] as const) out.push(results.presentCompanyAdmin(ctx, { kind: 'company', profile, action }, z).message);
  out.push(results.presentCompanyAdmin(ctx, { kind: 'not_found', name: 'Zxq' }, z).message, results.presentCompanyAdmin(ctx, { kind: 'invalid_code' }, z).message);
  out.push(results.presentStaffDay(ctx, { kind: 'day', date: '2026-12-01', zone: 'America/New_York', sessions: [card], waiting: [{ ...card, status: 'pending_approval' }], staffName: 'Alice Moreno' }, { buttons: true }).message);
  out.push(...results.presentHome(ctx, { kind: 'sessions', zone: z, sessions: [], more: 0 }, { kind: 'not_linked', zone: null }, z));
  // Slack's modals: every title, label, hint, placeholder, option and button, as one message each.
  const fees = [{ kind: 'online' as const, lengthMinutes: 30, feeCents: 7500 }, { kind: 'phone' as const, lengthMinutes: 60, feeCents: 11000 }];
  const modals = [bookModal(ctx.config, ctx.lang, { linked: false, standardFees: fees }), codeModal(ctx.config, ctx.lang, fees[1]!, '{}'), moveModal(ctx.lang, 'Zxq', '{}'), reasonModal(ctx.lang, 'decline', '{}'), reasonModal(ctx.lang, 'staff_cancel', '{}'), ...(['rescheduled', 'history'] as const).map((x) => messageModal(ctx.lang, x, { text: '', blocks: [] }))];
  for (const m of modals) out.push(say(ctx, 'person', [(JSON.stringify(m).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? []).map((x) => JSON.parse(`{${x}}`).text as string).join('\n')]));
  // The refusals every adapter says (bots/shared/refusals.ts).
  for (const refusal of [noLongerAvailable(ctx.lang), unknownCommand('/zxq', ctx.lang), tooLong(2345, 2000, ctx.lang), expectedOptions('book', ['zxq'], ctx.lang)]) out.push(say(ctx, 'person', [refusal]));
  // The web pages (join link, simulated checkout), the calendar file's words, /sk-company usage and the 500 apology.
  const L = ctx.lang;
  const pageText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const rules = { opensMinutesBefore: 30, closesMinutesAfter: 10 };
  const pageCard = { ...card, kindLabel: null };
  const pages = [phonePage(L, pageCard, false, rules), phonePage(L, pageCard, true, rules), earlyPage(L, { ...pageCard, kind: 'online' }, rules), notFoundPage(L)];
  for (const status of ['no_show', 'cancelled', 'declined', 'pending_approval', 'emergency_requested', 'awaiting_payment'] as const) pages.push(closedPage(L, pageCard, status, rules));
  const amount = money(L, 7500, 'USD');
  const session = ts(L, 'checkout.simSession', { name: 'Zxq', length: duration(L, 30), when: 'Zxq', reference: card.reference });
  const views: CheckoutView[] = (['open', 'paid', 'expired'] as const).flatMap((status) => [
    { status, purpose: 'session_fee' as const, what: session, amount, holdEnds: 'Zxq' },
    { status, purpose: 'reinstatement' as const, what: ts(L, 'checkout.reinstatement', { planKind: ctx.config.fees.plan.kind, company: 'Acme Crating' }), amount, holdEnds: null },
  ]);
  views.push({ status: 'open', purpose: 'session_fee', what: ts(L, 'checkout.fee', { purpose: 'session_fee' }), amount, holdEnds: 'Zxq' }, { status: 'open', purpose: 'reinstatement', what: ts(L, 'checkout.fee', { planKind: ctx.config.fees.plan.kind, purpose: 'reinstatement' }), amount, holdEnds: null });
  for (const v of views) for (const note of [null, 'cancelled'] as const) pages.push(checkoutShell(L, checkoutPage(L, 'sim_cs_zxq', v, 'zxq', note)));
  pages.push(checkoutNotice(L, 'checkout.notFoundTitle', 'checkout.notFoundBody'), checkoutNotice(L, 'checkout.refusedTitle', 'checkout.refusedBody'), checkoutNotice(L, 'checkout.badTitle', 'checkout.badBody'));
  for (const p of pages) out.push(say(ctx, 'person', [pageText(p)]));
  for (const c of [pageCard, { ...pageCard, kind: 'online' as const, staffName: null, manageUrl: 'http://localhost:3000/m/zxq' }]) {
    const words = icsText(L, ctx.config, c);
    out.push(say(ctx, 'person', [[words.summary, words.description, words.alarm, words.location].join('\n')]));
  }
  out.push(say(ctx, 'person', [ts(L, 'ics.feedName', { staff: 'Alice Moreno' })]), say(ctx, 'person', [ts(L, 'page.serverError')]));
  for (const cancelled of ['yes', 'no']) out.push(say(ctx, 'person', [`${ts(L, 'page.paidTitle', { cancelled })}\n${ts(L, 'page.paidBody', { cancelled })}`]));
  const problems: CompanyUsageProblem[] = [...(['create_name', 'plan_until', 'plan_args', 'plan_date', 'name', 'unlink_args', 'no_action'] as const).map((problem) => ({ problem })), { problem: 'unknown_action', typed: 'zxq' }];
  for (const problem of [null, ...problems]) for (const withCode of [false, true]) out.push(presentCompanyUsage(ctx, problem, { withCode }).message);
  return out;
}

/** What each platform shows a person: the text and the button labels. */
const PLATFORMS = {
  slack: (m: Message) => {
    const s = slack(m);
    return [s.text, ...JSON.stringify(s.blocks).match(/"text":"(?:[^"\\]|\\.)*"/g)!.map((x) => JSON.parse(`{${x}}`).text as string)].join('\n');
  },
  discord: (m: Message) => {
    const d = discord(m);
    return [d.content, ...d.components.flatMap((r) => r.components.map((c) => ('label' in c ? c.label : '')))].join('\n');
  },
  console: (m: Message) => {
    const c = consoleHtml(m);
    // what the page shows: the HTML's text (tags dropped, entities read back) and the button labels
    const shown = c.html.replace(/<[^>]+>/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    return [shown, c.text, ...c.buttons.map((b) => b.label)].join('\n');
  },
};

/** Words that are the same in these languages, or names (of products, brands, fixture people and places). */
const SHARED = new Set(['online', 'slotkeeper', 'discord', 'slack', 'google', 'stripe', 'calendar', 'status', 'strike', 'team', 'support', 'ben', 'okafor', 'alice', 'moreno', 'kim', 'larsen', 'sam', 'lee', 'acme', 'crating', 'berlin', 'york', 'new', 'localhost', 'http', 'pin', 'zxq', 'printer', 'usd', 'birch', 'boxes', 'iban', 'switch', 'min', 'code', 'plan', 'sessions', 'minute', 'minutes', 'total', 'normal', 'session', 'reference', 'booking', 'fees', 'book', 'emergency', 'today', 'sk-company', 'sk-today', 'timezone', 'language', 'wrong', 'what', 'your-code', 'support-code', 'europe', 'link', 'codes', 'option']);

const words = (text: string) => new Set((text.toLowerCase().replace(/https?:\/\/\S+/g, ' ').match(/\p{L}[\p{L}'’-]{3,}/gu) ?? []).filter((w) => !SHARED.has(w)));

/** Words these languages share with English, spelled the same (checked by hand, each a real word there). */
/** Staff command words shown as code (`/sk-company members`), the same in every language. */
const COMMAND_WORDS = ['members', 'unlink', 'create', 'rotate', 'reinstate', 'none'];
const COGNATES: Record<Lang, string[]> = {
  en: [],
  de: ['person', 'text', 'details', 'name', 'chat', 'optional', ...COMMAND_WORDS],
  fr: ['message', 'messages', 'confirmation', 'standard', 'maintenance', 'possible', 'moment', 'page', 'confirmer', 'close', 'type', 'date', 'console', 'action', 'suspension', ...COMMAND_WORDS],
  es: ['chat', ...COMMAND_WORDS],
  pt: ['zero', 'chat', 'console', ...COMMAND_WORDS],
  nl: ['start', 'contact', 'buffer', 'sorry', 'open', 'moment', 'over', 'details', 'chat', 'console', ...COMMAND_WORDS],
};

describe('message catalogs', () => {
  const keys = Object.keys(en).sort();
  const argsOf = (msg: string) => messageArguments(msg);

  for (const lang of LANGUAGES) {
    it(`${lang}: the same keys as English, each compiling, with no placeholder English does not have`, () => {
      const catalog = CATALOGS[lang] as Record<string, string>;
      expect(Object.keys(catalog).sort()).toEqual(keys);
      for (const key of keys) {
        expect(() => new IntlMessageFormat(catalog[key]!, lang), `${lang} ${key}`).not.toThrow();
        for (const a of argsOf(catalog[key]!)) expect(argsOf((en as Record<string, string>)[key]!), `${lang} ${key} uses {${a}}`).toContain(a);
      }
    });
  }
});

describe('French typography', () => {
  const fr = contextFor(config, 'fr');
  const confirmed = slack(presentNotice({ type: 'booking_confirmed', booking: card }, fr));
  const shown = JSON.stringify(confirmed);

  it('puts a narrow no-break space before : ; ! ? in sentences and labels, once for every platform', () => {
    expect(shown).toContain('*Quand\u202F:*');
    expect(discord(presentNotice({ type: 'booking_confirmed', booking: card }, fr)).content).toContain('**Quand\u202F:**');
    expect(tooLong(2345, 2000, 'fr')).toMatch(/caractères\u202F; Slotkeeper/);
    // no ordinary or missing space before those signs anywhere in the French messages
    const all = messagesFor(fr).map(PLATFORMS.slack).join('\n').replace(/:[a-z_]+:/g, '').replace(/&(?:lt|gt|amp);/g, ''); // Slack's emoji and its escapes (&gt;) are chrome
    expect(all.match(/.{20}[\p{L}\p{N})»*][;:!?](?=\s|$)/gu) ?? []).toEqual([]);
    expect(all.match(/.{12}[ \u00A0][;:!?]/g) ?? []).toEqual([]);
  });

  it('leaves times, links and what people typed alone', () => {
    expect(shown).toMatch(/\d\d:\d\d/);
    expect(shown).toContain('http://localhost:3000/j/tok');
    expect(JSON.stringify(slack(presentNotice({ type: 'booking_declined', booking: card, reason: 'Zxq: no!' }, fr)))).toContain('Zxq: no!');
  });

  it('is French only: English keeps "When:"', () => {
    expect(JSON.stringify(slack(presentNotice({ type: 'booking_confirmed', booking: card }, contextFor(config, 'en'))))).toContain('*When:*');
  });
});

describe('every notice type and result kind × platform × language', () => {
  // English words: those of the English catalog's sentences (not the fixture data).
  const english = words(Object.values(en).join(' ').replace(/\{\w+(?:, *(?:select|plural|selectordinal) *,[^{]*)?\}?/g, ' ').replace(/[{}#]/g, ' '));

  for (const lang of LANGUAGES) {
    for (const [platform, draw] of Object.entries(PLATFORMS)) {
      it(`${lang} on ${platform}: rendered, no placeholder left${lang === 'en' ? '' : ', no English words'}`, () => {
        // Every message twice: with the example's free plan and with a discount plan (what a suspension takes away differs).
        const shown = [...messagesFor(contextFor(config, lang as Lang)), ...messagesFor(contextFor(discountConfig, lang as Lang))].map(draw);
        expect(shown.length).toBeGreaterThan(100);
        for (const text of shown) {
          expect(text.trim(), lang).not.toBe('');
          expect(text, `${lang} ${platform}: ${text}`).not.toMatch(/\{[a-zA-Z]+[,}]|_empty|undefined|\[object Object\]/);
        }
        if (lang === 'en') return;
        const own = words(shown.join('\n'));
        const leaked = [...own].filter((w) => english.has(w) && !COGNATES[lang as Lang].includes(w));
        expect(leaked, `${lang} on ${platform}: English words`).toEqual([]);
        void shown;
      });
    }
  }
});

describe('squeezing in outside hours (issue 9)', () => {
  it('asks staff to confirm with one button whose id carries the outside-hours flag, and the flag survives the codec', async () => {
    const { decodeIntent, encodeIntent } = await import('./intents.js');
    const ctx = contextFor(exampleConfig(), 'en');
    const m = results.presentSqueeze(ctx, { kind: 'outside_hours_confirm', bookingId: 'b1', staffId: 'alice', staffName: 'Alice Moreno', startsAt: '2026-11-30T23:00:00.000Z', endsAt: '2026-11-30T23:30:00.000Z' }, 'America/New_York').message;
    const text = JSON.stringify(slack(m));
    expect(text).toContain('Alice Moreno does not work at');
    expect(text).toContain('Nothing is scheduled yet');
    const [button] = m.buttons ?? [];
    expect(button && button.kind === 'action' && decodeIntent(encodeIntent(button.intent))).toEqual({ do: 'squeeze', bookingId: 'b1', staffId: 'alice', startsAt: '2026-11-30T23:00:00.000Z', outsideHours: true });
    // an option button (no flag) decodes without it; anything else after the time is refused
    expect(decodeIntent(encodeIntent({ do: 'squeeze', bookingId: 'b1', staffId: 'alice', startsAt: '2026-11-30T23:00:00.000Z' }))).toEqual({ do: 'squeeze', bookingId: 'b1', staffId: 'alice', startsAt: '2026-11-30T23:00:00.000Z' });
    expect(decodeIntent('sk:squeeze:b1:alice|2026-11-30T23:00Z|x')).toBeNull();
  });
  it('tells a customer who asked after hours when staff start again', () => {
    const ctx = contextFor(exampleConfig(), 'en');
    const m = presentNotice({ type: 'emergency_received', booking: { ...card, startsAt: null, endsAt: null, emergency: true, priceBasis: 'emergency' }, waitsUntil: '2026-12-01T13:00:00.000Z' } as Notice, ctx);
    expect(JSON.stringify(slack(m))).toContain('Our staff start again at');
  });
});
