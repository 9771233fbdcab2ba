/**
 * Applies the SQL migrations in prisma/<provider>/migrations in name order, once each, recording them
 * in _slotkeeper_migrations. Runs at start-up and from `npm run db:migrate`. It uses the database
 * drivers directly (a migration is several statements; Prisma's CLI needs engines this machine lacks).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseTarget, ensureSqliteDir, type DatabaseTarget } from './database-url.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The migrations folder lives in the source tree; from dist/ look one level up as well. */
function migrationsDir(provider: 'sqlite' | 'postgres'): string {
  for (const candidate of [path.join(here, provider, 'migrations'), path.join(here, '..', '..', 'prisma', provider, 'migrations')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`no migrations folder for ${provider}`);
}

export interface Migration {
  name: string;
  sql: string;
}

export function listMigrations(provider: 'sqlite' | 'postgres'): Migration[] {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') }));
}

const TRACKING = `CREATE TABLE IF NOT EXISTS "_slotkeeper_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`;

/** Returns the names of the migrations it applied (empty when the database was up to date). */
export async function migrate(target: DatabaseTarget = databaseTarget()): Promise<string[]> {
  return target.provider === 'sqlite' ? migrateSqlite(target.file) : migratePostgres(target.url);
}

async function migrateSqlite(file: string): Promise<string[]> {
  ensureSqliteDir(file);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(TRACKING);
    const done = new Set((db.prepare('SELECT name FROM "_slotkeeper_migrations"').all() as { name: string }[]).map((r) => r.name));
    const applied: string[] = [];
    for (const m of listMigrations('sqlite')) {
      if (done.has(m.name)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare('INSERT INTO "_slotkeeper_migrations" ("name", "appliedAt") VALUES (?, ?)').run(m.name, new Date().toISOString());
      }).immediate();
      applied.push(m.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One instance migrates at a time; the others wait here, then find nothing left to do.
    await client.query('SELECT pg_advisory_lock(7317001)');
    await client.query(TRACKING);
    const { rows } = await client.query<{ name: string }>('SELECT name FROM "_slotkeeper_migrations"');
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const m of listMigrations('postgres')) {
      if (done.has(m.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO "_slotkeeper_migrations" ("name", "appliedAt") VALUES ($1, $2)', [m.name, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7317001)').catch(() => undefined);
    await client.end();
  }
}
