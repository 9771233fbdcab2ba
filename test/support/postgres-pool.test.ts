/**
 * The reused PostgreSQL test databases keep tests apart: a database handed out again holds only what
 * the template holds, with no session but the pool's kept ones; the previous test's handle on the kept
 * client refuses work; and a database whose schema a test changed is dropped rather than reused.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withDatabase, type PostgresPool } from './postgres-pool.js';
import { postgresPool, postgresTestDb, postgresUrl } from './test-database.js';

const template = process.env.SLOTKEEPER_PG_TEMPLATE;

async function connect(name: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: withDatabase(postgresUrl!, name) });
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

async function query<T extends pg.QueryResultRow>(name: string, sql: string): Promise<T[]> {
  const c = await connect(name);
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

async function exists(name: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: postgresUrl });
  await c.connect();
  try {
    return (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await c.end();
  }
}

const addCompany = (name: string) =>
  query(name, `INSERT INTO "Company" ("id", "name", "code", "updatedAt") VALUES ('c1', 'Acme', 'ACME0001', now())`);

/** What the worker's pool did since `before` (the pool other suites of this worker use too). */
const since = (pool: PostgresPool<unknown>, before: PostgresPool<unknown>['counts']) => ({
  created: pool.counts.created - before.created,
  reused: pool.counts.reused - before.reused,
  dropped: pool.counts.dropped - before.dropped,
});

describe.runIf(!!postgresUrl && !!template)('the pool of PostgreSQL test databases', () => {
  it('hands a database out again empty, with its migrations and its kept client; a session it did not keep is ended', async () => {
    const pool = postgresPool()!;
    const first = await pool.take();
    const migrations = await query<{ name: string }>(first.name, 'SELECT name FROM "_slotkeeper_migrations" ORDER BY name');
    expect(migrations.length).toBeGreaterThan(0);
    await addCompany(first.name);
    expect(await first.kept.prisma.company.count()).toBe(1);
    // A connection the test forgot to close is ended when the database is given back.
    const forgotten = await connect(first.name);
    const ended = new Promise<void>((resolve) => forgotten.on('end', () => resolve()));

    const before = { ...pool.counts };
    await pool.release(first.name);
    await ended;
    const second = await pool.take();
    expect(since(pool, before)).toEqual({ created: 0, reused: 1, dropped: 0 });
    expect(second.name).toBe(first.name);
    expect(second.kept).toBe(first.kept);
    expect(await second.kept.prisma.company.count()).toBe(0);
    expect(await query(second.name, 'SELECT * FROM "Company"')).toEqual([]);
    expect(await query<{ name: string }>(second.name, 'SELECT name FROM "_slotkeeper_migrations" ORDER BY name')).toEqual(migrations);

    expect(await query<{ setting: string }>(second.name, "SELECT current_setting('synchronous_commit') AS setting")).toEqual([{ setting: 'off' }]);
    await pool.release(second.name);
  }, 60_000);

  it("refuses a test's handle once it gave its database back, and the next test does not see its rows", async () => {
    const db = await postgresTestDb();
    await db.prisma.company.create({ data: { name: 'Acme' } });
    const companies = db.prisma.company;
    await db.close();
    expect(() => db.prisma.company).toThrow(/used after it was given back/);
    expect(() => companies.findMany()).toThrow(/used after it was given back/);
    await expect(db.store.read((r) => r.companies.findByName('Acme'))).rejects.toThrow(/used after it was given back/);
    const next = await postgresTestDb();
    expect(await next.prisma.company.findMany()).toEqual([]);
    await next.close();
  }, 60_000);

  it('drops a database whose schema a test changed instead of handing it out again', async () => {
    const pool = postgresPool()!;
    const changed = await pool.take();
    await query(changed.name, 'ALTER TABLE "Company" ADD COLUMN "extra" TEXT');
    const before = { ...pool.counts };
    await pool.release(changed.name);
    expect(since(pool, before)).toEqual({ created: 0, reused: 0, dropped: 1 });
    expect(await exists(changed.name)).toBe(false);
    const next = await pool.take();
    expect(await query(next.name, `SELECT column_name FROM information_schema.columns WHERE table_name = 'Company' AND column_name = 'extra'`)).toEqual([]);
    // An index is part of the schema too, and so is a column's default.
    await query(next.name, 'CREATE INDEX "extra_idx" ON "Company" ("name")');
    await pool.release(next.name);
    expect(since(pool, before).dropped).toBe(2);
    const third = await pool.take();
    await query(third.name, `ALTER TABLE "Company" ALTER COLUMN "code" SET DEFAULT 'X'`);
    await pool.release(third.name);
    expect(since(pool, before).dropped).toBe(3);
  }, 60_000);
});
