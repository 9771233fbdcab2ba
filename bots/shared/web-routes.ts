/**
 * The HTTP routes every deployment serves, whatever the platform: the tracked join link and the
 * health check. They are mounted on Bolt's receiver in Slack HTTP mode, and on our own server
 * otherwise (see web-server.ts).
 */
import { readBody } from './web-body.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../../core/index.js';
import { closedPage, earlyPage, notFoundPage, phonePage } from './join-page.js';
import { manageRoutes } from './manage-routes.js';
import type { PaymentEvent } from '../../core/ports/payments.js';
import { JOIN_OPENS_MINUTES_BEFORE } from '../../core/attendance/record-join.js';
import { isLang, resolveLang, ts, type Lang } from './present/i18n.js';

export interface WebRoute {
  method: 'GET' | 'POST';
  /** Express-style path; `:name` segments become params. */
  path: string;
  handler(req: IncomingMessage & { params?: Record<string, string> }, res: ServerResponse): void | Promise<void>;
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

/** A platform connection as /healthz reports it. */
export interface PlatformHealth {
  ok: boolean;
  /** e.g. 'connected', 'reconnecting', 'disconnected', 'listening' */
  state: string;
}

export interface WebRouteDeps {
  core: Core;
  /** True when the database answers a trivial query. */
  healthy: () => Promise<boolean>;
  /** Each platform connection (Discord gateway, Slack Socket Mode or HTTP receiver). */
  platforms?: () => Record<string, PlatformHealth>;
  /** How long /healthz waits for the database before it says "unreachable" (default 500 ms: a trivial query takes milliseconds, and the answer must come within a second even on a loaded machine). */
  healthTimeoutMs?: number;
  /** Online payment: verifies a webhook delivery (throws when the signature is wrong or stale). */
  payments?: { verify(rawBody: Buffer, signature: string | undefined): PaymentEvent };
  /** Where webhook problems are logged (never the body). */
  log?: { warn(obj: object, msg?: string): void };
}

const WEBHOOK_MAX_BYTES = 1024 * 1024;

function json(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Where Stripe sends the person back after paying (or giving up): the chat has the rest. In the payer's
 * language when the return address names it (`?lang=`, see payments/stripe.ts), else the vendor's.
 */
const paidPage = (L: Lang, cancelled: boolean) => {
  const yes = cancelled ? 'yes' : 'no';
  return `<!doctype html><html lang="${L}"><meta charset="utf-8"><title>Slotkeeper</title><body style="font-family:system-ui;max-width:36em;margin:3em auto"><h1>${escapeHtml(ts(L, 'page.paidTitle', { cancelled: yes }))}</h1><p>${escapeHtml(ts(L, 'page.paidBody', { cancelled: yes }))}</p></body></html>`;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The database check, bounded: a hung connection is "timed out", not a hung health check. */
async function databaseHealth(healthy: () => Promise<boolean>, timeoutMs: number): Promise<{ ok: boolean; state: string; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const r = await Promise.race([healthy().catch(() => false), timeout]);
  clearTimeout(timer);
  const ms = Math.round(performance.now() - started);
  if (r === 'timeout') return { ok: false, state: `no answer within ${timeoutMs} ms`, ms };
  return { ok: r, state: r ? 'ok' : 'unreachable', ms };
}

export function webRoutes(deps: WebRouteDeps): WebRoute[] {
  return [
    // the self-service page, its forms and calendar file, and the staff calendar feeds
    ...manageRoutes(deps),
    {
      method: 'GET',
      path: '/healthz',
      async handler(_req, res) {
        const database = await databaseHealth(deps.healthy, deps.healthTimeoutMs ?? 500);
        const platforms = deps.platforms?.() ?? {};
        const ok = database.ok && Object.values(platforms).every((p) => p.ok);
        const problems = [...(database.ok ? [] : [`database ${database.state}`]), ...Object.entries(platforms).filter(([, p]) => !p.ok).map(([name, p]) => `${name} ${p.state}`)];
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ status: ok ? 'ok' : problems.join('; '), database, platforms }));
      },
    },
    {
      method: 'GET',
      path: '/paid',
      handler(req, res) {
        const q = new URL(req.url ?? '/', 'http://localhost').searchParams;
        const asked = q.get('lang');
        html(res, 200, paidPage(isLang(asked) ? asked : resolveLang(deps.core.config.vendor?.locale), q.has('cancelled')));
      },
    },
    {
      method: 'POST',
      path: '/stripe/webhook',
      async handler(req, res) {
        const payments = deps.payments;
        if (!payments) return json(res, 404, { error: 'online payment is not configured' });
        const read = await readBody(req, WEBHOOK_MAX_BYTES);
        if (read.kind === 'too_large') return json(res, 413, { error: 'the body is over 1 MB' }, { connection: 'close' });
        const body = read.bytes;
        let event: PaymentEvent;
        try {
          event = payments.verify(body, req.headers['stripe-signature'] as string | undefined);
        } catch (e) {
          deps.log?.warn({ err: (e as Error).message }, 'stripe webhook refused');
          return json(res, 400, { error: 'signature verification failed' });
        }
        // A failure here is a 500: Stripe delivers the event again later.
        const r = await deps.core.handlePaymentEvent(event);
        json(res, 200, { received: true, outcome: r.kind });
      },
    },
    {
      method: 'GET',
      path: '/j/:token',
      async handler(req, res) {
        const token = req.params?.token ?? '';
        const r = await deps.core.openJoinLink({ token });
        const { config } = deps.core;
        // The booking member's language, else the vendor's (also for a link that matches no booking).
        const vendorLang = resolveLang(config.vendor?.locale);
        const L = 'locale' in r ? resolveLang(r.locale, vendorLang) : vendorLang;
        const rules = { opensMinutesBefore: JOIN_OPENS_MINUTES_BEFORE, closesMinutesAfter: config.policy.noShowCloseMinutes };
        switch (r.kind) {
          case 'joined':
            if (r.meetingUrl && r.booking.kind === 'online') {
              res.writeHead(302, { location: r.meetingUrl, 'cache-control': 'no-store' });
              res.end();
            } else html(res, 200, phonePage(L, r.booking, false, rules));
            return;
          case 'too_early':
            return html(res, 200, r.booking.kind === 'online' ? earlyPage(L, r.booking, rules) : phonePage(L, r.booking, true, rules));
          case 'closed':
            return html(res, 410, closedPage(L, r.booking, r.status, rules));
          case 'not_found':
          case 'invalid_input':
            return html(res, 404, notFoundPage(L));
        }
      },
    },
  ];
}

/** A path segment that is not valid percent-encoding (`/j/%E0%A4%A`). */
export class BadPathError extends Error {}

/** Matches a request path against a route path, returning its params or null; BadPathError for bad encoding. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const a = path.split('/');
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) {
      try {
        params[p[i]!.slice(1)] = decodeURIComponent(a[i]!);
      } catch {
        throw new BadPathError(`malformed percent-encoding in ${path.slice(0, 200)}`);
      }
    } else if (p[i] !== a[i]) return null;
  }
  return params;
}
