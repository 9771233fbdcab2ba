import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../support/test-database.js';
import { harness, companyWithPlan, linkedCustomer, staffAlice, staffBen, type Harness } from '../support/core-harness.js';
import { START, secs, mins, book, notices } from './helpers.js';
import type { Caller } from '../../core/policy/staff.js';

const WED = new Date('2026-12-02T20:00:00Z');
const THU = new Date('2026-12-03T20:00:00Z');

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`attendance, strikes and suspension on ${dbDef.name}`, () => {
    let db: TestDatabase;
    let h: Harness;
    let c: Caller;
    beforeEach(async () => {
      db = await dbDef.open();
      h = harness(db);
      c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    });
    afterEach(async () => db.close());

    const status = async (id: string) => (await db.prisma.booking.findUniqueOrThrow({ where: { id } })).status;
    const company = () => db.prisma.company.findFirstOrThrow({ where: { name: 'Acme Crating' } });

    it('closes a session nobody joined at start+10 minutes, not a second earlier, with a first-strike warning', async () => {
      const b = await book(h, c, START);
      h.clock.set(secs(mins(START, 10), -1));
      await h.sweep();
      expect(await status(b.bookingId)).toBe('confirmed');
      h.clock.set(mins(START, 10));
      const r = await h.sweep();
      expect(r.jobs).toBeGreaterThan(0);
      expect(await status(b.bookingId)).toBe('no_show');
      expect(notices(h, 'no_show_closed')).toEqual([expect.objectContaining({ strikes: 1, strikeLimit: 2 })]);
      // One message to the customer tells the count ("1 of 2"): no separate strike warning repeating it.
      expect(notices(h, 'strike_warning')).toHaveLength(0);
      expect(h.notifier.delivered.filter((m) => m.recipient.to === 'member' && ['no_show_closed', 'strike_warning', 'suspended'].includes(m.notice.type)).map((m) => m.notice.type)).toEqual(['no_show_closed']);
      expect(notices(h, 'staff_no_show')).toEqual([expect.objectContaining({ strikes: 1, suspended: false })]);
      expect(notices(h, 'suspended')).toHaveLength(0);
      expect(await company()).toMatchObject({ strikes: 1, suspended: false });
      const audit = await db.prisma.auditEntry.findMany({ where: { entityId: b.bookingId, action: 'closed_no_show' } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorKind: 'system' });
    });

    it('a join through the link 29 minutes before the start counts: the session is not closed', async () => {
      const b = await book(h, c, START);
      const token = b.joinUrl.split('/j/')[1]!;
      h.clock.set(mins(START, -29));
      expect(await h.core.openJoinLink({ token })).toMatchObject({ kind: 'joined' });
      h.clock.set(mins(START, 10));
      await h.sweep();
      expect(await status(b.bookingId)).toBe('confirmed');
      expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).toMatchObject({ joinedVia: 'link', joinedAt: mins(START, -29) });
      expect(notices(h, 'no_show_closed')).toHaveLength(0);
      expect((await company()).strikes).toBe(0);
    });

    it('opening the link exactly 30 minutes before the start counts, and a later join keeps the first', async () => {
      const b = await book(h, c, START);
      const token = b.joinUrl.split('/j/')[1]!;
      h.clock.set(mins(START, -30));
      expect(await h.core.openJoinLink({ token })).toMatchObject({ kind: 'joined' });
      h.clock.set(mins(START, 2));
      expect(await h.core.markJoined({ caller: staffAlice, bookingId: b.bookingId, via: 'online' })).toMatchObject({ kind: 'marked' });
      expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).toMatchObject({ joinedVia: 'link', joinedAt: mins(START, -30) });
      expect(await h.core.openJoinLink({ token: 'no-such-token' })).toEqual({ kind: 'not_found' });
    });

    it('opening the link 31 minutes before the start does not count as joining', async () => {
      const b = await book(h, c, START);
      const token = b.joinUrl.split('/j/')[1]!;
      h.clock.set(mins(START, -31));
      expect(await h.core.openJoinLink({ token })).toMatchObject({ kind: 'too_early' });
      h.clock.set(mins(START, 10));
      await h.sweep();
      expect(await status(b.bookingId)).toBe('no_show');
      expect(await h.core.openJoinLink({ token })).toMatchObject({ kind: 'closed', status: 'no_show' });
    });

    it('staff marking the customer joined on the phone line prevents the close; a non-staff caller cannot mark', async () => {
      const b = await book(h, c, START);
      h.clock.set(mins(START, 5));
      expect(await h.core.markJoined({ caller: c, bookingId: b.bookingId, via: 'phone' })).toEqual({ kind: 'not_allowed' });
      expect(await h.core.markJoined({ caller: staffBen, bookingId: b.bookingId, via: 'phone' })).toMatchObject({ kind: 'marked', by: 'Ben Okafor' });
      h.clock.set(mins(START, 10));
      await h.sweep();
      expect(await status(b.bookingId)).toBe('confirmed');
      expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).toMatchObject({ joinedVia: 'staff_phone' });
    });

    it('the second no-show suspends free sessions; then a free booking is refused and a paid one allowed; reinstatement restores them', async () => {
      const colleague = await linkedCustomer(h, 'U2', 'ACME-2026');
      const b1 = await book(h, c, START);
      const b2 = await book(h, colleague, WED);
      h.clock.set(mins(START, 10));
      await h.sweep();
      h.clock.set(mins(WED, 10));
      await h.sweep();
      expect(await status(b1.bookingId)).toBe('no_show');
      expect(await status(b2.bookingId)).toBe('no_show');
      expect(await company()).toMatchObject({ strikes: 2, suspended: true });
      expect(notices(h, 'strike_warning')).toHaveLength(0);
      expect(notices(h, 'no_show_closed').map((n) => n.strikes)).toEqual([1, 2]);
      // no upcoming free session to cancel here; no payment instructions configured
      expect(notices(h, 'suspended')).toEqual([{ type: 'suspended', companyName: 'Acme Crating', feeCents: 10000, currency: 'USD', cancelled: [], paymentInstructions: null }]);
      expect(notices(h, 'staff_no_show').map((n) => n.suspended)).toEqual([false, true]);

      h.clock.set('2026-12-02T21:00:00Z');
      expect(await h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: THU })).toEqual({
        kind: 'suspended', companyName: 'Acme Crating', reinstatementCents: 10000, feeCents: 7500, currency: 'USD',
      });
      const profile = await h.core.showProfile({ caller: c });
      expect(profile).toMatchObject({ kind: 'profile', profile: { suspended: true, strikes: 2 } });
      const paid = await h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: THU, payStandardFee: true });
      expect(paid).toMatchObject({ kind: 'pending_approval', booking: { priceCents: 7500, priceBasis: 'standard_fee' } });

      h.notifier.clear();
      expect(await h.core.recordReinstatement({ caller: c, name: 'Acme Crating' })).toEqual({ kind: 'not_allowed' });
      const r = await h.core.recordReinstatement({ caller: staffAlice, name: 'acme crating' });
      expect(r).toMatchObject({ kind: 'company', action: 'reinstated', profile: { strikes: 0, suspended: false } });
      expect(await company()).toMatchObject({ strikes: 0, suspended: false });
      const payments = await db.prisma.payment.findMany();
      expect(payments).toEqual([expect.objectContaining({ purpose: 'reinstatement', amountCents: 10000, currency: 'USD', recordedBy: 'alice', at: new Date('2026-12-02T21:00:00Z') })]);
      await h.sweep();
      const reinstated = h.notifier.delivered.filter((m) => m.notice.type === 'reinstated');
      expect(reinstated.map((m) => m.platformUserId).sort()).toEqual(['U1', 'U2']);
      const free = await h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-03T15:00:00Z') });
      expect(free).toMatchObject({ kind: 'booked', booking: { priceCents: 0, priceBasis: 'plan_free' } });
    });

    it('a paid session nobody joined closes without a strike (and without a refund)', async () => {
      // The plan ended: the session is at the standard fee.
      expect((await h.core.setPlan({ caller: staffAlice, name: 'Acme Crating', planUntil: null })).kind).toBe('company');
      const b = await book(h, c, START, { payStandardFee: true });
      expect(b).toMatchObject({ status: 'pending_approval', priceCents: 7500 });
      expect((await h.core.approveBooking({ caller: staffAlice, bookingId: b.bookingId })).kind).toBe('approved');
      h.clock.set(mins(START, 10));
      await h.sweep();
      expect(await status(b.bookingId)).toBe('no_show');
      expect(notices(h, 'no_show_closed')).toEqual([expect.objectContaining({ strikes: null })]);
      expect(notices(h, 'strike_warning')).toHaveLength(0);
      expect(notices(h, 'staff_no_show')).toEqual([expect.objectContaining({ strikes: null, suspended: false })]);
      expect((await company()).strikes).toBe(0);
    });
  });
}
