/**
 * Issue 9, money and replays: every offer is a quote, a press re-prices at press time, a replayed
 * Confirm books once, and the buffer after a session holds in the database under concurrency.
 */
import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { harness, companyWithPlan, linkedCustomer, customer, staffAlice } from '../support/core-harness.js';
import { configWith, exampleConfig } from '../support/config.js';
import { configWarnings } from '../../core/config/schema.js';
import { createCore } from '../../core/index.js';
import { sequentialIds } from '../../core/ports/ids.js';
import { START } from './helpers.js';

const proposalAt = (text: string) => ({ text, kind: 'online' as const, lengthMinutes: 30 });

forEachDatabase('quotes: nobody pays what they were not shown', (t) => {
  async function suspend(name = 'Acme Crating') {
    await t.db.prisma.company.update({ where: { name }, data: { suspended: true, suspendedAt: new Date('2026-11-29T00:00:00Z'), strikes: 2 } });
  }

  it('every offer carries its price, basis and kind: free (plan), suspended and not linked', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    const free = await t.h.core.understandRequest({ caller: c, ...proposalAt('tomorrow 3pm') });
    expect(free).toMatchObject({ kind: 'proposal', sessionKind: 'online', quote: { kind: 'priced', priceCents: 0, basis: 'plan_free', nonRefundable: false } });
    await suspend();
    const list = await t.h.core.findOpenings({ caller: c, kind: 'online', lengthMinutes: 30, from: START, to: new Date(START.getTime() + 86_400_000) });
    expect(list).toMatchObject({ kind: 'openings', quote: { kind: 'suspended', feeCents: 7500, reinstatementCents: 10000 } });
    const window = await t.h.core.understandRequest({ caller: c, ...proposalAt('tomorrow afternoon') });
    expect(window).toMatchObject({ kind: 'choose', quote: { kind: 'suspended', feeCents: 7500 } });
    const stranger = await t.h.core.understandRequest({ caller: customer('U9'), ...proposalAt('tomorrow 3pm') });
    expect(stranger).toMatchObject({ kind: 'proposal', quote: { kind: 'not_linked', feeCents: 7500 } });
  });

  it('a paid quote says non-refundable and how to pay; the booking keeps the quoted fee and its reference', async () => {
    const config = configWith((c) => { c.policy.approval = 'never'; c.payment.instructions = 'Pay by bank transfer to Crate Pro Support, quoting your booking reference.'; });
    const h = harness(t.db, { config });
    const stranger = customer('U9');
    const offer = await h.core.understandRequest({ caller: stranger, ...proposalAt('tomorrow 3pm') });
    if (offer.kind !== 'proposal' || offer.quote.kind !== 'not_linked') throw new Error(offer.kind);
    expect(offer.quote.paymentInstructions).toMatch(/bank transfer/);
    const r = await h.core.bookSession({ caller: stranger, kind: 'online', lengthMinutes: 30, startsAt: new Date(offer.startsAt), payStandardFee: true, quoteKey: offer.quote.key });
    expect(r).toMatchObject({ kind: 'booked', booking: { priceCents: 7500, priceBasis: 'standard_fee', paymentInstructions: expect.stringMatching(/bank transfer/) } });
    if (r.kind !== 'booked') return;
    expect(r.booking.reference).toMatch(/^SK-/);
    const row = await t.db.prisma.booking.findUniqueOrThrow({ where: { id: r.booking.bookingId } });
    expect(row.priceCents).toBe(7500);
  });

  it('a "Book at the standard fee" press from before a reinstatement books nothing and returns the new (free) quote', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    await suspend();
    const offer = await t.h.core.understandRequest({ caller: c, ...proposalAt('tomorrow 3pm') });
    if (offer.kind !== 'proposal' || offer.quote.kind !== 'suspended') throw new Error(offer.kind);
    expect((await t.h.core.recordReinstatement({ caller: staffAlice, name: 'Acme Crating' })).kind).toBe('company');
    const stale = { caller: c, kind: 'online' as const, lengthMinutes: 30, startsAt: new Date(offer.startsAt), payStandardFee: true };
    const r = await t.h.core.bookSession({ ...stale, quoteKey: offer.quote.key });
    expect(r).toMatchObject({ kind: 'quote_changed', quote: { kind: 'priced', priceCents: 0, basis: 'plan_free' }, startsAt: offer.startsAt });
    // the same press without a key (an older button) is refused the same way
    expect((await t.h.core.bookSession(stale)).kind).toBe('quote_changed');
    expect(await t.db.prisma.booking.count()).toBe(0);
    if (r.kind !== 'quote_changed') return;
    const confirmed = await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: new Date(offer.startsAt), quoteKey: r.quote.key });
    expect(confirmed).toMatchObject({ kind: 'booked', booking: { priceCents: 0, priceBasis: 'plan_free' } });
  });

  it('a free Confirm pressed after the plan ended, the fee changed, or the person switched company books nothing', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    const offer = await t.h.core.understandRequest({ caller: c, ...proposalAt('tomorrow 3pm') });
    if (offer.kind !== 'proposal' || offer.quote.kind !== 'priced') throw new Error(offer.kind);
    const press = { caller: c, kind: 'online' as const, lengthMinutes: 30, startsAt: new Date(offer.startsAt), quoteKey: offer.quote.key };

    // plan ended
    await t.h.core.setPlan({ caller: staffAlice, name: 'Acme Crating', planUntil: null });
    expect(await t.h.core.bookSession(press)).toMatchObject({ kind: 'quote_changed', quote: { kind: 'priced', priceCents: 7500, basis: 'standard_fee', nonRefundable: true } });
    await t.h.core.setPlan({ caller: staffAlice, name: 'Acme Crating', planUntil: '2027-12-31' });

    // suspended since the offer: the free press is refused with what a paid session costs
    await suspend();
    expect(await t.h.core.bookSession(press)).toMatchObject({ kind: 'suspended', feeCents: 7500 });
    await t.db.prisma.company.update({ where: { name: 'Acme Crating' }, data: { suspended: false, suspendedAt: null, strikes: 0 } });

    // switched to another plan company: same price, other company
    await companyWithPlan(t.h, 'Birch Boxes', 'BIRCH-2026');
    expect((await t.h.core.linkCompany({ caller: c, code: 'BIRCH-2026', confirmSwitch: true })).kind).toBe('linked');
    expect((await t.h.core.bookSession(press)).kind).toBe('quote_changed');
    expect(await t.db.prisma.booking.count()).toBe(0);
  });

  it('a fee change between the offer and the press books nothing (a second instance with the new fee schedule)', async () => {
    const stranger = customer('U9');
    const offer = await t.h.core.understandRequest({ caller: stranger, ...proposalAt('tomorrow 3pm') });
    if (offer.kind !== 'proposal') throw new Error(offer.kind);
    const raised = configWith((c) => { c.fees.standard.online['30'] = 90; });
    const later = createCore({ store: t.db.store, clock: t.h.clock, ids: sequentialIds('fee'), config: raised });
    const r = await later.bookSession({ caller: stranger, kind: 'online', lengthMinutes: 30, startsAt: new Date(offer.startsAt), payStandardFee: true, quoteKey: offer.quote.key });
    expect(r).toMatchObject({ kind: 'quote_changed', quote: { kind: 'not_linked', feeCents: 9000 } });
    expect(await t.db.prisma.booking.count()).toBe(0);
  });

  it('a Confirm pressed twice, or replayed, books once; a person cannot hold two overlapping bookings', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    // 10:00 NY Tuesday: Alice and Ben both free, so the replay would find a second staff member
    const at10 = new Date('2026-12-01T15:00:00Z');
    const press = { caller: c, kind: 'online' as const, lengthMinutes: 60, startsAt: at10 };
    const first = await t.h.core.bookSession(press);
    expect(first.kind).toBe('booked');
    const replay = await t.h.core.bookSession(press);
    expect(replay).toMatchObject({ kind: 'already_booked', booking: { reference: first.kind === 'booked' ? first.booking.reference : '' } });
    const overlapping = await t.h.core.bookSession({ ...press, lengthMinutes: 30, startsAt: new Date('2026-12-01T15:30:00Z') });
    expect(overlapping.kind).toBe('already_booked');
    // concurrent double press
    const at14 = new Date('2026-12-02T15:00:00Z');
    const both = await Promise.all([t.h.core.bookSession({ ...press, startsAt: at14 }), t.h.core.bookSession({ ...press, startsAt: at14 })]);
    expect(both.map((r) => r.kind).sort()).toEqual(['already_booked', 'booked']);
    expect(await t.db.prisma.booking.count({ where: { memberId: (await t.db.prisma.member.findFirstOrThrow()).id } })).toBe(2);
    // right after the first session ends is fine
    expect((await t.h.core.bookSession({ ...press, lengthMinutes: 30, startsAt: new Date('2026-12-01T16:00:00Z') })).kind).toBe('booked');
  });

  it('keeps the buffer after a session when two confirms for back-to-back slots with one staff member race', async () => {
    const oneStaff = configWith((c) => { c.staff = c.staff.slice(0, 1); });
    const h = harness(t.db, { config: oneStaff });
    const code = await companyWithPlan(h);
    const a = await linkedCustomer(h, 'UA', code);
    const b = await linkedCustomer(h, 'UB', code);
    for (let day = 1; day <= 8; day++) {
      // Tuesday 1 Dec … : 10:00 and 10:30 NY, 30 minutes each, 10-minute buffer after an online session
      const d = new Date(Date.UTC(2026, 11, day, 15, 0));
      if ([0, 6].includes(d.getUTCDay()) || day === 4) continue; // Alice: Mon-Fri (Friday ends 15:00)
      const rs = await Promise.all([
        h.core.bookSession({ caller: a, kind: 'online', lengthMinutes: 30, startsAt: d }),
        h.core.bookSession({ caller: b, kind: 'online', lengthMinutes: 30, startsAt: new Date(d.getTime() + 30 * 60_000) }),
      ]);
      expect(rs.filter((r) => r.kind === 'booked')).toHaveLength(1);
    }
    // the database holds the buffer cells of every booking
    const bookings = await t.db.prisma.booking.count({ where: { status: 'confirmed' } });
    expect(await t.db.prisma.slotCell.count({ where: { kind: 'buffer' } })).toBe(bookings * 2);
  });

  it('a booking after the buffer is fine, one inside it is refused', async () => {
    const oneStaff = configWith((c) => { c.staff = c.staff.slice(0, 1); });
    const h = harness(t.db, { config: oneStaff });
    const code = await companyWithPlan(h);
    const a = await linkedCustomer(h, 'UA', code);
    const b = await linkedCustomer(h, 'UB', code);
    expect((await h.core.bookSession({ caller: a, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-01T15:00:00Z') })).kind).toBe('booked');
    expect((await h.core.bookSession({ caller: b, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-01T15:35:00Z') })).kind).toBe('slot_taken');
    expect((await h.core.bookSession({ caller: b, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-01T15:40:00Z') })).kind).toBe('booked');
  });

  it('an offer inside the change window says so before confirming', async () => {
    const config = configWith((c) => { c.policy.minNoticeMinutes = 30; });
    const h = harness(t.db, { config });
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    // Monday 09:00 NY; 10:00 is 60 minutes ahead, inside the 65-minute window
    const soon = await h.core.understandRequest({ caller: c, ...proposalAt('today 10am') });
    expect(soon).toMatchObject({ kind: 'proposal', changeable: false });
    const later = await h.core.understandRequest({ caller: c, ...proposalAt('today 11am') });
    expect(later).toMatchObject({ kind: 'proposal', changeable: true });
  });
});

it('ships a minimum notice at or above the cancel cutoff, and warns when a vendor sets it lower', () => {
  const shipped = exampleConfig();
  expect(shipped.policy.minNoticeMinutes).toBeGreaterThanOrEqual(shipped.policy.cancelCutoffMinutes);
  expect(configWarnings(shipped)).toEqual([]);
  const lower = configWith((c) => { c.policy.minNoticeMinutes = 60; });
  expect(configWarnings(lower)).toEqual([expect.stringContaining('policy.minNoticeMinutes (60) is below policy.cancelCutoffMinutes (65)')]);
});
