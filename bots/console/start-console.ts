/**
 * The console adapter: a local web page with a customer's chat and the staff channel, over the same
 * core as Slack and Discord, for trying Slotkeeper without either. It seeds an empty database, runs
 * the sweeper with the console notifier, and serves the page, its JSON API and server-sent events on
 * one node:http server together with the shared join-link and health routes. The clock is a
 * ManualClock that only "skip ahead" moves (console mode only; Slack and Discord use the real clock).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ManualClock } from '../../core/ports/clock.js';
import type { PaymentGateway } from '../../core/ports/payments.js';
import type { Runtime } from '../shared/boot.js';
import type { Logger } from '../shared/logger.js';
import { compositeNotifier } from '../shared/composite-notifier.js';
import { startSweeper } from '../shared/sweeper-loop.js';
import { webRoutes, type WebRoute } from '../shared/web-routes.js';
import { startWebServer } from '../shared/web-server.js';
import { ConsoleEngine, UnknownPersonError, type Who } from './engine.js';
import { LANGUAGES, resolveLang } from '../shared/present/i18n.js';
import { consolePage } from './page.js';
import { CUSTOMERS } from './personas.js';
import { formatInstant } from '../../core/time/index.js';

const at = (d: Date, zone: string): string => formatInstant(d, zone);
import { seedDemo } from './seed.js';
import { checkoutRoutes } from './simulated-checkout.js';
import { sameOriginWrite } from './same-origin.js';
import { consoleStartTime, FIRST_COMMAND } from './start-time.js';
import { consoleStateStore } from '../../prisma/store/console-state.js';

export interface ConsoleHandle {
  url: string;
  port: number;
  engine: ConsoleEngine;
  /** Where the simulated clock started and why, as the page and the start-up banner say it. */
  startNote: string;
  /** The write token the page sends with every POST (x-slotkeeper-token). */
  token: string;
  close(): Promise<void>;
}

/** Host names the console answers for: loopback names, IP literals (never DNS-rebound), and `extra`. */
export function consoleHostAllowed(extra: readonly string[] = []): (host: string) => boolean {
  const names = new Set(['localhost', ...extra.map((h) => h.trim().toLowerCase()).filter(Boolean)]);
  return (host) => names.has(host) || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || /^\[[0-9a-f:.]+\]$/.test(host);
}

const WRITE_REFUSED = 'Refused: console changes must come from the console page itself (same origin, with its token). Reload the page.';

const who = { pane: z.enum(['customer', 'staff']), user: z.string().min(1).max(64) };
const commandBody = z.object({ ...who, text: z.string().max(500) });
const actionBody = z.object({ ...who, id: z.string().max(100), value: z.string().max(1000).optional(), reason: z.string().max(500).optional(), itemId: z.string().max(64).optional() });
const respondBody = z.object({ ...who, itemId: z.string().max(64), text: z.string().max(500) });
const languageBody = z.object({ ...who, language: z.string().max(10) });
const skipBody = z.object({ to: z.enum(['next_reminder', 'start', 'plus10', 'plus60', 'plus1d']), pane: z.enum(['customer', 'staff']).default('customer'), user: z.string().max(64).default('ana') });

const MAX_BODY = 64 * 1024;

class BadRequest extends Error {}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest('the request is too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new BadRequest('the request is not JSON');
  }
}

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new BadRequest(r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return r.data;
}

/**
 * `simulatedCheckout`: the console's simulated payment gateway (simulated-checkout.ts), the one core
 * was booted with: paid sessions and the reinstatement are "paid" on the console's own checkout page
 * (npm start does this; tests choose).
 */
export async function startConsole(opts: { runtime: Runtime; clock: ManualClock; port: number; host?: string; logger: Logger; allowedHosts?: readonly string[]; simulatedCheckout?: PaymentGateway; healthTimeoutMs?: number }): Promise<ConsoleHandle> {
  const { runtime, clock } = opts;
  const log = opts.logger.child({ platform: 'console' });
  if (runtime.clock !== clock) throw new Error('startConsole: boot() must be given the same ManualClock (skip ahead moves the clock core reads)');
  const host = opts.host ?? '127.0.0.1';
  const token = randomBytes(18).toString('base64url');
  const allowHost = consoleHostAllowed(opts.allowedHosts ?? []);

  let sweepNow: () => Promise<void> = async () => {};
  const engine = new ConsoleEngine({ core: runtime.core, store: runtime.store, config: runtime.config, clock, sweep: () => sweepNow(), state: consoleStateStore(runtime.db.prisma), onlinePayment: !!opts.simulatedCheckout });
  // The simulated clock is kept with the data: the same database resumes at the same time. A fresh one
  // starts at a working morning, so README's first command leads to a Confirm on any real day.
  const { resumed } = await engine.restore(consoleStartTime(clock.now(), runtime.config));
  const vendorZoneName = runtime.config.vendor.zone;
  const startNote = resumed
    ? `Simulated time resumed where this database left off: ${at(clock.now(), vendorZoneName)}.`
    : `Simulated time starts at a working morning, ${at(clock.now(), vendorZoneName)}, so "${FIRST_COMMAND.text}" finds staff at work whatever the real day.`;
  log.info({ now: clock.now().toISOString(), resumed }, 'simulated clock');
  const startedAt = clock.now().getTime();

  const seeded = await seedDemo({ store: runtime.store, config: runtime.config, now: clock.now(), notifier: engine.notifier, ...(opts.simulatedCheckout ? { payments: opts.simulatedCheckout } : {}) });
  if (seeded.kind === 'seeded') log.info({ seeded: seeded.lines }, 'empty database: demo data seeded');

  const sweeper = startSweeper(runtime.core, compositeNotifier({ console: engine.notifier }), { intervalMs: runtime.config.sweeper.intervalSeconds * 1000, logger: log, now: () => clock.now().getTime() });
  sweepNow = () => sweeper.runNow();

  // Server-sent events: one "changed" event per burst of activity; the page then re-reads its feeds.
  const clients = new Set<ServerResponse>();
  let timer: NodeJS.Timeout | null = null;
  let closing = false;
  engine.listen(() => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      const data = `event: changed\ndata: ${JSON.stringify({ now: clock.now().toISOString() })}\n\n`;
      for (const c of clients) c.write(data);
    }, 50);
  });
  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();

  const vendorZone = runtime.config.vendor.zone;
  const clockView = () => ({ now: clock.now().toISOString(), nowText: at(clock.now(), vendorZone) });

  /** API handlers: bad input is a 400 with the reason; a failure is logged and answered with an error reference. */
  const api = (method: 'GET' | 'POST', path: string, fn: (req: IncomingMessage, url: URL) => Promise<unknown>): WebRoute => ({
    method,
    path,
    async handler(req, res) {
      if (method === 'POST' && !sameOriginWrite(req, req.headers['x-slotkeeper-token'], token, allowHost)) {
        log.warn({ path, origin: req.headers.origin, secFetchSite: req.headers['sec-fetch-site'] }, 'refused a console write from outside the console page');
        return json(res, 403, { error: WRITE_REFUSED });
      }
      try {
        json(res, 200, await fn(req, new URL(req.url ?? '/', 'http://localhost')));
      } catch (e) {
        if (e instanceof BadRequest || e instanceof UnknownPersonError) return json(res, 400, { error: e.message });
        const ref = randomBytes(4).toString('hex');
        log.error({ err: (e as Error).message, stack: (e as Error).stack, path, errorRef: ref }, 'console request failed');
        json(res, 500, { error: `Something went wrong on our side (error reference ${ref}). Please try again.` });
      }
    },
  });

  const page = consolePage(runtime.config.vendor.name, token);
  const routes: WebRoute[] = [
    {
      method: 'GET',
      path: '/',
      handler(_req, res) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(page);
      },
    },
    api('GET', '/api/state', async () => ({
      vendor: runtime.config.vendor.name,
      vendorZone,
      ...clockView(),
      // Said until the clock first moves (then the skip's own note takes over).
      startNote: clock.now().getTime() === startedAt ? startNote : '',
      customers: CUSTOMERS.map((c) => ({ id: c.id, name: c.name, companyName: c.companyName, situation: c.situation, zone: c.zone, language: engine.languageOf({ pane: 'customer', user: c.id }) })),
      staff: engine.staff.map((s) => ({ ...s, language: engine.languageOf({ pane: 'staff', user: s.id }) })),
      languages: LANGUAGES,
    })),
    api('GET', '/api/feed', async (_req, url) => {
      const w = parse(z.object(who), { pane: url.searchParams.get('pane'), user: url.searchParams.get('user') }) as Who;
      return { ...clockView(), items: await engine.feed(w), ...(w.pane === 'customer' ? { standing: await engine.standing(w) } : {}) };
    }),
    api('POST', '/api/command', async (req) => {
      const b = parse(commandBody, await readJson(req));
      return { ...clockView(), items: await engine.command({ pane: b.pane, user: b.user }, b.text) };
    }),
    api('POST', '/api/action', async (req) => {
      const b = parse(actionBody, await readJson(req));
      const items = await engine.action({ pane: b.pane, user: b.user }, { id: b.id, ...(b.value !== undefined ? { value: b.value } : {}), ...(b.reason !== undefined ? { reason: b.reason } : {}), ...(b.itemId ? { itemId: b.itemId } : {}) });
      return { ...clockView(), items };
    }),
    api('POST', '/api/respond', async (req) => {
      const b = parse(respondBody, await readJson(req));
      return { ...clockView(), items: await engine.respond({ pane: b.pane, user: b.user }, b.itemId, b.text) };
    }),
    api('POST', '/api/language', async (req) => {
      const b = parse(languageBody, await readJson(req));
      if (!engine.setLanguage({ pane: b.pane, user: b.user }, b.language)) throw new BadRequest(`language: one of ${LANGUAGES.join(', ')}`);
      return { ...clockView(), language: b.language };
    }),
    api('POST', '/api/skip', async (req) => {
      const b = parse(skipBody, await readJson(req));
      const r = await engine.skip({ pane: b.pane, user: b.user }, b.to);
      return { ...clockView(), note: r.note };
    }),
    {
      method: 'GET',
      path: '/api/events',
      handler(req, res) {
        // A browser reconnecting while the console shuts down would hold the server open for good.
        if (closing) {
          res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', connection: 'close', 'retry-after': '5' });
          res.end('The console is shutting down.');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(`event: changed\ndata: ${JSON.stringify({ now: clock.now().toISOString() })}\n\n`);
        clients.add(res);
        req.on('close', () => clients.delete(res));
      },
    },
    ...webRoutes({ core: runtime.core, healthy: () => runtime.healthy(), ...(opts.healthTimeoutMs !== undefined ? { healthTimeoutMs: opts.healthTimeoutMs } : {}) }),
    ...(opts.simulatedCheckout ? checkoutRoutes({ core: runtime.core, store: runtime.store, config: runtime.config, clock, sweep: () => sweepNow(), token, allowHost }) : []),
  ];

  const web = await startWebServer(routes, { port: opts.port, host, logger: log, allowHost, lang: resolveLang(runtime.config.vendor.locale) });
  const shown = host === '127.0.0.1' || host === '::1' || host === 'localhost' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown}:${web.port}`;
  log.info({ url }, 'console ready');
  return {
    url,
    port: web.port,
    engine,
    startNote,
    token,
    async close() {
      // New connections and live-update streams are refused first; requests under way finish, and
      // the sweeper and the engine's pending writes are awaited before the server is gone.
      closing = true;
      clearInterval(heartbeat);
      if (timer) clearTimeout(timer);
      const stopped = web.close();
      for (const c of clients) c.end();
      clients.clear();
      await sweeper.stop();
      await engine.flush();
      await stopped;
    },
  };
}
