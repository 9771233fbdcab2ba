/**
 * Core scheduler figures on this machine: `npm run bench:core`. Runs on SQLite, and on PostgreSQL
 * when BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) is set, each scenario on a fresh database, then
 * prints a markdown table for the README. Not a test: it asserts nothing, it measures.
 *
 *  1. availability: median ms of core.findOpenings over a 30-day window, 10 staff, 20,000 bookings: the
 *     hard case (limit 50, the most findOpenings gives, spread over 17 days) and /book's (limit 8),
 *     each after 150 unmeasured calls (BENCH_AVAIL_WARMUP), as a process that has served a while runs it
 *  2. booking throughput: 20 concurrent core.bookSession callers (bookings/s)
 *  3. one sweep of 10,000 due reminders with a no-op notifier (items/s)
 *  4. the sweeper's claim query with 10,000 vs 1,000,000 Notification rows (1,000 pending due),
 *     and whether its plan uses the (status, dueAt) index
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createCore, type Core } from '../core/index.js';
import { ManualClock } from '../core/ports/clock.js';
import { randomIds } from '../core/ports/ids.js';
import type { Config } from '../core/config/schema.js';
import type { Notifier } from '../core/notifications/types.js';
import { openDatabase, type Db } from '../prisma/client.js';
import { migrate } from '../prisma/migrate.js';
import { createPrismaStore } from '../prisma/store/index.js';
import { dueAndUnclaimed } from '../prisma/store/claim.js';
import { configWith } from '../test/support/config.js';

const NOW = new Date('2026-11-30T14:00:00Z');
const DAY = 24 * 3600_000;
const MIN = 60_000;
const pgUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;

interface Fresh {
  provider: 'sqlite' | 'postgresql';
  prisma: Db;
  close(): Promise<void>;
}

async function freshDb(provider: 'sqlite' | 'postgresql'): Promise<Fresh> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'sk-bench-'));
    const file = path.join(dir, 'bench.db');
    const target = { provider: 'sqlite' as const, url: `file:${file}`, file };
    await migrate(target);
    const db = await openDatabase(target);
    return { provider, prisma: db.prisma, close: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `sk_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(pgUrl!);
  u.pathname = `/${name}`;
  const target = { provider: 'postgresql' as const, url: u.toString() };
  await migrate(target);
  const db = await openDatabase(target);
  return {
    provider,
    prisma: db.prisma,
    close: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: pgUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Ten staff working around the clock every day (the heaviest availability search); ids `s0`… (or another prefix). */
function benchConfig(prefix = 's'): Config {
  return configWith((cfg) => {
    const all = '00:00-24:00';
    const zones = ['America/New_York', 'Europe/London', 'Europe/Berlin'];
    cfg.staff = Array.from({ length: 10 }, (_, i) => ({
      id: `${prefix}${i}`, name: `Staff ${prefix}${i}`, zone: zones[i % 3]!, identities: { console: prefix === 's' ? `staff${i}` : `staff-${prefix}${i}` }, daysOff: [],
      hours: { mon: all, tue: all, wed: all, thu: all, fri: all, sat: all, sun: all },
    }));
    cfg.policy.approval = 'never';
  });
}

function coreFor(db: Fresh, config: Config): Core {
  return createCore({ store: createPrismaStore(db.prisma), clock: new ManualClock(NOW), ids: randomIds, config });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

/**
 * A bulk-loaded PostgreSQL table as autovacuum leaves it at rest: its visibility map set and its
 * statistics taken. Until then every index-only scan also fetches each row from the heap (the 17-day
 * busy-time read of the limit-50 search: 11,390 heap fetches, 7.5 ms instead of 5.5 ms), so a run
 * measured whether autovacuum had reached the table yet, or was at work on one of the two cores
 * meanwhile. SQLite has no such state.
 */
async function settled(db: Fresh, table: string): Promise<void> {
  if (db.provider === 'postgresql') await db.prisma.$executeRawUnsafe(`VACUUM (ANALYZE) "${table}"`);
}

async function chunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function companyAndMember(core: Core, db: Fresh, userId = 'bench-user') {
  await core.createCompany({ caller: { platform: 'console', userId: 'staff0' }, name: 'Bench Co', planUntil: new Date(NOW.getTime() + 400 * DAY), code: 'BENCH-0001' });
  const caller = { platform: 'console' as const, userId, zone: 'America/New_York' };
  await core.linkCompany({ caller, code: 'BENCH-0001' });
  const member = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: userId } });
  return { caller, member };
}

// 1. availability --------------------------------------------------------------------------------
interface AvailFigures {
  medianMs: number;
  cpuMs: number;
  fetchMs: number;
  openings: number;
  /** The limit-50 search again, taken in turn with `outsideMs` (after the other staff's bookings went in). */
  insideMs: number;
  /** The same search for staff with 20,000 more bookings after the window. */
  outsideMs: number;
  /** The same search as /book makes it (limit 8). */
  bookMs: number;
  bookCpuMs: number;
  bookOpenings: number;
}

/** Median wall and CPU ms of `runs` calls (CPU: user + system of this process, all its threads). */
async function timed(runs: number, fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    walls.push(await ms(fn));
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

const WARMUP = Number(process.env.BENCH_AVAIL_WARMUP ?? 150);

async function availability(provider: Fresh['provider']): Promise<AvailFigures> {
  const db = await freshDb(provider);
  try {
    const config = benchConfig();
    const core = coreFor(db, config);
    const { caller, member } = await companyAndMember(core, db);
    const company = await db.prisma.company.findFirstOrThrow();
    // 10 staff × 30 days × 67 bookings of 15 min every 20 min from 00:00 UTC (capped at 20,000):
    // each staff day keeps about 1.7 free hours at its end.
    const bookings = (prefix: string, afterDays: number) => {
      const out = [];
      let n = 0;
      const day0 = Date.parse('2026-12-01T00:00:00Z') + afterDays * DAY;
      for (let s = 0; s < 10; s++)
        for (let d = 0; d < 30; d++)
          for (let k = 0; k < 67 && n < 20_000; k++, n++) {
            const start = day0 + d * DAY + k * 20 * MIN;
            out.push({
              reference: `${prefix}${afterDays}-${n}`, joinToken: `jt${prefix}${afterDays}-${n}`, companyId: company.id, memberId: member.id, staffId: `${prefix}${s}`, kind: 'online',
              status: 'confirmed', startsAt: new Date(start), endsAt: new Date(start + 15 * MIN), lengthMinutes: 15, bufferMinutes: 0, priceCents: 0, currency: 'USD',
              priceBasis: 'plan_free', phoneNumber: '+1 555', phonePin: '000000', platform: 'console',
            });
          }
      return out;
    };
    const rows = bookings('s', 0);
    await chunked(rows, 1000, (c) => db.prisma.booking.createMany({ data: c }));
    await settled(db, 'Booking');
    const q = { caller, kind: 'online' as const, lengthMinutes: 30, from: NOW, to: new Date(NOW.getTime() + 30 * DAY), limit: 50 };
    const book = { ...q, limit: 8 };
    let openings = 0;
    let bookOpenings = 0;
    // Measured once V8 has optimised the search's code, as in a process that has served a while: the
    // first hundred calls here cost up to twice the CPU of later ones (BENCH_AVAIL_WARMUP).
    for (let i = 0; i < WARMUP; i++) await core.findOpenings(q);
    const hard = await timed(25, async () => {
      const r = await core.findOpenings(q);
      openings = r.kind === 'openings' ? r.slots.length : 0;
    });
    for (let i = 0; i < WARMUP; i++) await core.findOpenings(book);
    const slash = await timed(25, async () => {
      const r = await core.findOpenings(book);
      bookOpenings = r.kind === 'openings' ? r.slots.length : 0;
    });
    // The same search for ten other staff with the same bookings and 20,000 more in the 30 days after
    // the window: it must not slow down. Both searches run in turn on the same database, so that a busy
    // moment of the machine (or of the server after the bulk insert) weighs on both alike.
    const others = coreFor(db, benchConfig('t'));
    await chunked([...bookings('t', 0), ...bookings('t', 31)], 1000, (c) => db.prisma.booking.createMany({ data: c }));
    await settled(db, 'Booking');
    for (let i = 0; i < WARMUP; i++) await others.findOpenings(q);
    const inside: number[] = [];
    const outside: number[] = [];
    for (let i = 0; i < 25; i++) {
      inside.push(await ms(() => core.findOpenings(q)));
      outside.push(await ms(() => others.findOpenings(q)));
    }
    // How much of that is reading the busy time (20,000 rows) from the database.
    const store = createPrismaStore(db.prisma);
    const ids = config.staff.map((st) => st.id);
    const fetches: number[] = [];
    for (let i = 0; i < 15; i++) {
      fetches.push(await ms(() => store.transaction((tx) => tx.bookings.busy(ids, new Date(q.from.getTime() - DAY), new Date(q.to.getTime() + DAY)))));
    }
    return {
      medianMs: hard.wall, cpuMs: hard.cpu, fetchMs: median(fetches), openings, insideMs: median(inside), outsideMs: median(outside),
      bookMs: slash.wall, bookCpuMs: slash.cpu, bookOpenings,
    };
  } finally {
    await db.close();
  }
}

// 2. booking throughput ----------------------------------------------------------------------------
async function bookingThroughput(provider: Fresh['provider']): Promise<{ perSecond: number; booked: number; total: number }> {
  const db = await freshDb(provider);
  try {
    const core = coreFor(db, benchConfig());
    const callers = [];
    for (let w = 0; w < 20; w++) callers.push((await companyAndMember(core, db, `u${w}`).catch(async () => {
      const caller = { platform: 'console' as const, userId: `u${w}`, zone: 'America/New_York' };
      await core.linkCompany({ caller, code: 'BENCH-0001' });
      return { caller };
    })).caller);
    const perWorker = 15;
    let booked = 0;
    const t = performance.now();
    await Promise.all(callers.map(async (caller, w) => {
      for (let j = 0; j < perWorker; j++) {
        const startsAt = new Date(Date.parse('2026-12-01T00:00:00Z') + (w * perWorker + j) * 60 * MIN);
        const r = await core.bookSession({ caller, kind: 'online', lengthMinutes: 30, startsAt });
        if (r.kind === 'booked') booked++;
      }
    }));
    const seconds = (performance.now() - t) / 1000;
    return { perSecond: booked / seconds, booked, total: callers.length * perWorker };
  } finally {
    await db.close();
  }
}

// 3. one sweep of 10,000 due reminders ---------------------------------------------------------------
async function sweep(provider: Fresh['provider']): Promise<{ perSecond: number; perCpuSecond: number; sent: number }> {
  const db = await freshDb(provider);
  try {
    const core = coreFor(db, benchConfig());
    const { caller, member } = await companyAndMember(core, db);
    const b = await core.bookSession({ caller, kind: 'online', lengthMinutes: 30, startsAt: new Date(NOW.getTime() + 5 * DAY) });
    if (b.kind !== 'booked') throw new Error(`bench booking failed: ${b.kind}`);
    const payload = JSON.stringify({ type: 'reminder', booking: b.booking, minutesBefore: 120 });
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ type: 'reminder', recipient: 'member', memberId: member.id, bookingId: b.booking.bookingId, payload, dueAt: new Date(NOW.getTime() - i * 1000) }));
    await chunked(rows, 2000, (c) => db.prisma.notification.createMany({ data: c }));
    const noop: Notifier = { deliver: async () => ({ kind: 'sent' }) };
    const t = performance.now();
    const c0 = process.cpuUsage();
    const r = await core.runSweep({ notifier: noop, limit: 20_000 });
    const c = process.cpuUsage(c0);
    const seconds = (performance.now() - t) / 1000;
    return { perSecond: r.sent / seconds, perCpuSecond: r.sent / ((c.user + c.system) / 1e6), sent: r.sent };
  } finally {
    await db.close();
  }
}

// 4. the claim query as the table grows ----------------------------------------------------------
async function addSentRows(db: Fresh, from: number, count: number): Promise<void> {
  if (db.provider === 'sqlite') {
    await db.prisma.$executeRawUnsafe(`
      WITH RECURSIVE s(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM s WHERE i < ${from + count - 1})
      INSERT INTO "Notification" (id, type, recipient, payload, dueAt, status, attempts, createdAt, sentAt)
      SELECT 'sent' || i, 'reminder', 'staff', '{}', t, 'sent', 1, t, t
      FROM (SELECT i, strftime('%Y-%m-%dT%H:%M:%f', '2025-11-30 14:00:00', '+' || (i * 30) || ' seconds') || '+00:00' AS t FROM s)`);
    await db.prisma.$executeRawUnsafe('ANALYZE');
  } else {
    await db.prisma.$executeRawUnsafe(`
      INSERT INTO "Notification" (id, type, recipient, payload, "dueAt", status, attempts, "createdAt", "sentAt")
      SELECT 'sent' || i, 'reminder', 'staff', '{}', t, 'sent', 1, t, t
      FROM (SELECT i, timestamp '2025-11-30 14:00:00' + i * interval '30 seconds' AS t FROM generate_series(${from}, ${from + count - 1}) i) x`);
    await db.prisma.$executeRawUnsafe('ANALYZE "Notification"');
  }
}

async function claimPlan(db: Fresh): Promise<string> {
  if (db.provider === 'sqlite') {
    const t = `'${NOW.toISOString().replace('Z', '+00:00')}'`;
    const rows = await db.prisma.$queryRawUnsafe<Array<{ detail: string }>>(
      `EXPLAIN QUERY PLAN SELECT id FROM "Notification" WHERE status = 'pending' AND dueAt <= ${t} AND (claimedUntil IS NULL OR claimedUntil < ${t}) ORDER BY dueAt LIMIT 500`);
    return rows.map((r) => r.detail).join('; ');
  }
  const t = `timestamp '${NOW.toISOString().slice(0, 19).replace('T', ' ')}'`;
  const rows = await db.prisma.$queryRawUnsafe<Array<Record<string, string>>>(
    `EXPLAIN SELECT id FROM "Notification" WHERE status = 'pending' AND "dueAt" <= ${t} AND ("claimedUntil" IS NULL OR "claimedUntil" < ${t}) ORDER BY "dueAt" LIMIT 500`);
  return rows.map((r) => Object.values(r)[0]!.trim()).join('; ');
}

async function claimQuery(db: Fresh): Promise<{ medianMs: number; claimMs: number; plan: string }> {
  const select = () => db.prisma.notification.findMany({ where: dueAndUnclaimed(NOW), orderBy: { dueAt: 'asc' }, take: 500, select: { id: true } });
  for (let i = 0; i < 3; i++) await select();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) times.push(await ms(select));
  // One real claim (select + conditional update + read back), then release it for the next measurement.
  const store = createPrismaStore(db.prisma);
  const claimMs = await ms(() => store.transaction((tx) => tx.outbox.claimDue(NOW, 500, 'bench', new Date(NOW.getTime() + 2 * MIN))));
  await db.prisma.notification.updateMany({ where: { claimToken: 'bench' }, data: { claimToken: null, claimedUntil: null } });
  return { medianMs: median(times), claimMs, plan: await claimPlan(db) };
}

async function claimScaling(provider: Fresh['provider']) {
  const db = await freshDb(provider);
  try {
    const pending = Array.from({ length: 1000 }, (_, i) => ({ type: 'reminder', recipient: 'staff', payload: '{}', dueAt: new Date(NOW.getTime() - i * 1000) }));
    await db.prisma.notification.createMany({ data: pending });
    await addSentRows(db, 1, 9_000);
    const small = await claimQuery(db);
    await addSentRows(db, 9_001, 990_000);
    const large = await claimQuery(db);
    return { small, large, rows: await db.prisma.notification.count() };
  } finally {
    await db.close();
  }
}

// ----------------------------------------------------------------------------------------------------
const f = (x: number, digits = 1) => x.toFixed(digits);

async function main() {
  const providers: Fresh['provider'][] = pgUrl ? ['sqlite', 'postgresql'] : ['sqlite'];
  const results: Record<string, Record<string, string>> = {};
  // BENCH_ONLY=avail,sweep runs a subset (default: all four).
  const only = new Set((process.env.BENCH_ONLY ?? 'avail,book,sweep,claim').split(',').map((x) => x.trim()));
  const result: string[] = [];
  const notes: string[] = [];
  const started = performance.now();
  notes.push(`load average at the start: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  for (const p of providers) {
    const r: Record<string, string> = {};
    const short = p === 'sqlite' ? 'sqlite' : 'pg';
    if (only.has('avail')) {
      process.stderr.write(`${p}: availability…\n`);
      const a = await availability(p);
      r.avail = `${f(a.medianMs)} (CPU ${f(a.cpuMs)}; ${a.openings} openings; reading all 20,000 busy rows ${f(a.fetchMs)})`;
      r.availOutside = `${f(a.outsideMs)} (${f(a.outsideMs / a.insideMs, 2)}× the ${f(a.insideMs)} of the first staff, taken in turn)`;
      r.availBook = `${f(a.bookMs)} (CPU ${f(a.bookCpuMs)}; ${a.bookOpenings} openings)`;
      result.push(`avail_${short}_p50_ms=${f(a.medianMs, 2)} avail_${short}_cpu_p50_ms=${f(a.cpuMs, 2)} avail_${short}_outside_ratio=${f(a.outsideMs / a.insideMs, 2)}`);
      result.push(`avail_book_${short}_p50_ms=${f(a.bookMs, 2)} avail_book_${short}_cpu_p50_ms=${f(a.bookCpuMs, 2)}`);
    }
    if (only.has('book')) {
      process.stderr.write(`${p}: booking throughput…\n`);
      const b = await bookingThroughput(p);
      r.book = `${f(b.perSecond)} (${b.booked}/${b.total} booked)`;
      result.push(`book_${short}_per_s=${f(b.perSecond, 0)}`);
    }
    if (only.has('sweep')) {
      process.stderr.write(`${p}: sweep…\n`);
      const s = await sweep(p);
      r.sweep = `${f(s.perSecond, 0)} (${f(s.perCpuSecond, 0)} per CPU-second of this process; ${s.sent} sent)`;
      result.push(`sweep_${short}_per_s=${f(s.perSecond, 0)} sweep_${short}_per_cpu_s=${f(s.perCpuSecond, 0)}`);
    }
    if (only.has('claim')) {
      process.stderr.write(`${p}: claim query at 10k and 1M rows…\n`);
      const c = await claimScaling(p);
      r.claimSmall = `${f(c.small.medianMs, 2)} (claim ${f(c.small.claimMs)})`;
      r.claimLarge = `${f(c.large.medianMs, 2)} (claim ${f(c.large.claimMs)})`;
      r.index = /Notification_status_dueAt_idx/.test(c.large.plan) ? 'yes' : 'NO';
      notes.push(`${p} claim plan at ${c.rows.toLocaleString('en-US')} rows: ${c.large.plan}`);
    }
    results[p] = r;
  }
  const cols = providers.map((p) => (p === 'sqlite' ? 'SQLite' : 'PostgreSQL'));
  const row = (label: string, key: string) => `| ${label} | ${providers.map((p) => results[p]![key] ?? '–').join(' | ')} |`;
  const lines = [
    `| core scheduler (${cpus().length} cores, Node ${process.versions.node}) | ${cols.join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
    row('findOpenings, 30-day window, 10 staff, 20,000 bookings, limit 50: median ms', 'avail'),
    row('the same for staff with 20,000 more bookings after the window: median ms (ratio)', 'availOutside'),
    row('the same window as /book asks it (limit 8): median ms', 'availBook'),
    row('bookSession, 20 concurrent callers: bookings/s', 'book'),
    row('one sweep of 10,000 due reminders, no-op notifier: items/s', 'sweep'),
    row('claim query, 10,000 Notification rows (1,000 due): median ms', 'claimSmall'),
    row('claim query, 1,000,000 Notification rows (1,000 due): median ms', 'claimLarge'),
    row('claim plan uses the (status, dueAt) index', 'index'),
  ];
  const load = loadavg().map((x) => x.toFixed(1)).join(' ');
  notes.push(`load average at the end: ${load} (other work on the machine inflates every figure)`);
  process.stdout.write(lines.join('\n') + '\n\n' + notes.map((n) => `- ${n}`).join('\n') + `\n\nTotal bench time ${f((performance.now() - started) / 1000)} s.\n`);
  process.stdout.write(`RESULT bench=core ${result.join(' ')} load1=${loadavg()[0]!.toFixed(1)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
