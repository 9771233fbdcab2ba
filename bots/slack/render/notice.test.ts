import { describe, expect, it } from 'vitest';
import type { BookingCard, Notice } from '../../../core/index.js';
import { exampleConfig } from '../../../test/support/config.js';
import { presentNotice, staffContext } from '../../shared/present/index.js';
import { renderMessage } from './index.js';

const renderNotice = (n: Notice, config: Parameters<typeof staffContext>[0]) => renderMessage(presentNotice(n, staffContext(config)));

const config = exampleConfig();
const anyBlocks = (n: Notice) => renderNotice(n, config).blocks as Array<{ type: string; elements?: Array<{ text?: { text: string } }>; text?: { text: string } }>;
const card: BookingCard = {
  bookingId: 'bk_1',
  changeOpen: true,
  remindersAt: [],
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
  companyName: 'Acme Crating',
  memberName: 'Kim',
  emergency: false,
  description: 'Labels <broken> & more',
};

const text = (n: Notice) => {
  const m = renderNotice(n, config);
  return `${m.text}\n${JSON.stringify(m.blocks)}`;
};
const buttonsOf = (n: Notice) =>
  anyBlocks(n).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []).map((e) => e.text?.text ?? '') : []));

describe('renderNotice: every notice, times in the recipient\'s zone', () => {
  it('confirmation-like notices carry time, phone and PIN, price, exact cutoff and the three buttons', () => {
    for (const n of [
      { type: 'booking_confirmed', booking: card },
      { type: 'booking_approved', booking: card },
      { type: 'emergency_scheduled', booking: card },
      { type: 'reminder', booking: card, minutesBefore: 120 },
      { type: 'booking_rescheduled', booking: card, previousStartsAt: '2026-12-01T15:00:00.000Z' },
    ] as Notice[]) {
      const t = text(n);
      expect(t, n.type).toContain('Tue 1 Dec, 21:00–22:00 Berlin');
      expect(t, n.type).toContain('*Join online (optional):* <http://localhost:3000/j/tok|http://localhost:3000/j/tok>');
      expect(t, n.type).toContain('+1 555 010 0200, PIN 123456');
      expect(t, n.type).toContain('$110. Paid sessions are not refundable.');
      expect(t, n.type).toContain('You can cancel or reschedule until Tue 1 Dec, 19:55 Berlin.');
      expect(t, n.type).toContain('The session closes 10 minutes after the start');
      expect(buttonsOf(n), n.type).toEqual(['Join', 'Reschedule', 'Cancel', 'Add to calendar']);
    }
    expect(text({ type: 'reminder', booking: card, minutesBefore: 1440 })).toContain('starts in 24 hours');
    expect(text({ type: 'booking_rescheduled', booking: card, previousStartsAt: '2026-12-01T15:00:00.000Z' })).toContain('from Tue 1 Dec, 16:00 Berlin');
  });

  it('a cancel says who cancelled: you, a colleague from your company, or our staff', () => {
    const base = { type: 'booking_cancelled' as const, booking: card, reason: null, refunded: false };
    expect(text({ ...base, by: 'customer', byYou: true, byName: 'Ana Ruiz' })).toContain('You cancelled your phone session');
    expect(text({ ...base, by: 'customer', byYou: false, byName: 'Sam Lee' })).toContain('Sam Lee from your company cancelled your phone session');
    expect(text({ ...base, by: 'staff', reason: 'Staff ill' })).toContain('Our staff cancelled your phone session');
  });

  it('the rest say what happened and what happens next, without customer buttons', () => {
    expect(text({ type: 'booking_pending', booking: card })).toContain('needs staff approval');
    expect(buttonsOf({ type: 'booking_pending', booking: card })).toEqual(['Cancel request']);
    expect(text({ type: 'booking_declined', booking: card, reason: 'Fully booked' })).toContain('Reason: Fully booked');
    expect(text({ type: 'booking_cancelled', booking: card, by: 'staff', reason: 'Ill', refunded: false })).toContain('Our staff cancelled your phone session on Tue 1 Dec, 21:00–22:00 Berlin.');
    expect(text({ type: 'booking_cancelled', booking: card, by: 'customer', reason: null, refunded: false })).toContain('Paid sessions are not refundable.');
    expect(text({ type: 'actions_expired', booking: card, why: 'cutoff_passed' })).toContain('It is now less than 65 minutes before your session: it can no longer be cancelled or rescheduled');
    expect(buttonsOf({ type: 'actions_expired', booking: card, why: 'cutoff_passed' })).toEqual(['Join', 'Add to calendar']);
    expect(buttonsOf({ type: 'actions_expired', booking: card, why: 'closed' })).toEqual([]);
    expect(text({ type: 'no_show_closed', booking: card, strikes: 1, strikeLimit: 2, reinstatementCents: 10000 })).toContain('This is no-show 1 of 2');
    expect(text({ type: 'strike_warning', companyName: 'Acme Crating', strikes: 1, strikeLimit: 2, booking: card, reinstatementCents: 10000 })).toContain('Acme Crating now has 1 of 2 no-shows');
    expect(text({ type: 'strike_warning', companyName: 'Acme Crating', strikes: 1, strikeLimit: 2, booking: card, reinstatementCents: 10000 })).toContain('One more no-show will suspend free sessions');
    expect(text({ type: 'suspended', companyName: 'Acme Crating', feeCents: 10000, currency: 'USD' })).toContain('A payment of $100 reinstates them');
    expect(text({ type: 'reinstated', companyName: 'Acme Crating' })).toContain('reinstated');
    expect(text({ type: 'emergency_received', booking: { ...card, startsAt: null, endsAt: null } })).toContain('You will get a message with the exact time');
    expect(text({ type: 'emergency_declined', booking: card, reason: 'No staff today' })).toContain('Reason: No staff today');
  });

  it('squeeze-in buttons keep the time and the buffer within Slack\'s 75 characters: a long staff name gives way', () => {
    const de = exampleConfig();
    de.vendor.locale = 'de';
    const n: Notice = {
      type: 'staff_emergency_request',
      booking: { ...card, emergency: true, status: 'emergency_requested' },
      urgency: 'critical',
      options: [{ staffId: 'hj', staffName: 'Hans-Joachim Müller-Wohlfahrt', startsAt: '2026-12-01T20:00:00.000Z', endsAt: '2026-12-01T21:00:00.000Z', bufferShortenedBy: 5 }],
    } as Notice;
    const m = renderMessage(presentNotice(n, staffContext(de)));
    const labels = (m.blocks as Array<{ type: string; elements?: Array<{ text?: { text: string } }> }>).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []).map((e) => e.text?.text ?? '') : []));
    const squeeze = labels.find((l) => l.startsWith('Hans'))!;
    expect(squeeze.length).toBeLessThanOrEqual(75);
    expect(squeeze).toMatch(/^Hans-Joachim.*21:00.*\(-5 Min\. Puffer\)$/);
  });

  it('staff cards and notes; free text is escaped for mrkdwn', () => {
    const approval = text({ type: 'staff_approval_request', booking: card });
    expect(approval).toContain('Kim (Acme Crating)');
    expect(approval).toContain('Labels &lt;broken&gt; &amp; more');
    expect(buttonsOf({ type: 'staff_approval_request', booking: card })).toEqual(['Approve', 'Decline']);
    const options = [{ staffId: 'alice', staffName: 'Alice Moreno', startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2026-12-01T17:00:00.000Z', bufferShortenedBy: 5 }];
    expect(buttonsOf({ type: 'staff_emergency_request', booking: { ...card, zone: 'America/New_York' }, urgency: 'critical', options })).toEqual(['Alice Moreno: Tue 1 Dec, 11:00–12:00 New York (-5 min buffer)', 'Decline']);
    expect(text({ type: 'staff_no_show', booking: card, strikes: 2, suspended: true })).toContain('Free sessions are now suspended until the reinstatement payment of $100 is made.');
    expect(text({ type: 'staff_booking_cancelled', booking: card, by: 'customer', reason: null })).toContain('Cancelled by the customer:');
  });

  it('changeOpen false: no Reschedule or Cancel, and the closed window said plainly instead of a past cutoff', () => {
    const late = { ...card, changeOpen: false };
    for (const n of [{ type: 'reminder', booking: late, minutesBefore: 60 }, { type: 'booking_confirmed', booking: late }, { type: 'emergency_scheduled', booking: late }] as Notice[]) {
      const t = text(n);
      expect(t, n.type).toContain('It is now less than 65 minutes before your session: it can no longer be cancelled or rescheduled.');
      expect(t, n.type).not.toContain('You can cancel or reschedule until');
      expect(buttonsOf(n), n.type).toEqual(['Join', 'Add to calendar']);
    }
  });

  it('confirmed / approved / rescheduled list the reminders in the person\'s zone; none, no line', () => {
    const chicago = { ...card, zone: 'America/Chicago', remindersAt: ['2026-11-30T21:00:00.000Z', '2026-12-01T19:00:00.000Z'] };
    for (const n of [
      { type: 'booking_confirmed', booking: chicago },
      { type: 'booking_approved', booking: chicago },
      { type: 'booking_rescheduled', booking: chicago, previousStartsAt: '2026-12-01T15:00:00.000Z' },
    ] as Notice[]) {
      expect(text(n), n.type).toContain('We will remind you Mon 30 Nov, 15:00 and Tue 1 Dec, 13:00 Chicago.');
    }
    expect(text({ type: 'booking_confirmed', booking: { ...chicago, remindersAt: ['2026-12-01T19:00:00.000Z'] } })).toContain('We will remind you Tue 1 Dec, 13:00 Chicago.');
    expect(text({ type: 'booking_confirmed', booking: card })).not.toContain('remind');
  });

  it('strike warning and no-show state the reinstatement fee in the policy\'s words', () => {
    const words = 'If there are 2 no-shows, a payment of $100 will be required to reinstate your free session support.';
    expect(text({ type: 'strike_warning', companyName: 'Acme Crating', strikes: 1, strikeLimit: 2, booking: card, reinstatementCents: 10000 })).toContain(words);
    expect(text({ type: 'no_show_closed', booking: { ...card, priceCents: 0 }, strikes: 1, strikeLimit: 2, reinstatementCents: 10000 })).toContain(`This is no-show 1 of 2 for your company’s free sessions. ${words}`);
  });

  it('cancelled and rescheduled end with the confirmation line; staff cards say "free (maintenance plan)"', () => {
    for (const n of [
      { type: 'booking_cancelled', booking: card, by: 'customer', reason: null, refunded: false },
      { type: 'booking_rescheduled', booking: card, previousStartsAt: '2026-12-01T15:00:00.000Z' },
    ] as Notice[]) {
      const last = renderNotice(n, config).blocks.at(-1)!;
      expect(last.type === 'section' && last.text?.text, n.type).toBe('*Keep this message: it is your confirmation.*');
    }
    const free = { ...card, priceCents: 0, priceBasis: 'plan_free' as const };
    expect(text({ type: 'staff_approval_request', booking: free })).toContain('*Price:* free (maintenance plan)');
    expect(text({ type: 'staff_approval_request', booking: free })).not.toContain('Covered by your maintenance plan');
    expect(buttonsOf({ type: 'staff_no_show', booking: card, strikes: 1, suspended: false })).toEqual([]);
  });
});
