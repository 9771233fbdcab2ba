/** Every outbox notice has a Discord message (the switch is exhaustive; this pins what each says). */
import { describe, expect, it } from 'vitest';
import type { BookingCard, Notice } from '../../core/index.js';
import { closedStaffCard, presentNotice, staffContext, personContext } from '../../bots/shared/present/index.js';
import { renderMessage } from '../../bots/discord/render/index.js';
import { exampleConfig } from '../support/config.js';
import { buttonIds, buttonLabels } from './slotkeeper.js';

const card: BookingCard = {
  bookingId: 'bk1',
  changeOpen: true,
  remindersAt: [],
  reference: 'SK-42',
  kind: 'online',
  kindLabel: 'Online session',
  status: 'confirmed',
  staffName: 'Alice Moreno',
  startsAt: '2026-12-01T20:00:00.000Z',
  endsAt: '2026-12-01T20:30:00.000Z',
  lengthMinutes: 30,
  zone: 'Europe/Berlin',
  vendorZone: 'America/New_York',
  priceCents: 7500,
  currency: 'USD',
  priceBasis: 'standard_fee',
  joinUrl: 'http://localhost:3000/j/tok1',
  phoneNumber: '+1 555 010 0200',
  phonePin: '123456',
  changeUntil: '2026-12-01T18:55:00.000Z',
  companyName: 'Acme Crating',
  memberName: 'Dana',
  emergency: false,
  description: 'Quotes print blank',
};
const config = exampleConfig();
const en = personContext(config, 'en-US');
const noticeMessage = (n: Notice, ctx = en) => renderMessage(presentNotice(n, ctx));

const notices: Notice[] = [
  { type: 'booking_confirmed', booking: card },
  { type: 'booking_pending', booking: card },
  { type: 'booking_approved', booking: card },
  { type: 'booking_declined', booking: card, reason: 'Fully booked' },
  { type: 'reminder', booking: card, minutesBefore: 1440 },
  { type: 'booking_cancelled', booking: card, by: 'customer', reason: null, refunded: false },
  { type: 'booking_rescheduled', booking: card, previousStartsAt: '2026-11-30T20:00:00.000Z' },
  { type: 'actions_expired', booking: card, why: 'cutoff_passed' },
  { type: 'no_show_closed', booking: card, strikes: 1, strikeLimit: 2, reinstatementCents: 10000 },
  { type: 'strike_warning', companyName: 'Acme Crating', strikes: 1, strikeLimit: 2, booking: card, reinstatementCents: 10000 },
  { type: 'suspended', companyName: 'Acme Crating', feeCents: 10000, currency: 'USD' },
  { type: 'reinstated', companyName: 'Acme Crating' },
  { type: 'emergency_received', booking: card },
  { type: 'emergency_scheduled', booking: card },
  { type: 'emergency_declined', booking: card, reason: 'No staff free' },
  { type: 'staff_approval_request', booking: card },
  { type: 'staff_emergency_request', booking: card, urgency: 'high', options: [{ staffId: 'ben', staffName: 'Ben Okafor', startsAt: '2026-12-01T21:00:00.000Z', endsAt: '2026-12-01T21:30:00.000Z', bufferShortenedBy: 5 }] },
  { type: 'staff_no_show', booking: card, strikes: 2, suspended: true },
  { type: 'staff_booking_cancelled', booking: card, by: 'staff', reason: 'Illness' },
];

const CUSTOMER = ['Join', 'Reschedule', 'Cancel', 'Add to calendar'];

describe('notice messages on Discord (the shared presenter, drawn by bots/discord/render)', () => {
  it('every notice type gives a first line and the buttons it should', () => {
    const got = Object.fromEntries(notices.map((n) => { const v = noticeMessage(n); return [n.type, { first: v.content.split('\n')[0], buttons: buttonLabels(v) }]; }));
    expect(got).toEqual({
      booking_confirmed: { first: '✅ **Your session is booked.**', buttons: CUSTOMER },
      booking_pending: { first: '⏳ **Your request needs staff approval.**', buttons: ['Cancel request'] },
      booking_approved: { first: '✅ **Your session was approved and is booked.**', buttons: CUSTOMER },
      booking_declined: { first: '❌ **Your request for an online session on <t:1796155200:F>–<t:1796157000:t> (Tue 1 Dec, 21:00–21:30 Berlin) was declined.**', buttons: [] },
      reminder: { first: '⏰ **Reminder: your session starts in 24 hours.**', buttons: CUSTOMER },
      booking_cancelled: { first: '🗑️ **You cancelled your online session on <t:1796155200:F>–<t:1796157000:t> (Tue 1 Dec, 21:00–21:30 Berlin).**', buttons: [] },
      booking_rescheduled: { first: '🔁 **Your session was moved from <t:1796068800:F> (Mon 30 Nov, 21:00 Berlin) to the time below.**', buttons: CUSTOMER },
      actions_expired: { first: '**Online session (30 minutes) with Alice Moreno**', buttons: ['Join', 'Add to calendar'] },
      no_show_closed: { first: '🚪 **Your online session on <t:1796155200:F>–<t:1796157000:t> (Tue 1 Dec, 21:00–21:30 Berlin) was closed.**', buttons: [] },
      strike_warning: { first: '⚠️ **Acme Crating now has 1 of 2 no-shows.**', buttons: [] },
      suspended: { first: '⛔ **Free sessions for Acme Crating are suspended after repeated no-shows.**', buttons: [] },
      reinstated: { first: '🎉 **Free sessions for Acme Crating are reinstated.**', buttons: [] },
      emergency_received: { first: '🚨 **We received your emergency request.**', buttons: [] },
      emergency_scheduled: { first: '🚨 **Your emergency session is scheduled. Connect online or by phone at this time:**', buttons: CUSTOMER },
      emergency_declined: { first: '❌ **We could not take your emergency request.**', buttons: [] },
      staff_approval_request: { first: '📝 **A booking needs approval**', buttons: ['Approve', 'Decline'] },
      staff_emergency_request: { first: '🚨 **Emergency request (urgency: high)**', buttons: ['Ben Okafor: Tue 1 Dec, 22:00–22:30 Berlin (-5 min buffer)', 'Decline'] },
      staff_no_show: { first: '🚪 **No-show closed: Dana (Acme Crating), online session <t:1796155200:F>–<t:1796157000:t> (Tue 1 Dec, 21:00–21:30 Berlin).**', buttons: ['Record reinstatement ($100)'] },
      staff_booking_cancelled: { first: '🗑️ **Cancelled by staff: Dana (Acme Crating), online session <t:1796155200:F>–<t:1796157000:t> (Tue 1 Dec, 21:00–21:30 Berlin) with Alice Moreno.**', buttons: [] },
    });
  });

  it('a confirmation has everything needed to attend, each time as Discord markup with the wall time beside it, and the shared button ids', () => {
    const v = noticeMessage({ type: 'booking_confirmed', booking: card });
    expect(v.content).toBe(
      [
        '✅ **Your session is booked.**',
        '**Online session (30 minutes) with Alice Moreno**',
        '**When:** <t:1796155200:F>–<t:1796157000:t> (Tue 1 Dec, 21:00–21:30 Berlin)',
        '**Join:** http://localhost:3000/j/tok1',
        '**Phone:** +1 555 010 0200, PIN 123456',
        '**Price:** $75. Paid sessions are not refundable.',
        'You can cancel or reschedule until <t:1796151300:F> (Tue 1 Dec, 19:55 Berlin).',
        'The session closes 10 minutes after the start if nobody from your company has joined online or called in.',
        '-# Booking SK-42',
      ].join('\n'),
    );
    expect(buttonIds(v)).toEqual(['link:Join', 'sk:move:bk1', 'sk:cancel:bk1', 'sk:calendar:bk1']);
    expect(noticeMessage({ type: 'booking_confirmed', booking: { ...card, priceCents: 0, priceBasis: 'plan_free' } }).content).toContain('**Price:** Covered by your maintenance plan');
  });

  it('Reschedule / Cancel follow card.changeOpen (not a clock); closed, the text says so instead of a past cutoff', () => {
    const v = noticeMessage({ type: 'reminder', booking: { ...card, changeOpen: false }, minutesBefore: 60 });
    expect(buttonIds(v)).toEqual(['link:Join', 'sk:calendar:bk1']);
    expect(v.content).toContain('\nIt is now less than 65 minutes before your session: it can no longer be cancelled or rescheduled.\n');
    expect(v.content).not.toContain('You can cancel or reschedule until');
    expect(buttonIds(noticeMessage({ type: 'reminder', booking: card, minutesBefore: 60 }))).toEqual(['link:Join', 'sk:move:bk1', 'sk:cancel:bk1', 'sk:calendar:bk1']);
  });

  it('confirmed / approved / moved name the reminders still to come from card.remindersAt; none: no line', () => {
    const withReminders = { ...card, remindersAt: ['2026-11-30T20:00:00.000Z', '2026-12-01T18:00:00.000Z'] };
    const line = 'We will remind you <t:1796068800:F> (Mon 30 Nov, 21:00 Berlin) and <t:1796148000:F> (Tue 1 Dec, 19:00 Berlin).';
    for (const n of [
      { type: 'booking_confirmed', booking: withReminders },
      { type: 'booking_approved', booking: withReminders },
      { type: 'booking_rescheduled', booking: withReminders, previousStartsAt: '2026-11-30T20:00:00.000Z' },
    ] as Notice[]) {
      expect(noticeMessage(n).content.split('\n').filter((l) => l.startsWith('We will remind you'))).toEqual([line]);
    }
    for (const n of [{ type: 'booking_confirmed', booking: card }, { type: 'booking_approved', booking: card }] as Notice[]) expect(noticeMessage(n).content).not.toMatch(/remind/i);
  });

  it('the no-show states the count and the reinstatement fee from the notice, then the next step', () => {
    expect(noticeMessage({ type: 'no_show_closed', booking: { ...card, priceCents: 0 }, strikes: 1, strikeLimit: 2, reinstatementCents: 12500 }).content.split('\n').slice(1)).toEqual([
      'Nobody from your company joined online or called the conference line within 10 minutes of the start.',
      'This is no-show 1 of 2 for your company’s free sessions. If there are 2 no-shows, a payment of $125 will be required to reinstate your free session support.',
      'Use `/book` whenever you want a new time.',
      '-# Booking SK-42',
    ]);
  });

  it('in French for a French reader, times still in their zone', () => {
    const v = noticeMessage({ type: 'booking_confirmed', booking: card }, personContext(config, 'fr'));
    expect(v.content.split('\n')[0]).toBe('✅ **Votre séance est réservée.**');
    expect(v.content).toContain('**Quand\u202F:** <t:1796155200:F>–<t:1796157000:t> (mar 1 déc, 21:00–21:30 Berlin)');
    expect(buttonLabels(v)).toEqual(['Rejoindre', 'Déplacer', 'Annuler', 'Ajouter au calendrier']);
  });

  it('the earlier staff cards say what happened, when, and lose their buttons', () => {
    const pending = { ...card, status: 'declined' as const, zone: 'America/New_York' };
    const sys = renderMessage(closedStaffCard(staffContext(config), { type: 'staff_booking_cancelled', booking: pending, by: 'system', reason: 'Nobody approved it before its start time.' }, '2026-12-01T20:00:00.000Z'));
    expect(sys.content).toContain('-# Closed: nobody approved it before its start time (<t:1796155200:F> (Tue 1 Dec, 15:00 New York)).');
    expect(sys.components).toEqual([]);
    const byStaff = renderMessage(closedStaffCard(staffContext(config), { type: 'staff_booking_cancelled', booking: pending, by: 'staff', reason: 'Illness' }, '2026-12-01T20:00:00.000Z'));
    expect(byStaff.content).toContain('-# Cancelled by staff at <t:1796155200:F> (Tue 1 Dec, 15:00 New York). Reason: Illness');
    expect(byStaff.components).toEqual([]);
  });
});
