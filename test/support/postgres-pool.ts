/**
 * PostgreSQL test databases that are reused instead of created and dropped per test. On this machine
 * `CREATE DATABASE … TEMPLATE` takes 0.4–1 s and `DROP DATABASE` up to 0.9 s (both wait for fsync),
 * while emptying the few tables of a database takes a few milliseconds.
 *
 * Each vitest worker keeps its own databases, each with the pool's own session and the tests' Prisma
 * client kept connected between tests (a new session costs PostgreSQL a process and a cold catalog
 * cache: about 15 ms here, several per test). A database given back is made equal to the run's
 * migrated template again before it is lent:
 * 1. every session but the kept ones is ended (a forgotten client, a spawned program); the test's
 *    handle on the kept client refuses work from then on (test/support/lent-client.ts);
 * 2. every table except the migrations table is emptied, in one transaction;
 * 3. its schema mark (each catalog's rows and newest writer, and the migrations applied) is compared
 *    with the mark it had when copied; if it differs (a test changed the schema), or the database could
 *    not be emptied, it is dropped instead of reused.
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

/**
 * What a test could change in a database's schema, cheaply: for each catalog, its rows and the newest
 * transaction that wrote one. Any DDL (a column, an index, a type, a function, a trigger, a table
 * created or dropped) inserts or replaces catalog rows; plain reads and writes of the tables never do.
 * With the migrations the database records. Compared with the same database's value when it was copied.
 */
const CATALOGS = ['class', 'attribute', 'attrdef', 'constraint', 'index', 'type', 'proc', 'trigger', 'namespace', 'sequence', 'rewrite', 'policy', 'extension'];
const SCHEMA_MARK_SQL = `
SELECT string_agg(format('%s %s %s', t.catalog, t.n, t.newest), E'\\n' ORDER BY t.catalog) AS mark FROM (
  ${CATALOGS.map((c) => `SELECT '${c}' AS catalog, count(*) AS n, max(xmin::text::bigint)::text AS newest FROM pg_${c}`).join('\n  UNION ALL ')}
  UNION ALL SELECT 'migrations', count(*), md5(coalesce(string_agg(name, ',' ORDER BY name), '')) FROM "_slotkeeper_migrations"
) t`;

/** The rows of every table but the migrations table. */
const COUNT_ROWS_SQL = `
SELECT sum((xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', schemaname, tablename), false, true, '')))[1]::text::bigint) AS n
  FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename <> '_slotkeeper_migrations'`;

/** The tables a reset empties: all but the migrations table (the schema mark catches a table a test added). */
const TABLES_SQL = `
SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
 WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename <> '_slotkeeper_migrations' ORDER BY 1`;

/** Empties the given tables in one transaction; waits at most 5 s for a lock a test left held. */
const resetSql = (tables: string[]) =>
  ["SET lock_timeout = '5s'", 'BEGIN', 'SET LOCAL session_replication_role = replica', ...tables.map((t) => `DELETE FROM ${t}`), 'COMMIT'].join(';\n');

/**
 * The application name of the sessions the pool keeps open on a database between tests (its own and
 * those of the client it keeps there); every other session is ended when the database is given back.
 */
export const KEPT = 'sk_pool_kept';

/** Ends every session of the connection's database but the kept ones. */
const END_OTHERS_SQL = 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name IS DISTINCT FROM $1';

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

/** What the pool keeps connected to each of its databases between tests: the tests' client. */
export interface Keeper<K> {
  /** Opens it on the database's URL (which carries the kept application name). */
  open(url: string): Promise<K>;
  close(kept: K): Promise<void>;
}

/** One database lent to one test, with the client kept on it. */
export interface Lease<K> {
  name: string;
  kept: K;
}

export interface PostgresPool<K> {
  /** A database holding exactly what the template holds, for one test; give it back with release(). */
  take(): Promise<Lease<K>>;
  /**
   * Gives a database back: every session but the kept ones is ended, its rows are deleted, and it
   * is lent again; or, when its schema changed or it could not be emptied, it is dropped. take()
   * waits for one being given back rather than copy the template, so a test need not wait for its
   * release.
   */
  release(name: string): Promise<void>;
  /** How many databases were created, reused and dropped (for the pool's own test). */
  readonly counts: { created: number; reused: number; dropped: number };
}

/** The URL of a pool database for the sessions the pool keeps (see KEPT). */
export function keptUrl(serverUrl: string, name: string): string {
  const u = new URL(withDatabase(serverUrl, name));
  u.searchParams.set('application_name', KEPT);
  return u.toString();
}

interface PoolDatabase<K> {
  /** The pool's own session on it: ends the others, empties it, reads its schema mark. */
  own: pg.Client;
  kept: K;
  /** Its schema mark when it was copied from the template. */
  mark: string;
}

export function createPostgresPool<K>(serverUrl: string, template: string, keeper: Keeper<K>): PostgresPool<K> {
  const prefix = `${poolPrefix(template)}_${process.pid.toString(36)}`;
  let serial = 0;
  const nextName = () => `${prefix}_${(++serial).toString(36)}${randomBytes(2).toString('hex')}`;
  const databases = new Map<string, PoolDatabase<K>>();
  const free: string[] = [];
  /** Databases being given back (settled, never rejected): ready in milliseconds. */
  const releasing = new Set<Promise<void>>();
  const counts = { created: 0, reused: 0, dropped: 0 };
  /**
   * From the first copy (connecting to the template itself would block other workers' copies): the
   * tables a reset empties, or null when the template holds rows besides its migrations (emptying a
   * database would then not give the template back).
   */
  let templateTables: Promise<string[] | null> | null = null;
  const firstCopy = (c: pg.Client) => async () => {
    const { rows } = await c.query<{ n: string | null }>(COUNT_ROWS_SQL);
    if (Number(rows[0]!.n ?? 0) !== 0) return null;
    return (await c.query<{ name: string }>(TABLES_SQL)).rows.map((r) => r.name);
  };

  return {
    counts,
    async take() {
      // One being given back is ready sooner than a new copy of the template (0.4-1 s).
      while (free.length === 0 && releasing.size > 0) await Promise.race(releasing);
      const reused = free.pop();
      if (reused) {
        counts.reused++;
        return { name: reused, kept: databases.get(reused)!.kept };
      }
      const name = nextName();
      await withClient(serverUrl, async (admin) => {
        await createFromTemplate(admin, name, template);
        // A commit does not wait for its WAL to reach the disk (1-3 ms a commit here): what a crash of
        // the server could lose is no concern of a test database. Visibility, locks and isolation are
        // unchanged.
        await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
      });
      counts.created++;
      const own = new pg.Client({ connectionString: keptUrl(serverUrl, name) });
      own.on('error', () => undefined);
      await own.connect();
      templateTables ??= firstCopy(own)();
      await templateTables;
      const mark = (await own.query<{ mark: string }>(SCHEMA_MARK_SQL)).rows[0]!.mark;
      const kept = await keeper.open(keptUrl(serverUrl, name));
      databases.set(name, { own, kept, mark });
      return { name, kept };
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
    const db = databases.get(name);
    if (!db) throw new Error(`${name} is not a database of this pool`);
    const tables = await templateTables;
    const reusable = await (async () => {
      if (tables === null) return false;
      await db.own.query(END_OTHERS_SQL, [KEPT]);
      await db.own.query(resetSql(tables));
      return (await db.own.query<{ mark: string }>(SCHEMA_MARK_SQL)).rows[0]!.mark === db.mark;
    })().catch(() => false);
    if (reusable) {
      free.push(name);
      return;
    }
    databases.delete(name);
    counts.dropped++;
    await keeper.close(db.kept).catch(() => undefined);
    await db.own.end().catch(() => undefined);
    await withClient(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}
