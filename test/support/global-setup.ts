/**
 * Says once, at the top of the run, which databases the store suites use. With PostgreSQL it also
 * migrates one template database for the whole run: each worker copies it (`CREATE DATABASE …
 * TEMPLATE`) into a few pool databases that its tests reuse, emptied between tests
 * (test/support/postgres-pool.ts). The template and the run's pool databases are dropped when the run
 * ends; those of a run that was killed, by a later run once they are 6 hours old. It also names the
 * run's temporary folders and removes them at the end (test/support/run-folders.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../prisma/migrate.js';
import { poolPrefix } from './postgres-pool.js';
import { foldersOfRun } from './run-folders.js';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Template names carry their creation time, so a run that was killed does not leave its template forever. */
const STALE_MS = 6 * 3600_000;
const templateName = () => `sk_tpl_${Math.floor(Date.now() / 1000).toString(36)}_${randomBytes(4).toString('hex')}`;
const createdAt = (name: string) => {
  const m = /^sk_(?:tpl|pool)_([0-9a-z]+)_[0-9a-f]+(?:_[0-9a-z_]+)?$/.exec(name);
  return m ? parseInt(m[1]!, 36) * 1000 : null;
};

export default async function setup(): Promise<(() => Promise<void>) | void> {
  // vitest runs this once per project in the same process: one template (and one message) per run.
  if (process.env.SLOTKEEPER_PG_TEMPLATE !== undefined) return;
  const removeFolders = foldersOfRun();
  const dropPostgres = await postgresTemplate();
  return async () => {
    removeFolders();
    await dropPostgres?.();
  };
}

/** Migrates the run's PostgreSQL template; returns what drops it and the pool databases made from it. */
async function postgresTemplate(): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    process.env.SLOTKEEPER_PG_TEMPLATE = '';
    console.log('[slotkeeper] PostgreSQL suites SKIPPED: set TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test to run them (.ci/run does).');
    return undefined;
  }
  console.log(`[slotkeeper] database suites run on SQLite and on PostgreSQL (${url.replace(/\/\/[^@]*@/, '//…@')})`);
  const name = templateName();
  await admin(url, async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'sk\\_tpl\\_%' OR datname LIKE 'sk\\_pool\\_%'");
    for (const { datname } of rows) {
      const at = createdAt(datname);
      if (at !== null && Date.now() - at > STALE_MS) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
    }
    await c.query(`CREATE DATABASE ${name}`);
  });
  await migrate({ provider: 'postgresql', url: withDatabase(url, name) });
  // Workers are started after this and inherit the environment.
  process.env.SLOTKEEPER_PG_TEMPLATE = name;
  return async () => {
    const prefix = poolPrefix(name).replace(/_/g, '\\_');
    const { rows } = await admin(url, (c) => c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}\\_%`]));
    // One after another each drop waits for its own checkpoint (0.7-1.1 s here); side by side five took 0.13 s.
    await Promise.all([...rows.map((r) => r.datname), name].map((db) => admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`))));
  };
}
