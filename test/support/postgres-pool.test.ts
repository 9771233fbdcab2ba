/**
 * The reused PostgreSQL test databases keep tests apart: a database handed out again holds only what
 * the template holds, cannot be reached under the name the previous test used, and is dropped rather
 * than reused when a test changed its schema.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withDatabase, type PostgresPool } from './postgres-pool.js';
import { postgresPool, postgresUrl } from './test-database.js';

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
const since = (pool: PostgresPool, before: PostgresPool['counts']) => ({
  created: pool.counts.created - before.created,
  reused: pool.counts.reused - before.reused,
  dropped: pool.counts.dropped - before.dropped,
});

describe.runIf(!!postgresUrl && !!template)('the pool of PostgreSQL test databases', () => {
  it('hands a database out again empty, under a new name, with its migrations; the old name no longer answers', async () => {
    const pool = postgresPool()!;
    const first = await pool.take();
    const migrations = await query<{ name: string }>(first, 'SELECT name FROM "_slotkeeper_migrations" ORDER BY name');
    expect(migrations.length).toBeGreaterThan(0);
    await addCompany(first);
    expect(await query(first, 'SELECT * FROM "Company"')).toHaveLength(1);
    // A connection the test forgot to close is ended when the database is given back.
    const forgotten = await connect(first);
    const ended = new Promise<void>((resolve) => forgotten.on('end', () => resolve()));

    const before = { ...pool.counts };
    await pool.release(first);
    await ended;
    const second = await pool.take();
    expect(since(pool, before)).toEqual({ created: 0, reused: 1, dropped: 0 });
    expect(second).not.toBe(first);
    expect(await exists(first)).toBe(false);
    await expect(connect(first)).rejects.toThrow(/does not exist/);
    expect(await query(second, 'SELECT * FROM "Company"')).toEqual([]);
    expect(await query<{ name: string }>(second, 'SELECT name FROM "_slotkeeper_migrations" ORDER BY name')).toEqual(migrations);

    expect(await query<{ setting: string }>(second, "SELECT current_setting('synchronous_commit') AS setting")).toEqual([{ setting: 'off' }]);
    await pool.release(second);
  }, 60_000);

  it('drops a database whose schema a test changed instead of handing it out again', async () => {
    const pool = postgresPool()!;
    const changed = await pool.take();
    await query(changed, 'ALTER TABLE "Company" ADD COLUMN "extra" TEXT');
    const before = { ...pool.counts };
    await pool.release(changed);
    expect(since(pool, before)).toEqual({ created: 0, reused: 0, dropped: 1 });
    expect(await exists(changed)).toBe(false);
    const next = await pool.take();
    expect(await query(next, `SELECT column_name FROM information_schema.columns WHERE table_name = 'Company' AND column_name = 'extra'`)).toEqual([]);
    // An index is part of the schema too.
    await query(next, 'CREATE INDEX "extra_idx" ON "Company" ("name")');
    await pool.release(next);
    expect(since(pool, before).dropped).toBe(2);
  }, 60_000);
});
