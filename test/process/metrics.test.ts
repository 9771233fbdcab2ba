/**
 * GET /metrics on the real program (Discord mode against the fake Discord): a booking, a lockout and
 * the sweeper's deliveries move the series a Prometheus scrape reads, and the outbox gauges match the
 * database. Also: who may scrape, and the Grafana dashboard in docs/ names only exported metrics.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeDiscord } from '../fakes/discord-server.js';
import { startDefaultFake, TOKEN } from '../discord/helpers.js';
import { answerOf, buttonIds, EPHEMERAL_MESSAGE } from '../discord/slotkeeper.js';
import { decodeIntent } from '../../bots/shared/present/intents.js';
import { parsePrometheus, type Scrape } from '../support/prometheus.js';
import { databaseTarget } from '../../prisma/database-url.js';
import { openDatabase } from '../../prisma/client.js';
import { ROOT, runMain, type RunningMain } from './run-main.js';

const example = readFileSync(path.join(ROOT, 'slotkeeper.example.yml'), 'utf8');
/** The example config with the fake Discord's channels and role, a sweeper every second, bookings confirmed at once. */
const config = example
  .replace('staffChannel: "200000000000000001"', 'staffChannel: "333333333333333302"')
  .replace('staffRole: "300000000000000001"', 'staffRole: "444444444444444401"')
  .replace('bookingChannels: ["200000000000000002"]', 'bookingChannels: ["333333333333333301"]')
  .replace('sweeper: { intervalSeconds: 15 }', 'sweeper: { intervalSeconds: 1 }')
  .replace(/approval: paid_only/, 'approval: never');

/** A Tuesday, Wednesday or Thursday at least two days ahead, at 11:00 New York: inside Alice's hours. */
function weekdayPhrase(): string {
  let d = DateTime.now().setZone('America/New_York').plus({ days: 2 });
  while (![2, 3, 4].includes(d.weekday)) d = d.plus({ days: 1 });
  return `${d.toFormat('MMMM d')} at 11am`;
}

describe('/metrics: the running program', () => {
  let fake: FakeDiscord;
  let main: RunningMain;
  let sqlite: Database.Database;
  const scrape = async (headers: Record<string, string> = {}): Promise<Scrape> => {
    const res = await fetch(`${main.base}/metrics`, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    return parsePrometheus(await res.text());
  };
  const command = async (name: string, options: Record<string, string>) => {
    const i = fake.interaction({ kind: 'command', name, options: Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })) });
    return answerOf(fake, i, 8_000);
  };

  beforeAll(async () => {
    fake = await startDefaultFake();
    main = await runMain({ config, env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl } });
    sqlite = new Database(path.join(main.dir, 'main.db'), { readonly: true });
    await fake.waitForIdentify(10_000);
    await vi.waitFor(async () => {
      if ((await fetch(`${main.base}/healthz`)).status !== 200) throw new Error('not healthy yet');
    }, { timeout: 10_000, interval: 100 });
  }, 60_000);
  afterAll(async () => {
    sqlite?.close();
    await main?.stop();
    await fake?.close();
  });

  it('a booking, six wrong codes and the deliveries that follow move the series; the outbox gauges match the database', async () => {
    const before = await scrape();
    const startedAt = Date.now() / 1000;
    expect(before.families.get('slotkeeper_bookings_total')).toBe('counter');
    expect(before.value('slotkeeper_bookings_total')).toBe(0);

    // The customer (no company linked) asks, and books the offered time at the standard fee.
    const offer = await command('book', { when: weekdayPhrase() });
    const book = buttonIds(offer.body.data).find((id) => { const i = decodeIntent(id); return i?.do === 'book' && i.slot.payStandardFee; });
    expect(book, JSON.stringify(offer.body.data)).toBeDefined();
    const pressed = fake.interaction({ kind: 'button', customId: book!, ...EPHEMERAL_MESSAGE });
    await fake.waitForCall('POST', `/interactions/${pressed.id}/${pressed.token}/callback`, 8_000);
    const bookings = sqlite.prepare('SELECT status FROM Booking').all() as { status: string }[];
    expect(bookings).toHaveLength(1);

    // Six wrong maintenance codes: the sixth (and the fifth, which starts it) meet the lockout.
    for (let n = 0; n < 6; n++) await command('support-code', { code: `WRONG-${1000 + n}` });

    // The sweeper (every second) delivers the staff card and the customer's message.
    await expect.poll(async () => (await scrape()).value('slotkeeper_deliveries_total', { channel: 'discord', result: 'sent' }), { timeout: 10_000, interval: 250 }).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await scrape()).value('slotkeeper_outbox_due'), { timeout: 10_000, interval: 250 }).toBe(0);

    const after = await scrape();
    const outcome = after.samples.filter((s) => s.name === 'slotkeeper_bookings_total');
    expect(outcome).toHaveLength(1);
    expect(outcome[0]!.value).toBe(1);
    expect(bookings[0]!.status).toBe('confirmed');
    expect(outcome[0]!.labels.outcome).toBe('booked');

    expect(after.value('slotkeeper_request_duration_seconds_count', { platform: 'discord', kind: 'command' })).toBe(7);
    expect(after.value('slotkeeper_request_duration_seconds_count', { platform: 'discord', kind: 'button' })).toBe(1);
    expect(after.value('slotkeeper_request_duration_seconds_sum', { platform: 'discord', kind: 'command' })).toBeGreaterThan(0);
    expect(after.value('slotkeeper_request_duration_seconds_bucket', { platform: 'discord', kind: 'button', le: '+Inf' })).toBe(1);

    expect(after.value('slotkeeper_code_attempts_total', { result: 'code_invalid' })).toBe(4);
    expect(after.value('slotkeeper_code_attempts_total', { result: 'code_locked' })).toBe(2);
    expect(after.value('slotkeeper_code_lockouts_total')).toBe(2);

    const sent = after.value('slotkeeper_deliveries_total', { channel: 'discord', result: 'sent' });
    const sentRows = (sqlite.prepare("SELECT COUNT(*) AS n FROM Notification WHERE status = 'sent'").get() as { n: number }).n;
    expect(sent).toBe(sentRows);
    expect(after.value('slotkeeper_sweep_lag_seconds_count')).toBe(sent);
    expect(after.value('slotkeeper_sweep_duration_seconds_count')).toBeGreaterThan(before.value('slotkeeper_sweep_duration_seconds_count'));
    expect(after.value('slotkeeper_sweep_last_run_timestamp_seconds')).toBeGreaterThanOrEqual(startedAt);

    // Reminders wait in the outbox until their time: the gauge is the database's count.
    const pendingRows = (sqlite.prepare("SELECT COUNT(*) AS n FROM Notification WHERE status = 'pending'").get() as { n: number }).n;
    expect(pendingRows).toBeGreaterThan(0);
    expect(after.value('slotkeeper_outbox_pending')).toBe(pendingRows);
    expect(after.value('slotkeeper_outbox_due')).toBe(0);
    expect(after.value('slotkeeper_outbox_oldest_due_age_seconds')).toBe(0);
  }, 60_000);

  it('a due row nobody can deliver now (claimed by a sweeper that died) shows as depth and age', async () => {
    const db = await openDatabase(databaseTarget(`file:${path.join(main.dir, 'main.db')}`));
    try {
      const twoMinutesAgo = new Date(Date.now() - 120_000);
      await db.prisma.notification.create({
        data: { type: 'reinstated', recipient: 'staff', payload: JSON.stringify({ type: 'reinstated', companyName: 'Acme' }), dueAt: twoMinutesAgo, claimToken: 'dead-sweeper', claimedUntil: new Date(Date.now() + 60_000) },
      });
    } finally {
      await db.close();
    }
    const s = await scrape();
    expect(s.value('slotkeeper_outbox_due')).toBe(1);
    const age = s.value('slotkeeper_outbox_oldest_due_age_seconds');
    expect(age).toBeGreaterThanOrEqual(120);
    expect(age).toBeLessThan(140);
  });

  it('is refused to a client a proxy forwarded (no METRICS_TOKEN set: this machine only)', async () => {
    const res = await fetch(`${main.base}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('Metrics are served to this machine only. Set METRICS_TOKEN to let Prometheus scrape from elsewhere with a bearer token.');
  });

  it('docs/grafana-dashboard.json: every expression names only metrics this process exports', async () => {
    const exported = (await scrape()).families;
    const dashboard = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'grafana-dashboard.json'), 'utf8')) as { panels: { title: string; targets?: { expr: string }[] }[] };
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));
    expect(exprs.length).toBeGreaterThanOrEqual(8);
    const family = (name: string) => (exported.has(name) ? name : name.replace(/_(bucket|sum|count)$/, ''));
    for (const { panel, expr } of exprs) {
      const names = [...expr.matchAll(/\b(slotkeeper_[a-z0-9_]+|process_[a-z0-9_]+|nodejs_[a-z0-9_]+)\b/g)].map((m) => m[1]!);
      expect(names.length, `${panel}: ${expr}`).toBeGreaterThan(0);
      for (const n of names) {
        const f = family(n);
        expect(exported.has(f), `${panel}: ${n} is not exported`).toBe(true);
        if (f !== n) expect(exported.get(f), `${panel}: ${n}`).toBe('histogram');
      }
    }
    // Every slotkeeper metric appears on the dashboard.
    const used = new Set(exprs.flatMap(({ expr }) => [...expr.matchAll(/\b(slotkeeper_[a-z0-9_]+)\b/g)].map((m) => family(m[1]!))));
    expect([...exported.keys()].filter((n) => n.startsWith('slotkeeper_') && !used.has(n))).toEqual([]);
  });
});
