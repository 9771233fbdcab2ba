import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../support/test-database.js';
import { harness, companyWithPlan, linkedCustomer, customer, staffAlice, staffBen, type Harness } from '../support/core-harness.js';
import { configWith } from '../support/config.js';
import { START, book, notices } from './helpers.js';

const onlyAlice = () => configWith((cfg) => { cfg.staff = cfg.staff.filter((s) => s.id === 'alice'); });

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`emergencies and approval modes on ${dbDef.name}`, () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await dbDef.open();
    });
    afterEach(async () => db.close());

    it('offers the earliest squeeze-in times today, staff squeeze it in, and the customer is told the exact time', async () => {
      const h = harness(db);
      const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      const r = await h.core.requestEmergency({ caller: c, description: 'Our crate quotes are all zero', urgency: 'critical' });
      expect(r.kind).toBe('emergency_requested');
      if (r.kind !== 'emergency_requested') return;
      // A plan customer's emergency is priced by the plan (fees.emergencySurchargeForPlan: false).
      expect(r.booking).toMatchObject({ status: 'emergency_requested', startsAt: null, priceCents: 0, priceBasis: 'plan_free', emergency: true });
      // Monday 09:00 NY: the first grid time at least 5 minutes ahead is 09:05 NY, for both.
      expect(r.options.slice(0, 2)).toEqual([
        expect.objectContaining({ staffId: 'alice', startsAt: '2026-11-30T14:05:00.000Z', endsAt: '2026-11-30T14:35:00.000Z', bufferShortenedBy: 0 }),
        expect.objectContaining({ staffId: 'ben', startsAt: '2026-11-30T14:05:00.000Z', bufferShortenedBy: 0 }),
      ]);
      await h.sweep();
      expect(notices(h, 'emergency_received')).toHaveLength(1);
      expect(notices(h, 'staff_emergency_request')).toEqual([expect.objectContaining({ urgency: 'critical', options: r.options })]);

      expect(await h.core.squeezeIn({ caller: c, bookingId: r.booking.bookingId, staffId: 'alice', startsAt: new Date(r.options[0]!.startsAt) })).toEqual({ kind: 'not_allowed' });
      const s = await h.core.squeezeIn({ caller: staffAlice, bookingId: r.booking.bookingId, staffId: 'alice', startsAt: new Date(r.options[0]!.startsAt) });
      expect(s).toMatchObject({ kind: 'scheduled', by: 'Alice Moreno', booking: { status: 'confirmed', startsAt: '2026-11-30T14:05:00.000Z', staffName: 'Alice Moreno' } });
      await h.sweep();
      expect(notices(h, 'emergency_scheduled')).toEqual([expect.objectContaining({ booking: expect.objectContaining({ startsAt: '2026-11-30T14:05:00.000Z', zone: 'America/New_York' }) })]);
      // the second staff member to act finds it decided, and by whom
      const again = await h.core.squeezeIn({ caller: staffBen, bookingId: r.booking.bookingId, staffId: 'ben', startsAt: new Date('2026-11-30T14:05:00Z') });
      expect(again).toMatchObject({ kind: 'already_decided', status: 'confirmed', by: 'Alice Moreno' });
      const row = await db.prisma.booking.findUniqueOrThrow({ where: { id: r.booking.bookingId } });
      expect(row).toMatchObject({ status: 'confirmed', staffId: 'alice', startsAt: new Date('2026-11-30T14:05:00Z') });
      // the squeezed-in session gets a no-show check like any other
      expect(await db.prisma.job.count({ where: { bookingId: row.id, type: 'no_show_check', status: 'pending' } })).toBe(1);
      // Squeezed in 5 minutes ahead: the confirmation already says it cannot be changed, so no
      // "less than 65 minutes" notice follows it, now or later.
      expect(await db.prisma.job.count({ where: { bookingId: row.id, type: 'cutoff_passed' } })).toBe(0);
      h.clock.set('2026-11-30T14:04:00Z');
      await h.sweep();
      expect(notices(h, 'actions_expired')).toHaveLength(0);
    });

    it('offers a buffer-shortened time when the only gaps today are inside buffers', async () => {
      const h = harness(db, { config: onlyAlice(), now: '2026-11-29T12:00:00Z' });
      const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      // Monday: Alice (09:00-17:00 NY = 14:00-22:00Z) with 30-minute gaps between sessions (each keeps a 10-minute buffer).
      for (const [t, len] of [['14:00', 60], ['15:30', 60], ['17:00', 60], ['18:30', 60], ['20:00', 60], ['21:30', 30]] as const) {
        await book(h, c, new Date(`2026-11-30T${t}:00Z`), { lengthMinutes: len });
      }
      h.clock.set('2026-11-30T14:00:00Z');
      const r = await h.core.requestEmergency({ caller: c, description: 'Server down', lengthMinutes: 30 });
      expect(r.kind).toBe('emergency_requested');
      if (r.kind !== 'emergency_requested') return;
      expect(r.options.map((o) => [o.startsAt, o.bufferShortenedBy])).toEqual([
        ['2026-11-30T15:00:00.000Z', 20],
        ['2026-11-30T16:30:00.000Z', 20],
      ]);
      const s = await h.core.squeezeIn({ caller: staffAlice, bookingId: r.booking.bookingId, staffId: 'alice', startsAt: new Date(r.options[0]!.startsAt) });
      expect(s).toMatchObject({ kind: 'scheduled', booking: { startsAt: '2026-11-30T15:00:00.000Z' } });
    });

    it('a squeezed-in emergency moved by the customer to an ordinary time keeps the ordinary buffer after it', async () => {
      const h = harness(db, { config: onlyAlice() });
      const code = await companyWithPlan(h);
      const c = await linkedCustomer(h, 'U1', code);
      const r = await h.core.requestEmergency({ caller: c, description: 'Server down', lengthMinutes: 30 });
      if (r.kind !== 'emergency_requested') throw new Error(JSON.stringify(r));
      // squeezed in this afternoon, 15:00 New York: more than 65 minutes ahead, so the customer may move it
      expect((await h.core.squeezeIn({ caller: staffAlice, bookingId: r.booking.bookingId, staffId: 'alice', startsAt: new Date('2026-11-30T20:00:00Z') })).kind).toBe('scheduled');
      expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: r.booking.bookingId } })).toMatchObject({ bufferMinutes: 0 });
      // Thu 3 Dec 10:00-10:30 New York; online sessions keep 10 minutes after them
      const moved = await h.core.rescheduleBooking({ caller: c, bookingId: r.booking.bookingId, startsAt: new Date('2026-12-03T15:00:00Z') });
      expect(moved.kind).toBe('rescheduled');
      expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: r.booking.bookingId } })).toMatchObject({ bufferMinutes: 10 });
      const other = await linkedCustomer(h, 'U2', code);
      const clash = await h.core.bookSession({ caller: other, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-03T15:30:00Z'), payStandardFee: false });
      expect(clash.kind).toBe('slot_taken');
      expect((await h.core.bookSession({ caller: other, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-03T16:00:00Z'), payStandardFee: false })).kind).toBe('booked');
    });

    it('two staff squeezing the same emergency in at once: exactly one schedules it', async () => {
      const h = harness(db);
      const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      const r = await h.core.requestEmergency({ caller: c, description: 'Everything is on fire' });
      if (r.kind !== 'emergency_requested') throw new Error(r.kind);
      const [a, b] = await Promise.all([
        h.core.squeezeIn({ caller: staffAlice, bookingId: r.booking.bookingId, staffId: 'alice', startsAt: new Date('2026-11-30T14:30:00Z') }),
        h.core.squeezeIn({ caller: staffBen, bookingId: r.booking.bookingId, staffId: 'ben', startsAt: new Date('2026-11-30T14:15:00Z') }),
      ]);
      expect([a.kind, b.kind].sort()).toEqual(['already_decided', 'scheduled']);
      expect(await db.prisma.slotCell.count()).toBe(6);
      await h.sweep();
      expect(notices(h, 'emergency_scheduled')).toHaveLength(1);
    });

    it('declining an emergency tells the customer with the reason', async () => {
      const h = harness(db);
      const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      const r = await h.core.requestEmergency({ caller: c, description: 'Need help now' });
      if (r.kind !== 'emergency_requested') throw new Error(r.kind);
      expect(await h.core.declineBooking({ caller: c, bookingId: r.booking.bookingId, reason: 'no' })).toEqual({ kind: 'not_allowed' });
      const d = await h.core.declineBooking({ caller: staffBen, bookingId: r.booking.bookingId, reason: 'Nobody free today; please book tomorrow' });
      expect(d).toMatchObject({ kind: 'declined', by: 'Ben Okafor' });
      await h.sweep();
      expect(notices(h, 'emergency_declined')).toEqual([expect.objectContaining({ reason: 'Nobody free today; please book tomorrow' })]);
      expect(notices(h, 'booking_declined')).toHaveLength(0);
      expect(await h.core.squeezeIn({ caller: staffAlice, bookingId: r.booking.bookingId, staffId: 'alice', startsAt: new Date('2026-11-30T15:00:00Z') })).toMatchObject({ kind: 'already_decided', status: 'declined', by: 'Ben Okafor' });
    });

    it('a suspended company cannot request a free emergency but may pay for one', async () => {
      const h = harness(db);
      const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      await db.prisma.company.updateMany({ data: { strikes: 2, suspended: true } });
      expect(await h.core.requestEmergency({ caller: c, description: 'Help' })).toEqual({ kind: 'suspended', companyName: 'Acme Crating', reinstatementCents: 10000, feeCents: 12500, currency: 'USD' });
      expect(await h.core.requestEmergency({ caller: c, description: 'Help', payStandardFee: true })).toMatchObject({ kind: 'emergency_requested', booking: { priceCents: 12500 } });
    });

    describe('approval modes', () => {
      it('never: a paid booking is confirmed at once', async () => {
        const h = harness(db, { config: configWith((cfg) => { cfg.policy.approval = 'never'; }) });
        expect(await book(h, customer('U5'), START, { payStandardFee: true })).toMatchObject({ status: 'confirmed', priceCents: 7500 });
        await h.sweep();
        expect(h.notifier.types()).toEqual(['booking_confirmed']);
      });
      it('paid_only: a free booking is confirmed, a paid one waits for staff', async () => {
        const h = harness(db);
        const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
        expect(await book(h, c, START)).toMatchObject({ status: 'confirmed', priceCents: 0 });
        expect(await book(h, customer('U5'), START, { payStandardFee: true })).toMatchObject({ status: 'pending_approval' });
      });
      it('always: even a free booking waits; nothing but the approval timeout is planned until approval; a decline tells the customer', async () => {
        const h = harness(db, { config: configWith((cfg) => { cfg.policy.approval = 'always'; }) });
        const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
        const b = await book(h, c, START);
        expect(b).toMatchObject({ status: 'pending_approval', priceCents: 0 });
        expect(await db.prisma.notification.count({ where: { type: 'reminder' } })).toBe(0);
        // only the approval timeout: reminders and the no-show check wait for approval
        expect((await db.prisma.job.findMany()).map((j) => [j.type, j.dueAt.toISOString()])).toEqual([['approval_timeout', START.toISOString()]]);
        await h.sweep();
        expect(h.notifier.types().sort()).toEqual(['booking_pending', 'staff_approval_request']);
        const d = await h.core.declineBooking({ caller: staffAlice, bookingId: b.bookingId, reason: 'Fully booked that day' });
        expect(d).toMatchObject({ kind: 'declined' });
        expect(await db.prisma.slotCell.count()).toBe(0);
        await h.sweep();
        expect(notices(h, 'booking_declined')).toEqual([expect.objectContaining({ reason: 'Fully booked that day' })]);
        expect(await h.core.approveBooking({ caller: staffBen, bookingId: b.bookingId })).toMatchObject({ kind: 'already_decided', status: 'declined', by: 'Alice Moreno' });
      });
    });
  });
}
