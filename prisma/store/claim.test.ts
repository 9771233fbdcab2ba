import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../../test/support/test-database.js';
import { idSlices } from './claim.js';

const NOW = new Date('2026-11-30T14:00:00Z');
const LEASE = new Date(NOW.getTime() + 120_000);

describe('idSlices', () => {
  it('splits into slices of at most 500 and keeps every id once, in order', () => {
    const ids = Array.from({ length: 1201 }, (_, i) => `n${i}`);
    const slices = idSlices(ids);
    expect(slices.map((s) => s.length)).toEqual([500, 500, 201]);
    expect(slices.flat()).toEqual(ids);
    expect(idSlices([])).toEqual([]);
  });
});

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`claiming due rows on ${dbDef.name}`, () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await dbDef.open();
    });
    afterEach(async () => db.close());

    it('claims 2,500 due messages in one call (more than SQLite allows parameters in one statement)', async () => {
      const rows = Array.from({ length: 2500 }, (_, i) => ({ type: 'reminder', recipient: 'staff', payload: '{"type":"reminder"}', dueAt: new Date(NOW.getTime() - i * 1000) }));
      for (let i = 0; i < rows.length; i += 500) await db.prisma.notification.createMany({ data: rows.slice(i, i + 500) });
      await db.prisma.notification.create({ data: { type: 'reminder', recipient: 'staff', payload: '{}', dueAt: new Date(NOW.getTime() + 1000) } });
      const claimed = await db.store.transaction((tx) => tx.outbox.claimDue(NOW, 5000, 'big', LEASE));
      expect(claimed).toHaveLength(2500);
      expect(await db.prisma.notification.count({ where: { claimToken: 'big', attempts: 1 } })).toBe(2500);
      // a second sweeper finds nothing left to claim; the future row stays unclaimed
      expect(await db.store.transaction((tx) => tx.outbox.claimDue(NOW, 5000, 'other', LEASE))).toEqual([]);
      expect(await db.prisma.notification.count({ where: { claimToken: null } })).toBe(1);
    });

    it('claims due jobs in slices too, and only pending ones', async () => {
      const member = await db.prisma.member.create({ data: { platform: 'slack', platformUserId: 'U1' } });
      const booking = await db.prisma.booking.create({ data: {
        reference: 'SK-1', memberId: member.id, kind: 'online', status: 'confirmed', lengthMinutes: 30, bufferMinutes: 10, priceCents: 0, currency: 'USD',
        priceBasis: 'plan_free', joinToken: 'jt1', phoneNumber: '+1', phonePin: '1', platform: 'slack',
      } });
      const jobs = Array.from({ length: 1200 }, (_, i) => ({ bookingId: booking.id, type: 'no_show_check', dueAt: new Date(NOW.getTime() - i * 1000), status: i % 100 === 0 ? 'void' : 'pending' }));
      for (let i = 0; i < jobs.length; i += 400) await db.prisma.job.createMany({ data: jobs.slice(i, i + 400) });
      const claimed = await db.store.transaction((tx) => tx.jobs.claimDue(NOW, 2000, 'jobs', LEASE));
      expect(claimed).toHaveLength(1188);
      expect(new Set(claimed.map((j) => j.id)).size).toBe(1188);
    });
  });
}
