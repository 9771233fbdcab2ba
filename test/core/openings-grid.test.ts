import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../support/test-database.js';
import { harness, companyWithPlan, linkedCustomer, type Harness } from '../support/core-harness.js';

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`offered times when the clock is off the grid on ${dbDef.name}`, () => {
    let db: TestDatabase;
    let h: Harness;
    beforeEach(async () => {
      db = await dbDef.open();
      h = harness(db, { now: '2026-11-30T14:03:17Z' });
    });
    afterEach(async () => db.close());

    it('offers starts on the slot grid of the working day (not counted from now + notice), and each one can be booked', async () => {
      const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      const r = await h.core.findOpenings({ caller: c, kind: 'online', lengthMinutes: 30, from: new Date('2026-11-30T14:00:00Z'), to: new Date('2026-11-30T22:00:00Z'), limit: 3 });
      expect(r.kind === 'openings' && r.slots.map((s) => s.startsAt)).toEqual(['2026-11-30T15:30:00.000Z', '2026-11-30T16:00:00.000Z', '2026-11-30T16:30:00.000Z']);
      if (r.kind !== 'openings') return;
      for (const s of r.slots) expect(new Date(s.startsAt).getTime() % (30 * 60_000)).toBe(0);
      const b = await h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: new Date(r.slots[0]!.startsAt) });
      expect(b.kind).toBe('booked');
    });
  });
}
