/**
 * Paid sessions and reinstatements through Stripe Checkout: the real `stripe` SDK against a local fake
 * of the Stripe API, webhooks signed with the SDK's test-header helper and posted to /stripe/webhook.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import Stripe from 'stripe';
import { forEachDatabase } from '../support/each-database.js';
import { companyWithPlan, customer, linkedCustomer, staffAlice, type Harness } from '../support/core-harness.js';
import { createCore } from '../../core/index.js';
import { sequentialIds } from '../../core/ports/ids.js';
import { RecordingNotifier } from '../fakes/recording-notifier.js';
import { startFakeStripe, type FakeStripe } from '../fakes/stripe-api.js';
import { stripePayments } from '../../bots/shared/payments/stripe.js';
import { startWebServer, type WebServer } from '../../bots/shared/web-server.js';
import { webRoutes } from '../../bots/shared/web-routes.js';
import { createLogger } from '../../bots/shared/logger.js';
import { START, book, mins } from '../core/helpers.js';
import { configWith } from '../support/config.js';
import { earlierMessageEdits, personContext, presentNotice } from '../../bots/shared/present/index.js';
import { renderMessage as renderSlack } from '../../bots/slack/render/index.js';
import { renderMessage as renderDiscord } from '../../bots/discord/render/index.js';

const SECRET = 'whsec_test_slotkeeper';
const signer = new Stripe('sk_test_signer');

forEachDatabase('Stripe Checkout', (t) => {
  let fake: FakeStripe;
  let web: WebServer;
  let h: Harness;
  let evt = 0;

  beforeEach(async () => {
    fake = await startFakeStripe();
    const gateway = stripePayments({ secretKey: 'sk_test_123', webhookSecret: SECRET, returnUrl: 'http://localhost:3000', api: { host: '127.0.0.1', port: fake.port, protocol: 'http' } }, t.h.clock);
    const core = createCore({ store: t.db.store, clock: t.h.clock, ids: sequentialIds(`s${Math.random().toString(36).slice(2, 6)}`), config: t.h.config, payments: gateway });
    const notifier = new RecordingNotifier();
    h = { ...t.h, core, notifier, sweep: () => core.runSweep({ notifier }) };
    web = await startWebServer(webRoutes({ core, healthy: async () => true, payments: gateway }), { port: 0, logger: createLogger({ level: 'silent' }) });
  });
  afterEach(async () => {
    await web.close();
    await fake.close();
  });

  async function deliver(type: string, object: Record<string, unknown>, opts: { id?: string; secret?: string } = {}) {
    const payload = JSON.stringify({ id: opts.id ?? `evt_${++evt}`, object: 'event', type, api_version: '2025-01-01', created: 1, livemode: false, pending_webhooks: 1, request: null, data: { object } });
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? SECRET });
    const res = await fetch(`http://127.0.0.1:${web.port}/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
    return { status: res.status, body: (await res.json()) as { outcome?: string } };
  }
  /** The session paid: by default for the amount it was opened for (an unknown one: 15000), in USD. */
  const completed = (id: string, amount = Number(fake.sessions.get(id)?.['line_items[0][price_data][unit_amount]'] ?? 15000), currency = 'usd') => ({ id, object: 'checkout.session', payment_status: 'paid', payment_intent: `pi_for_${id}`, amount_total: amount, currency });
  const status = async (id: string) => (await t.db.prisma.booking.findUniqueOrThrow({ where: { id } })).status;
  const sent = (type: string) => h.notifier.delivered.filter((m) => m.notice.type === type);

  async function holdPaid(userId = 'U7') {
    const r = await h.core.bookSession({ caller: customer(userId), kind: 'online', lengthMinutes: 30, startsAt: START, payStandardFee: true });
    if (r.kind !== 'awaiting_payment' || !r.payUrl) throw new Error(JSON.stringify(r));
    const checkoutId = [...fake.sessions.keys()].at(-1)!;
    return { r, checkoutId, bookingId: r.booking.bookingId };
  }

  it('holds the slot, opens a Checkout Session for the quoted price with the reference, and confirms on the signed webhook', async () => {
    const { r, checkoutId, bookingId } = await holdPaid();
    expect(r.payUrl).toBe(`https://checkout.stripe.test/c/pay/${checkoutId}`);
    expect(r.holdUntil).toBe(mins(t.h.clock.now(), 15).toISOString());
    const form = fake.sessions.get(checkoutId)!;
    expect(form).toMatchObject({ mode: 'payment', client_reference_id: r.booking.reference, 'line_items[0][price_data][unit_amount]': String(r.booking.priceCents), 'line_items[0][price_data][currency]': 'usd', 'metadata[bookingId]': bookingId, 'custom_text[submit][message]': 'Paid sessions are not refundable.' });
    expect(r.booking.priceCents).toBeGreaterThan(0);
    expect(await status(bookingId)).toBe('awaiting_payment');
    // The held time is taken: nobody else can book it.
    expect(await t.db.prisma.slotCell.count({ where: { bookingId } })).toBeGreaterThan(0);

    const d = await deliver('checkout.session.completed', completed(checkoutId, r.booking.priceCents));
    expect(d).toEqual({ status: 200, body: { received: true, outcome: 'booking_confirmed' } });
    expect(await status(bookingId)).toBe('confirmed');
    const payments = await t.db.prisma.payment.findMany({ where: { bookingId } });
    expect(payments).toEqual([expect.objectContaining({ purpose: 'session_fee', amountCents: r.booking.priceCents, currency: 'USD', checkoutId, providerPaymentId: `pi_for_${checkoutId}`, recordedBy: 'stripe', reference: r.booking.reference })]);
    await h.sweep();
    expect(sent('booking_confirmed')).toHaveLength(1);
    // The hold's end does nothing to a paid booking.
    t.h.clock.set(mins(t.h.clock.now(), 20));
    await h.sweep();
    expect(await status(bookingId)).toBe('confirmed');
    expect(sent('payment_hold_expired')).toHaveLength(0);
    const audit = (await t.db.prisma.auditEntry.findMany({ where: { entityId: bookingId } })).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['held_for_payment', 'checkout_opened', 'paid_booked']));
  });

  it("words the checkout page in the payer's language: the line item, the payment's description and the terms", async () => {
    const name = 'line_items[0][price_data][product_data][name]';
    const en = await holdPaid('U20');
    expect(fake.sessions.get(en.checkoutId)).toMatchObject({ [name]: `Online session, 30 minutes · booking ${en.r.booking.reference}`, 'payment_intent_data[description]': `Online session, 30 minutes · booking ${en.r.booking.reference}`, 'custom_text[submit][message]': 'Paid sessions are not refundable.' });
    const r = await h.core.bookSession({ caller: { ...customer('U21'), locale: 'de-DE' }, kind: 'phone', lengthMinutes: 60, startsAt: mins(START, 60), payStandardFee: true });
    if (r.kind !== 'awaiting_payment') throw new Error(JSON.stringify(r));
    const de = fake.sessions.get([...fake.sessions.keys()].at(-1)!)!;
    expect(de).toMatchObject({ [name]: `Telefontermin, 1 Stunde · Buchung ${r.booking.reference}`, 'custom_text[submit][message]': 'Bezahlte Termine werden nicht erstattet.' });
    // A reinstatement, for someone who chose French with /language.
    const c = await linkedCustomer(h, 'U22', await companyWithPlan(h));
    await t.db.prisma.member.updateMany({ where: { platformUserId: 'U22' }, data: { language: 'fr' } });
    await t.db.prisma.company.updateMany({ data: { suspended: true, suspendedAt: mins(t.h.clock.now(), -60), strikes: 2 } });
    expect((await h.core.payReinstatement({ caller: c })).kind).toBe('reinstatement_checkout');
    const fr = fake.sessions.get([...fake.sessions.keys()].at(-1)!)!;
    expect(fr).toMatchObject({ [name]: 'Réactivation des séances gratuites · Acme Crating', 'custom_text[submit][message]': 'Les séances payantes ne sont pas remboursées.' });
  });

  it('with a discount plan the reinstatement checkout names the plan discount, not free sessions', async () => {
    const config = configWith((c) => { c.fees.plan = { kind: 'discount', percent: 50 }; });
    const gateway = stripePayments({ secretKey: 'sk_test_123', webhookSecret: SECRET, returnUrl: 'http://localhost:3000', api: { host: '127.0.0.1', port: fake.port, protocol: 'http' } }, t.h.clock);
    const core = createCore({ store: t.db.store, clock: t.h.clock, ids: sequentialIds('sdisc'), config, payments: gateway });
    const c = await linkedCustomer({ ...h, core, config }, 'U23', await companyWithPlan({ ...h, core, config }));
    await t.db.prisma.member.updateMany({ where: { platformUserId: 'U23' }, data: { language: 'de' } });
    await t.db.prisma.company.updateMany({ data: { suspended: true, suspendedAt: mins(t.h.clock.now(), -60), strikes: 2 } });
    expect((await core.payReinstatement({ caller: c })).kind).toBe('reinstatement_checkout');
    const de = fake.sessions.get([...fake.sessions.keys()].at(-1)!)!;
    expect(de).toMatchObject({ 'line_items[0][price_data][product_data][name]': 'Wiederherstellung des Vertragsrabatts · Acme Crating' });
  });

  it('a replayed webhook changes nothing twice', async () => {
    const { checkoutId, bookingId } = await holdPaid();
    const first = await deliver('checkout.session.completed', completed(checkoutId), { id: 'evt_same' });
    const again = await deliver('checkout.session.completed', completed(checkoutId), { id: 'evt_same' });
    const other = await deliver('checkout.session.completed', completed(checkoutId), { id: 'evt_other' });
    expect([first.body.outcome, again.body.outcome, other.body.outcome]).toEqual(['booking_confirmed', 'duplicate', 'ignored']);
    expect(await t.db.prisma.payment.count({ where: { bookingId } })).toBe(1);
    await h.sweep();
    expect(sent('booking_confirmed')).toHaveLength(1);
    // Out of order: an expiry arriving after the payment leaves the booking paid.
    expect((await deliver('checkout.session.expired', { id: checkoutId, object: 'checkout.session' })).body.outcome).toBe('ignored');
    expect(await status(bookingId)).toBe('confirmed');
  });

  it('a signed event without the object its type promises is received and changes nothing (not "signature verification failed")', async () => {
    const { bookingId } = await holdPaid();
    const r = await deliver('checkout.session.completed', undefined as unknown as Record<string, unknown>);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ received: true });
    expect(await status(bookingId)).toBe('awaiting_payment');
  });

  it('refuses a forged signature and changes nothing', async () => {
    const { checkoutId, bookingId } = await holdPaid();
    const d = await deliver('checkout.session.completed', completed(checkoutId), { secret: 'whsec_not_the_secret' });
    expect(d.status).toBe(400);
    expect(await status(bookingId)).toBe('awaiting_payment');
    expect(await t.db.prisma.payment.count()).toBe(0);
    const unsigned = await fetch(`http://127.0.0.1:${web.port}/stripe/webhook`, { method: 'POST', body: '{}' });
    expect(unsigned.status).toBe(400);
  });

  it('releases the hold when no payment arrives in time, and tells the customer', async () => {
    const { bookingId } = await holdPaid();
    t.h.clock.set(mins(t.h.clock.now(), 14));
    await h.sweep();
    expect(await status(bookingId)).toBe('awaiting_payment');
    t.h.clock.set(mins(t.h.clock.now(), 1));
    await h.sweep();
    expect(await status(bookingId)).toBe('cancelled');
    expect(await t.db.prisma.slotCell.count({ where: { bookingId } })).toBe(0);
    expect(sent('payment_hold_expired')).toHaveLength(1);
    // The time is free again for someone else.
    const other = await h.core.bookSession({ caller: customer('U8'), kind: 'online', lengthMinutes: 30, startsAt: START, payStandardFee: true });
    expect(other.kind).toBe('awaiting_payment');
  });

  it('an expired Checkout Session releases the hold', async () => {
    const { checkoutId, bookingId } = await holdPaid();
    expect((await deliver('checkout.session.expired', { id: checkoutId, object: 'checkout.session' })).body.outcome).toBe('hold_released');
    expect(await status(bookingId)).toBe('cancelled');
  });

  it('a payment after the hold expired: the customer is told, staff see a payment to refund or re-place', async () => {
    const { checkoutId, bookingId } = await holdPaid();
    t.h.clock.set(mins(t.h.clock.now(), 16));
    await h.sweep();
    expect(await status(bookingId)).toBe('cancelled');
    const d = await deliver('checkout.session.completed', completed(checkoutId));
    expect(d.body.outcome).toBe('payment_to_settle');
    expect(await status(bookingId)).toBe('cancelled');
    await h.sweep();
    expect(sent('payment_received_late').map((m) => m.recipient)).toEqual([{ to: 'member', memberId: expect.any(String) }]);
    expect(sent('staff_payment_to_settle').map((m) => m.notice)).toEqual([expect.objectContaining({ amountCents: 7500, paymentId: `pi_for_${checkoutId}`, bookingStatus: 'cancelled' })]);
    expect(await t.db.prisma.payment.findMany({ where: { bookingId } })).toEqual([expect.objectContaining({ purpose: 'unmatched', checkoutId })]);
  });

  it('a payment of another amount or currency than the checkout asked confirms nothing: recorded as paid, the time released, the customer told why, staff settle it', async () => {
    const { r, checkoutId, bookingId } = await holdPaid();
    expect(r.booking).toMatchObject({ priceCents: 7500, currency: 'USD' });
    const d = await deliver('checkout.session.completed', completed(checkoutId, 1, 'jpy'));
    expect(d).toEqual({ status: 200, body: { received: true, outcome: 'payment_to_settle' } });
    expect(await status(bookingId)).toBe('cancelled');
    expect(await t.db.prisma.slotCell.count({ where: { bookingId } })).toBe(0);
    expect(await t.db.prisma.payment.findMany({ where: { bookingId } })).toEqual([expect.objectContaining({ purpose: 'unmatched', amountCents: 1, currency: 'JPY', checkoutId, providerPaymentId: `pi_for_${checkoutId}` })]);
    await h.sweep();
    const toMember = h.notifier.delivered.filter((m) => m.recipient.to === 'member');
    expect(toMember.map((m) => m.notice.type)).toEqual(['payment_received_late']);
    expect(presentNotice(toMember[0]!.notice, personContext(h.config, 'en')).summary).toEqual([
      'Your payment of ¥1 for your session on ',
      expect.objectContaining({ t: 'time', at: START.toISOString() }),
      ' does not match the $75 asked, so the session is not booked and its time is released.',
    ]);
    const [toSettle] = sent('staff_payment_to_settle');
    expect(toSettle?.notice).toMatchObject({ amountCents: 1, currency: 'JPY', bookingStatus: 'cancelled', expected: { amountCents: 7500, currency: 'USD' } });
    const said = presentNotice(toSettle!.notice, personContext(h.config, 'en')).summary;
    expect(said).toEqual(['A payment of ¥1 arrived for a checkout that asked $75: nothing was confirmed on it. Refund it or settle the difference.']);
    // A replay of the same payment, or the hold's own end later, changes nothing and says nothing more.
    expect((await deliver('checkout.session.completed', completed(checkoutId))).body.outcome).toBe('ignored');
    t.h.clock.set(mins(t.h.clock.now(), 16));
    await h.sweep();
    expect(await status(bookingId)).toBe('cancelled');
    expect(sent('booking_confirmed')).toEqual([]);
    expect(sent('payment_hold_expired')).toEqual([]);

    // The right currency, a cent short: the same.
    const short = await holdPaid('U7b');
    expect((await deliver('checkout.session.completed', completed(short.checkoutId, 7499))).body.outcome).toBe('payment_to_settle');
    expect(await status(short.bookingId)).toBe('cancelled');
    expect(await t.db.prisma.payment.findMany({ where: { bookingId: short.bookingId } })).toEqual([expect.objectContaining({ purpose: 'unmatched', amountCents: 7499, currency: 'USD' })]);
  });

  it('a reinstatement paid in another amount lifts nothing: staff settle it', async () => {
    const c = await linkedCustomer(h, 'U13', await companyWithPlan(h));
    const company = await t.db.prisma.company.findFirstOrThrow();
    await t.db.prisma.company.update({ where: { id: company.id }, data: { suspended: true, suspendedAt: mins(t.h.clock.now(), -60), strikes: 2 } });
    expect((await h.core.payReinstatement({ caller: c })).kind).toBe('reinstatement_checkout');
    const checkoutId = [...fake.sessions.keys()].at(-1)!;
    expect((await deliver('checkout.session.completed', completed(checkoutId, 100))).body.outcome).toBe('payment_to_settle');
    expect(await t.db.prisma.company.findUniqueOrThrow({ where: { id: company.id } })).toMatchObject({ suspended: true, strikes: 2 });
    expect(await t.db.prisma.payment.findMany({ where: { companyId: company.id } })).toEqual([expect.objectContaining({ purpose: 'unmatched', amountCents: 100, currency: 'USD', checkoutId })]);
    await h.sweep();
    expect(sent('reinstated')).toEqual([]);
    expect(sent('staff_payment_to_settle').map((m) => m.notice)).toEqual([expect.objectContaining({ purpose: 'reinstatement', companyName: company.name, amountCents: 100, expected: { amountCents: 10000, currency: 'USD' } })]);
  });

  it('an event for an unknown checkout or a cancelled booking confirms nothing', async () => {
    expect((await deliver('checkout.session.completed', completed('cs_test_unknown'))).body.outcome).toBe('ignored');
    expect(await t.db.prisma.payment.count()).toBe(0);
    expect((await deliver('customer.created', { id: 'cus_1', object: 'customer' })).body.outcome).toBe('ignored');
    const { checkoutId, bookingId } = await holdPaid();
    await t.db.prisma.booking.update({ where: { id: bookingId }, data: { status: 'cancelled' } });
    expect((await deliver('checkout.session.completed', completed(checkoutId))).body.outcome).toBe('payment_to_settle');
    expect(await status(bookingId)).toBe('cancelled');
  });

  it('with approval "always", a paid booking goes to staff after payment', async () => {
    t.h.config.policy.approval = 'always';
    const { checkoutId, bookingId } = await holdPaid();
    expect((await deliver('checkout.session.completed', completed(checkoutId))).body.outcome).toBe('booking_to_staff');
    expect(await status(bookingId)).toBe('pending_approval');
    await h.sweep();
    expect(sent('staff_approval_request')).toHaveLength(1);
  });

  it('if Stripe cannot open the checkout, nothing stays held', async () => {
    fake.failNext(400);
    const r = await h.core.bookSession({ caller: customer('U9'), kind: 'online', lengthMinutes: 30, startsAt: START, payStandardFee: true });
    expect(r).toMatchObject({ kind: 'awaiting_payment', payUrl: null });
    if (r.kind !== 'awaiting_payment') throw new Error();
    expect(await status(r.booking.bookingId)).toBe('cancelled');
    expect(await t.db.prisma.slotCell.count({ where: { bookingId: r.booking.bookingId } })).toBe(0);
  });

  it('a reinstatement paid online lifts the suspension, records the payment, tells the company and staff', async () => {
    const code = await companyWithPlan(h);
    const c = await linkedCustomer(h, 'U10', code);
    const company = await t.db.prisma.company.findFirstOrThrow();
    const suspendedAt = mins(t.h.clock.now(), -60);
    await t.db.prisma.company.update({ where: { id: company.id }, data: { suspended: true, suspendedAt, strikes: 2 } });
    const r = await h.core.payReinstatement({ caller: c });
    if (r.kind !== 'reinstatement_checkout') throw new Error(JSON.stringify(r));
    expect(r.amountCents).toBe(10000);
    const checkoutId = [...fake.sessions.keys()].at(-1)!;
    expect(fake.sessions.get(checkoutId)).toMatchObject({ 'line_items[0][price_data][unit_amount]': '10000', 'metadata[purpose]': 'reinstatement' });
    expect(await h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: START })).toMatchObject({ kind: 'suspended', payOnline: true });
    // Asking again gives the same open checkout.
    expect(await h.core.payReinstatement({ caller: c })).toMatchObject({ payUrl: r.payUrl });
    expect((await deliver('checkout.session.completed', completed(checkoutId, 10000))).body.outcome).toBe('reinstated');
    expect(await t.db.prisma.company.findUniqueOrThrow({ where: { id: company.id } })).toMatchObject({ suspended: false, strikes: 0 });
    // the strike history starts again here, as when staff record it (a later reversal of an older no-show takes nothing away)
    expect(await t.db.prisma.auditEntry.findMany({ where: { entity: 'strike', entityId: company.id }, select: { action: true } })).toEqual([{ action: 'strikes_cleared' }]);
    expect(await t.db.prisma.payment.findMany({ where: { companyId: company.id } })).toEqual([expect.objectContaining({ purpose: 'reinstatement', amountCents: 10000, checkoutId, providerPaymentId: `pi_for_${checkoutId}`, suspendedAt })]);
    await h.sweep();
    expect(sent('reinstated')).toHaveLength(1);
    expect(sent('staff_reinstatement_paid').map((m) => m.recipient)).toEqual([{ to: 'staff' }]);
    // Staff pressing "record reinstatement" afterwards finds it done.
    expect((await h.core.recordReinstatement({ caller: staffAlice, name: company.name, reference: 'bank-123' })).kind).toBe('already_reinstated');
  });

  it('paid online: the suspension notice and the staff no-show card about the no-show that suspended lose their fee buttons', async () => {
    const c = await linkedCustomer(h, 'U13', await companyWithPlan(h));
    const wed = new Date('2026-12-02T20:00:00Z');
    await book(h, c, START);
    const suspending = await book(h, c, wed);
    h.clock.set(mins(START, 10));
    await h.sweep();
    h.clock.set(mins(wed, 10));
    await h.sweep();
    expect(sent('suspended').map((m) => m.bookingId)).toEqual([suspending.bookingId]);
    const r = await h.core.payReinstatement({ caller: c });
    if (r.kind !== 'reinstatement_checkout') throw new Error(JSON.stringify(r));
    const checkoutId = [...fake.sessions.keys()].at(-1)!;
    expect((await deliver('checkout.session.completed', completed(checkoutId, 10000))).body.outcome).toBe('reinstated');
    await h.sweep();
    // One edit per no-show of the strike history, to the staff channels (every platform edits its own messages); never emailed.
    const ended = sent('suspension_ended');
    expect(ended.map((m) => [m.bookingId, m.recipient, m.channel])).toEqual(expect.arrayContaining([[suspending.bookingId, { to: 'staff' }, 'chat']]));
    const edits = earlierMessageEdits(h.config, ended.find((m) => m.bookingId === suspending.bookingId)!.notice, await h.core.deliveredMessages(suspending.bookingId), h.clock.now().toISOString());
    expect(edits.map((e) => e.earlier.type).sort()).toEqual(['staff_no_show', 'suspended']);
    for (const e of edits) {
      expect(e.message.buttons).toEqual([]);
      expect(JSON.stringify(renderSlack(e.message).blocks)).toContain('are reinstated');
    }
  });

  it('the suspension notice itself carries the Pay button (Slack and Discord), and the quote says the fee is paid online', async () => {
    const c = await linkedCustomer(h, 'U11', await companyWithPlan(h));
    const wed = new Date('2026-12-02T20:00:00Z');
    await book(h, c, START);
    await book(h, c, wed);
    h.clock.set(mins(START, 10));
    await h.sweep();
    h.clock.set(mins(wed, 10));
    await h.sweep();
    const [notice] = sent('suspended');
    expect(notice?.notice).toMatchObject({ type: 'suspended', feeCents: 10000, payOnline: true });
    const message = presentNotice(notice!.notice, personContext(h.config, 'en'));
    // the text points at the button beside it, not at a conversation with staff
    const said = message.sections.flat().map((l) => l.text.map((p) => (typeof p === 'string' ? p : '')).join('')).join('\n');
    expect(said).toContain('A payment of $100 reinstates them: pay online with the button below.');
    expect(said).not.toContain('contact us');
    const slack = renderSlack(message).blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : []));
    expect(slack).toEqual([expect.objectContaining({ text: { type: 'plain_text', text: 'Pay $100 to reinstate' }, action_id: 'sk:pay-reinstatement' })]);
    const discord = renderDiscord(message).components!.flatMap((row: any) => row.components);
    expect(discord).toEqual([expect.objectContaining({ label: 'Pay $100 to reinstate', custom_id: 'sk:pay-reinstatement' })]);
    // and German readers read it in German
    const de = presentNotice(notice!.notice, personContext(h.config, 'de'));
    expect(de.buttons.map((b) => b.label)).toEqual([expect.stringMatching(/100/)]);
    expect(de.buttons[0]!.label).not.toContain('Pay');

    // A paid proposal says the fee is paid online (no staff approval first under approval: paid_only).
    const p = await h.core.understandRequest({ caller: customer('U12'), text: 'tomorrow 3pm' });
    if (p.kind !== 'proposal') throw new Error(JSON.stringify(p));
    expect(p.quote).toMatchObject({ kind: 'not_linked' });
    const paid = await h.core.findOpenings({ caller: customer('U12'), kind: 'online', lengthMinutes: 30, from: START, to: mins(START, 24 * 60), limit: 1, payStandardFee: true });
    expect(paid).toMatchObject({ quote: { kind: 'priced', priceCents: 7500, needsApproval: false, payOnline: true, holdMinutes: 15 } });
  });
});

forEachDatabase('a staff cancel of a paid session', (t) => {
  it('tells the customer what the vendor chose (payment.staffCancelPaid)', async () => {
    for (const [choice, refunded] of [['no_refund', false], ['refund', true]] as const) {
      t.h.config.payment.staffCancelPaid = choice;
      t.h.notifier.clear();
      const r = await t.h.core.bookSession({ caller: customer(`U-${choice}`), kind: 'online', lengthMinutes: 30, startsAt: mins(START, choice === 'refund' ? 60 : 0), payStandardFee: true });
      if (r.kind !== 'pending_approval') throw new Error(r.kind);
      expect(await t.h.core.cancelBooking({ caller: staffAlice, bookingId: r.booking.bookingId, reason: 'Staff ill' })).toMatchObject({ kind: 'cancelled' });
      await t.h.sweep();
      expect(t.h.notifier.delivered.filter((m) => m.notice.type === 'booking_cancelled').map((m) => (m.notice as { refunded: boolean }).refunded)).toEqual([refunded]);
    }
  });
});

forEachDatabase('without Stripe', (t) => {
  it('a paid booking waits for staff as before, and reinstatement follows the manual path with the payment instructions', async () => {
    t.h.config.payment.instructions = 'Transfer to IBAN DE00 quoting your reference.';
    const r = await t.h.core.bookSession({ caller: customer('U20'), kind: 'online', lengthMinutes: 30, startsAt: START, payStandardFee: true });
    expect(r.kind).toBe('pending_approval');
    const code = await companyWithPlan(t.h);
    const c = await linkedCustomer(t.h, 'U21', code);
    const company = await t.db.prisma.company.findFirstOrThrow();
    await t.db.prisma.company.update({ where: { id: company.id }, data: { suspended: true, suspendedAt: t.h.clock.now(), strikes: 2 } });
    expect(await t.h.core.payReinstatement({ caller: c })).toEqual({ kind: 'reinstatement_manual', companyName: company.name, amountCents: 10000, currency: 'USD', instructions: 'Transfer to IBAN DE00 quoting your reference.' });
    const suspended = await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: mins(START, 60) });
    expect(suspended.kind).toBe('suspended');
    expect(suspended).not.toHaveProperty('payOnline');
    // Staff record an outside payment with its reference.
    expect(await t.h.core.recordReinstatement({ caller: staffAlice, name: company.name, reference: 'BANK-42' })).toMatchObject({ kind: 'company', action: 'reinstated', payment: { reference: 'BANK-42' } });
    expect(await t.h.core.payReinstatement({ caller: c })).toEqual({ kind: 'not_suspended' });
  });
});
