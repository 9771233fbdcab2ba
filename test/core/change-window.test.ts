import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../support/test-database.js';
import { harness, companyWithPlan, linkedCustomer, customer, staffAlice, type Harness } from '../support/core-harness.js';
import { configWith } from '../support/config.js';
import { createCore } from '../../core/index.js';
import { sequentialIds } from '../../core/ports/ids.js';
import { START, CUTOFF, secs, mins, book, notices } from './helpers.js';
import { presentStaffCancel } from '../../bots/shared/present/results.js';
import { contextFor } from '../../bots/shared/present/booking.js';
import { plain } from '../../bots/shared/present/i18n.js';

const WED_3PM_NY = new Date('2026-12-02T20:00:00Z');

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`cancel and reschedule at the 65-minute edge on ${dbDef.name}`, () => {
    let db: TestDatabase;
    let h: Harness;
    beforeEach(async () => {
      db = await dbDef.open();
      h = harness(db);
    });
    afterEach(async () => db.close());

    async function bookedFree() {
      const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      return { c, b: await book(h, c, START) };
    }

    it('a customer cancels one second before the cutoff: cancelled, confirmed back, follow-ups voided, time freed', async () => {
      const { c, b } = await bookedFree();
      h.clock.set(secs(CUTOFF, -1));
      const r = await h.core.cancelBooking({ caller: c, bookingId: b.bookingId });
      expect(r).toMatchObject({ kind: 'cancelled', refunded: false, byStaff: false, booking: { status: 'cancelled' } });
      expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('cancelled');
      expect(await db.prisma.slotCell.count()).toBe(0);
      expect(await db.prisma.notification.count({ where: { type: 'reminder', status: 'pending' } })).toBe(0);
      expect(await db.prisma.job.count({ where: { status: 'pending' } })).toBe(0);
      await h.sweep();
      expect(notices(h, 'booking_cancelled')).toEqual([expect.objectContaining({ by: 'customer', reason: null, refunded: false })]);
      expect(notices(h, 'actions_expired')).toEqual([expect.objectContaining({ why: 'cancelled' })]);
      expect(notices(h, 'staff_booking_cancelled')).toHaveLength(1);
      expect(notices(h, 'reminder')).toHaveLength(0);
    });

    it('a cancel confirmed for the booking as it was (its sequence) cancels nothing once it moved since, and tells nobody', async () => {
      const { c, b } = await bookedFree();
      const asked = await h.core.viewBooking({ caller: c, bookingId: b.bookingId });
      if (asked.kind !== 'booking') throw new Error(asked.kind);
      const shownSequence = asked.booking.sequence!;
      expect((await h.core.rescheduleBooking({ caller: c, bookingId: b.bookingId, startsAt: WED_3PM_NY })).kind).toBe('rescheduled');
      await h.sweep();
      h.notifier.clear();

      expect(await h.core.cancelBooking({ caller: c, bookingId: b.bookingId, expectedSequence: shownSequence })).toEqual({ kind: 'changed' });
      expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).toMatchObject({ status: 'confirmed', startsAt: WED_3PM_NY });
      expect(await db.prisma.slotCell.count({ where: { bookingId: b.bookingId } })).toBeGreaterThan(0);
      expect(await db.prisma.auditEntry.count({ where: { entityId: b.bookingId, action: 'cancelled' } })).toBe(0);
      await h.sweep();
      expect(notices(h, 'booking_cancelled')).toEqual([]);
      expect(notices(h, 'staff_booking_cancelled')).toEqual([]);

      // The store's guard too: a conditional update at the old sequence changes nothing.
      expect(await db.store.transaction((tx) => tx.bookings.transition(b.bookingId, ['confirmed'], { status: 'cancelled' }, { sequence: shownSequence }))).toBeNull();

      // Asked again, the question shows the booking as it is now: that sequence cancels it.
      const again = await h.core.viewBooking({ caller: c, bookingId: b.bookingId });
      if (again.kind !== 'booking') throw new Error(again.kind);
      expect(again.booking.startsAt).toBe(WED_3PM_NY.toISOString());
      expect(again.booking.sequence).toBeGreaterThan(shownSequence);
      expect(await h.core.cancelBooking({ caller: c, bookingId: b.bookingId, expectedSequence: again.booking.sequence! })).toMatchObject({ kind: 'cancelled', booking: { startsAt: WED_3PM_NY.toISOString() } });
    });

    it('a second cancel finds the booking no longer active, and the freed time can be booked again', async () => {
      const { c, b } = await bookedFree();
      expect((await h.core.cancelBooking({ caller: c, bookingId: b.bookingId })).kind).toBe('cancelled');
      expect(await h.core.cancelBooking({ caller: c, bookingId: b.bookingId })).toEqual({ kind: 'not_active', status: 'cancelled' });
      expect(await h.core.rescheduleBooking({ caller: c, bookingId: b.bookingId, startsAt: WED_3PM_NY })).toEqual({ kind: 'not_active', status: 'cancelled' });
      expect(await h.core.cancelBooking({ caller: c, bookingId: 'SK-NOPE1' })).toEqual({ kind: 'not_found' });
      expect((await book(h, c, START)).status).toBe('confirmed');
    });

    it('a customer cancels at the cutoff itself: still accepted', async () => {
      const { c, b } = await bookedFree();
      h.clock.set(CUTOFF);
      expect((await h.core.cancelBooking({ caller: c, bookingId: b.bookingId })).kind).toBe('cancelled');
    });

    it('a customer cancels one second after the cutoff: too_late with the exact cutoff, nothing changes', async () => {
      const { c, b } = await bookedFree();
      h.clock.set(secs(CUTOFF, 1));
      expect(await h.core.cancelBooking({ caller: c, bookingId: b.bookingId })).toEqual({ kind: 'too_late', cutoff: CUTOFF.toISOString(), zone: 'America/New_York' });
      expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('confirmed');
      expect(await db.prisma.slotCell.count()).toBeGreaterThan(0);
    });

    it('a customer reschedules one second before the cutoff but not one second after', async () => {
      const { c, b } = await bookedFree();
      h.clock.set(secs(CUTOFF, 1));
      expect(await h.core.rescheduleBooking({ caller: c, bookingId: b.bookingId, startsAt: WED_3PM_NY })).toEqual({ kind: 'too_late', cutoff: CUTOFF.toISOString(), zone: 'America/New_York' });
      h.clock.set(secs(CUTOFF, -1));
      const r = await h.core.rescheduleBooking({ caller: c, bookingId: b.bookingId, startsAt: WED_3PM_NY });
      expect(r).toMatchObject({ kind: 'rescheduled', previousStartsAt: START.toISOString(), booking: { startsAt: WED_3PM_NY.toISOString() } });
    });

    it('staff cancel after the cutoff with a reason, and the customer is told the reason', async () => {
      const { b } = await bookedFree();
      h.clock.set(mins(START, -20));
      const r = await h.core.cancelBooking({ caller: staffAlice, bookingId: b.bookingId, reason: 'Our line is down today' });
      expect(r).toMatchObject({ kind: 'cancelled', byStaff: true, refunded: false });
      await h.sweep();
      expect(notices(h, 'booking_cancelled')).toEqual([expect.objectContaining({ by: 'staff', reason: 'Our line is down today', refunded: false })]);
      expect(notices(h, 'staff_booking_cancelled')).toEqual([expect.objectContaining({ by: 'staff', reason: 'Our line is down today' })]);
      // and the no-show check that would have run at +10 minutes does nothing
      h.clock.set(mins(START, 11));
      await h.sweep();
      expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('cancelled');
    });

    it('a paid session cancelled in time says it is not refunded', async () => {
      const never = harness(db, { config: configWith((cfg) => { cfg.policy.approval = 'never'; }) });
      const c = customer('U7');
      const b = await book(never, c, START, { payStandardFee: true });
      expect(b).toMatchObject({ status: 'confirmed', priceCents: 7500, priceBasis: 'standard_fee' });
      const r = await never.core.cancelBooking({ caller: c, bookingId: b.bookingId });
      expect(r).toMatchObject({ kind: 'cancelled', refunded: false, booking: { priceCents: 7500 } });
      await never.sweep();
      expect(notices(never, 'booking_cancelled')).toEqual([expect.objectContaining({ refunded: false, booking: expect.objectContaining({ priceCents: 7500 }) })]);
    });

    it('staff cancel a paid session where the vendor refunds those: staff and the customer are both told it is refunded', async () => {
      const refunds = harness(db, { config: configWith((cfg) => { cfg.policy.approval = 'never'; cfg.payment.staffCancelPaid = 'refund'; }) });
      const b = await book(refunds, customer('U7'), START, { payStandardFee: true });
      const r = await refunds.core.cancelBooking({ caller: staffAlice, bookingId: b.bookingId, reason: 'Our line is down today' });
      expect(r).toMatchObject({ kind: 'cancelled', byStaff: true, refunded: true, booking: { priceCents: 7500 } });
      await refunds.sweep();
      expect(notices(refunds, 'booking_cancelled')).toEqual([expect.objectContaining({ by: 'staff', refunded: true })]);
      // what the staff member reads back
      const told = plain(presentStaffCancel(contextFor(refunds.config, 'en'), r).message.summary);
      expect(told).toContain('The fee will be refunded.');
      expect(told).not.toContain('not refunded');
    });

    it('a reschedule voids the old reminders and checks and plans new ones for the new time', async () => {
      const { c, b } = await bookedFree();
      await h.core.rescheduleBooking({ caller: c, bookingId: b.bookingId, startsAt: WED_3PM_NY });
      const reminders = await db.prisma.notification.findMany({ where: { type: 'reminder' }, orderBy: [{ status: 'asc' }, { dueAt: 'asc' }] });
      expect(reminders.map((n) => [n.status, n.dueAt.toISOString()])).toEqual([
        ['pending', '2026-12-01T20:00:00.000Z'],
        ['pending', '2026-12-02T18:00:00.000Z'],
        ['void', '2026-11-30T20:00:00.000Z'],
        ['void', '2026-12-01T18:00:00.000Z'],
      ]);
      const jobs = await db.prisma.job.findMany({ orderBy: [{ status: 'asc' }, { dueAt: 'asc' }] });
      expect(jobs.map((j) => [j.status, j.type, j.dueAt.toISOString()])).toEqual([
        ['pending', 'cutoff_passed', '2026-12-02T18:55:01.000Z'],
        ['pending', 'no_show_check', '2026-12-02T20:10:00.000Z'],
        ['void', 'cutoff_passed', '2026-12-01T18:55:01.000Z'],
        ['void', 'no_show_check', '2026-12-01T20:10:00.000Z'],
      ]);
      // nothing happens at the old time
      h.clock.set(mins(START, 11));
      await h.sweep();
      expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('confirmed');
      expect(notices(h, 'booking_rescheduled')).toEqual([expect.objectContaining({ previousStartsAt: START.toISOString() })]);
      expect(notices(h, 'reminder').map((n) => n.minutesBefore)).toEqual([1440]);
    });

    it('a reschedule keeps the price booked even after the fee schedule changed', async () => {
      const cfg = configWith((x) => { x.policy.approval = 'never'; });
      const before = harness(db, { config: cfg });
      const c = customer('U8');
      const b = await book(before, c, START, { payStandardFee: true });
      const raised = harness(db, { config: configWith((x) => { x.policy.approval = 'never'; x.fees.standard.online['30'] = 95; }) });
      const r = await raised.core.rescheduleBooking({ caller: c, bookingId: b.bookingId, startsAt: WED_3PM_NY });
      expect(r).toMatchObject({ kind: 'rescheduled', booking: { priceCents: 7500, priceBasis: 'standard_fee' } });
      expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).priceCents).toBe(7500);
    });

    it('audits who did each change, through which platform, when', async () => {
      const { c, b } = await bookedFree();
      const bookedAt = h.clock.now().toISOString();
      h.clock.set('2026-11-30T15:00:00Z');
      await h.core.rescheduleBooking({ caller: c, bookingId: b.bookingId, startsAt: WED_3PM_NY });
      h.clock.set('2026-11-30T16:00:00Z');
      await h.core.cancelBooking({ caller: { ...staffAlice, platform: 'slack' }, bookingId: b.bookingId, reason: 'double booked' });
      const hist = await h.core.bookingHistory({ caller: staffAlice, bookingId: b.reference });
      expect(hist.kind).toBe('history');
      if (hist.kind !== 'history') return;
      const member = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'U1' } });
      expect(hist.entries.map((e) => ({ action: e.action, actor: e.actor, at: e.at.toISOString() }))).toEqual([
        { action: 'booked', actor: { kind: 'member', memberId: member.id, platform: 'slack' }, at: bookedAt },
        { action: 'rescheduled', actor: { kind: 'member', memberId: member.id, platform: 'slack' }, at: '2026-11-30T15:00:00.000Z' },
        { action: 'cancelled', actor: { kind: 'staff', staffId: 'alice', platform: 'slack' }, at: '2026-11-30T16:00:00.000Z' },
      ]);
      expect(hist.entries[1]!.details).toMatchObject({ from: START.toISOString(), to: WED_3PM_NY.toISOString() });
      expect(hist.entries[2]!.details).toMatchObject({ reason: 'double booked' });
    });

    it('lets exactly one concurrent reschedule per staff member into the same slot', async () => {
      const code = await companyWithPlan(h);
      const callers = await Promise.all(['R1', 'R2', 'R3', 'R4', 'R5', 'R6'].map((u) => linkedCustomer(h, u, code)));
      // six bookings on Wednesday, at different times
      const wed = ['14:00', '15:00', '16:00', '17:00', '18:00', '19:00'].map((t) => new Date(`2026-12-02T${t}:00Z`));
      const bookings = [];
      for (let i = 0; i < 6; i++) bookings.push(await book(h, callers[i]!, wed[i]!, { lengthMinutes: 60 }));
      // a second instance of the bot, sharing the database
      const other = createCore({ store: db.store, clock: h.clock, ids: sequentialIds('other'), config: h.config });
      const target = new Date('2026-12-01T15:00:00Z');
      const results = await Promise.all(bookings.map((b, i) => (i % 2 ? other : h.core).rescheduleBooking({ caller: callers[i]!, bookingId: b.bookingId, startsAt: target })));
      expect(results.filter((r) => r.kind === 'rescheduled')).toHaveLength(2);
      expect(results.filter((r) => r.kind === 'slot_taken')).toHaveLength(4);
      const atTarget = await db.prisma.booking.findMany({ where: { startsAt: target } });
      expect(atTarget.map((b) => b.staffId).sort()).toEqual(['alice', 'ben']);
      // the losers kept their old time and their cells
      expect(await db.prisma.booking.count({ where: { startsAt: { in: wed } } })).toBe(4);
      expect(await db.prisma.slotCell.count({ where: { kind: 'session' } })).toBe(6 * 12);
      // and each its 10-minute buffer after the session
      expect(await db.prisma.slotCell.count({ where: { kind: 'buffer' } })).toBe(6 * 2);
    });
  });
}
