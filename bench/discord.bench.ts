/**
 * npm run bench:discord — interaction-to-reply latency of `/book` (the real adapter over a real core on
 * a fresh SQLite database) next to a bare discord.js client that only replies, in the same run, both
 * against the fake Discord on 127.0.0.1 (REST + gateway). 20 interactions in flight, 1,000 in all per
 * side after 1,000 of warm-up each (BENCH_TOTAL, BENCH_CONCURRENCY, BENCH_WARMUP). Latency: from
 * dispatching INTERACTION_CREATE on the fake's gateway to the fake receiving the callback POST (first
 * reply) and, when the bot deferred, the edit carrying the content (final content). Another line
 * times the same core call without Discord, at the same concurrency, to show which part is core's.
 * Ends with a RESULT line.
 */
import { ApplicationCommandOptionType, Events, MessageFlags, type Client } from 'discord.js';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { createDiscordClient } from '../bots/discord/client.js';
import type { LoggerLike } from '../bots/discord/logger.js';
import { wireDiscord } from '../bots/discord/register.js';
import { configWith } from '../test/support/config.js';
import { harness } from '../test/support/core-harness.js';
import { sqliteTestDb } from '../test/support/test-database.js';
import { startFakeDiscord, type FakeDiscord } from '../test/fakes/discord-server.js';

const TOTAL = Number(process.env.BENCH_TOTAL ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
/**
 * Interactions each side answers before it is measured (BENCH_WARMUP): figures of a bot that has been
 * running, not of V8 still compiling discord.js, undici and our code (after 20, compiler threads still
 * added about 0.7 ms of CPU to each /book and 0.2 ms to each bare reply; after 200, /book's median was
 * still falling: 16-17 ms measured over the next 400, 12-14 ms after 1,000).
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);

const quiet: LoggerLike = { info() {}, warn() {}, error() {}, debug() {}, child: () => quiet };

async function fake(): Promise<FakeDiscord> {
  return startFakeDiscord({
    channels: [{ id: '333333333333333301', name: 'booking' }, { id: '333333333333333302', name: 'staff' }],
    roles: [{ id: '444444444444444401', name: 'Staff' }],
    members: [{ id: '555555555555555501', username: 'customer' }],
  });
}

async function connect(f: FakeDiscord): Promise<Client> {
  const client = createDiscordClient({ token: 'bench-token', apiUrl: f.apiUrl, logger: quiet, waitGuildTimeout: 500 });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login();
  await ready;
  return client;
}

interface Lat {
  /** Until the interaction callback (the first reply, or the deferral). */
  first: number[];
  /** Until the answer's content: the callback itself, or the edit of @original after a deferral. */
  final: number[];
}

async function run(f: FakeDiscord, total: number): Promise<Lat> {
  const first: number[] = [];
  const final: number[] = [];
  let next = 0;
  const phrases = ['tomorrow at 3pm', 'Wednesday at 10am', 'Friday afternoon', 'next Monday 2pm'];
  async function worker() {
    while (next < total) {
      const n = next++;
      const started = performance.now();
      const i = f.interaction({ kind: 'command', name: 'book', options: [{ name: 'when', type: ApplicationCommandOptionType.String, value: phrases[n % phrases.length] }] });
      const callback = await f.waitForCall('POST', `/interactions/${i.id}/${i.token}/callback`, 30_000);
      first.push(performance.now() - started);
      if ((callback.body as { type?: number } | null)?.type === 5) {
        await f.waitForCall('PATCH', `/webhooks/${f.applicationId}/${i.token}/messages/@original`, 30_000);
      }
      final.push(performance.now() - started);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { first: first.sort((a, b) => a - b), final: final.sort((a, b) => a - b) };
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function main() {
  // The adapter over core
  const fa = await fake();
  const config = configWith((raw) => {
    raw.channels.discord = { staffChannel: '333333333333333302', staffRole: '444444444444444401', bookingChannels: ['333333333333333301'] };
  });
  const db = await sqliteTestDb();
  const h = harness(db, { config });
  const adapter = await connect(fa);
  wireDiscord(adapter, { core: h.core, config, logger: quiet });

  // A bare client that only replies
  const fb = await fake();
  const bare = await connect(fb);
  bare.on(Events.InteractionCreate, (i) => {
    if (i.isChatInputCommand()) void i.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
  });

  await run(fa, WARMUP);
  await run(fb, WARMUP);
  const bareLat = await run(fb, TOTAL);
  const bookLat = await run(fa, TOTAL);
  // The same core calls /book makes, without Discord: what is core's and what is the adapter's.
  const coreLat: number[] = [];
  let k = 0;
  const caller = { platform: 'discord' as const, userId: '555555555555555501', displayName: 'customer', roles: [], locale: 'en-US' };
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (k < TOTAL) {
        const n = k++;
        const started = performance.now();
        await h.core.understandRequest({ caller, text: ['tomorrow at 3pm', 'Wednesday at 10am', 'Friday afternoon', 'next Monday 2pm'][n % 4]! });
        coreLat.push(performance.now() - started);
      }
    }),
  );
  coreLat.sort((a, b) => a - b);

  const row = (name: string, xs: number[]) => `${name.padEnd(22)} p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms   p99 ${pct(xs, 99).toFixed(1).padStart(7)} ms`;
  console.log(`Discord interaction → reply, ${TOTAL} interactions, ${CONCURRENCY} in flight (fake Discord on 127.0.0.1)`);
  console.log(row('bare discord.js reply', bareLat.first));
  console.log(row('/book first reply', bookLat.first));
  console.log(row('/book final content', bookLat.final));
  console.log(row('core calls alone', coreLat));
  const firstRatio = pct(bookLat.first, 50) / pct(bareLat.first, 50);
  const finalRatio = pct(bookLat.final, 50) / pct(bareLat.final, 50);
  console.log(`ratio /book ÷ bare:      first p50 ${firstRatio.toFixed(2)}×   final p50 ${finalRatio.toFixed(2)}×   first p99 ${(pct(bookLat.first, 99) / pct(bareLat.first, 99)).toFixed(2)}×`);
  console.log(
    `RESULT bench=discord first_p50_ratio=${firstRatio.toFixed(2)} final_p50_ratio=${finalRatio.toFixed(2)} bare_p50_ms=${pct(bareLat.first, 50).toFixed(1)} warmup=${WARMUP} measured=${TOTAL}` +
      ` first_p50_ms=${pct(bookLat.first, 50).toFixed(1)} final_p50_ms=${pct(bookLat.final, 50).toFixed(1)} first_p99_ms=${pct(bookLat.first, 99).toFixed(1)} load1=${loadavg()[0]!.toFixed(1)}`,
  );

  await adapter.destroy();
  await bare.destroy();
  await fa.close();
  await fb.close();
  await db.close();
}

await main();
