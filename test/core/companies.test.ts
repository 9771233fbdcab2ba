import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../support/test-database.js';
import { harness, companyWithPlan, linkedCustomer, customer, staffAlice, type Harness } from '../support/core-harness.js';
import { START, mins, book } from './helpers.js';

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`companies, codes and staff-only actions on ${dbDef.name}`, () => {
    let db: TestDatabase;
    let h: Harness;
    beforeEach(async () => {
      db = await dbDef.open();
      h = harness(db);
    });
    afterEach(async () => db.close());

    it('allows 5 wrong codes per hour, then code_locked with the time to retry; after it, the right code links', async () => {
      await companyWithPlan(h);
      const c = customer('U9');
      const t0 = h.clock.now();
      const answers = [];
      for (let i = 0; i < 5; i++) {
        h.clock.set(mins(t0, i));
        answers.push(await h.core.linkCompany({ caller: c, code: `WRONG-${i}000` }));
      }
      expect(answers).toEqual([
        { kind: 'code_invalid', attemptsLeft: 4 },
        { kind: 'code_invalid', attemptsLeft: 3 },
        { kind: 'code_invalid', attemptsLeft: 2 },
        { kind: 'code_invalid', attemptsLeft: 1 },
        { kind: 'code_locked', retryAt: mins(t0, 60).toISOString() },
      ]);
      // even the right code is refused while locked, and a locked attempt is not counted
      h.clock.set(mins(t0, 59));
      expect(await h.core.linkCompany({ caller: c, code: 'ACME-2026' })).toEqual({ kind: 'code_locked', retryAt: mins(t0, 60).toISOString() });
      expect(await h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: START, code: 'ACME-2026' })).toEqual({ kind: 'code_locked', retryAt: mins(t0, 60).toISOString() });
      expect(await db.prisma.linkAttempt.count()).toBe(5);
      h.clock.set(mins(t0, 60));
      expect(await h.core.linkCompany({ caller: c, code: 'acme2026' })).toMatchObject({ kind: 'linked', profile: { companyName: 'Acme Crating', code: 'ACME2026' } });
      // another person is not affected by someone else's failures
      expect(await h.core.linkCompany({ caller: customer('U10'), code: 'ACME-2026' })).toMatchObject({ kind: 'linked' });
    });

    it('a rotated code stops working at once; linked members keep their link and see the new code in their profile', async () => {
      const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      expect(await h.core.showProfile({ caller: c })).toMatchObject({ kind: 'profile', profile: { code: 'ACME2026' } });
      const r = await h.core.rotateCode({ caller: staffAlice, name: 'Acme Crating' });
      expect(r.kind).toBe('company');
      if (r.kind !== 'company') return;
      const fresh = r.profile.code!;
      expect(fresh).not.toBe('ACME2026');
      expect(await h.core.linkCompany({ caller: customer('U2'), code: 'ACME-2026' })).toEqual({ kind: 'code_invalid', attemptsLeft: 4 });
      expect(await h.core.linkCompany({ caller: customer('U2'), code: fresh })).toMatchObject({ kind: 'linked' });
      expect(await h.core.showProfile({ caller: c })).toMatchObject({ kind: 'profile', profile: { code: fresh } });
      expect(await h.core.showProfile({ caller: customer('U3') })).toEqual({ kind: 'not_linked', zone: 'America/New_York' });
      // the code never reaches the audit log
      const audit = await db.prisma.auditEntry.findMany({ where: { action: 'code_rotated' } });
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).not.toContain(fresh);
      expect(audit[0]).toMatchObject({ actorKind: 'staff', actorId: 'alice', platform: 'slack' });
    });

    it('refuses every staff-only action to a customer and audits each attempt', async () => {
      const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      const b = await book(h, c, START);
      const refused = await Promise.all([
        h.core.approveBooking({ caller: c, bookingId: b.bookingId }),
        h.core.declineBooking({ caller: c, bookingId: b.bookingId, reason: 'x' }),
        h.core.squeezeIn({ caller: c, bookingId: b.bookingId, staffId: 'alice', startsAt: START }),
        h.core.markJoined({ caller: c, bookingId: b.bookingId, via: 'online' }),
        h.core.staffDay({ caller: c }),
        h.core.bookingHistory({ caller: c, bookingId: b.bookingId }),
        h.core.createCompany({ caller: c, name: 'Mine' }),
        h.core.setPlan({ caller: c, name: 'Acme Crating', planUntil: null }),
        h.core.rotateCode({ caller: c, name: 'Acme Crating' }),
        h.core.recordReinstatement({ caller: c, name: 'Acme Crating' }),
      ]);
      expect(refused.map((r) => r.kind)).toEqual(Array(10).fill('not_allowed'));
      const member = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'U1' } });
      const audit = await db.prisma.auditEntry.findMany({ where: { action: 'refused_staff_action' } });
      expect(audit).toHaveLength(10);
      for (const a of audit) expect(a).toMatchObject({ actorKind: 'member', actorId: member.id, platform: 'slack', entity: 'member', entityId: member.id, at: h.clock.now() });
      expect(audit.map((a) => JSON.parse(a.details).action).sort()).toEqual(
        ['approve', 'create_company', 'decline', 'mark_joined', 'record_reinstatement', 'rotate_code', 'set_plan', 'squeeze_in', 'view_day', 'view_history'],
      );
      expect(await db.prisma.company.count()).toBe(1);
      expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('confirmed');
      // a Discord member holding the staff role is staff
      expect(h.core.isStaff({ platform: 'discord', userId: '999', roles: ['300000000000000001'] })).toBe(true);
      expect(h.core.isStaff({ platform: 'discord', userId: '999', roles: [] })).toBe(false);
    });

    it('a customer cannot cancel or move another company\'s booking', async () => {
      const a = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      const b = await book(h, a, START);
      await companyWithPlan(h, 'Other Co', 'OTHER-1234');
      const stranger = await linkedCustomer(h, 'U2', 'OTHER-1234');
      expect(await h.core.cancelBooking({ caller: stranger, bookingId: b.bookingId })).toEqual({ kind: 'not_allowed' });
      expect(await h.core.rescheduleBooking({ caller: stranger, bookingId: b.bookingId, startsAt: new Date('2026-12-02T20:00:00Z') })).toEqual({ kind: 'not_allowed' });
      const colleague = await linkedCustomer(h, 'U3', 'ACME-2026');
      expect((await h.core.cancelBooking({ caller: colleague, bookingId: b.reference })).kind).toBe('cancelled');
    });

    describe('CSV import', () => {
      it('imports a good file with codes (generated when empty) and audits each company', async () => {
        const r = await h.core.importCompanies('name,plan_end,code\nAcme,2027-06-30,ACME-0001\n"Crates, Inc.",,\n');
        expect(r.kind).toBe('imported');
        if (r.kind !== 'imported') return;
        expect(r.companies[0]).toEqual({ name: 'Acme', code: 'ACME0001', planUntil: '2027-07-01T04:00:00.000Z' });
        expect(r.companies[1]).toMatchObject({ name: 'Crates, Inc.', planUntil: null, code: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/) });
        expect(await db.prisma.company.count()).toBe(2);
        expect(await db.prisma.auditEntry.count({ where: { action: 'imported' } })).toBe(2);
        expect(await h.core.linkCompany({ caller: customer('U1'), code: r.companies[1]!.code })).toMatchObject({ kind: 'linked', profile: { companyName: 'Crates, Inc.' } });
      });
      it('reports bad rows by line number and imports none', async () => {
        const r = await h.core.importCompanies('name,plan_end,code\nGood,2027-06-30,\nBad,tomorrow,\n,,\n');
        expect(r).toEqual({ kind: 'invalid', errors: [
          { line: 3, message: 'plan_end "tomorrow" is not a date like 2027-06-30' },
          { line: 4, message: 'has no company name' },
        ] });
        expect(await db.prisma.company.count()).toBe(0);
      });
      it('rolls the whole file back when a row names an existing company or uses an existing code', async () => {
        await companyWithPlan(h);
        const r = await h.core.importCompanies('name,plan_end,code\nFirst New,,\nAcme Crating,2027-06-30,\nSecond New,,acme-2026\n');
        expect(r).toEqual({ kind: 'invalid', errors: [
          { line: 3, message: 'a company named "Acme Crating" already exists' },
          { line: 4, message: 'that code is already used by another company' },
        ] });
        expect((await db.prisma.company.findMany()).map((c) => c.name)).toEqual(['Acme Crating']);
        expect(await db.prisma.auditEntry.count({ where: { action: 'imported' } })).toBe(0);
      });
    });
  });
}
