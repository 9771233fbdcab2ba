/**
 * Runs a suite once per test database (SQLite always, PostgreSQL when TEST_POSTGRES_URL is set), each
 * test on a fresh database with a fresh harness (core, manual clock, recording notifier).
 */
import { afterEach, beforeEach, describe } from 'vitest';
import { databases, type TestDatabase } from './test-database.js';
import { harness, type Harness } from './core-harness.js';

export interface DbContext {
  db: TestDatabase;
  h: Harness;
}

export function forEachDatabase(title: string, body: (t: DbContext) => void): void {
  for (const def of databases) {
    describe.skipIf(!def.enabled)(`${title} on ${def.name}`, () => {
      const t = {} as DbContext;
      beforeEach(async () => {
        t.db = await def.open();
        t.h = harness(t.db);
      });
      afterEach(async () => t.db.close());
      body(t);
    });
  }
}
