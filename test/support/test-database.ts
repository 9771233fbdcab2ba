/**
 * Fresh databases for tests: a new SQLite file per call (copied from a migrated template), and, when
 * TEST_POSTGRES_URL is set, a new PostgreSQL database per call, dropped at close. Under vitest the
 * PostgreSQL one is copied from the run's migrated template database (test/support/global-setup.ts);
 * elsewhere (benches) it is created and migrated. Runs and tests never see each other's rows.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../prisma/migrate.js';
import { openDatabase, type Db } from '../../prisma/client.js';
import { createPrismaStore } from '../../prisma/store/index.js';
import type { Store } from '../../core/ports/store.js';

export interface TestDatabase {
  provider: 'sqlite' | 'postgresql';
  url: string;
  store: Store;
  prisma: Db;
  close(): Promise<void>;
}

let template: Promise<string> | null = null;
const dir = mkdtempSync(path.join(tmpdir(), 'slotkeeper-test-'));

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

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** PostgreSQL refuses a copy while another session is copying the same template: wait and try again. */
async function createFromTemplate(admin: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (e) {
      if (attempt >= 50 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
    }
  }
}

export async function postgresTestDb(): Promise<TestDatabase> {
  if (!postgresUrl) throw new Error('TEST_POSTGRES_URL is not set');
  const name = `sk_test_${randomBytes(6).toString('hex')}`;
  const template = process.env.SLOTKEEPER_PG_TEMPLATE;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    if (template) await createFromTemplate(admin, name, template);
    else await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(postgresUrl, name);
  if (!template) await migrate({ provider: 'postgresql', url });
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
