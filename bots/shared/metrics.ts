/**
 * Prometheus metrics (prom-client), served at GET /metrics by the process's web server.
 *
 * What is measured, and where: bookings by outcome and code lockouts by wrapping core's use cases
 * (`instrumentCore`, core itself knows nothing of metrics); command, button and modal latency by the
 * adapters' one entry point each (Bolt's global middleware, the Discord interaction router); deliveries
 * by result and the sweep's lag by wrapping each channel's notifier (`countedNotifier`); the outbox's
 * depth and the age of its oldest due row read from the database when scraped.
 *
 * Who may read it: with METRICS_TOKEN set, a request carrying `Authorization: Bearer <token>`;
 * without it, only a client on this machine (loopback address, and no proxy forwarding headers).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Core } from '../../core/index.js';
import type { DeliveryResult, Notifier, OutboxMessage } from '../../core/notifications/types.js';
import type { OutboxDepth } from '../../core/ports/store.js';
import type { WebRoute } from './web-routes.js';

export type RequestKind = 'command' | 'button' | 'modal' | 'message';
export type DeliveryChannel = 'slack' | 'discord' | 'email';

/** Every metric name this process exports (the dashboard test checks docs/grafana-dashboard.json against it). */
export const METRIC_NAMES = [
  'slotkeeper_bookings_total',
  'slotkeeper_request_duration_seconds',
  'slotkeeper_outbox_pending',
  'slotkeeper_outbox_due',
  'slotkeeper_outbox_oldest_due_age_seconds',
  'slotkeeper_deliveries_total',
  'slotkeeper_sweep_duration_seconds',
  'slotkeeper_sweep_lag_seconds',
  'slotkeeper_sweep_last_run_timestamp_seconds',
  'slotkeeper_sweep_failures_total',
  'slotkeeper_code_attempts_total',
  'slotkeeper_code_lockouts_total',
] as const;

export interface Metrics {
  registry: Registry;
  /** A command, button, modal or booking-channel message handled on a platform, and how long it took. */
  observeRequest(platform: 'slack' | 'discord', kind: RequestKind, seconds: number): void;
  booking(outcome: string): void;
  codeAttempt(result: string): void;
  delivery(channel: DeliveryChannel, result: DeliveryResult['kind'], lagSeconds: number | null): void;
  sweep(seconds: number, ok: boolean): void;
}

export interface MetricsOptions {
  /** The outbox's depth now; read when /metrics is scraped (bounded by `outboxTimeoutMs`). */
  outboxDepth?: () => Promise<OutboxDepth>;
  /** The clock the outbox is read against (the process's clock). */
  now?: () => Date;
  outboxTimeoutMs?: number;
  /** Node's own process metrics (CPU, memory, event-loop lag); default true. */
  defaultMetrics?: boolean;
}

export function createMetrics(opts: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const now = opts.now ?? (() => new Date());

  const bookings = new Counter({ name: 'slotkeeper_bookings_total', help: 'Booking attempts (book a session) by outcome: booked, pending_approval, awaiting_payment, slot_taken, outside_hours, …', labelNames: ['outcome'], registers: [registry] });
  const requests = new Histogram({
    name: 'slotkeeper_request_duration_seconds',
    help: 'Time from receiving a command, button press, modal submission or booking-channel message to the end of its handling, per platform',
    labelNames: ['platform', 'kind'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const deliveries = new Counter({ name: 'slotkeeper_deliveries_total', help: 'Outbox delivery attempts by channel (slack, discord, email) and result (sent, retry, failed)', labelNames: ['channel', 'result'], registers: [registry] });
  const sweepDuration = new Histogram({ name: 'slotkeeper_sweep_duration_seconds', help: 'Duration of one sweep pass (claim due jobs and messages, deliver, record)', buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60], registers: [registry] });
  const sweepLag = new Histogram({ name: 'slotkeeper_sweep_lag_seconds', help: 'How late each delivery attempt was: attempt time minus the row\'s due time', buckets: [0.1, 0.5, 1, 2.5, 5, 10, 15, 30, 60, 120, 300, 900, 3600], registers: [registry] });
  const sweepLast = new Gauge({ name: 'slotkeeper_sweep_last_run_timestamp_seconds', help: 'Unix time the last sweep pass finished (successfully or not)', registers: [registry] });
  const sweepFailures = new Counter({ name: 'slotkeeper_sweep_failures_total', help: 'Sweep passes that failed (database unreachable, …)', registers: [registry] });
  const codeAttempts = new Counter({ name: 'slotkeeper_code_attempts_total', help: 'Maintenance-code attempts by result: linked, code_invalid, code_locked, confirm_switch', labelNames: ['result'], registers: [registry] });
  const lockouts = new Counter({ name: 'slotkeeper_code_lockouts_total', help: 'Maintenance-code attempts refused because of too many wrong codes (including the one that started the lockout)', registers: [registry] });

  // The outbox gauges are read from the database at scrape time, all three from one query.
  let pending: Promise<OutboxDepth | null> | null = null;
  const readDepth = (): Promise<OutboxDepth | null> => {
    if (!opts.outboxDepth) return Promise.resolve(null);
    pending ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), opts.outboxTimeoutMs ?? 800)));
      try {
        return await Promise.race([opts.outboxDepth!().catch(() => null), timeout]);
      } finally {
        clearTimeout(timer);
        // the next scrape reads again
        setImmediate(() => (pending = null));
      }
    })();
    return pending;
  };
  new Gauge({
    name: 'slotkeeper_outbox_pending',
    help: 'Outbox rows not yet delivered (due now or later: reminders wait here until their time); NaN when the database did not answer',
    registers: [registry],
    async collect() {
      const d = await readDepth();
      this.set(d ? d.pending : Number.NaN);
    },
  });
  new Gauge({
    name: 'slotkeeper_outbox_due',
    help: 'Outbox rows due now and not yet delivered (the backlog)',
    registers: [registry],
    async collect() {
      const d = await readDepth();
      this.set(d ? d.due : Number.NaN);
    },
  });
  new Gauge({
    name: 'slotkeeper_outbox_oldest_due_age_seconds',
    help: 'Age of the oldest undelivered due outbox row (0 when nothing is due)',
    registers: [registry],
    async collect() {
      const d = await readDepth();
      this.set(d ? (d.oldestDueAt ? Math.max(0, (now().getTime() - d.oldestDueAt.getTime()) / 1000) : 0) : Number.NaN);
    },
  });

  return {
    registry,
    observeRequest: (platform, kind, seconds) => requests.observe({ platform, kind }, seconds),
    booking: (outcome) => bookings.inc({ outcome }),
    codeAttempt(result) {
      codeAttempts.inc({ result });
      if (result === 'code_locked') lockouts.inc();
    },
    delivery(channel, result, lagSeconds) {
      deliveries.inc({ channel, result });
      if (lagSeconds !== null) sweepLag.observe(Math.max(0, lagSeconds));
    },
    sweep(seconds, ok) {
      sweepDuration.observe(seconds);
      sweepLast.set(Date.now() / 1000);
      if (!ok) sweepFailures.inc();
    },
  };
}

/** The same core, with the use cases the metrics count wrapped (bookings, maintenance codes, the sweep). */
export function instrumentCore(core: Core, metrics: Metrics): Core {
  return {
    ...core,
    async bookSession(input) {
      const r = await core.bookSession(input);
      metrics.booking(r.kind);
      return r;
    },
    async linkCompany(input) {
      const r = await core.linkCompany(input);
      metrics.codeAttempt(r.kind);
      return r;
    },
    async runSweep(input) {
      const started = performance.now();
      try {
        const r = await core.runSweep(input);
        metrics.sweep((performance.now() - started) / 1000, true);
        return r;
      } catch (e) {
        metrics.sweep((performance.now() - started) / 1000, false);
        throw e;
      }
    },
  };
}

/** A channel's notifier that counts each delivery by result, and how late it was against its due time. */
export function countedNotifier(channel: DeliveryChannel, notifier: Notifier, metrics: Metrics, now: () => Date): Notifier {
  return {
    async deliver(m: OutboxMessage): Promise<DeliveryResult> {
      const lag = m.dueAt ? (now().getTime() - m.dueAt.getTime()) / 1000 : null;
      let r: DeliveryResult;
      try {
        r = await notifier.deliver(m);
      } catch (e) {
        metrics.delivery(channel, 'retry', lag);
        throw e;
      }
      metrics.delivery(channel, r.kind, lag);
      return r;
    },
  };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Who may scrape: the bearer token when one is set, else a client on this machine that no proxy forwarded. */
export function metricsAccess(req: IncomingMessage, token: string | undefined): { ok: true } | { ok: false; status: 401 | 403; text: string } {
  if (token) {
    const auth = req.headers.authorization ?? '';
    const given = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim() ?? '';
    return given && sameToken(given, token) ? { ok: true } : { ok: false, status: 401, text: 'Metrics need the token: send Authorization: Bearer <METRICS_TOKEN>.' };
  }
  const local = LOOPBACK.test(req.socket.remoteAddress ?? '') && !FORWARDED.some((h) => req.headers[h] !== undefined);
  return local ? { ok: true } : { ok: false, status: 403, text: 'Metrics are served to this machine only. Set METRICS_TOKEN to let Prometheus scrape from elsewhere with a bearer token.' };
}

export function metricsRoute(metrics: Metrics, opts: { token?: string } = {}): WebRoute {
  return {
    method: 'GET',
    path: '/metrics',
    async handler(req, res) {
      const access = metricsAccess(req, opts.token);
      if (!access.ok) {
        res.writeHead(access.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...(access.status === 401 ? { 'www-authenticate': 'Bearer' } : {}) });
        res.end(access.text);
        return;
      }
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
      res.end(body);
    },
  };
}
