import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../support/test-database.js';
import { harness, companyWithPlan, linkedCustomer, staffAlice, type Harness } from '../support/core-harness.js';
import { START, mins, book } from './helpers.js';

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`a no-show frees the rest of its slot on ${dbDef.name}`, () => {
    let db: TestDatabase;
    let h: Harness;
    beforeEach(async () => {
      db = await dbDef.open();
      h = harness(db);
    });
    afterEach(async () => db.close());

    it('lets staff squeeze an emergency into the time a closed no-show held', async () => {
      const code = await companyWithPlan(h);
      const c = await linkedCustomer(h, 'U1', code);
      const b = await book(h, c, START, { lengthMinutes: 60 });
      const staffId = (await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).staffId!;
      h.clock.set(mins(START, 10));
      await h.sweep();
      expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('no_show');
      expect(await db.prisma.slotCell.count({ where: { bookingId: b.bookingId } })).toBe(0);

      const other = await linkedCustomer(h, 'U2', code);
      const e = await h.core.requestEmergency({ caller: other, description: 'Label printer stopped', kind: 'online', lengthMinutes: 30 });
      if (e.kind !== 'emergency_requested') throw new Error(e.kind);
      const startsAt = mins(START, 20);
      const r = await h.core.squeezeIn({ caller: staffAlice, bookingId: e.booking.bookingId, staffId, startsAt });
      expect(r).toMatchObject({ kind: 'scheduled', booking: { startsAt: startsAt.toISOString() } });
    });
  });
}
