import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../../test/support/test-database.js';
import { sqliteGate } from './sqlite-gate.js';

/** A promise the test settles when it wants to. */
function held() {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}
const nextTurn = () => new Promise<void>((r) => setImmediate(r));

describe('the SQLite gate (one connection shared by transactions and reads)', () => {
  it('starts reads in the next turn of the event loop, after the network events of this one, three a turn', async () => {
    const gate = sqliteGate();
    let turn = 0;
    const started: number[] = [];
    const reads = Array.from({ length: 7 }, () => gate.read(async () => started.push(turn)));
    // Counts turns: scheduled after the gate's first turn, so it runs after it in each turn.
    const turns = (async () => {
      for (let i = 0; i < 4; i++) {
        await nextTurn();
        turn++;
      }
    })();
    await Promise.resolve();
    expect(started).toEqual([]);
    await Promise.all(reads);
    await turns;
    expect(started).toEqual([0, 0, 0, 1, 1, 1, 2]);
  });

  it('starts a transaction in a turn of its own, after the reads already started or waiting', async () => {
    const gate = sqliteGate();
    const order: string[] = [];
    const reading = held();
    const read = gate.read(async () => {
      order.push('read starts');
      await reading.promise;
      order.push('read ends');
    });
    const more = Array.from({ length: 4 }, (_, i) => gate.read(async () => order.push(`read ${i + 2}`)));
    const tx = gate.transaction(async () => order.push('transaction'));
    for (let i = 0; i < 5; i++) await nextTurn();
    expect(order).toEqual(['read starts', 'read 2', 'read 3', 'read 4', 'read 5']);
    reading.release();
    await Promise.all([read, ...more, tx]);
    expect(order).toEqual(['read starts', 'read 2', 'read 3', 'read 4', 'read 5', 'read ends', 'transaction']);
  });

  it('queues a read that comes while a transaction waits or runs behind it, and transactions one at a time', async () => {
    const gate = sqliteGate();
    const order: string[] = [];
    const open = held();
    const first = gate.transaction(async () => {
      order.push('tx 1 starts');
      await open.promise;
      order.push('tx 1 ends');
    });
    const read = gate.read(async () => order.push('read'));
    const second = gate.transaction(async () => order.push('tx 2'));
    for (let i = 0; i < 5; i++) await nextTurn();
    expect(order).toEqual(['tx 1 starts']);
    open.release();
    await Promise.all([first, read, second]);
    expect(order).toEqual(['tx 1 starts', 'tx 1 ends', 'read', 'tx 2']);
  });

  it('lets a failed read or transaction fail its own caller only', async () => {
    const gate = sqliteGate();
    await expect(gate.read(async () => Promise.reject(new Error('read broke')))).rejects.toThrow('read broke');
    await expect(gate.transaction(async () => Promise.reject(new Error('tx broke')))).rejects.toThrow('tx broke');
    await expect(gate.read(async () => 'read after')).resolves.toBe('read after');
    await expect(gate.transaction(async () => 'tx after')).resolves.toBe('tx after');
  });
});

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`reads beside an open transaction on ${dbDef.name}`, () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await dbDef.open();
    });
    afterEach(async () => db.close());

    it('never sees a transaction’s writes before it commits, nor after it rolls back', async () => {
      const open = held();
      const written = held();
      const rolledBack = db.store
        .transaction(async (tx) => {
          await tx.members.upsert({ platform: 'discord', platformUserId: 'U-ROLLED-BACK', displayName: 'Ghost' });
          written.release();
          await open.promise;
          throw new Error('changed its mind');
        })
        .catch((err: Error) => err.message);
      await written.promise;
      const seen = db.store.read((r) => r.members.find('discord', 'U-ROLLED-BACK'));
      open.release();
      expect(await rolledBack).toBe('changed its mind');
      expect(await seen).toBeNull();
    });

    // PostgreSQL reads on other connections of the pool, at once, and sees the rows as they were.
    it.skipIf(dbDef.name !== 'sqlite')('waits for the open transaction, then reads what it committed (SQLite)', async () => {
      const open = held();
      const written = held();
      const committed = db.store.transaction(async (tx) => {
        await tx.members.upsert({ platform: 'discord', platformUserId: 'U-COMMITTED', displayName: 'Dana' });
        written.release();
        await open.promise;
      });
      await written.promise;
      const seen = db.store.read((r) => r.members.find('discord', 'U-COMMITTED'));
      open.release();
      await committed;
      expect(await seen).toMatchObject({ platformUserId: 'U-COMMITTED', displayName: 'Dana' });
    });
  });
}
