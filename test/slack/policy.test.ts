/**
 * What the support policy promises, as the Slack adapter shows it: a way to book at the standard
 * fee when free sessions are unavailable, the change window and reminders as they really are, the
 * no-show fee in the policy's words, confirmations of cancels and moves, and staff's reinstatement.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { companyWithPlan, customer, linkedCustomer, staffAlice } from '../support/core-harness.js';
import { buttons, shown, slackWorld, type SlackWorld } from './slack-harness.js';

describe('policy as the person sees it (real Bolt, fake Slack, core on SQLite)', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    const code = await companyWithPlan(w.h);
    await linkedCustomer(w.h, 'U0ACME', code);
    await companyWithPlan(w.h, 'Banned Boxes', 'BANNED-2026');
    await linkedCustomer(w.h, 'U0BANNED', 'BANNED-2026');
    await w.h.db.prisma.company.updateMany({ where: { name: 'Banned Boxes' }, data: { strikes: 2, suspended: true } });
  });
  afterAll(() => w.close());
  beforeEach(() => {
    w.fake.reset();
    w.h.clock.set('2026-11-30T14:00:00Z');
  });

  it('suspended: the readback offers "Book at $75", which books at the standard fee (waiting for approval)', async () => {
    const answer = await w.command('/book', 'tomorrow 3pm', 'U0BANNED');
    expect(shown(answer)).toContain('Free sessions for your company are suspended; you can book this session at the standard fee of $75 (a $100 payment reinstates free sessions).');
    expect(buttons(answer)).toEqual([{ text: 'Book at $75', action_id: expect.stringMatching(/^sk:book::2026-12-01T20%3A00Z%7Conline%7C30%7Cp%7Cq7500s[0-9a-f]{4}$/) }]);
    await w.press(buttons(answer)[0]!.action_id, 'U0BANNED', { responseId: 'pay' });
    expect(shown(await w.response('pay'))).toContain('Requested: Online session Tue 1 Dec, 15:00–15:30 New York.');
    expect(await w.h.db.prisma.booking.findFirst({ where: { startsAt: new Date('2026-12-01T20:00:00Z') } })).toMatchObject({ status: 'pending_approval', priceCents: 7500, priceBasis: 'standard_fee' });
  });

  it('suspended: a plain slot button answers with the fee and a "Book at $X" button instead of a dead end', async () => {
    await w.press('sk:book::2026-12-02T20%3A00Z%7Cphone%7C60', 'U0BANNED', { responseId: 'plain' });
    const answer = await w.response('plain');
    expect(shown(answer)).toContain('Free sessions for Banned Boxes are suspended after repeated no-shows. A payment of $100 reinstates them; until then you can book at the standard fee of $110.');
    expect(buttons(answer)).toEqual([{ text: 'Book at $110', action_id: 'sk:book::2026-12-02T20%3A00Z%7Cphone%7C60%7Cp' }]);
    expect(await w.h.db.prisma.booking.count({ where: { startsAt: new Date('2026-12-02T20:00:00Z') } })).toBe(0);
    await w.press(buttons(answer)[0]!.action_id, 'U0BANNED', { responseId: 'plain-pay' });
    expect(shown(await w.response('plain-pay'))).toContain('Requested: Phone session Wed 2 Dec, 15:00–16:00 New York.');
    expect(await w.h.db.prisma.booking.findFirst({ where: { startsAt: new Date('2026-12-02T20:00:00Z') } })).toMatchObject({ status: 'pending_approval', priceCents: 11000 });
  });

  it('not linked: the readback has Confirm (for the code) and "Book at $X", which books without a code', async () => {
    const answer = await w.command('/book', 'thursday 11am', 'U0NOBODY');
    expect(shown(answer)).toContain('or book now at the standard fee of $75.');
    expect(buttons(answer).map((b) => b.text)).toEqual(['Confirm', 'Book at $75']);
    await w.press(buttons(answer)[1]!.action_id, 'U0NOBODY', { responseId: 'nolink' });
    expect(shown(await w.response('nolink'))).toContain('Requested: Online session Thu 3 Dec, 11:00–11:30 New York.');
    expect(w.fake.callsTo('views.open')).toHaveLength(0); // no code modal
    expect(await w.h.db.prisma.booking.findFirst({ where: { startsAt: new Date('2026-12-03T16:00:00Z') } })).toMatchObject({ status: 'pending_approval', priceCents: 7500, priceBasis: 'standard_fee' });
  });

  it('/emergency when suspended or not linked: "Request at $X" sends the same request at the standard fee', async () => {
    const suspended = await w.command('/emergency', 'Saw cut list is empty', 'U0BANNED');
    expect(shown(suspended)).toContain('You can request this emergency session at the standard fee of $125.');
    expect(shown(suspended)).not.toContain('email');
    expect(buttons(suspended)).toEqual([{ text: 'Request at $125', action_id: 'sk:emergency-pay', value: 'Saw cut list is empty' }]);
    await w.press('sk:emergency-pay', 'U0BANNED', { responseId: 'em1', value: buttons(suspended)[0]!.value! });
    expect(shown(await w.response('em1'))).toContain('Your emergency request is with our staff.');
    expect(await w.h.db.prisma.booking.findFirst({ where: { emergency: true, description: 'Saw cut list is empty' } })).toMatchObject({ status: 'emergency_requested', priceCents: 12500 });

    const unlinked = await w.command('/emergency', 'Quotes print blank', 'U0STRAY');
    expect(shown(unlinked)).toContain('Without one, you can request this emergency session at the standard fee of $125.');
    expect(shown(unlinked)).not.toContain('send `/emergency` again. Without a maintenance plan');
    await w.press('sk:emergency-pay', 'U0STRAY', { responseId: 'em2', value: buttons(unlinked)[0]!.value! });
    expect(shown(await w.response('em2'))).toContain('Your emergency request is with our staff.');
    expect(await w.h.db.prisma.booking.findFirst({ where: { emergency: true, description: 'Quotes print blank' } })).toMatchObject({ status: 'emergency_requested', priceCents: 12500 });
  });

  it('the /book modal\'s standard-fee checkbox states the amounts', async () => {
    await w.post('/book', '', 'U0NOBODY2');
    const [open] = await w.fake.waitFor('views.open');
    const block = ((open!.body.view as any).blocks as any[]).find((b) => b.block_id === 'standard_fee');
    expect(block.element.options[0].text.text).toBe('Book at the standard fee (from $60)');
    expect(block.hint.text).toBe('Standard fees: Online session 30 min $75, Online session 60 min $140, Phone session 30 min $60, Phone session 60 min $110. Paid sessions are not refundable.');
  });

  it('the confirmation lists the reminders to come in the person\'s zone; the DM has a Join link button', async () => {
    const r = await w.h.core.bookSession({ caller: customer('U0ACME'), kind: 'online', lengthMinutes: 30, startsAt: '2026-12-01T20:00:00Z' });
    if (r.kind !== 'booked') throw new Error(r.kind);
    expect(r.booking.remindersAt).toEqual(['2026-11-30T20:00:00.000Z', '2026-12-01T18:00:00.000Z']);
    await w.sweep();
    const dm = w.fake.callsTo('chat.postMessage').map((c) => c.body).find((b) => b.channel === 'D0ACME')!;
    expect(shown(dm)).toContain('We will remind you Mon 30 Nov, 15:00 and Tue 1 Dec, 13:00 New York.');
    expect(shown(dm)).not.toContain('We will remind you before it starts');
    expect(buttons(dm)[0]).toEqual({ text: 'Join', action_id: 'sk-join-link', url: r.booking.joinUrl });
    expect((await w.press('sk-join-link', 'U0ACME')).status).toBe(200); // acknowledged
  });

  it('cancel and reschedule DMs end with "Keep this message: it is your confirmation."', async () => {
    const r = await w.h.core.bookSession({ caller: customer('U0ACME'), kind: 'online', lengthMinutes: 30, startsAt: '2026-12-04T15:00:00Z' });
    if (r.kind !== 'booked') throw new Error(r.kind);
    await w.h.core.rescheduleBooking({ caller: customer('U0ACME'), bookingId: r.booking.bookingId, startsAt: '2026-12-04T16:00:00Z' });
    await w.h.core.cancelBooking({ caller: customer('U0ACME'), bookingId: r.booking.bookingId });
    w.fake.reset();
    await w.sweep();
    const dms = w.fake.callsTo('chat.postMessage').map((c) => c.body).filter((b) => b.channel === 'D0ACME');
    const moved = dms.find((d) => shown(d).includes('Your session was moved'))!;
    const cancelled = dms.find((d) => shown(d).includes('You cancelled your online session'))!;
    for (const m of [moved, cancelled]) {
      const blocks = m.blocks as any[];
      expect(blocks.at(-1).text.text).toBe('*Keep this message: it is your confirmation.*');
    }
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: r.booking.bookingId } })).toMatchObject({ status: 'cancelled', startsAt: new Date('2026-12-04T16:00:00Z') });
  });

  it('a no-show that suspends: the customer reads the fee in the policy\'s words; staff get $100 and "Record reinstatement" (staff only)', async () => {
    await companyWithPlan(w.h, 'Late Lumber', 'LATE-2026');
    await linkedCustomer(w.h, 'U0LATE', 'LATE-2026');
    await w.h.db.prisma.company.updateMany({ where: { name: 'Late Lumber' }, data: { strikes: 1 } });
    const r = await w.h.core.bookSession({ caller: customer('U0LATE'), kind: 'online', lengthMinutes: 30, startsAt: '2026-12-07T15:00:00Z' });
    if (r.kind !== 'booked') throw new Error(r.kind);
    await w.sweep();
    w.fake.reset();
    w.h.clock.set('2026-12-07T15:10:01Z');
    await w.sweep();
    const posts = w.fake.callsTo('chat.postMessage').map((c) => c.body);
    const closed = posts.find((p) => p.channel === 'D0LATE' && shown(p).includes('was closed'))!;
    expect(shown(closed)).toContain('This is no-show 2 of 2 for your company’s free sessions.');
    const suspended = posts.find((p) => p.channel === 'D0LATE' && shown(p).includes('are suspended'))!;
    expect(shown(suspended)).toContain('Free sessions for Late Lumber are suspended after repeated no-shows.');
    expect(shown(suspended)).toContain('A payment of $100 reinstates them');
    const note = posts.find((p) => p.channel === 'C0STAFF' && shown(p).includes('No-show closed') && shown(p).includes('Late Lumber'))!;
    expect(shown(note)).toContain('Strike 2 for the company. Free sessions are now suspended until the reinstatement payment of $100 is made.');
    expect(buttons(note)).toEqual([{ text: 'Record reinstatement ($100)', action_id: `sk:reinstate:${r.booking.bookingId}` }]);
    const company = () => w.h.db.prisma.company.findFirst({ where: { name: 'Late Lumber' } });
    expect(await company()).toMatchObject({ strikes: 2, suspended: true });

    await w.press(buttons(note)[0]!.action_id, 'U0LATE', { responseId: 'sneaky' });
    expect(shown(await w.response('sneaky'))).toBe('Sorry, only our support staff can do that.');
    expect(await company()).toMatchObject({ strikes: 2, suspended: true });

    const noteTs = JSON.parse((await w.h.db.store.transaction((tx) => tx.outbox.delivered(r.booking.bookingId))).find((d) => d.type === 'staff_no_show')!.deliveryRef).ts as string;
    w.fake.reset();
    await w.press(buttons(note)[0]!.action_id, 'U0ALICE', { responseId: 'reinstate', channel: 'C0STAFF', ts: noteTs });
    expect(shown(await w.response('reinstate'))).toContain('Reinstated Late Lumber');
    const [update] = await w.fake.waitFor('chat.update');
    expect(update!.body).toMatchObject({ channel: 'C0STAFF', ts: noteTs });
    expect(buttons(update!.body)).toEqual([]);
    expect(shown(update!.body)).toContain('Reinstatement payment of $100 recorded by <@U0ALICE> at Mon 7 Dec, 10:10 New York; free sessions for Late Lumber are back.');
    expect(await company()).toMatchObject({ strikes: 0, suspended: false });
    expect(await w.h.db.prisma.payment.findMany({ where: { purpose: 'reinstatement' } })).toEqual([expect.objectContaining({ amountCents: 10000 })]);
    expect(staffAlice.userId).toBe('U0ALICE');
  });
});
