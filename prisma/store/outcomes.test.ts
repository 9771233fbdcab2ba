import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../../test/support/test-database.js';

const NOW = new Date('2026-11-30T14:00:00Z');
const LEASE = new Date(NOW.getTime() + 120_000);

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`recording delivery outcomes in batches on ${dbDef.name}`, () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await dbDef.open();
    });
    afterEach(async () => db.close());

    async function claimed(n: number, token = 'sweep') {
      const rows = Array.from({ length: n }, (_, i) => ({ type: 'reminder', recipient: 'staff', payload: '{"type":"reminder"}', dueAt: new Date(NOW.getTime() - i * 1000) }));
      for (let i = 0; i < rows.length; i += 500) await db.prisma.notification.createMany({ data: rows.slice(i, i + 500) });
      return db.store.transaction((tx) => tx.outbox.claimDue(NOW, 5000, token, LEASE));
    }

    it('writes 1,300 sent outcomes, each with its own platform reference, and the rare others one by one', async () => {
      const msgs = await claimed(1304);
      const [failed, voided, retried, ...sent] = msgs;
      const at = new Date(NOW.getTime() + 5000);
      const nextAt = new Date(NOW.getTime() + 60_000);
      await db.store.transaction((tx) => tx.outbox.recordOutcomes('sweep', at, [
        ...sent.map((m, i) => ({ id: m.id, kind: 'sent' as const, ref: i % 2 === 0 ? `ts-${m.id}` : null })),
        { id: failed!.id, kind: 'failed', error: 'user left' },
        { id: voided!.id, kind: 'void', why: 'session no longer ahead' },
        { id: retried!.id, kind: 'retry', error: 'rate limited', nextAt },
      ]));
      const rows = new Map((await db.prisma.notification.findMany()).map((r) => [r.id, r]));
      sent.forEach((m, i) => {
        expect(rows.get(m.id)).toMatchObject({ status: 'sent', sentAt: at, claimedUntil: null, deliveryRef: i % 2 === 0 ? `ts-${m.id}` : null });
      });
      expect(rows.get(failed!.id)).toMatchObject({ status: 'failed', lastError: 'user left', claimedUntil: null });
      expect(rows.get(voided!.id)).toMatchObject({ status: 'void', lastError: 'session no longer ahead' });
      expect(rows.get(retried!.id)).toMatchObject({ status: 'pending', lastError: 'rate limited', dueAt: nextAt, claimToken: null });
    });

    it('leaves rows another sweep has claimed since (a different token) as they are', async () => {
      const [m] = await claimed(1, 'slow');
      // the slow sweep's lease ran out and another sweep took the row over
      const later = new Date(LEASE.getTime() + 1000);
      await db.store.transaction((tx) => tx.outbox.claimDue(later, 10, 'fast', new Date(later.getTime() + 120_000)));
      await db.store.transaction((tx) => tx.outbox.recordOutcomes('slow', later, [{ id: m!.id, kind: 'sent', ref: 'ts-slow' }]));
      expect(await db.prisma.notification.findUniqueOrThrow({ where: { id: m!.id } })).toMatchObject({ status: 'pending', claimToken: 'fast', deliveryRef: null, attempts: 2 });
    });
  });
}
