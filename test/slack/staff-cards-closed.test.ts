import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { companyWithPlan, customer, linkedCustomer } from '../support/core-harness.js';
import { STAFF_CHANNEL, buttons, shown, slackWorld, type SlackWorld } from './slack-harness.js';

/** The staff_booking_cancelled notice closes the earlier staff cards: no buttons, what happened and when. */
describe('staff cards close when the booking or request is off', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    const code = await companyWithPlan(w.h);
    await linkedCustomer(w.h, 'U0LINKED', code);
  });
  afterAll(() => w.close());
  beforeEach(() => {
    w.fake.reset();
    w.h.clock.set('2026-11-30T14:00:00Z');
  });

  /** A paid booking waiting for approval, its card posted to the staff channel; returns the booking id and the card's ts. */
  async function pendingCard(userId: string, startsAt: string): Promise<{ bookingId: string; ts: string }> {
    const r = await w.h.core.bookSession({ caller: customer(userId), kind: 'online', lengthMinutes: 30, startsAt, payStandardFee: true });
    if (r.kind !== 'pending_approval') throw new Error(r.kind);
    await w.sweep();
    const card = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === STAFF_CHANNEL);
    expect(card).toBeDefined();
    expect(buttons(card!.body).map((b) => b.text)).toEqual(['Approve', 'Decline']);
    const delivered = await w.h.db.store.transaction((tx) => tx.outbox.delivered(r.booking.bookingId));
    const ref = JSON.parse(delivered.find((d) => d.type === 'staff_approval_request')!.deliveryRef) as { channel: string; ts: string };
    expect(ref.channel).toBe(STAFF_CHANNEL);
    w.fake.reset();
    return { bookingId: r.booking.bookingId, ts: ref.ts };
  }

  it('the customer withdraws a request: after the sweep its approval card has no buttons and says so, and the note is posted', async () => {
    const { bookingId, ts } = await pendingCard('U0PAYER', '2026-12-01T16:00:00Z');
    w.h.clock.set('2026-11-30T14:20:00Z');
    const r = await w.h.core.cancelBooking({ caller: customer('U0PAYER'), bookingId });
    expect(r.kind).toBe('cancelled');
    await w.sweep();

    const updates = w.fake.callsTo('chat.update').filter((c) => c.body.channel === STAFF_CHANNEL);
    expect(updates).toHaveLength(1);
    const update = updates[0]!.body;
    expect(update).toMatchObject({ channel: STAFF_CHANNEL, ts });
    expect(buttons(update)).toEqual([]);
    expect(shown(update)).toContain('Withdrawn by the customer at Mon 30 Nov, 09:20 New York.');
    expect(String(update.text)).toContain('Withdrawn by the customer');
    const note = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === STAFF_CHANNEL);
    expect(shown(note!.body)).toContain('Cancelled by the customer');
  });

  it('a request nobody approved before its start: after the sweep its card says it closed, without buttons', async () => {
    const { bookingId, ts } = await pendingCard('U0PAYER2', '2026-11-30T18:00:00Z');
    w.h.clock.set('2026-11-30T18:00:00Z');
    await w.sweep();
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: bookingId } })).toMatchObject({ status: 'declined' });

    const [update] = w.fake.callsTo('chat.update').filter((c) => c.body.channel === STAFF_CHANNEL);
    expect(update!.body).toMatchObject({ channel: STAFF_CHANNEL, ts });
    expect(buttons(update!.body)).toEqual([]);
    expect(shown(update!.body)).toContain('Closed: nobody approved it before its start time (Mon 30 Nov, 13:00 New York).');
    const note = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === STAFF_CHANNEL);
    expect(shown(note!.body)).toContain('Closed unanswered');
  });

  it('an emergency nobody squeezed in: its card loses the squeeze-in buttons at the end of the day', async () => {
    await w.command('/emergency', 'Conveyor belt stuck', 'U0LINKED');
    await w.sweep();
    const card = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === STAFF_CHANNEL)!;
    expect(buttons(card.body).at(-1)!.text).toBe('Decline');
    const booking = await w.h.db.prisma.booking.findFirst({ where: { emergency: true, status: 'emergency_requested' } });
    const delivered = await w.h.db.store.transaction((tx) => tx.outbox.delivered(booking!.id));
    const { ts } = JSON.parse(delivered.find((d) => d.type === 'staff_emergency_request')!.deliveryRef) as { ts: string };
    w.fake.reset();
    w.h.clock.set('2026-12-01T05:00:00Z'); // past midnight in New York
    await w.sweep();
    const [update] = w.fake.callsTo('chat.update').filter((c) => c.body.channel === STAFF_CHANNEL);
    expect(update!.body).toMatchObject({ channel: STAFF_CHANNEL, ts });
    expect(buttons(update!.body)).toEqual([]);
    expect(shown(update!.body)).toContain('Closed: nobody squeezed it in before the request expired (Tue 1 Dec, 00:00 New York).');
  });

  it('a card a staff decision already edited is edited again harmlessly; message_not_found is ignored', async () => {
    const { bookingId, ts } = await pendingCard('U0PAYER3', '2026-12-02T16:00:00Z');
    await w.press(`sk:approve:${bookingId}`, 'U0ALICE', { channel: STAFF_CHANNEL, ts });
    await w.fake.waitFor('chat.update');
    await w.sweep();
    w.fake.reset();
    w.fake.failNext('chat.update', { ok: false, error: 'message_not_found' });
    const r = await w.h.core.cancelBooking({ caller: customer('U0ALICE'), bookingId, reason: 'Technician unavailable' });
    expect(r.kind).toBe('cancelled');
    const report = await w.sweep();
    expect(report).toMatchObject({ failed: 0, retried: 0 });
    expect(w.fake.callsTo('chat.update').map((c) => c.body.ts)).toContain(ts);
    const note = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === STAFF_CHANNEL);
    expect(shown(note!.body)).toContain('Cancelled by staff');
    const rows = await w.h.db.store.transaction((tx) => tx.outbox.list({ bookingId }));
    expect(rows.find((m) => m.type === 'staff_booking_cancelled')).toMatchObject({ status: 'sent' });
  });
});
