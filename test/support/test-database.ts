/**
 * Fresh databases for tests: a new SQLite file per call (copied from a migrated template), and, when
 * TEST_POSTGRES_URL is set, a PostgreSQL database per call that holds exactly what the run's migrated
 * template holds (test/support/global-setup.ts): under vitest one from the worker's pool, with a Prisma
 * client kept connected to it between tests and emptied when given back (test/support/postgres-pool.ts);
 * elsewhere (benches) a new one, created, migrated and dropped at close. Runs and tests never see each
 * other's rows.
 */
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../prisma/migrate.js';
import { openDatabase, type Db, type OpenDatabase } from '../../prisma/client.js';
import { lent, lentStore } from './lent-client.js';
import { createPrismaStore } from '../../prisma/store/index.js';
import type { Store } from '../../core/ports/store.js';
import { createPostgresPool, withDatabase, type PostgresPool } from './postgres-pool.js';
import { runFolder } from './run-folders.js';

export interface TestDatabase {
  provider: 'sqlite' | 'postgresql';
  url: string;
  store: Store;
  prisma: Db;
  close(): Promise<void>;
}

let template: Promise<string> | null = null;
/** This worker's SQLite files; removed when the run ends (test/support/run-folders.ts). */
const dir = runFolder('slotkeeper-test-');

function sqliteTemplate(): Promise<string> {
  template ??= (async () => {
    const file = path.join(dir, 'template.db');
    await migrate({ provider: 'sqlite', url: `file:${file}`, file });
    return file;
  })();
  return template;
}

export async function sqliteTestDb(): Promise<TestDatabase> {
  const file = path.join(dir, `t-${randomBytes(6).toString('hex')}.db`);
  copyFileSync(await sqliteTemplate(), file);
  const url = `file:${file}`;
  const db = await openDatabase({ provider: 'sqlite', url, file });
  // A commit does not wait for the disk (with the program's default, FULL, each one waits for an
  // fsync: 4.4 ms here, against 0.01 ms): only a crash of the machine could lose what a test wrote,
  // which is no concern of a test database. As PostgreSQL's pool databases (synchronous_commit = off),
  // visibility, locking and isolation are unchanged.
  await db.prisma.$executeRawUnsafe('PRAGMA synchronous = OFF');
  return {
    provider: 'sqlite',
    url,
    prisma: db.prisma,
    store: createPrismaStore(db.prisma),
    async close() {
      await db.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    },
  };
}

export const postgresUrl = process.env.TEST_POSTGRES_URL;

let pool: PostgresPool<OpenDatabase> | null = null;

/**
 * This worker's pool of PostgreSQL test databases (null without TEST_POSTGRES_URL or outside vitest),
 * each with a Prisma client kept connected between the tests that use it: a test starts on warm
 * connections instead of opening new ones (each new session costs PostgreSQL a process and its caches).
 */
export function postgresPool(): PostgresPool<OpenDatabase> | null {
  const template = process.env.SLOTKEEPER_PG_TEMPLATE;
  if (postgresUrl && template) pool ??= createPostgresPool(postgresUrl, template, { open: (url) => openDatabase({ provider: 'postgresql', url }), close: (db) => db.close() });
  return pool;
}

/**
 * Under vitest (a template database exists): a database from this worker's pool, equal to the
 * template, given back at close (test/support/postgres-pool.ts). Elsewhere (benches): a new database,
 * created, migrated and dropped at close.
 */
export async function postgresTestDb(): Promise<TestDatabase> {
  if (!postgresUrl) throw new Error('TEST_POSTGRES_URL is not set');
  const pool = postgresPool();
  if (pool) {
    const { name, kept } = await pool.take();
    let given = false;
    const prisma = lent(kept.prisma, () => given);
    return {
      provider: 'postgresql',
      url: withDatabase(postgresUrl, name),
      prisma,
      store: lentStore(createPrismaStore(prisma), () => given),
      async close() {
        if (given) return;
        given = true;
        // The next take() waits for it; a database that cannot be emptied is dropped, not reused.
        void pool.release(name).catch(() => undefined);
      },
    };
  }
  // Outside vitest (benches): a new database, created, migrated and dropped at close.
  const name = `sk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(postgresUrl, name);
  await migrate({ provider: 'postgresql', url });
  const db = await openDatabase({ provider: 'postgresql', url });
  return {
    provider: 'postgresql',
    url,
    prisma: db.prisma,
    store: createPrismaStore(db.prisma),
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: postgresUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** The databases a store suite runs on: SQLite always, PostgreSQL when TEST_POSTGRES_URL is set. */
export const databases: Array<{ name: 'sqlite' | 'postgresql'; open: () => Promise<TestDatabase>; enabled: boolean }> = [
  { name: 'sqlite', open: sqliteTestDb, enabled: true },
  { name: 'postgresql', open: postgresTestDb, enabled: !!postgresUrl },
];
