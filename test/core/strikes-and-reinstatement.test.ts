/**
 * Issue 9, no-shows, strikes, suspension, reinstatement: "customer joined" only inside the join
 * window, a suspension cancels the company's upcoming free sessions, reinstatement once per
 * suspension, staff can reverse a no-show, plan end dates are dates.
 */
import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { harness, companyWithPlan, linkedCustomer, customer, staffAlice, staffBen } from '../support/core-harness.js';
import { configWith } from '../support/config.js';
import { START, mins, secs, book, notices } from './helpers.js';

const WED = new Date('2026-12-02T20:00:00Z');
const THU = new Date('2026-12-03T20:00:00Z');
const FRI_NOON_NY = new Date('2026-12-04T17:00:00Z');

forEachDatabase('no-shows, strikes, suspension and reinstatement', (t) => {
  const status = async (id: string) => (await t.db.prisma.booking.findUniqueOrThrow({ where: { id } })).status;
  const acme = () => t.db.prisma.company.findFirstOrThrow({ where: { name: 'Acme Crating' } });
  /** The sweeper at 10 minutes past each start, in turn: each session nobody joined closes as a no-show. */
  const closeAt = async (...starts: Date[]) => {
    for (const start of starts) {
      t.h.clock.set(mins(start, 10));
      await t.h.sweep();
    }
  };

  it('staff "customer joined" counts from 30 minutes before the start until the close, and is refused with what happened after it', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    const early = await book(t.h, c, START);
    t.h.clock.set(secs(mins(START, -30), -1));
    expect(await t.h.core.markJoined({ caller: staffAlice, bookingId: early.bookingId, via: 'phone' })).toEqual({ kind: 'too_early', opensAt: mins(START, -30).toISOString() });
    t.h.clock.set(mins(START, -30));
    expect((await t.h.core.markJoined({ caller: staffAlice, bookingId: early.bookingId, via: 'phone' })).kind).toBe('marked');

    const late = await book(t.h, c, WED);
    t.h.clock.set(secs(mins(WED, 10), -1));
    expect((await t.h.core.markJoined({ caller: staffAlice, bookingId: late.bookingId, via: 'online' })).kind).toBe('marked');
    const third = await book(t.h, c, new Date('2026-12-09T20:00:00Z'));
    // the sweeper has not closed it yet: still refused, saying it closed at start + 10 minutes
    t.h.clock.set(mins(new Date('2026-12-09T20:00:00Z'), 10));
    expect(await t.h.core.markJoined({ caller: staffAlice, bookingId: third.bookingId, via: 'phone' })).toEqual({ kind: 'closed', status: 'no_show', closedAt: '2026-12-09T20:10:00.000Z' });
    expect((await t.db.prisma.booking.findUniqueOrThrow({ where: { id: third.bookingId } })).joinedAt).toBeNull();
  });

  it('suspension takes effect: the upcoming free sessions are cancelled with the reason, the cost and how to pay; staff are told; the time is freed', async () => {
    const config = configWith((c) => { c.payment.instructions = 'Bank transfer to Crate Pro Support, quoting the reference.'; });
    const h = harness(t.db, { config });
    const code = await companyWithPlan(h);
    const ana = await linkedCustomer(h, 'U1', code);
    const bo = await linkedCustomer(h, 'U2', code);
    const first = await book(h, ana, START);
    const second = await book(h, ana, WED);
    const colleagues = await book(h, bo, THU);
    const anasNext = await book(h, ana, FRI_NOON_NY);
    const paid = await book(h, customer('U3'), THU, { payStandardFee: true });
    h.clock.set(mins(START, 10));
    await h.sweep();
    h.clock.set(mins(WED, 10));
    await h.sweep();
    expect(await acme()).toMatchObject({ strikes: 2, suspended: true, suspendedAt: mins(WED, 10) });
    expect(await status(colleagues.bookingId)).toBe('cancelled');
    expect(await status(anasNext.bookingId)).toBe('cancelled');
    expect(await status(paid.bookingId)).toBe('pending_approval');
    expect(await t.db.prisma.slotCell.count({ where: { bookingId: { in: [colleagues.bookingId, anasNext.bookingId] } } })).toBe(0);
    const suspendedNotices = h.notifier.delivered.filter((m) => m.notice.type === 'suspended');
    expect(suspendedNotices.map((m) => [m.platformUserId, (m.notice as any).cancelled.map((b: any) => b.bookingId)]).sort()).toEqual([
      ['U1', [anasNext.bookingId]],
      ['U2', [colleagues.bookingId]],
    ]);
    expect(suspendedNotices.find((m) => m.platformUserId === 'U1')!.notice).toMatchObject({ feeCents: 10000, currency: 'USD', paymentInstructions: 'Bank transfer to Crate Pro Support, quoting the reference.' });
    const staff = notices(h, 'staff_booking_cancelled');
    expect(staff.map((n: any) => [n.booking.bookingId, n.by]).sort()).toEqual([[colleagues.bookingId, 'system'], [anasNext.bookingId, 'system']].sort());
    expect(staff[0]).toMatchObject({ reason: null, reasonCode: 'suspended' });
    // reminders of the cancelled sessions are void
    expect(await t.db.prisma.notification.count({ where: { bookingId: colleagues.bookingId, type: 'reminder', status: 'pending' } })).toBe(0);
    expect(await status(second.bookingId)).toBe('no_show');
  });

  it('records the reinstatement only for a suspended company, once per suspension, with the amount and a reference', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    expect(await t.h.core.recordReinstatement({ caller: staffAlice, name: 'Acme Crating' })).toEqual({ kind: 'not_suspended', companyName: 'Acme Crating' });
    await book(t.h, c, START);
    await book(t.h, c, WED);
    await closeAt(START, WED);
    t.h.clock.set(mins(WED, 60));
    const both = await Promise.all([
      t.h.core.recordReinstatement({ caller: staffAlice, name: 'Acme Crating', reference: 'BANK-4471' }),
      t.h.core.recordReinstatement({ caller: staffBen, name: 'Acme Crating' }),
    ]);
    expect(both.map((r) => r.kind).sort()).toEqual(['already_reinstated', 'company']);
    const winner = both.find((r) => r.kind === 'company')!;
    expect(winner).toMatchObject({ action: 'reinstated', payment: { amountCents: 10000, currency: 'USD' } });
    const loser = both.find((r) => r.kind === 'already_reinstated')!;
    expect(loser).toMatchObject({ by: winner.kind === 'company' && winner.payment!.reference === 'BANK-4471' ? 'Alice Moreno' : 'Ben Okafor', at: mins(WED, 60).toISOString(), amountCents: 10000 });
    const payments = await t.db.prisma.payment.findMany();
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ purpose: 'reinstatement', amountCents: 10000, suspendedAt: mins(WED, 10) });
    expect(payments[0]!.reference).toMatch(/^(BANK-4471|PAY-\w+)$/);
    // a later press says who recorded it and when
    t.h.clock.set(mins(WED, 90));
    expect(await t.h.core.recordReinstatement({ caller: staffAlice, name: 'Acme Crating' })).toMatchObject({ kind: 'already_reinstated', at: mins(WED, 60).toISOString(), reference: payments[0]!.reference });
    expect(await acme()).toMatchObject({ strikes: 0, suspended: false, suspendedAt: null });
  });

  it('staff reverse a no-show: the strike is removed, the suspension is lifted, the customer is told, and the reversal is audited', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    const first = await book(t.h, c, START);
    const second = await book(t.h, c, WED);
    await closeAt(START, WED);
    expect(await acme()).toMatchObject({ strikes: 2, suspended: true });
    t.h.notifier.clear();
    expect(await t.h.core.reverseNoShow({ caller: c, bookingId: second.bookingId, reason: 'x' })).toEqual({ kind: 'not_allowed' });
    const r = await t.h.core.reverseNoShow({ caller: staffBen, bookingId: second.bookingId, reason: 'She called the phone line; our mistake' });
    expect(r).toMatchObject({ kind: 'reversed', by: 'Ben Okafor', strikeRemoved: true, strikes: 1, suspensionLifted: true });
    expect(await acme()).toMatchObject({ strikes: 1, suspended: false, suspendedAt: null });
    expect(await t.db.prisma.booking.findUniqueOrThrow({ where: { id: second.bookingId } })).toMatchObject({ status: 'confirmed', joinedVia: 'staff_phone' });
    await t.h.sweep();
    expect(notices(t.h, 'no_show_reversed')).toEqual([expect.objectContaining({ strikes: 1, strikeLimit: 2, suspensionLifted: true, reason: 'She called the phone line; our mistake' })]);
    const audit = await t.db.prisma.auditEntry.findMany({ where: { action: { in: ['no_show_reversed', 'strike_removed', 'suspension_lifted'] } }, orderBy: { action: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorKind, a.actorId])).toEqual([
      ['no_show_reversed', 'staff', 'ben'],
      ['strike_removed', 'staff', 'ben'],
      ['suspension_lifted', 'staff', 'ben'],
    ]);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ reason: 'She called the phone line; our mistake' });
    // the suspension is already lifted: reversing the other no-show removes its strike only
    expect(await t.h.core.reverseNoShow({ caller: staffBen, bookingId: first.bookingId, reason: 'also called' })).toMatchObject({ kind: 'reversed', strikes: 0, suspensionLifted: false });
    expect(await t.h.core.reverseNoShow({ caller: staffBen, bookingId: first.bookingId, reason: 'again' })).toEqual({ kind: 'not_no_show', status: 'confirmed' });
    expect((await acme()).strikes).toBe(0);
  });

  it('reversing either of the two no-shows lifts the suspension: one strike is left, below the limit', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    const first = await book(t.h, c, START);
    await book(t.h, c, WED);
    await closeAt(START, WED);
    expect(await acme()).toMatchObject({ strikes: 2, suspended: true });
    const r = await t.h.core.reverseNoShow({ caller: staffBen, bookingId: first.bookingId, reason: 'He called in to the first one' });
    expect(r).toMatchObject({ kind: 'reversed', strikeRemoved: true, strikes: 1, suspensionLifted: true });
    expect(await acme()).toMatchObject({ strikes: 1, suspended: false, suspendedAt: null });
    // free booking works again, without the reinstatement
    expect((await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: THU, payStandardFee: false })).kind).toBe('booked');
  });

  it('reversing a no-show from before a reinstatement neither takes a newer strike away nor lifts a newer suspension', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    const a = await book(t.h, c, START);
    await book(t.h, c, WED);
    const third = new Date('2026-12-07T20:00:00Z'); // Mon 7 Dec 15:00 New York
    const fourth = new Date('2026-12-08T20:00:00Z');
    await closeAt(START, WED);
    expect(await t.h.core.recordReinstatement({ caller: staffAlice, name: 'Acme Crating', reference: 'BANK-1' })).toMatchObject({ kind: 'company' });
    expect(await acme()).toMatchObject({ strikes: 0, suspended: false });
    t.h.clock.set(mins(WED, 20));
    await book(t.h, c, third);
    await book(t.h, c, fourth);
    t.h.clock.set(mins(third, 10));
    await t.h.sweep();
    t.h.clock.set(mins(fourth, 10));
    await t.h.sweep();
    expect(await acme()).toMatchObject({ strikes: 2, suspended: true });
    const r = await t.h.core.reverseNoShow({ caller: staffBen, bookingId: a.bookingId, reason: 'he had called in after all' });
    expect(r).toMatchObject({ kind: 'reversed', strikeRemoved: false, suspensionLifted: false });
    expect(await acme()).toMatchObject({ strikes: 2, suspended: true });
  });

  it('a free emergency request not yet given a time is cancelled by the suspension: staff cannot squeeze it in free afterwards', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    await book(t.h, c, START);
    await book(t.h, c, WED);
    t.h.clock.set(mins(START, 10));
    await t.h.sweep();
    t.h.clock.set(new Date('2026-12-02T14:00:00Z')); // Wed 09:00 New York
    const e = await t.h.core.requestEmergency({ caller: c, description: 'Server down now' });
    if (e.kind !== 'emergency_requested') throw new Error(JSON.stringify(e));
    expect(e.booking).toMatchObject({ priceCents: 0, priceBasis: 'plan_free' });
    t.h.notifier.clear();
    t.h.clock.set(mins(WED, 10));
    await t.h.sweep();
    expect(await acme()).toMatchObject({ strikes: 2, suspended: true });
    expect(await status(e.booking.bookingId)).toBe('cancelled');
    // the customer's suspension notice lists it among the cancelled free sessions; staff are told
    expect(notices(t.h, 'suspended')).toEqual([expect.objectContaining({ cancelled: [expect.objectContaining({ bookingId: e.booking.bookingId })] })]);
    expect(notices(t.h, 'staff_booking_cancelled')).toEqual([expect.objectContaining({ reasonCode: 'suspended', booking: expect.objectContaining({ bookingId: e.booking.bookingId }) })]);
    // without mail, chat has the suspension notice alone (the calendar cancel is for email readers)
    expect(notices(t.h, 'booking_cancelled')).toEqual([]);
    const s = await t.h.core.squeezeIn({ caller: staffAlice, bookingId: e.booking.bookingId, staffId: 'alice', startsAt: new Date('2026-12-02T21:00:00Z') });
    expect(s).toMatchObject({ kind: 'already_decided', status: 'cancelled' });
    expect(await status(e.booking.bookingId)).toBe('cancelled');
  });

  it('the suspension cancels every upcoming free session of the company, not just a first page of them', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    const first = await book(t.h, c, START);
    const second = await book(t.h, c, WED);
    // 54 more free sessions, 10:00-15:00 New York each weekday from Thu 3 Dec to Tue 15 Dec: one booked
    // through core, the rest copies of its row at their own times (the suspension reads rows, not cells)
    const times: Date[] = [];
    for (const day of ['03', '04', '07', '08', '09', '10', '11', '14', '15']) for (let hour = 15; hour <= 20; hour++) times.push(new Date(`2026-12-${day}T${hour}:00:00Z`));
    const model = await t.db.prisma.booking.findUniqueOrThrow({ where: { id: (await book(t.h, c, times[0]!)).bookingId } });
    const { id: _id, reference: _ref, joinToken: _jt, manageToken: _mt, createdAt: _c, updatedAt: _u, ...row } = model;
    const later = [model.id, ...times.slice(1).map((_, i) => `copy${i}`)];
    await t.db.prisma.booking.createMany({
      data: times.slice(1).map((at, i) => ({ ...row, id: `copy${i}`, reference: `SK-COPY${i}`, joinToken: `jt-copy${i}`, manageToken: `mt-copy${i}`, startsAt: at, endsAt: mins(at, 30) })),
    });
    await closeAt(START, WED);
    expect(await acme()).toMatchObject({ suspended: true });
    const statuses = await t.db.prisma.booking.groupBy({ by: ['status'], where: { id: { in: later } }, _count: true });
    expect(statuses.map((g) => [g.status, g._count])).toEqual([['cancelled', 54]]);
    expect([await status(first.bookingId), await status(second.bookingId)]).toEqual(['no_show', 'no_show']);
  });

  it('plan end dates are dates: "through 31 Dec 2027" for staff and for customers in every zone', async () => {
    const created = await t.h.core.createCompany({ caller: staffAlice, name: 'Acme Crating', planUntil: '2027-12-31', code: 'ACME-2026' });
    expect(created).toMatchObject({ kind: 'company', profile: { planThrough: '2027-12-31', planUntil: '2028-01-01T05:00:00.000Z' } });
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      const c = await linkedCustomer(t.h, `U-${zone}`, 'ACME-2026', zone);
      const p = await t.h.core.showProfile({ caller: c });
      expect(p).toMatchObject({ kind: 'profile', profile: { planThrough: '2027-12-31' } });
    }
  });

  it('which no-shows count is configurable: every session priced by the plan (a discount plan)', async () => {
    const config = configWith((c) => { c.fees.plan = { kind: 'discount', percent: 50 }; c.policy.noShowStrikes = 'plan_sessions'; c.policy.approval = 'never'; });
    const h = harness(t.db, { config });
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    const b = await book(h, c, START);
    expect(b).toMatchObject({ priceCents: 3750, priceBasis: 'plan_discount' });
    h.clock.set(mins(START, 10));
    await h.sweep();
    expect((await acme()).strikes).toBe(1);
  });

  it('a suspension takes away a discount plan\'s price too: standard fee until reinstated; discounted sessions already booked stay booked', async () => {
    const config = configWith((c) => { c.fees.plan = { kind: 'discount', percent: 50 }; c.policy.noShowStrikes = 'plan_sessions'; c.policy.approval = 'never'; });
    const h = harness(t.db, { config });
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    await book(h, c, START);
    await book(h, c, WED);
    const later = await book(h, c, THU);
    h.clock.set(mins(START, 10));
    await h.sweep();
    h.clock.set(mins(WED, 10));
    await h.sweep();
    expect(await acme()).toMatchObject({ strikes: 2, suspended: true });
    expect(notices(h, 'suspended')).toEqual([expect.objectContaining({ companyName: 'Acme Crating', feeCents: 10000, cancelled: [] })]);
    // the discounted session already booked is paid, not refundable: the suspension leaves it alone
    expect(await t.db.prisma.booking.findUniqueOrThrow({ where: { id: later.bookingId } })).toMatchObject({ status: 'confirmed', priceCents: 3750, priceBasis: 'plan_discount' });

    const before = await t.db.prisma.booking.count();
    expect(await h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: FRI_NOON_NY, payStandardFee: false })).toEqual({ kind: 'suspended', companyName: 'Acme Crating', reinstatementCents: 10000, feeCents: 7500, currency: 'USD' });
    expect(await h.core.requestEmergency({ caller: c, kind: 'online', lengthMinutes: 30, description: 'Quotes are all zero' })).toEqual({ kind: 'suspended', companyName: 'Acme Crating', reinstatementCents: 10000, feeCents: 12500, currency: 'USD' });
    expect(await t.db.prisma.booking.count()).toBe(before);
    expect(await h.core.feeSchedule({ caller: c })).toMatchObject({ youPay: 'suspended' });
    // it may book at the standard fee
    const paid = await book(h, c, FRI_NOON_NY, { payStandardFee: true });
    expect(await t.db.prisma.booking.findUniqueOrThrow({ where: { id: paid.bookingId } })).toMatchObject({ priceCents: 7500, priceBasis: 'standard_fee' });

    // the reinstatement gives the discount back
    expect(await h.core.recordReinstatement({ caller: staffAlice, name: 'Acme Crating' })).toMatchObject({ kind: 'company', action: 'reinstated' });
    const again = await book(h, c, new Date('2026-12-07T20:00:00Z'));
    expect(await t.db.prisma.booking.findUniqueOrThrow({ where: { id: again.bookingId } })).toMatchObject({ status: 'confirmed', priceCents: 3750, priceBasis: 'plan_discount' });
    expect(await h.core.feeSchedule({ caller: c })).toMatchObject({ youPay: 'discount' });
  });

  it('by default a discounted (paid) plan session earns no strike', async () => {
    const config = configWith((c) => { c.fees.plan = { kind: 'discount', percent: 50 }; c.policy.approval = 'never'; });
    const h = harness(t.db, { config });
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    await book(h, c, START);
    h.clock.set(mins(START, 10));
    await h.sweep();
    expect((await acme()).strikes).toBe(0);
  });
});
