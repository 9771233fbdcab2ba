import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BookingCard } from '../../core/index.js';
import { companyWithPlan, customer, linkedCustomer } from '../support/core-harness.js';
import { signRequest, postToBolt } from '../fakes/slack-sign.js';
import { SECRET, buttons, shown, slackWorld, type SlackWorld } from './slack-harness.js';

/** A paid booking waiting for approval; its staff card has been posted (returns the card's ts). */
async function pending(w: SlackWorld, userId: string, startsAt: string): Promise<{ card: BookingCard; ts: string }> {
  const r = await w.h.core.bookSession({ caller: customer(userId), kind: 'online', lengthMinutes: 30, startsAt, payStandardFee: true });
  if (r.kind !== 'pending_approval') throw new Error(r.kind);
  w.fake.reset();
  await w.sweep();
  const staffCard = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0STAFF')!;
  const delivered = await w.h.db.store.transaction((tx) => tx.outbox.delivered(r.booking.bookingId));
  const ref = JSON.parse(delivered.find((d) => d.type === 'staff_approval_request')!.deliveryRef) as { ts: string };
  expect(staffCard).toBeDefined();
  return { card: r.booking, ts: ref.ts };
}

export async function openHome(w: SlackWorld, userId: string): Promise<Record<string, any>> {
  const before = w.fake.callsTo('views.publish').length;
  const body = JSON.stringify({
    token: 'x',
    team_id: 'T0FAKE',
    api_app_id: 'A0SLOTKEEPER',
    type: 'event_callback',
    event_id: `Ev${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home', event_ts: '1700000000.000100' },
  });
  const res = await postToBolt(w.events, signRequest(SECRET, body, 'application/json'));
  expect(res.status).toBe(200);
  const calls = await w.fake.waitFor('views.publish', before + 1);
  return calls[before]!.body;
}

describe('staff: approval cards, emergencies, App Home, /sk-company and /sk-today', () => {
  let w: SlackWorld;
  let code: string;
  beforeAll(async () => {
    w = await slackWorld();
    code = await companyWithPlan(w.h);
    await linkedCustomer(w.h, 'U0LINKED', code);
  });
  afterAll(() => w.close());
  beforeEach(() => {
    w.fake.reset();
    w.h.clock.set('2026-11-30T14:00:00Z');
  });

  it('posts the approval card; Approve updates it with who and when; a second press says who decided; the customer is told', async () => {
    const { card, ts } = await pending(w, 'U0PAYER', '2026-12-01T16:00:00Z');
    const posted = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0STAFF')!.body;
    expect(shown(posted)).toContain('A booking needs approval');
    expect(shown(posted)).toContain('Customer U0PAYER (no company linked)');
    expect(shown(posted)).toContain('*Price:* $75. Paid sessions are not refundable.');
    expect(buttons(posted).map((b) => b.text)).toEqual(['Approve', 'Decline']);
    const customerDm = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'D0PAYER')!.body;
    expect(shown(customerDm)).toContain('Your request needs staff approval.');

    w.fake.reset();
    w.h.clock.set('2026-11-30T14:07:00Z');
    await w.press(buttons(posted)[0]!.action_id, 'U0ALICE', { channel: 'C0STAFF', ts });
    const [update] = await w.fake.waitFor('chat.update');
    expect(update!.body).toMatchObject({ channel: 'C0STAFF', ts });
    expect(buttons(update!.body)).toEqual([]);
    expect(shown(update!.body)).toContain('Approved by Alice Moreno at Mon 30 Nov, 09:07 New York.');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'confirmed' });

    await w.press(`sk:approve:${card.bookingId}`, 'U0BEN', { channel: 'C0STAFF', ts, responseId: 'second' });
    expect(shown(await w.response('second'))).toBe('Already decided by Alice Moreno at Mon 30 Nov, 09:07 New York (now confirmed).');

    await w.sweep();
    const approved = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'D0PAYER')!.body;
    expect(shown(approved)).toContain('Your session was approved and is booked.');
    expect(shown(approved)).toContain('*Price:* $75. Paid sessions are not refundable.');
    expect(buttons(approved).map((b) => b.text)).toEqual(['Join', 'Reschedule', 'Cancel', 'Add to calendar', 'Manage booking']);
  });

  it('Approve on a card of a request moved since approves nothing; the newer card approves it at its new time', async () => {
    const { card, ts } = await pending(w, 'U0MOVER', '2026-12-01T18:00:00Z');
    const old = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0STAFF')!.body;
    expect(shown(old)).toContain('Tue 1 Dec, 13:00');
    expect((await w.h.core.rescheduleBooking({ caller: customer('U0MOVER'), bookingId: card.bookingId, startsAt: new Date('2026-12-02T18:00:00Z') })).kind).toBe('rescheduled');
    w.fake.reset();
    await w.sweep();
    const newer = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0STAFF')!.body;
    expect(shown(newer)).toContain('Wed 2 Dec, 13:00');

    w.fake.reset();
    await w.press(buttons(old)[0]!.action_id, 'U0ALICE', { channel: 'C0STAFF', ts, responseId: 'stale-approve' });
    expect(shown(await w.response('stale-approve'))).toBe('This button is no longer available. Please start again (for example with /book or /sessions).');
    expect(w.fake.callsTo('chat.update')).toEqual([]);
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'pending_approval', startsAt: new Date('2026-12-02T18:00:00Z') });

    const newerTs = JSON.parse((await w.h.db.store.transaction((tx) => tx.outbox.delivered(card.bookingId))).filter((d) => d.type === 'staff_approval_request').at(-1)!.deliveryRef).ts as string;
    await w.press(buttons(newer)[0]!.action_id, 'U0ALICE', { channel: 'C0STAFF', ts: newerTs });
    const [update] = await w.fake.waitFor('chat.update');
    expect(shown(update!.body)).toContain('Approved by Alice Moreno');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'confirmed', startsAt: new Date('2026-12-02T18:00:00Z') });
  });

  it('Decline on a card of a request moved while the reason was typed declines nothing, tells nobody; the newer card declines it at its new time', async () => {
    const { card, ts } = await pending(w, 'U0DECMOVE', '2026-12-03T15:00:00Z');
    const old = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0STAFF')!.body;
    expect(shown(old)).toContain('Thu 3 Dec, 10:00');
    expect(buttons(old)[1]!.action_id).toBe(`sk:decline:${card.bookingId}:0`);
    w.fake.reset();
    await w.press(buttons(old)[1]!.action_id, 'U0BEN', { channel: 'C0STAFF', ts });
    const [open] = await w.fake.waitFor('views.open');
    const metadata = (open!.body.view as Record<string, any>).private_metadata as string;
    expect(JSON.parse(metadata)).toMatchObject({ bookingId: card.bookingId, sequence: 0 });
    expect((await w.h.core.rescheduleBooking({ caller: customer('U0DECMOVE'), bookingId: card.bookingId, startsAt: new Date('2026-12-03T16:00:00Z') })).kind).toBe('rescheduled');
    w.fake.reset();
    await w.sweep();
    const newer = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0STAFF')!.body;
    expect(shown(newer)).toContain('Thu 3 Dec, 11:00');

    w.fake.reset();
    const stale = await w.submit({ callback_id: 'decline-modal', user_id: 'U0BEN', private_metadata: metadata, values: { reason: { value: { type: 'plain_text_input', value: 'Fully booked' } } } });
    expect(stale.json).toEqual({ response_action: 'errors', errors: { reason: 'This button is no longer available. Please start again (for example with /book or /sessions).' } });
    expect(w.fake.callsTo('chat.update')).toEqual([]);
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'pending_approval', startsAt: new Date('2026-12-03T16:00:00Z') });
    await w.sweep();
    expect(w.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'D0DECMOVE')).toEqual([]);

    const newerTs = JSON.parse((await w.h.db.store.transaction((tx) => tx.outbox.delivered(card.bookingId))).filter((d) => d.type === 'staff_approval_request').at(-1)!.deliveryRef).ts as string;
    w.fake.reset();
    await w.press(buttons(newer)[1]!.action_id, 'U0BEN', { channel: 'C0STAFF', ts: newerTs });
    const [again] = await w.fake.waitFor('views.open');
    await w.submit({ callback_id: 'decline-modal', user_id: 'U0BEN', private_metadata: (again!.body.view as any).private_metadata, values: { reason: { value: { type: 'plain_text_input', value: 'Fully booked' } } } });
    const [update] = await w.fake.waitFor('chat.update');
    expect(update!.body).toMatchObject({ channel: 'C0STAFF', ts: newerTs });
    expect(shown(update!.body)).toContain('Thu 3 Dec, 11:00');
    expect(shown(update!.body)).toContain('Declined by Ben Okafor');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'declined', startsAt: new Date('2026-12-03T16:00:00Z') });
  });

  it('a non-staff user pressing Approve is refused, nothing changes, and the attempt is audited', async () => {
    const { card, ts } = await pending(w, 'U0PAYER2', '2026-12-01T17:00:00Z');
    w.fake.reset();
    await w.press(`sk:approve:${card.bookingId}`, 'U0MALLORY', { channel: 'C0STAFF', ts, responseId: 'mallory' });
    const answer = await w.response('mallory');
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(shown(answer)).toBe('Sorry, only our support staff can do that.');
    expect(w.fake.callsTo('chat.update')).toEqual([]);
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'pending_approval' });
    const mallory = await w.h.db.prisma.member.findFirst({ where: { platformUserId: 'U0MALLORY' } });
    const audit = await w.h.db.store.transaction((tx) => tx.audit.history('member', mallory!.id));
    expect(audit).toMatchObject([{ action: 'refused_staff_action', details: { action: 'approve', target: card.bookingId } }]);
    // Decline is refused before its modal opens
    await w.press(`sk:decline:${card.bookingId}`, 'U0MALLORY', { responseId: 'mallory-2' });
    expect(shown(await w.response('mallory-2'))).toBe('Sorry, only our support staff can do that.');
    expect(w.fake.callsTo('views.open')).toEqual([]);
  });

  it('a request moved by the customer is still a request: the new time is held while staff decide, no Join, no confirmation, only Cancel request', async () => {
    const { card } = await pending(w, 'U0MOVER2', '2026-12-01T18:00:00Z');
    expect((await w.h.core.rescheduleBooking({ caller: customer('U0MOVER2'), bookingId: card.bookingId, startsAt: new Date('2026-12-02T18:00:00Z') })).kind).toBe('rescheduled');
    w.fake.reset();
    await w.sweep();
    const dm = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'D0MOVER2')!.body;
    expect(shown(dm)).toContain('Your session was moved from Tue 1 Dec, 13:00 New York to the time below.');
    expect(shown(dm)).toContain('Your request needs staff approval.');
    expect(shown(dm)).toContain('The time is held for you; you will get a message as soon as staff decide.');
    expect(shown(dm)).toContain('Wed 2 Dec, 13:00');
    expect(shown(dm)).toContain('$75');
    for (const gone of ['Keep this message', 'Join', 'PIN', 'You can cancel or reschedule until']) expect(shown(dm)).not.toContain(gone);
    expect(buttons(dm).map((b) => b.text)).toEqual(['Cancel request']);
    expect(buttons(dm)[0]!.action_id).toContain(`sk:cancel:${card.bookingId}`);
  });

  it('Decline asks for a reason in a modal, updates the card and tells the customer why', async () => {
    const { card, ts } = await pending(w, 'U0PAYER3', '2026-12-01T18:00:00Z');
    w.fake.reset();
    await w.press(`sk:decline:${card.bookingId}`, 'U0BEN', { channel: 'C0STAFF', ts });
    const [open] = await w.fake.waitFor('views.open');
    const view = open!.body.view as Record<string, any>;
    expect(view.callback_id).toBe('decline-modal');
    const empty = await w.submit({ callback_id: 'decline-modal', user_id: 'U0BEN', private_metadata: view.private_metadata, values: {} });
    expect(empty.json).toMatchObject({ response_action: 'errors', errors: { reason: expect.stringContaining('a reason is required') } });
    const res = await w.submit({ callback_id: 'decline-modal', user_id: 'U0BEN', private_metadata: view.private_metadata, values: { reason: { value: { type: 'plain_text_input', value: 'We are fully booked that morning' } } } });
    expect(res.status).toBe(200);
    const [update] = await w.fake.waitFor('chat.update');
    expect(update!.body).toMatchObject({ channel: 'C0STAFF', ts });
    expect(shown(update!.body)).toContain('Declined by Ben Okafor at Mon 30 Nov, 09:00 New York. Reason: We are fully booked that morning');
    await w.sweep();
    const dm = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'D0PAYER3')!.body;
    expect(shown(dm)).toContain('Reason: We are fully booked that morning');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'declined' });
    // The earlier "needs staff approval" DM loses its "Cancel request" button and says why.
    const delivered = await w.h.db.store.transaction((tx) => tx.outbox.delivered(card.bookingId));
    const pendingDm = JSON.parse(delivered.find((d) => d.type === 'booking_pending')!.deliveryRef) as { channel: string; ts: string };
    const edited = w.fake.callsTo('chat.update').map((c) => c.body).filter((b) => b.channel === pendingDm.channel && b.ts === pendingDm.ts);
    expect(edited).toHaveLength(1);
    expect(buttons(edited[0]!)).toEqual([]);
    expect(shown(edited[0]!)).toContain('This request was declined, so its button was removed.');
    expect(shown(edited[0]!)).not.toContain('Join');
  });

  it('/emergency: the customer is told what happens next; staff get a card with one button per option; pressing one schedules it', async () => {
    const answer = await w.command('/emergency', 'Label printer stopped printing crate labels', 'U0LINKED');
    expect(shown(answer)).toContain('Your emergency request is with our staff.');
    await w.sweep();
    const staffCard = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0STAFF')!.body;
    expect(shown(staffCard)).toContain('Emergency request (urgency: high)*');
    expect(shown(staffCard)).toContain('Label printer stopped printing crate labels');
    const options = buttons(staffCard).filter((b) => b.action_id.startsWith('sk:squeeze:'));
    expect(options.length).toBeGreaterThan(0);
    expect(buttons(staffCard).at(-1)!.text).toBe('Decline');
    const received = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'D0LINKED')!.body;
    expect(shown(received)).toContain('We received your emergency request.');

    w.fake.reset();
    await w.press(options[0]!.action_id, 'U0ALICE', { channel: 'C0STAFF', ts: '1700000000.000777' });
    const [update] = await w.fake.waitFor('chat.update');
    expect(shown(update!.body)).toContain('Scheduled by Alice Moreno at Mon 30 Nov, 09:00 New York.');
    const booking = await w.h.db.prisma.booking.findFirst({ where: { emergency: true } });
    expect(booking).toMatchObject({ status: 'confirmed' });
    await w.sweep();
    const scheduled = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'D0LINKED')!.body;
    expect(shown(scheduled)).toContain('Your emergency session is scheduled.');
    expect(shown(scheduled)).toMatch(/\*Join:\* <http:\/\/localhost:3000\/j\//);
    // Squeezed in within the hour: past the 65-minute cutoff already, so only Join and Add to calendar.
    expect(shown(scheduled)).toContain('It is now less than 65 minutes before your session: it can no longer be cancelled or rescheduled.');
    expect(shown(scheduled)).not.toContain('You can cancel or reschedule until');
    expect(buttons(scheduled).map((b) => b.text)).toEqual(['Join', 'Add to calendar']);
  });

  it('declining an emergency tells the customer why', async () => {
    await w.command('/emergency', 'Server room flooded', 'U0LINKED');
    w.fake.reset();
    await w.sweep();
    const staffCard = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0STAFF')!.body;
    const decline = buttons(staffCard).find((b) => b.text === 'Decline')!;
    w.fake.reset();
    await w.press(decline.action_id, 'U0ALICE', { channel: 'C0STAFF', ts: '1700000000.000888' });
    const [open] = await w.fake.waitFor('views.open');
    await w.submit({ callback_id: 'decline-modal', user_id: 'U0ALICE', private_metadata: (open!.body.view as any).private_metadata, values: { reason: { value: { type: 'plain_text_input', value: 'Please call our hotline' } } } });
    const [update] = await w.fake.waitFor('chat.update');
    expect(update!.body).toMatchObject({ channel: 'C0STAFF', ts: '1700000000.000888' });
    await w.sweep();
    const dm = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'D0LINKED')!.body;
    expect(shown(dm)).toContain('We could not take your emergency request.');
    expect(shown(dm)).toContain('Reason: Please call our hotline');
  });

  it('App Home for staff: today\'s sessions with Customer joined / Cancel / History, and what waits for approval', async () => {
    const today = await w.h.core.bookSession({ caller: customer('U0LINKED'), kind: 'phone', lengthMinutes: 30, startsAt: '2026-11-30T19:00:00Z' });
    if (today.kind !== 'booked') throw new Error(today.kind);
    await pending(w, 'U0PAYER4', '2026-12-01T19:00:00Z');
    const home = await openHome(w, 'U0ALICE');
    expect(home.user_id).toBe('U0ALICE');
    const text = shown(home.view);
    expect(text).toContain('Today, Mon 30 Nov');
    expect(text).toContain('Alice Moreno · times in New York');
    expect(text).not.toMatch(/2026-11-30|America\/New_York/);
    expect(text).toContain('Mon 30 Nov, 14:00–14:30 New York Phone session');
    expect(text).toContain('Waiting for approval');
    const labels = buttons(home.view).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(['Customer joined (online)', 'Customer joined (phone)', 'Cancel', 'History', 'Approve', 'Decline']));

    w.fake.reset();
    // "customer joined" counts from 30 minutes before the start, like the join link
    w.h.clock.set('2026-11-30T18:30:00Z');
    await w.press(`sk:joined:${today.booking.bookingId}:phone`, 'U0ALICE', { container: 'home' });
    const [dm] = await w.fake.waitFor('chat.postMessage');
    expect(dm!.body.channel).toBe('U0ALICE');
    expect(shown(dm!.body)).toContain('Marked as joined: Phone session');
    await w.fake.waitFor('views.publish');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: today.booking.bookingId } })).toMatchObject({ joinedVia: 'staff_phone' });

    w.fake.reset();
    await w.press(`sk:history:${today.booking.bookingId}`, 'U0ALICE', { container: 'home' });
    const [history] = await w.fake.waitFor('views.open');
    expect(shown(history!.body.view as any)).toMatch(/booked \(member\)[\s\S]*joined \(alice\)/);

    w.fake.reset();
    await w.press(`sk:staff-cancel:${today.booking.bookingId}`, 'U0ALICE', { container: 'home' });
    const [open] = await w.fake.waitFor('views.open');
    // The same modal submitted by a customer (a forged request): refused as staff-only, nothing changes.
    const forged = await w.submit({ callback_id: 'staff-cancel-modal', user_id: 'U0LINKED', private_metadata: (open!.body.view as any).private_metadata, values: { reason: { value: { type: 'plain_text_input', value: 'no' } } } });
    expect(forged.json).toEqual({ response_action: 'errors', errors: { reason: 'Sorry, only our support staff can do that.' } });
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: today.booking.bookingId } })).toMatchObject({ status: 'confirmed' });
    const res = await w.submit({ callback_id: 'staff-cancel-modal', user_id: 'U0ALICE', private_metadata: (open!.body.view as any).private_metadata, values: { reason: { value: { type: 'plain_text_input', value: 'Alice is ill' } } } });
    expect(res.status).toBe(200);
    await w.fake.waitFor('views.publish');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: today.booking.bookingId } })).toMatchObject({ status: 'cancelled' });
    await w.sweep();
    const told = w.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'D0LINKED')!.body;
    expect(shown(told)).toContain('Our staff cancelled your phone session');
    expect(shown(told)).toContain('Reason: Alice is ill');
  });

  it('Cancel in App Home on a session moved while the reason was typed cancels nothing, tells nobody, and App Home shows it as it is now; Cancel there cancels it', async () => {
    const b = await w.h.core.bookSession({ caller: customer('U0LINKED'), kind: 'phone', lengthMinutes: 30, startsAt: '2026-11-30T20:00:00Z' });
    if (b.kind !== 'booked') throw new Error(b.kind);
    const id = b.booking.bookingId;
    const home = await openHome(w, 'U0ALICE');
    expect(shown(home.view)).toContain('Mon 30 Nov, 15:00–15:30 New York Phone session');
    const cancelId = buttons(home.view).find((x) => x.action_id.startsWith(`sk:staff-cancel:${id}`))!.action_id;
    expect(cancelId).toBe(`sk:staff-cancel:${id}:${b.booking.sequence ?? 0}`);
    w.fake.reset();
    await w.press(cancelId, 'U0ALICE', { container: 'home' });
    const [open] = await w.fake.waitFor('views.open');
    const metadata = (open!.body.view as any).private_metadata as string;
    expect((await w.h.core.rescheduleBooking({ caller: customer('U0LINKED'), bookingId: id, startsAt: new Date('2026-11-30T21:00:00Z') })).kind).toBe('rescheduled');
    await w.sweep();
    w.fake.reset();

    const stale = await w.submit({ callback_id: 'staff-cancel-modal', user_id: 'U0ALICE', private_metadata: metadata, values: { reason: { value: { type: 'plain_text_input', value: 'Alice is ill' } } } });
    expect(stale.json).toEqual({ response_action: 'errors', errors: { reason: 'This button is no longer available. Please start again (for example with /book or /sessions).' } });
    const [republished] = await w.fake.waitFor('views.publish');
    expect(shown(republished!.body.view as any)).toContain('Mon 30 Nov, 16:00–16:30 New York Phone session');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id } })).toMatchObject({ status: 'confirmed', startsAt: new Date('2026-11-30T21:00:00Z') });
    await w.sweep();
    expect(w.fake.callsTo('chat.postMessage').filter((c) => shown(c.body).includes('Our staff cancelled'))).toEqual([]);

    const current = buttons(republished!.body.view as any).find((x) => x.action_id.startsWith(`sk:staff-cancel:${id}`))!.action_id;
    w.fake.reset();
    await w.press(current, 'U0ALICE', { container: 'home' });
    const [again] = await w.fake.waitFor('views.open');
    await w.submit({ callback_id: 'staff-cancel-modal', user_id: 'U0ALICE', private_metadata: (again!.body.view as any).private_metadata, values: { reason: { value: { type: 'plain_text_input', value: 'Alice is ill' } } } });
    await w.fake.waitFor('views.publish');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id } })).toMatchObject({ status: 'cancelled', startsAt: new Date('2026-11-30T21:00:00Z') });
  });

  it('App Home for customers: their sessions and their company', async () => {
    const home = await openHome(w, 'U0LINKED');
    const text = shown(home.view);
    expect(text).toContain('Your upcoming sessions');
    expect(text).toContain('*Company:* Acme Crating');
    expect(text).toContain('*Maintenance code:* `ACME2026`');
  });

  it('/sk-company create, plan, rotate, reinstate for staff; refused for others; usage on nonsense', async () => {
    expect(shown(await w.command('/sk-company', 'create Bolt Boxes plan-until 2027-06-30', 'U0ALICE'))).toMatch(/^Created Bolt Boxes: plan active through 30 Jun 2027; maintenance code `[A-Z0-9-]+`\.$/);
    const company = await w.h.db.prisma.company.findFirst({ where: { name: 'Bolt Boxes' } });
    expect(company?.planUntil).toEqual(new Date('2027-07-01T04:00:00Z'));
    expect(shown(await w.command('/sk-company', 'plan bolt boxes none', 'U0ALICE'))).toBe('Plan updated for Bolt Boxes: no active plan; maintenance code `' + company!.code + '`.');
    const rotated = shown(await w.command('/sk-company', 'rotate Bolt Boxes', 'U0BEN'));
    expect(rotated).toContain('(the old code no longer works)');
    expect(rotated).not.toContain(company!.code!);
    // recording a reinstatement is refused for a company that is not suspended
    expect(shown(await w.command('/sk-company', 'reinstate Bolt Boxes', 'U0ALICE'))).toBe('Bolt Boxes is not suspended: there is no reinstatement to record.');
    expect(shown(await w.command('/sk-company', 'rotate Nobody Inc', 'U0ALICE'))).toBe('No company is called "Nobody Inc".');
    expect(shown(await w.command('/sk-company', 'create Sneaky', 'U0MALLORY'))).toBe('Sorry, only our support staff can do that.');
    expect(await w.h.db.prisma.company.count({ where: { name: 'Sneaky' } })).toBe(0);
    expect(shown(await w.command('/sk-company', 'frobnicate', 'U0ALICE'))).toContain('Unknown action "frobnicate". Usage:');
  });

  it('/sk-today lists today for staff and refuses customers', async () => {
    const today = shown(await w.command('/sk-today', '', 'U0BEN'));
    expect(today).toContain('Today, Mon 30 Nov');
    expect(today).toContain('Ben Okafor · times in London');
    expect(today).not.toMatch(/2026-11-30|Europe\/London/);
    expect(shown(await w.command('/sk-today', '', 'U0LINKED'))).toBe('Sorry, only our support staff can do that.');
  });
});

describe('profile and fees', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    await companyWithPlan(w.h);
  });
  afterAll(() => w.close());

  it('/support-code without a code explains how to link; with a wrong code says so; with the code links and shows it', async () => {
    expect(shown(await w.command('/support-code', '', 'U0KIM'))).toContain('You are not linked to a company yet. Enter your maintenance code with `/support-code YOUR-CODE`.');
    expect(shown(await w.command('/support-code', 'WRONG-1234', 'U0KIM'))).toContain('That maintenance code is not valid. 4 attempts left this hour.');
    const linked = shown(await w.command('/support-code', 'ACME-2026', 'U0KIM'));
    expect(linked).toContain('*Linked.*');
    expect(linked).toContain('*Company:* Acme Crating');
    const profile = shown(await w.command('/support-code', '', 'U0KIM'));
    expect(profile).toContain('*Maintenance code:* `ACME2026` (you can share it with all your staff)');
    // a plan date is a date: the same for staff and customers, whatever their zone
    expect(profile).toContain('*Maintenance plan:* active through 31 Dec 2027');
  });

  it('/fees shows the schedule and what the person pays', async () => {
    const fees = shown(await w.command('/fees', '', 'U0NOBODY'));
    expect(fees).toContain('• Online session, 30 min: $75');
    expect(fees).toContain('• Phone session, 60 min: $110');
    expect(fees).toContain('Emergency surcharge: $50');
    expect(fees).toContain('You are not linked to a company: you pay the standard fee.');
    expect(fees).toContain('Paid sessions are not refundable.');
    const covered = shown(await w.command('/fees', '', 'U0KIM'));
    expect(covered).toContain('Your company, Acme Crating, has an active maintenance plan: your sessions are covered.');
  });

  it('uses the zone and locale from the Slack profile (users.info) for readbacks', async () => {
    w.fake.setUser('U0BERLIN', { tz: 'Europe/Berlin', locale: 'de-DE' });
    const answer = shown(await w.command('/book', 'tomorrow 3pm', 'U0BERLIN'));
    expect(answer).toContain('*Wann:* Di 1 Dez, 15:00 Berlin (09:00 New York)');
  });
});
