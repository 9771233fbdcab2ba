/** The batch reads the sweeper uses: members and companies by id, in one read per batch (over 500 ids in slices). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../../test/support/test-database.js';

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`members and companies read many at once on ${dbDef.name}`, () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await dbDef.open();
    });
    afterEach(async () => db.close());

    it('returns those of the ids that exist, mapped as get() maps one; none for none', async () => {
      const company = await db.prisma.company.create({ data: { name: 'Acme Crating', codeHash: 'h' } });
      const ids = Array.from({ length: 520 }, (_, i) => `m${String(i).padStart(4, '0')}`);
      await db.prisma.member.createMany({ data: ids.map((id, i) => ({ id, platform: 'slack', platformUserId: `U${i}`, displayName: `Person ${i}`, companyId: i % 2 ? company.id : null })) });
      const read = await db.store.transaction((tx) => tx.members.getMany([...ids, 'no-such-member']));
      expect(read).toHaveLength(520);
      const one = await db.store.transaction((tx) => tx.members.get(ids[7]!));
      expect(read.find((m) => m.id === ids[7])).toEqual(one);
      expect(await db.store.transaction((tx) => tx.companies.getMany([company.id, 'nope']))).toEqual([await db.store.transaction((tx) => tx.companies.get(company.id))]);
      expect(await db.store.transaction((tx) => tx.members.getMany([]))).toEqual([]);
    });
  });
}
