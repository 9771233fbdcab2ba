/** Every outbox notice has a Discord message (the switch is exhaustive; this pins what each says). */
import { describe, expect, it } from 'vitest';
import type { BookingCard, Notice } from '../../core/index.js';
import { closedStaffCard, noticeMessage } from '../../bots/discord/notices.js';
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
const opts = { vendorName: 'Crate Pro Support', closeMinutes: 10 };

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

describe('notice messages', () => {
  it('every notice type gives a first line and the buttons it should', () => {
    const got = Object.fromEntries(notices.map((n) => { const v = noticeMessage(n, opts); return [n.type, { first: v.content.split('\n')[0], buttons: buttonLabels(v) }]; }));
    expect(got).toEqual({
      booking_confirmed: { first: '✅ **Your session is booked.**', buttons: ['Join', 'Add to calendar', 'Reschedule', 'Cancel'] },
      booking_pending: { first: '⏳ **We received your request.** Our staff approve paid sessions first; you will get a message when it is confirmed.', buttons: [] },
      booking_approved: { first: '✅ **Your session is approved and booked.**', buttons: ['Join', 'Add to calendar', 'Reschedule', 'Cancel'] },
      booking_declined: { first: '❌ **Your request SK-42 was declined.**', buttons: [] },
      reminder: { first: '⏰ **Reminder: your session starts <t:1796155200:R>** (1 day before).'.replace('1 day', '24 hours'), buttons: ['Join', 'Add to calendar', 'Reschedule', 'Cancel'] },
      booking_cancelled: { first: '🗑️ **Booking SK-42 is cancelled**.', buttons: [] },
      booking_rescheduled: { first: '🔁 **Your session is moved** (it was <t:1796068800:F> (Mon 30 Nov, 21:00 Berlin)).', buttons: ['Join', 'Add to calendar', 'Reschedule', 'Cancel'] },
      actions_expired: { first: '✅ **Your session is booked.**', buttons: ['Join', 'Add to calendar'] },
      no_show_closed: { first: '**Session SK-42 was closed**: nobody from your company joined within 10 minutes of the start.', buttons: [] },
      strike_warning: { first: '⚠️ **Acme Crating has 1 of 2 no-shows.** At 2, free sessions are suspended until the reinstatement fee is paid.', buttons: [] },
      suspended: { first: '⛔ **Free sessions for Acme Crating are suspended** after repeated no-shows. A payment of $100 is required to reinstate them; until then you can book at the standard fee.', buttons: [] },
      reinstated: { first: '✅ **Free sessions for Acme Crating are reinstated.** Thank you.', buttons: [] },
      emergency_received: { first: "🚨 **We received your emergency request** (SK-42). Our staff will go through today's calendar and squeeze you in; you will get a message with the exact time and how to connect.", buttons: [] },
      emergency_scheduled: { first: '🚨 **Your emergency session is scheduled.**', buttons: ['Join', 'Add to calendar', 'Reschedule', 'Cancel'] },
      emergency_declined: { first: '❌ **We could not fit your emergency request SK-42 in.**', buttons: [] },
      staff_approval_request: { first: '📝 **Approval needed** (paid session)', buttons: ['Approve', 'Decline…'] },
      staff_emergency_request: { first: '🚨 **Emergency request** (high). Squeeze in at:', buttons: ['Ben Okafor Tue 1 Dec, 16:00 New York (−5m buffer)', 'Decline…'] },
      staff_no_show: { first: '👻 **No-show closed**: strike 2, free sessions now suspended.', buttons: [] },
      staff_booking_cancelled: { first: '🗑️ **Cancelled by staff**: Illness', buttons: [] },
    });
  });

  it('a confirmation has everything needed to attend, the exact cutoff, and no Reschedule / Cancel once the cutoff passed', () => {
    const v = noticeMessage({ type: 'booking_confirmed', booking: card }, opts);
    expect(v.content).toBe(
      [
        '✅ **Your session is booked.**',
        '**Online session** (30 minutes) with Alice Moreno',
        '**When:** <t:1796155200:F> (<t:1796155200:R>) until <t:1796157000:t> · Tue 1 Dec, 21:00 Berlin (15:00 New York)',
        '**Join:** http://localhost:3000/j/tok1',
        '**Phone:** +1 555 010 0200, PIN 123456',
        '**Price:** $75. Paid sessions are not refundable.',
        'You can cancel or reschedule until <t:1796151300:F> (Tue 1 Dec, 19:55 Berlin).',
        'The session closes 10 minutes after the start if nobody from your company has joined online or called in.',
        'Booking SK-42',
      ].join('\n'),
    );
    expect(buttonIds(v)).toEqual(['link:Join', 'link:Add to calendar', 'sk:mv:bk1', 'sk:cx:bk1']);
    expect(noticeMessage({ type: 'booking_confirmed', booking: { ...card, priceCents: 0, priceBasis: 'plan_free' } }, opts).content).toContain('**Price:** Covered by your maintenance plan');
  });

  it('Reschedule / Cancel follow card.changeOpen (not a clock); closed, the text says so instead of a past cutoff', () => {
    const closed = { ...card, changeOpen: false };
    const v = noticeMessage({ type: 'reminder', booking: closed, minutesBefore: 60 }, opts);
    expect(buttonIds(v)).toEqual(['link:Join', 'link:Add to calendar']);
    expect(v.content).toContain('\nIt is now less than 65 minutes before the session (<t:1796155200:F> (Tue 1 Dec, 21:00 Berlin)): it can no longer be cancelled or rescheduled.\n');
    expect(v.content).not.toContain('You can cancel or reschedule until');
    // open on the card: the buttons show, whatever this process's clock says
    expect(buttonIds(noticeMessage({ type: 'reminder', booking: card, minutesBefore: 60 }, opts))).toEqual(['link:Join', 'link:Add to calendar', 'sk:mv:bk1', 'sk:cx:bk1']);
  });

  it('confirmed / approved / moved name the reminders still to come from card.remindersAt; none: no line', () => {
    const withReminders = { ...card, remindersAt: ['2026-11-30T20:00:00.000Z', '2026-12-01T18:00:00.000Z'] };
    const line = 'We will remind you <t:1796068800:F> (Mon 30 Nov, 21:00 Berlin) and <t:1796148000:F> (Tue 1 Dec, 19:00 Berlin).';
    for (const n of [
      { type: 'booking_confirmed', booking: withReminders },
      { type: 'booking_approved', booking: withReminders },
      { type: 'booking_rescheduled', booking: withReminders, previousStartsAt: '2026-11-30T20:00:00.000Z' },
    ] as Notice[]) {
      const lines = noticeMessage(n, opts).content.split('\n');
      expect(lines.filter((l) => l.startsWith('We will remind you'))).toEqual([line]);
    }
    const one = noticeMessage({ type: 'booking_confirmed', booking: { ...card, remindersAt: ['2026-12-01T18:00:00.000Z'] } }, opts).content;
    expect(one).toContain('\nWe will remind you <t:1796148000:F> (Tue 1 Dec, 19:00 Berlin).\n');
    for (const n of [{ type: 'booking_confirmed', booking: card }, { type: 'booking_approved', booking: card }] as Notice[]) expect(noticeMessage(n, opts).content).not.toMatch(/remind/i);
  });

  it('strike warning and no-show state the reinstatement fee from the notice', () => {
    expect(noticeMessage({ type: 'strike_warning', companyName: 'Acme Crating', strikes: 1, strikeLimit: 2, booking: card, reinstatementCents: 10000 }, opts).content).toBe(
      '⚠️ **Acme Crating has 1 of 2 no-shows.** At 2, free sessions are suspended until the reinstatement fee is paid.\nIf there are 2 no-shows, a payment of $100 will be required to reinstate your free session support.',
    );
    expect(noticeMessage({ type: 'no_show_closed', booking: { ...card, priceCents: 0 }, strikes: 1, strikeLimit: 2, reinstatementCents: 12500 }, opts).content).toBe(
      [
        '**Session SK-42 was closed**: nobody from your company joined within 10 minutes of the start.',
        'That is no-show 1 of 2. Please be considerate: one of our staff was scheduled to spend that time with you.',
        'If there are 2 no-shows, a payment of $125 will be required to reinstate your free session support.',
        'Use /book to pick another time.',
      ].join('\n'),
    );
  });

  it('declined, no-show and reinstated end with the next step', () => {
    expect(noticeMessage({ type: 'booking_declined', booking: card, reason: 'Fully booked' }, opts).content.split('\n').at(-1)).toBe('Use /book to pick another time.');
    expect(noticeMessage({ type: 'reinstated', companyName: 'Acme Crating' }, opts).content).toBe('✅ **Free sessions for Acme Crating are reinstated.** Thank you.\nUse /book to pick another time.');
    expect(noticeMessage({ type: 'no_show_closed', booking: card, strikes: null, strikeLimit: 2, reinstatementCents: 10000 }, opts).content).toBe(
      '**Session SK-42 was closed**: nobody from your company joined within 10 minutes of the start.\nPaid sessions are not refundable.\nUse /book to pick another time.',
    );
  });
  it('a request closed by the system says "Closed unanswered" with the reason; the earlier staff cards say what happened, without buttons', () => {
    const pending = { ...card, status: 'declined' as const, zone: 'America/New_York' };
    const closed = noticeMessage({ type: 'staff_booking_cancelled', booking: pending, by: 'system', reason: 'Nobody approved it before its start time.' }, opts);
    expect(closed.content.split('\n')[0]).toBe('⌛ **Closed unanswered**');
    expect(closed.content.split('\n').at(-1)).toBe('Reason: Nobody approved it before its start time.');
    expect(closed.components).toEqual([]);
    const sys = closedStaffCard({ type: 'staff_booking_cancelled', booking: pending, by: 'system', reason: 'Nobody approved it before its start time.' }, 'staff_approval_request');
    expect(sys.content).toBe('⌛ **Closed: Nobody approved it before its start time.** · <t:1796155200:F> (Tue 1 Dec, 15:00 New York)\nDana (Acme Crating) · SK-42\nThis request is closed: nothing to approve.');
    expect(sys.components).toEqual([]);
    const byStaff = closedStaffCard({ type: 'staff_booking_cancelled', booking: pending, by: 'staff', reason: 'Illness' }, 'staff_emergency_request');
    expect(byStaff.content.split('\n')).toEqual(['🗑️ **Cancelled by staff** · <t:1796155200:F> (Tue 1 Dec, 15:00 New York)', 'Dana (Acme Crating) · SK-42', 'Reason: Illness', 'This emergency request is closed: nothing to squeeze in.']);
    const noTime = closedStaffCard({ type: 'staff_booking_cancelled', booking: { ...pending, startsAt: null, endsAt: null }, by: 'customer', reason: null }, 'staff_emergency_request');
    expect(noTime.content.split('\n')[0]).toBe('🗑️ **Withdrawn by the customer**');
  });
});
