/**
 * PostgreSQL test databases that are reused instead of created and dropped per test. On this machine
 * `CREATE DATABASE … TEMPLATE` takes 0.4–1 s and `DROP DATABASE` up to 0.9 s (both wait for fsync),
 * while emptying the few tables of a database takes about 2 ms.
 *
 * Each vitest worker keeps its own free list. A database given back is made equal to the run's
 * migrated template again before it is handed out:
 * 1. every other session connected to it is ended (a forgotten pool, a spawned program);
 * 2. it is renamed, so a client a test forgot to close cannot reach it under its old name
 *    (its queries fail as they did when the database was dropped);
 * 3. every table except the migrations table is emptied and every sequence restarted, in one transaction;
 * 4. its schema (tables, columns, types, defaults, constraints, indexes, sequences, functions, the
 *    migrations applied) is compared with the template's; if anything differs (a test changed the
 *    schema), it is dropped instead of reused.
 * Pool databases commit with `synchronous_commit = off` (set on each when it is created).
 * The databases of a run are named `sk_pool_<run>_<n>` and dropped by the global teardown
 * (test/support/global-setup.ts), or, after a killed run, by the next run once they are 6 hours old.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The pool names of a run whose template is `sk_tpl_<time>_<hex>`: `sk_pool_<time>_<hex>_…`. */
export function poolPrefix(template: string): string {
  return template.replace(/^sk_tpl_/, 'sk_pool_');
}

/** Everything about a database's schema that a test could change, as one text (rows are not included). */
const SCHEMA_SQL = `
SELECT concat_ws(E'\\n',
  (SELECT string_agg(format('%s.%s %s %s %s', c.table_name, c.column_name, c.data_type, c.is_nullable, coalesce(c.column_default, '')), E'\\n' ORDER BY c.table_name, c.column_name)
     FROM information_schema.columns c WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')),
  (SELECT string_agg(format('%s %s', conrelid::regclass, pg_get_constraintdef(oid)), E'\\n' ORDER BY conrelid::regclass::text, pg_get_constraintdef(oid))
     FROM pg_constraint WHERE connamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)),
  (SELECT string_agg(indexdef, E'\\n' ORDER BY indexdef) FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')),
  (SELECT string_agg(format('%s.%s', schemaname, sequencename), E'\\n' ORDER BY schemaname, sequencename) FROM pg_sequences),
  (SELECT string_agg(format('%s %s', p.oid::regprocedure, md5(p.prosrc)), E'\\n' ORDER BY p.oid::regprocedure::text)
     FROM pg_proc p WHERE p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)),
  (SELECT string_agg(format('%s.%s', event_object_table, trigger_name), E'\\n' ORDER BY event_object_table, trigger_name) FROM information_schema.triggers),
  (SELECT string_agg(name, E'\\n' ORDER BY name) FROM "_slotkeeper_migrations")
) AS schema`;

/** The rows of every table but the migrations table. */
const COUNT_ROWS_SQL = `
SELECT sum((xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', schemaname, tablename), false, true, '')))[1]::text::bigint) AS n
  FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename <> '_slotkeeper_migrations'`;

/** Empties every table but the migrations table, and restarts every sequence. */
const RESET_SQL = `
DO $$
DECLARE r record;
BEGIN
  SET LOCAL session_replication_role = replica; -- no foreign-key order to follow
  FOR r IN SELECT schemaname, tablename FROM pg_tables
           WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename <> '_slotkeeper_migrations' LOOP
    EXECUTE format('DELETE FROM %I.%I', r.schemaname, r.tablename);
  END LOOP;
  FOR r IN SELECT schemaname, sequencename FROM pg_sequences LOOP
    EXECUTE format('ALTER SEQUENCE %I.%I RESTART', r.schemaname, r.sequencename);
  END LOOP;
END $$`;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
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

export interface PostgresPool {
  /** A database holding exactly what the template holds, for one test; give it back with release(). */
  take(): Promise<string>;
  /**
   * Gives a database back: it is emptied and renamed for the next test, or dropped. take() waits for
   * one being given back rather than copy the template, so a test need not wait for its release.
   */
  release(name: string): Promise<void>;
  /** How many databases were created, reused and dropped (for the pool's own test). */
  readonly counts: { created: number; reused: number; dropped: number };
}

export function createPostgresPool(serverUrl: string, template: string): PostgresPool {
  const prefix = `${poolPrefix(template)}_${process.pid.toString(36)}`;
  let serial = 0;
  const nextName = () => `${prefix}_${(++serial).toString(36)}${randomBytes(2).toString('hex')}`;
  const free: string[] = [];
  /** Databases being given back (settled, never rejected): ready in tens of milliseconds. */
  const releasing = new Set<Promise<void>>();
  const counts = { created: 0, reused: 0, dropped: 0 };
  /** Read from the first copy (connecting to the template itself would block other workers' copies). */
  let templateSchema: Promise<string | null> | null = null;
  const firstCopy = (name: string) =>
    withClient(withDatabase(serverUrl, name), async (c) => {
      // Emptying a database only gives the template back if the template has no rows besides its migrations.
      const { rows } = await c.query<{ n: string | null }>(COUNT_ROWS_SQL);
      return Number(rows[0]!.n ?? 0) === 0 ? (await c.query<{ schema: string }>(SCHEMA_SQL)).rows[0]!.schema : null;
    });

  return {
    counts,
    async take() {
      // One being given back is ready sooner than a new copy of the template (0.4-1 s).
      while (free.length === 0 && releasing.size > 0) await Promise.race(releasing);
      const reused = free.pop();
      if (reused) {
        counts.reused++;
        return reused;
      }
      const name = nextName();
      await withClient(serverUrl, async (admin) => {
        await createFromTemplate(admin, name, template);
        // A commit does not wait for its WAL to reach the disk (1-3 ms a commit here): what a crash of
        // the server could lose is no concern of a test database. Visibility, locks and isolation are
        // unchanged. The setting stays with the database when it is renamed.
        await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
      });
      counts.created++;
      templateSchema ??= firstCopy(name);
      await templateSchema;
      return name;
    },
    release(name) {
      const done = giveBack(name);
      const settled: Promise<void> = done.then(
        () => void releasing.delete(settled),
        () => void releasing.delete(settled),
      );
      releasing.add(settled);
      return done;
    },
  };

  async function giveBack(name: string): Promise<void> {
    const schema = await templateSchema;
    const renamed = nextName();
    const ok = await withClient(serverUrl, async (admin) => {
      if (schema === null) {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        return false;
      }
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      try {
        await admin.query(`ALTER DATABASE ${name} RENAME TO ${renamed}`);
      } catch {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        return false;
      }
      const same = await withClient(withDatabase(serverUrl, renamed), async (c) => {
        await c.query(RESET_SQL);
        return (await c.query<{ schema: string }>(SCHEMA_SQL)).rows[0]!.schema === schema;
      }).catch(() => false);
      if (!same) await admin.query(`DROP DATABASE IF EXISTS ${renamed} WITH (FORCE)`);
      return same;
    });
    if (ok) free.push(renamed);
    else counts.dropped++;
  }
}
