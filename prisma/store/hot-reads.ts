/**
 * The reads on every request's path (a member by platform id, a company by id, staff busy time),
 * without Prisma's per-query compilation (about 0.35 ms a query here):
 * - SQLite: statements prepared once and cached, run on the better-sqlite3 connection Prisma's adapter
 *   holds. It is the same connection, so a read inside a transaction sees that transaction's writes.
 * - PostgreSQL: raw SQL through the transaction's own client (`$queryRawUnsafe`), so it runs inside
 *   the transaction too; it skips the query compiler, not the round trip.
 * Rows are returned in the shape of Prisma's generated row types. Columns are read with `*` and
 * converted by their declared type (SQLite) or by the driver (PostgreSQL), so a column added by a
 * later migration comes through without a change here. The same contract tests run on both databases.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DbDriver } from '../client.js';
import type { TxClient } from './db-types.js';
import type { Booking as BookingRow, Company as CompanyRow, Member as MemberRow } from '../generated/sqlite/client.js';

export interface BusyRow {
  /** Empty when the read was asked without ids (the availability search needs none). */
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
  busy(db: TxClient, staffIds: string[], statuses: string[], startsFrom: Date, startsBefore: Date, withIds?: boolean): Promise<BusyRow[]>;
}

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
    async busy(_db, staffIds, statuses, startsFrom, startsBefore, withIds = true) {
      if (staffIds.length === 0) return [];
      const where = `"staffId" IN (${staffIds.map(() => '?').join(', ')}) AND +"status" IN (${statuses.map(() => '?').join(', ')}) AND "startsAt" < ? AND "startsAt" >= ?`;
      const params = [...staffIds, ...statuses, sqliteTime(startsBefore), sqliteTime(startsFrom)];
      if (!withIds) {
        // One string per staff member instead of a row per booking (thousands of rows for a month's search):
        // "<startsAt><endsAt><bufferMinutes>,…", read by fixed offsets.
        const { stmt } = prepared(
          `SELECT "staffId", group_concat("startsAt" || "endsAt" || "bufferMinutes", ',') FROM (SELECT "staffId", "startsAt", "endsAt", "bufferMinutes" FROM "Booking" WHERE ${where} ORDER BY "staffId", "startsAt") GROUP BY "staffId"`,
        );
        const groups = stmt.raw(true).all(...params) as [string, string][];
        const out: BusyRow[] = [];
        for (const [staffId, spans] of groups) if (!readSpans(staffId, spans, out)) return this.busy(_db, staffIds, statuses, startsFrom, startsBefore, true);
        return out;
      }
      // `+"status"` keeps SQLite off the (status, startsAt) index: the covering (staffId, startsAt, status,
      // endsAt, bufferMinutes, id) index answers this without visiting the table.
      const { stmt } = prepared(`SELECT "id", "staffId", "startsAt", "endsAt", "bufferMinutes" FROM "Booking" WHERE ${where} ORDER BY "staffId", "startsAt"`);
      const rows = stmt.raw(true).all(...params) as [string, string, unknown, unknown, number][];
      return rows.map(([id, staffId, s, e, bufferMinutes]) => ({ id, staffId, startsAt: new Date(sqliteMs(s)), endsAt: new Date(sqliteMs(e)), bufferMinutes: Number(bufferMinutes) }));
    },
  };
}

/** "2026-12-01T09:30:00.000+00:00" at offset `i` of `s`, as epoch ms; NaN for any other shape. */
function isoAt(s: string, i: number): number {
  if (s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 10) !== 84 || s.charCodeAt(i + 19) !== 46 || s.charCodeAt(i + 23) !== 43 || s.charCodeAt(i + 24) !== 48 || s.charCodeAt(i + 25) !== 48 || s.charCodeAt(i + 27) !== 48 || s.charCodeAt(i + 28) !== 48) return NaN;
  return Date.UTC(digits(s, i, i + 4), digits(s, i + 5, i + 7) - 1, digits(s, i + 8, i + 10), digits(s, i + 11, i + 13), digits(s, i + 14, i + 16), digits(s, i + 17, i + 19), digits(s, i + 20, i + 23));
}

/** Reads "<startsAt><endsAt><bufferMinutes>,…" into `out`; false if a time is not in the adapter's shape. */
function readSpans(staffId: string, spans: string, out: BusyRow[]): boolean {
  for (let i = 0; i < spans.length; ) {
    const start = isoAt(spans, i);
    const end = isoAt(spans, i + 29);
    let j = spans.indexOf(',', i + 58);
    if (j < 0) j = spans.length;
    const buffer = digits(spans, i + 58, j);
    if (Number.isNaN(start) || Number.isNaN(end) || j === i + 58) return false;
    out.push({ id: '', staffId, startsAt: new Date(start), endsAt: new Date(end), bufferMinutes: buffer });
    i = j + 1;
  }
  return true;
}

function postgresReads(): HotReads {
  const list = (n: number, from: number) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');
  return {
    async memberByPlatformId(db, platform, platformUserId) {
      const rows = await db.$queryRawUnsafe<MemberRow[]>('SELECT * FROM "Member" WHERE "platform" = $1 AND "platformUserId" = $2', platform, platformUserId);
      return rows[0] ?? null;
    },
    async memberById(db, id) {
      const rows = await db.$queryRawUnsafe<MemberRow[]>('SELECT * FROM "Member" WHERE "id" = $1', id);
      return rows[0] ?? null;
    },
    async companyById(db, id) {
      const rows = await db.$queryRawUnsafe<CompanyRow[]>('SELECT * FROM "Company" WHERE "id" = $1', id);
      return rows[0] ?? null;
    },
    async busy(db, staffIds, statuses, startsFrom, startsBefore, withIds = true) {
      if (staffIds.length === 0) return [];
      const n = staffIds.length;
      const m = statuses.length;
      const where = `"staffId" IN (${list(n, 1)}) AND "status" IN (${list(m, n + 1)}) AND "startsAt" < $${n + m + 1} AND "startsAt" >= $${n + m + 2}`;
      const ms = (col: string) => `(extract(epoch from "${col}") * 1000)::float8`;
      if (!withIds) {
        // One string per staff member ("start end buffer,…" in epoch ms) instead of a row per booking:
        // Prisma's raw-result decoding costs per row and per value.
        const groups = await db.$queryRawUnsafe<Array<{ staffId: string; spans: string }>>(
          `SELECT "staffId", string_agg(${ms('startsAt')}::bigint || ' ' || ${ms('endsAt')}::bigint || ' ' || "bufferMinutes", ',' ORDER BY "startsAt") AS spans FROM "Booking" WHERE ${where} GROUP BY "staffId"`,
          ...staffIds, ...statuses, startsBefore, startsFrom,
        );
        const out: BusyRow[] = [];
        for (const g of groups) {
          for (const span of g.spans.split(',')) {
            const [s, e, b] = span.split(' ');
            out.push({ id: '', staffId: g.staffId, startsAt: new Date(Number(s)), endsAt: new Date(Number(e)), bufferMinutes: Number(b) });
          }
        }
        return out;
      }
      // Instants as epoch milliseconds (numbers cost Prisma's raw-result decoding far less than timestamps).
      const rows = await db.$queryRawUnsafe<Array<{ id: string; staffId: string; s: number; e: number; bufferMinutes: number }>>(
        `SELECT "id", "staffId", ${ms('startsAt')} AS s, ${ms('endsAt')} AS e, "bufferMinutes" FROM "Booking" WHERE ${where} ORDER BY "staffId", "startsAt"`,
        ...staffIds, ...statuses, startsBefore, startsFrom,
      );
      return rows.map((r) => ({ id: r.id, staffId: r.staffId, startsAt: new Date(Math.round(r.s)), endsAt: new Date(Math.round(r.e)), bufferMinutes: Number(r.bufferMinutes) }));
    },
  };
}

export function hotReads(driver: DbDriver | undefined): HotReads | null {
  if (driver?.provider === 'sqlite' && driver.sqlite) return sqliteReads(driver.sqlite);
  if (driver?.provider === 'postgresql') return postgresReads();
  return null;
}

export type { BookingRow };
