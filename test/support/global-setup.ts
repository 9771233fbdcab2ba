/**
 * Says once, at the top of the run, which databases the store suites use. With PostgreSQL it also
 * migrates one template database for the whole run: each test's database is then a copy of it
 * (`CREATE DATABASE … TEMPLATE`, about 40 ms, against about 120 ms to create and migrate one).
 * The template is dropped when the run ends.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../prisma/migrate.js';

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

export default async function setup(): Promise<(() => Promise<void>) | void> {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    console.log('[slotkeeper] PostgreSQL suites SKIPPED: set TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test to run them (.ci/run does).');
    return;
  }
  console.log(`[slotkeeper] database suites run on SQLite and on PostgreSQL (${url.replace(/\/\/[^@]*@/, '//…@')})`);
  const name = `sk_tpl_${randomBytes(6).toString('hex')}`;
  await admin(url, (c) => c.query(`CREATE DATABASE ${name}`));
  await migrate({ provider: 'postgresql', url: withDatabase(url, name) });
  // Workers are started after this and inherit the environment.
  process.env.SLOTKEEPER_PG_TEMPLATE = name;
  return async () => {
    await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
}
