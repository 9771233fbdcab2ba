/**
 * The reads on every request's path (a member by platform id, a company by id, staff busy time) and
 * on every sweep's (the claim's due ids and claimed rows, claim.ts), without Prisma's per-query
 * compilation (about 0.35 ms a query on an earlier machine, 0.8 ms on a slower one):
 * - SQLite: statements prepared once and cached, run on the better-sqlite3 connection Prisma's adapter
 *   holds. It is the same connection, so a read inside a transaction sees that transaction's writes.
 * - PostgreSQL: raw SQL through the transaction's own client (`$queryRawUnsafe`), so it runs inside
 *   the transaction too; it skips the query compiler, not the round trip.
 * Rows are returned in the shape of Prisma's generated row types. Columns are read with `*` and
 * converted by their declared type (SQLite) or by the driver (PostgreSQL), so a column added by a
 * later migration comes through without a change here. The same contract tests run on both databases.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { DbDriver, PgQueryable } from '../client.js';
import type { TxClient } from './db-types.js';
import type { BusyTimes } from '../../core/ports/store.js';
import type { Booking as BookingRow, Company as CompanyRow, Job as JobRow, Member as MemberRow, Notification as NotificationRow } from '../generated/sqlite/client.js';

export interface BusyRow {
  id: string;
  staffId: string;
  startsAt: Date;
  endsAt: Date;
  bufferMinutes: number;
}

export interface HotReads {
  memberByPlatformId(db: TxClient, platform: string, platformUserId: string): Promise<MemberRow | null>;
  memberById(db: TxClient, id: string): Promise<MemberRow | null>;
  companyById(db: TxClient, id: string): Promise<CompanyRow | null>;
  busy(db: TxClient, staffIds: string[], statuses: string[], startsFrom: Date, startsBefore: Date): Promise<BusyRow[]>;
  /** The same bookings as numbers, one entry per staff member with any (see `BusyTimes`). */
  busyTimes(db: TxClient, staffIds: string[], statuses: string[], startsFrom: Date, startsBefore: Date): Promise<BusyTimes[]>;
  /** A queue's due rows nobody holds (unclaimed, or their lease ran out), in claim order, at most `limit` ids (claim.ts). */
  dueIds(db: TxClient, queue: Queue, now: Date, limit: number): Promise<string[]>;
  /** The outbox rows a claim holds that are still pending, in claim order. */
  claimedNotifications(db: TxClient, claimToken: string): Promise<NotificationRow[]>;
  /** The job rows a claim holds that are still pending, in claim order. */
  claimedJobs(db: TxClient, claimToken: string): Promise<JobRow[]>;
}

/**
 * The two queues the sweeper claims from (claim.ts), each with its claim order: the outbox by due time,
 * then creation and id (messages written together keep their order); jobs by due time.
 */
export type Queue = 'Notification' | 'Job';
const CLAIM_ORDER: Record<Queue, string> = { Notification: '"dueAt", "createdAt", "id"', Job: '"dueAt"' };
/** claim.ts's `dueAndUnclaimed`, with `?` or `$1` for now. */
const dueWhere = (now: string) => `"status" = 'pending' AND "dueAt" <= ${now} AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})`;

/** How the SQLite adapter writes a DateTime (ISO 8601, "+00:00" for Z); text compares in time order. */
const sqliteTime = (d: Date) => d.toISOString().replace('Z', '+00:00');

function sqliteDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'bigint') return new Date(Number(v));
  const s = String(v);
  // CURRENT_TIMESTAMP defaults are UTC without a zone
  return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(s) ? `${s.replace(' ', 'T')}Z` : s);
}

const dayMs = new Map<string, number>();
const digits = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};

/**
 * Epoch ms of a DateTime as the adapter writes it ("2026-12-01T09:30:00.000+00:00"), without the
 * general date parser (20,000 busy rows made it the costliest step): the date part is looked up once
 * per day, the clock time is read digit by digit. Anything of another shape goes through sqliteDate.
 */
function sqliteMs(v: unknown): number {
  if (typeof v === 'string' && v.length === 29 && v.endsWith('+00:00') && v.charCodeAt(10) === 84 /* T */ && v.charCodeAt(19) === 46 /* . */) {
    const date = v.slice(0, 10);
    let day = dayMs.get(date);
    if (day === undefined) {
      day = Date.parse(`${date}T00:00:00Z`);
      if (Number.isNaN(day)) return sqliteDate(v)!.getTime();
      if (dayMs.size > 4096) dayMs.clear();
      dayMs.set(date, day);
    }
    return day + ((digits(v, 11, 13) * 60 + digits(v, 14, 16)) * 60 + digits(v, 17, 19)) * 1000 + digits(v, 20, 23);
  }
  return sqliteDate(v)!.getTime();
}

type Convert = (v: unknown) => unknown;

function converterFor(declared: string | null): Convert | null {
  const t = (declared ?? '').toUpperCase();
  if (t === 'DATETIME') return sqliteDate;
  if (t === 'BOOLEAN') return (v) => (v === null || v === undefined ? null : Number(v) !== 0);
  if (t === 'INTEGER' || t === 'REAL' || t === 'DECIMAL') return (v) => (v === null || v === undefined ? null : Number(v));
  return null;
}

interface Prepared {
  stmt: BetterSqlite3.Statement;
  columns: Array<[string, Convert | null]>;
}

function sqliteReads(connection: () => BetterSqlite3.Database | null): HotReads {
  const cache = new Map<string, Prepared>();
  function prepared(sql: string): Prepared {
    let p = cache.get(sql);
    if (!p) {
      const db = connection();
      if (!db) throw new Error('the SQLite connection is not open');
      const stmt = db.prepare(sql).safeIntegers(false);
      p = { stmt, columns: stmt.columns().map((c) => [c.name, converterFor(c.type)]) };
      cache.set(sql, p);
    }
    return p;
  }
  function all<T>(sql: string, params: unknown[]): T[] {
    const { stmt, columns } = prepared(sql);
    const rows = stmt.raw(true).all(...params) as unknown[][];
    return rows.map((r) => {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) {
        const [name, convert] = columns[i]!;
        o[name] = convert ? convert(r[i]) : r[i];
      }
      return o as T;
    });
  }
  return {
    async memberByPlatformId(_db, platform, platformUserId) {
      return all<MemberRow>('SELECT * FROM "Member" WHERE "platform" = ? AND "platformUserId" = ?', [platform, platformUserId])[0] ?? null;
    },
    async memberById(_db, id) {
      return all<MemberRow>('SELECT * FROM "Member" WHERE "id" = ?', [id])[0] ?? null;
    },
    async companyById(_db, id) {
      return all<CompanyRow>('SELECT * FROM "Company" WHERE "id" = ?', [id])[0] ?? null;
    },
    async busy(_db, staffIds, statuses, startsFrom, startsBefore) {
      if (staffIds.length === 0) return [];
      // `+"status"` keeps SQLite off the (status, startsAt) index: the covering (staffId, startsAt, status,
      // endsAt, bufferMinutes, id) index answers this without visiting the table.
      const { stmt } = prepared(`SELECT "id", "staffId", "startsAt", "endsAt", "bufferMinutes" FROM "Booking" WHERE ${busyWhere(staffIds, statuses)} ORDER BY "staffId", "startsAt"`);
      const rows = stmt.raw(true).all(...staffIds, ...statuses, sqliteTime(startsBefore), sqliteTime(startsFrom)) as [string, string, unknown, unknown, number][];
      return rows.map(([id, staffId, s, e, bufferMinutes]) => ({ id, staffId, startsAt: new Date(sqliteMs(s)), endsAt: new Date(sqliteMs(e)), bufferMinutes: Number(bufferMinutes) }));
    },
    async busyTimes(db, staffIds, statuses, startsFrom, startsBefore) {
      if (staffIds.length === 0) return [];
      // One string per staff member instead of a row per booking (thousands of rows for a month's search):
      // "<startsAt><endsAt><bufferMinutes>,…", read by fixed offsets. The covering index hands rows over
      // by start; without an ORDER BY (a fifth of the cost) that is not promised, so readSpans checks it.
      // (Merging busy time in SQL with window functions was measured too: several times slower.)
      const { stmt } = prepared(`SELECT "staffId", group_concat("startsAt" || "endsAt" || "bufferMinutes", ',') FROM "Booking" WHERE ${busyWhere(staffIds, statuses)} GROUP BY "staffId"`);
      const groups = stmt.raw(true).all(...staffIds, ...statuses, sqliteTime(startsBefore), sqliteTime(startsFrom)) as [string, string][];
      const out: BusyTimes[] = [];
      for (const [staffId, spans] of groups) {
        const times = readSpans(staffId, spans);
        // A time not in the adapter's own shape (written by something else): read row by row instead.
        if (!times) return timesOf(await this.busy(db, staffIds, statuses, startsFrom, startsBefore));
        out.push(times);
      }
      return out;
    },
    async dueIds(_db, queue, now, limit) {
      const { stmt } = prepared(`SELECT "id" FROM "${queue}" WHERE ${dueWhere('?')} ORDER BY ${CLAIM_ORDER[queue]} LIMIT ?`);
      const t = sqliteTime(now);
      return (stmt.raw(true).all(t, t, limit) as [string][]).map(([id]) => id);
    },
    async claimedNotifications(_db, claimToken) {
      return all<NotificationRow>(`SELECT * FROM "Notification" WHERE "claimToken" = ? AND "status" = 'pending' ORDER BY ${CLAIM_ORDER.Notification}`, [claimToken]);
    },
    async claimedJobs(_db, claimToken) {
      return all<JobRow>(`SELECT * FROM "Job" WHERE "claimToken" = ? AND "status" = 'pending' ORDER BY ${CLAIM_ORDER.Job}`, [claimToken]);
    },
  };
}

function busyWhere(staffIds: string[], statuses: string[]): string {
  return `"staffId" IN (${staffIds.map(() => '?').join(', ')}) AND +"status" IN (${statuses.map(() => '?').join(', ')}) AND "startsAt" < ? AND "startsAt" >= ?`;
}

/** Rows (by staff, then start) as busy times. */
export function timesOf(rows: ReadonlyArray<{ staffId: string | null; startsAt: Date | null; endsAt: Date | null; bufferMinutes: number }>): BusyTimes[] {
  const out: BusyTimes[] = [];
  const byStaff = new Map<string, BusyTimes>();
  for (const r of rows) {
    if (!r.staffId || !r.startsAt || !r.endsAt) continue;
    let t = byStaff.get(r.staffId);
    if (!t) {
      t = { staffId: r.staffId, starts: [], ends: [] };
      byStaff.set(r.staffId, t);
      out.push(t);
    }
    t.starts.push(r.startsAt.getTime());
    t.ends.push(r.endsAt.getTime() + r.bufferMinutes * 60_000);
  }
  return out;
}

/**
 * Reads "<startsAt><endsAt><bufferMinutes>,…" as busy times; null if a time is not in the adapter's
 * shape. A month's search reads thousands, so this works on character codes only (no substrings, no
 * date parser): the date part is converted once per date (a staff member's bookings come day by day).
 */
function readSpans(staffId: string, spans: string): BusyTimes | null {
  const starts: number[] = [];
  const ends: number[] = [];
  let lastDate = -1;
  let lastDateMs = 0;
  const c = (i: number) => spans.charCodeAt(i) - 48;
  /** "2026-12-01T09:30:00.000+00:00" at `i` as epoch ms; NaN for any other shape. */
  const at = (i: number): number => {
    // "-" "-" "T" ":" ":" "." "+" "0" "0" ":" "0" "0" less 48: -3 -3 36 10 10 -2 -5 0 0 10 0 0
    if (c(i + 4) !== -3 || c(i + 7) !== -3 || c(i + 10) !== 36 || c(i + 13) !== 10 || c(i + 16) !== 10 || c(i + 19) !== -2) return NaN;
    if (c(i + 23) !== -5 || c(i + 24) !== 0 || c(i + 25) !== 0 || c(i + 26) !== 10 || c(i + 27) !== 0 || c(i + 28) !== 0) return NaN;
    const year = c(i) * 1000 + c(i + 1) * 100 + c(i + 2) * 10 + c(i + 3);
    const month = c(i + 5) * 10 + c(i + 6);
    const day = c(i + 8) * 10 + c(i + 9);
    const date = (year * 100 + month) * 100 + day;
    if (date !== lastDate) {
      lastDate = date;
      lastDateMs = Date.UTC(year, month - 1, day);
    }
    const clock = ((c(i + 11) * 10 + c(i + 12)) * 60 + c(i + 14) * 10 + c(i + 15)) * 60 + c(i + 17) * 10 + c(i + 18);
    return lastDateMs + clock * 1000 + c(i + 20) * 100 + c(i + 21) * 10 + c(i + 22);
  };
  const n = spans.length;
  for (let i = 0; i < n; ) {
    const start = at(i);
    const end = at(i + 29);
    if (Number.isNaN(start) || Number.isNaN(end)) return null;
    let buffer = 0;
    let j = i + 58;
    for (; j < n && spans.charCodeAt(j) !== 44; j++) {
      const d = c(j);
      if (d < 0 || d > 9) return null;
      buffer = buffer * 10 + d;
    }
    if (j === i + 58 || j - (i + 58) > 6) return null;
    starts.push(start);
    ends.push(end + buffer * 60_000);
    i = j + 1;
  }
  return ascending({ staffId, starts, ends });
}

/** The same busy times sorted by start, if they were not already. */
export function ascending(t: BusyTimes): BusyTimes {
  const { starts, ends } = t;
  let sorted = true;
  for (let i = 1; i < starts.length && sorted; i++) sorted = starts[i - 1]! <= starts[i]!;
  if (sorted) return t;
  const order = starts.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]! || a - b);
  return { staffId: t.staffId, starts: order.map((i) => starts[i]!), ends: order.map((i) => ends[i]!) };
}

/**
 * Whole rows (`SELECT *`) on the transaction's pg connection when it is known, else through Prisma. pg
 * would read a timestamp without time zone in the process's local zone; the columns hold UTC, so they
 * are read as UTC here, as Prisma reads them. (Not a named statement: a column added by a migration
 * must not meet a plan cached for the old row type.)
 */
async function rowsOf<T>(db: TxClient, conn: PgQueryable | undefined, sql: string, values: unknown[]): Promise<T[]> {
  if (!conn) return db.$queryRawUnsafe<T[]>(sql, ...values);
  // pg itself is loaded only once PostgreSQL is in use (it is, when there is a connection).
  utcTypes ??= import('pg').then(({ default: { types } }) => ({
    getTypeParser: (oid: number, format?: string) =>
      oid === TIMESTAMP_OID ? (value: string) => new Date(`${value.replace(' ', 'T')}Z`) : types.getTypeParser(oid, format as 'text'),
  }) as unknown as pg.CustomTypesConfig);
  const r = await conn.query({ text: sql, values, types: await utcTypes });
  return r.rows as T[];
}

const TIMESTAMP_OID = 1114;
/**
 * An instant as UTC text without a zone, as the timestamp columns hold it: pg would send a Date in the
 * process's local zone, which a timestamp without time zone would take at face value.
 */
const utcText = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');
let utcTypes: Promise<pg.CustomTypesConfig> | undefined;

/**
 * PostgreSQL. `connection` gives the pg connection of the current transaction when the store knows it,
 * or for reads outside a transaction the adapter's pool (see `DbDriver.postgres`): the reads then run on it directly, skipping Prisma's raw-query path (about
 * 2 ms of CPU a call here, more than the query itself); busy times as a named prepared statement, which
 * also skips the server's parse and plan. Without a known connection they go through Prisma.
 */
export function postgresReads(connection: () => PgQueryable | undefined = () => undefined, options: { parts?: number } = {}): HotReads {
  const parts = Math.max(1, options.parts ?? 1);
  return {
    async memberByPlatformId(db, platform, platformUserId) {
      const rows = await rowsOf<MemberRow>(db, connection(), 'SELECT * FROM "Member" WHERE "platform" = $1 AND "platformUserId" = $2', [platform, platformUserId]);
      return rows[0] ?? null;
    },
    async memberById(db, id) {
      const rows = await rowsOf<MemberRow>(db, connection(), 'SELECT * FROM "Member" WHERE "id" = $1', [id]);
      return rows[0] ?? null;
    },
    async companyById(db, id) {
      const rows = await rowsOf<CompanyRow>(db, connection(), 'SELECT * FROM "Company" WHERE "id" = $1', [id]);
      return rows[0] ?? null;
    },
    async busy(db, staffIds, statuses, startsFrom, startsBefore) {
      if (staffIds.length === 0) return [];
      const ms = (col: string) => `(extract(epoch from "${col}") * 1000)::float8`;
      // Instants as epoch milliseconds (numbers cost Prisma's raw-result decoding far less than timestamps).
      const rows = await db.$queryRawUnsafe<Array<{ id: string; staffId: string; s: number; e: number; bufferMinutes: number }>>(
        `SELECT "id", "staffId", ${ms('startsAt')} AS s, ${ms('endsAt')} AS e, "bufferMinutes" FROM "Booking" WHERE ${pgBusyWhere(staffIds.length, statuses.length)} ORDER BY "staffId", "startsAt"`,
        ...staffIds, ...statuses, startsBefore, startsFrom,
      );
      return rows.map((r) => ({ id: r.id, staffId: r.staffId, startsAt: new Date(Math.round(r.s)), endsAt: new Date(Math.round(r.e)), bufferMinutes: Number(r.bufferMinutes) }));
    },
    async busyTimes(db, staffIds, statuses, startsFrom, startsBefore) {
      if (staffIds.length === 0) return [];
      const conn = connection();
      // On a pool, a long list of staff is read in parts at once, each on its own connection: the server
      // works on them side by side (a month of a busy team is thousands of rows), and this process
      // decodes one part while the next arrives.
      if (conn && parts > 1 && staffIds.length >= 2 * parts) {
        const size = Math.ceil(staffIds.length / parts);
        const slices = Array.from({ length: Math.ceil(staffIds.length / size) }, (_, k) => staffIds.slice(k * size, (k + 1) * size));
        return (await Promise.all(slices.map((ids) => busyTimesOn(db, conn, ids, statuses, startsFrom, startsBefore)))).flat();
      }
      return busyTimesOn(db, conn, staffIds, statuses, startsFrom, startsBefore);
    },
    async dueIds(db, queue, now, limit) {
      const rows = await rowsOf<{ id: string }>(db, connection(), `SELECT "id" FROM "${queue}" WHERE ${dueWhere('$1::timestamp')} ORDER BY ${CLAIM_ORDER[queue]} LIMIT $2::int`, [utcText(now), limit]);
      return rows.map((r) => r.id);
    },
    async claimedNotifications(db, claimToken) {
      return rowsOf<NotificationRow>(db, connection(), `SELECT * FROM "Notification" WHERE "claimToken" = $1 AND "status" = 'pending' ORDER BY ${CLAIM_ORDER.Notification}`, [claimToken]);
    },
    async claimedJobs(db, claimToken) {
      return rowsOf<JobRow>(db, connection(), `SELECT * FROM "Job" WHERE "claimToken" = $1 AND "status" = 'pending' ORDER BY ${CLAIM_ORDER.Job}`, [claimToken]);
    },
  };
}

/** Busy times of some staff on a pg connection (or pool), else through Prisma. */
async function busyTimesOn(db: TxClient, conn: PgQueryable | undefined, staffIds: string[], statuses: string[], startsFrom: Date, startsBefore: Date): Promise<BusyTimes[]> {
  // One string per staff member ("start length,…", see readRelativePairs) instead of a row per
  // booking: decoding costs per row and per value. date_part gives a float8 (extract, a numeric since
  // PostgreSQL 14, cost several times more per row). No ORDER BY in the aggregate (it sorts every
  // group again, a third of the query's time): readRelativePairs sorts if needed.
  const base = startsFrom.getTime();
  const baseParam = `$${staffIds.length + statuses.length + 3}::int8`;
  const sql =
    `SELECT "staffId", string_agg((date_part('epoch', "startsAt") * 1000)::int8 - ${baseParam} || ' ' || ((date_part('epoch', "endsAt" - "startsAt") * 1000)::int8 + "bufferMinutes" * 60000), ',') AS spans` +
    ` FROM "Booking" WHERE ${pgBusyWhere(staffIds.length, statuses.length)} GROUP BY "staffId"`;
  let groups: Array<{ staffId: string; spans: string }>;
  if (conn) {
    const r = await conn.query<[string, string]>({
      name: `sk_busy_times_${staffIds.length}_${statuses.length}`,
      text: sql,
      values: [...staffIds, ...statuses, utcText(startsBefore), utcText(startsFrom), base],
      rowMode: 'array',
    });
    groups = r.rows.map(([staffId, spans]) => ({ staffId, spans }));
  } else {
    groups = await db.$queryRawUnsafe<Array<{ staffId: string; spans: string }>>(sql, ...staffIds, ...statuses, startsBefore, startsFrom, base);
  }
  return groups.map((g) => readRelativePairs(g.staffId, g.spans, base));
}

/** Live bookings of some staff starting in [from, before): $1… the staff, then the statuses, then before and from. */
function pgBusyWhere(n: number, m: number): string {
  const list = (k: number, from: number) => Array.from({ length: k }, (_, i) => `$${from + i}`).join(', ');
  return `"staffId" IN (${list(n, 1)}) AND ("status" || '') IN (${list(m, n + 1)}) AND "startsAt" < $${n + m + 1} AND "startsAt" >= $${n + m + 2}`;
}

/**
 * "start length,start length,…" as busy times: each start in ms after `base` (the read's first
 * instant), each length in ms from its start to its end, buffer included. As epoch milliseconds the
 * same instants took 26 digits a booking instead of about 17: a third less text to write for the
 * server and to read here (bench:core's limit-50 search: 1.2-1.5 ms less CPU here, of 4.7-6.7).
 */
function readRelativePairs(staffId: string, spans: string, base: number): BusyTimes {
  const starts: number[] = [];
  const ends: number[] = [];
  let n = 0;
  let negative = false;
  let start = 0;
  for (let i = 0; i <= spans.length; i++) {
    const c = i < spans.length ? spans.charCodeAt(i) : 44;
    if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
    else if (c === 45) negative = true;
    else {
      const v = negative ? -n : n;
      if (c === 32) {
        start = base + v;
        starts.push(start);
      } else ends.push(start + v);
      n = 0;
      negative = false;
    }
  }
  if (starts.length !== ends.length) throw new Error(`busy times of ${staffId}: unexpected shape`);
  return ascending({ staffId, starts, ends });
}

export function hotReads(driver: DbDriver | undefined): HotReads | null {
  if (driver?.provider === 'sqlite' && driver.sqlite) return sqliteReads(driver.sqlite);
  if (driver?.provider === 'postgresql') return postgresReads();
  return null;
}

export type { BookingRow };
