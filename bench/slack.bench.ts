/**
 * npm run bench:slack (tsx bench/slack.bench.ts) — ack latency of a signed `/book tomorrow 3pm`
 * through the real Slotkeeper Slack app (Bolt HTTP receiver → listener → users.info (cached) →
 * core.understandRequest on SQLite → respond()), next to a bare Bolt app whose listener only acks,
 * in the same process and run. 20 concurrent clients, BENCH_REQUESTS (default 400) requests each
 * app after a warm-up. Two bare apps: one only acks (the floor for the ack), one acks and posts a fixed
 * reply to response_url (the floor for the posted answer). Prints p50/p99 of each, the ratios, and a
 * RESULT line.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import type { App } from '@slack/bolt';
import { createSlackApp, startSlackApp, stopSlackApp, type SlackApp } from '../bots/slack/app.js';
import { registerSlack } from '../bots/slack/register.js';
import { createLogger } from '../bots/shared/logger.js';
import { companyWithPlan, harness, linkedCustomer } from '../test/support/core-harness.js';
import { sqliteTestDb } from '../test/support/test-database.js';
import { startFakeSlack } from '../test/fakes/slack-api.js';
import { postToBolt, signedSlashCommand } from '../test/fakes/slack-sign.js';

const SECRET = 'bench-signing-secret';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const WARMUP = 60;
const USERS = 20;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** Where respond() posts: records when each reply arrives. */
async function replyServer(): Promise<{ url: (id: string) => string; arrived: Map<string, number>; waiters: Map<string, () => void>; close(): Promise<void> }> {
  const arrived = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = decodeURIComponent(req.url!.slice(1));
      arrived.set(id, performance.now());
      waiters.get(id)?.();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (id) => `http://127.0.0.1:${port}/${encodeURIComponent(id)}`,
    arrived,
    waiters,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

interface Run {
  ack: number[];
  answer: number[];
}

async function drive(events: string, replies: Awaited<ReturnType<typeof replyServer>>, label: string, total: number, waitAnswer: boolean): Promise<Run> {
  const ack: number[] = [];
  const answer: number[] = [];
  let next = 0;
  const worker = async (w: number) => {
    while (next < total) {
      const i = next++;
      const id = `${label}-${i}`;
      const answered = waitAnswer ? new Promise<void>((r) => replies.waiters.set(id, r)) : null;
      const req = signedSlashCommand(SECRET, { command: '/book', text: 'tomorrow 3pm', user_id: `U0BENCH${(i + w) % USERS}`, response_url: replies.url(id) });
      const t0 = performance.now();
      const res = await postToBolt(events, req);
      const t1 = performance.now();
      if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
      ack.push(t1 - t0);
      if (answered) {
        await answered;
        answer.push(replies.arrived.get(id)! - t0);
        replies.waiters.delete(id);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  return { ack, answer };
}

async function main(): Promise<void> {
  const fake = await startFakeSlack();
  const replies = await replyServer();
  const db = await sqliteTestDb();
  const h = harness(db);
  const code = await companyWithPlan(h);
  for (let u = 0; u < USERS; u++) await linkedCustomer(h, `U0BENCH${u}`, code);
  const logger = createLogger({ level: 'silent' });
  const common = { logger, retryConfig: { retries: 0 }, tokenVerification: { botId: 'B0BOT', botUserId: 'U0BOT' } } as const;
  const env = { botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl: fake.url, mode: 'http' as const };

  // Two bare apps, the framework's floor: one only acks (for the ack), one acks then posts a fixed
  // reply to response_url (for the posted answer).
  const bareAck: SlackApp = createSlackApp({ ...common, env, register: (app: App) => app.command('/book', async ({ ack }) => ack()) });
  const bare: SlackApp = createSlackApp({ ...common, env, register: (app: App) => app.command('/book', async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: 'ok' });
  }) });
  const ours: SlackApp = createSlackApp({ ...common, env, register: (app: App) => registerSlack(app, { core: h.core, config: h.config, logger }) });
  const bareUrl = `http://127.0.0.1:${(await startSlackApp(bare, { port: 0 })).port}/slack/events`;
  const bareAckUrl = `http://127.0.0.1:${(await startSlackApp(bareAck, { port: 0 })).port}/slack/events`;
  const oursUrl = `http://127.0.0.1:${(await startSlackApp(ours, { port: 0 })).port}/slack/events`;

  await drive(bareAckUrl, replies, 'warm-bare-ack', WARMUP, false);
  await drive(bareUrl, replies, 'warm-bare', WARMUP, true);
  await drive(oursUrl, replies, 'warm-ours', WARMUP, true);
  const ba = await drive(bareAckUrl, replies, 'bare-ack', REQUESTS, false);
  const b = await drive(bareUrl, replies, 'bare', REQUESTS, true);
  const o = await drive(oursUrl, replies, 'ours', REQUESTS, true);

  // Where the time goes: the same core call alone, sequentially (no HTTP, no Slack).
  const caller = { platform: 'slack' as const, userId: 'U0BENCH0', zone: 'America/New_York', locale: 'en-US' };
  for (let i = 0; i < 20; i++) await h.core.understandRequest({ caller, text: 'tomorrow 3pm' });
  const core: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await h.core.understandRequest({ caller, text: 'tomorrow 3pm' });
    core.push(performance.now() - t0);
  }

  const f = (x: number) => `${x.toFixed(2)} ms`;
  const line = (name: string, xs: number[]) => `${name.padEnd(34)} p50 ${f(pct(xs, 50)).padStart(10)}   p99 ${f(pct(xs, 99)).padStart(10)}`;
  console.log(`/book tomorrow 3pm — ${REQUESTS} signed requests per app, ${CONCURRENCY} concurrent, SQLite, Node ${process.version}`);
  console.log(line('bare Bolt, ack only: ack', ba.ack));
  console.log(line('bare Bolt, ack + reply: ack', b.ack));
  console.log(line('bare Bolt, ack + reply: reply', b.answer));
  console.log(line('Slotkeeper /book: ack', o.ack));
  console.log(line('Slotkeeper /book: answer posted', o.answer));
  const ackRatio = pct(o.ack, 50) / pct(ba.ack, 50);
  const answerRatio = pct(o.answer, 50) / pct(b.answer, 50);
  console.log(`ratio ack (Slotkeeper / bare ack only)    p50 ${ackRatio.toFixed(2)}×   p99 ${(pct(o.ack, 99) / pct(ba.ack, 99)).toFixed(2)}×`);
  console.log(`ratio answer (Slotkeeper / bare reply)    p50 ${answerRatio.toFixed(2)}×   p99 ${(pct(o.answer, 99) / pct(b.answer, 99)).toFixed(2)}×`);
  console.log(line('core.understandRequest alone (seq.)', core));
  console.log(`users.info calls: ${fake.callsTo('users.info').length} for ${USERS} users (cached)`);
  console.log(
    `RESULT bench=slack ack_p50_ratio=${ackRatio.toFixed(2)} ack_p99_ms=${pct(o.ack, 99).toFixed(1)} answer_p50_ratio=${answerRatio.toFixed(2)}` +
      ` bare_ack_p50_ms=${pct(ba.ack, 50).toFixed(2)} ack_p50_ms=${pct(o.ack, 50).toFixed(2)} bare_answer_p50_ms=${pct(b.answer, 50).toFixed(2)} answer_p50_ms=${pct(o.answer, 50).toFixed(2)}` +
      ` understand_p50_ms=${pct(core, 50).toFixed(2)} load1=${loadavg()[0]!.toFixed(1)}`,
  );

  await stopSlackApp(bare);
  await stopSlackApp(bareAck);
  await stopSlackApp(ours);
  await replies.close();
  await fake.close();
  await db.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
