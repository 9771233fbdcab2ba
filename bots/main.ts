/**
 * `npm start`: boots the shared runtime (config, database, core), then starts every platform whose
 * credentials are set — Slack, Discord, or both in one process, sharing one core, one database and
 * one sweeper — plus the HTTP routes (join links, health). With no platform configured it starts
 * the local console on a simulated clock instead. Configuration problems are printed as a list.
 */
import { existsSync } from 'node:fs';
import { ManualClock, systemClock } from '../core/ports/clock.js';
import type { Notifier } from '../core/notifications/types.js';
import type { Platform } from '../core/model.js';
import { readEnv, formatEnvProblems, type Env } from './shared/env.js';
import { createLogger, platformLogger, type Logger } from './shared/logger.js';
import { boot, type Runtime } from './shared/boot.js';
import type { StripePayments } from './shared/payments/stripe.js';
import { simulatedPayments } from './console/simulated-checkout.js';
import type { Config } from '../core/config/schema.js';
import type { PaymentGateway } from '../core/ports/payments.js';
import { webRoutes, type PlatformHealth, type WebRoute } from './shared/web-routes.js';
import { startWebServer } from './shared/web-server.js';
import { resolveLang } from './shared/present/i18n.js';
import { startSweeper } from './shared/sweeper-loop.js';
import { compositeNotifier, refFor } from './shared/composite-notifier.js';
import { countedNotifier, createMetrics, instrumentCore, metricsRoute, type Metrics } from './shared/metrics.js';

type Stop = () => Promise<void>;

function fail(lines: string[]): never {
  process.stderr.write(`Slotkeeper cannot start:\n${lines.map((l) => (l.startsWith(' ') ? l : `- ${l}`)).join('\n')}\n`);
  process.exit(1);
}

/** Earlier messages about a booking (from core's door), with this platform's own reference for each. */
function deliveredRefs(runtime: Runtime, platform: Platform) {
  return async (bookingId: string) => {
    const all = await runtime.core.deliveredMessages(bookingId);
    return all.flatMap((m) => {
      const ref = refFor(platform, m.deliveryRef);
      return ref ? [{ ...m, deliveryRef: ref }] : [];
    });
  };
}

interface Started {
  notifier: Notifier;
  stop: Stop;
  /** HTTP routes this platform adds to the process's web server (Slack HTTP mode: POST /slack/events). */
  routes: WebRoute[];
  health: () => PlatformHealth;
}

async function startSlack(env: NonNullable<Env['slack']>, runtime: Runtime, logger: Logger, metrics: Metrics): Promise<Started> {
  // Loaded only when Slack is configured (Bolt takes about a second to import).
  const [{ webApi }, { createSlackApp, startSlackApp, stopSlackApp }, { registerSlack }, { createSlackNotifier }] = await Promise.all([
    import('@slack/bolt'),
    import('./slack/app.js'),
    import('./slack/register.js'),
    import('./slack/notifier.js'),
  ]);
  const slack = createSlackApp({ env, logger, observe: (kind, seconds) => metrics.observeRequest('slack', kind, seconds), register: (app) => registerSlack(app, { core: runtime.core, config: runtime.config, logger, ...(env.commandPrefix ? { commandPrefix: env.commandPrefix } : {}) }) });
  await startSlackApp(slack, { serve: false });
  logger.info({ mode: slack.mode }, 'Slack app started');
  const client = new webApi.WebClient(env.botToken, {
    ...(env.apiUrl ? { slackApiUrl: env.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const notifier = createSlackNotifier({ client, config: runtime.config, logger, deliveredRefs: deliveredRefs(runtime, 'slack'), clock: runtime.clock });
  return { notifier, stop: () => stopSlackApp(slack), routes: slack.eventsRoute ? [slack.eventsRoute] : [], health: () => slack.connection() };
}

async function startDiscord(env: NonNullable<Env['discord']>, runtime: Runtime, logger: Logger, metrics: Metrics): Promise<Started> {
  const [{ createDiscordClient }, { wireDiscord, createDiscordNotifier }, { closeInteractionHttp }] = await Promise.all([
    import('./discord/client.js'),
    import('./discord/register.js'),
    import('./discord/interaction-http.js'),
  ]);
  const log = platformLogger(logger, 'discord');
  const client = createDiscordClient({ token: env.token, ...(env.apiUrl ? { apiUrl: env.apiUrl } : {}), logger: log });
  wireDiscord(client, { core: runtime.core, config: runtime.config, logger: log, observe: (kind, seconds) => metrics.observeRequest('discord', kind, seconds) });
  await client.login();
  log.info({}, 'Discord client logged in');
  const notifier = createDiscordNotifier({ client, config: runtime.config, logger: log, deliveredRefs: deliveredRefs(runtime, 'discord') });
  const stop = async () => {
    await client.destroy();
    await closeInteractionHttp(client);
  };
  return { notifier, stop, routes: [], health: () => discordHealth(client) };
}

/** The Discord gateway as /healthz reports it. */
function discordHealth(client: import('discord.js').Client): PlatformHealth {
  // discord.js Status: 0 Ready, 1 Connecting, 2 Reconnecting, 3 Idle, 4 Nearly, 5 Disconnected, 6 WaitingForGuilds, 7 Identifying, 8 Resuming
  const names = ['connected', 'connecting', 'reconnecting', 'idle', 'nearly', 'disconnected', 'waiting for guilds', 'identifying', 'resuming'];
  const status = client.ws.status;
  return { ok: status === 0, state: names[status] ?? `status ${status}` };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * `.env` in the working directory, read with Node's own loader: variables already set in the
 * environment win over the file. Returns what to log once the logger exists.
 */
function loadDotEnv(): string | null {
  const file = process.env.SLOTKEEPER_ENV_FILE ?? '.env';
  if (!existsSync(file)) return null;
  if (typeof process.loadEnvFile !== 'function') return `${file} not read: Node 20.12 or newer reads it (or export the variables yourself)`;
  const before = new Set(Object.keys(process.env));
  const saved = { ...process.env };
  process.loadEnvFile(file);
  // Node's loader overrides variables already set; the environment must win over the file.
  for (const [k, v] of Object.entries(saved)) process.env[k] = v;
  const added = Object.keys(process.env).filter((k) => !before.has(k));
  return `${file} read: ${added.length} variable${added.length === 1 ? '' : 's'} set from it (${added.sort().join(', ')})`;
}

async function main(): Promise<void> {
  const dotEnv = loadDotEnv();
  const envResult = readEnv(process.env);
  if (!envResult.ok) {
    process.stderr.write(`${formatEnvProblems(envResult.problems)}\n`);
    process.exit(1);
  }
  const env = envResult.env;
  const logger = createLogger({ level: env.logLevel });
  if (dotEnv) logger.info({}, dotEnv);
  logger.debug({ logLevel: env.logLevel }, 'debug logging on');
  // Last line of defence: a promise some library forgot to handle is logged, never a reason to stop serving.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason instanceof Error ? reason : String(reason) }, 'unhandled promise rejection'));
  const consoleMode = !env.slack && !env.discord;
  // The console runs on a simulated clock ("skip ahead"), kept in its database (startConsole sets it);
  // Slack and Discord always on the real one.
  const clock = consoleMode ? new ManualClock(new Date()) : systemClock;
  // The console's join links point at the console itself, wherever PORT puts it.
  const publicBaseUrl = consoleMode ? `http://localhost:${env.port}` : undefined;
  // Online payment when both Stripe keys are set; the console simulates its own checkout page instead
  // (bots/console/simulated-checkout.ts), so the paid flow can be tried without a Stripe account.
  // The Stripe SDK (about 220 files) is loaded only when Stripe is configured.
  const stripeModule = !consoleMode && env.stripe ? await import('./shared/payments/stripe.js') : undefined;
  let stripe: StripePayments | undefined;
  let simulated: PaymentGateway | undefined;
  const payments = consoleMode
    ? (config: Config) => (simulated = simulatedPayments(config.publicBaseUrl))
    : stripeModule
      ? (config: Config) => (stripe = stripeModule.stripePayments({ ...env.stripe!, returnUrl: config.publicBaseUrl }, clock))
      : undefined;
  const booted = await boot({ configPath: env.configPath, databaseUrl: env.databaseUrl, clock, logger, publicBaseUrl, ...(payments ? { payments } : {}) });
  if (!booted.ok) fail(booted.problems);
  const runtime = booted.runtime;
  const host = process.env.HOST ?? (consoleMode ? '127.0.0.1' : '0.0.0.0');
  const stops: Stop[] = [];

  if (consoleMode) {
    const { startConsole } = await import('./console/start-console.js');
    if (!LOOPBACK.has(host)) {
      const line = '!'.repeat(78);
      process.stderr.write(`\n${line}\n! WARNING: HOST=${host} makes the console reachable from other machines.\n! The console has no login: anyone who can reach it can act as any customer or staff member,\n! book, cancel and move the simulated clock. Use it on a trusted network only, or unset HOST.\n${line}\n\n`);
      logger.warn({ host }, 'console exposed beyond the loopback interface: it has no login');
    }
    const allowedHosts = (process.env.CONSOLE_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
    const handle = await startConsole({ runtime, clock: clock as ManualClock, port: env.port, host, logger, allowedHosts, ...(simulated ? { simulatedCheckout: simulated } : {}), ...(env.healthzDbTimeoutMs !== undefined ? { healthTimeoutMs: env.healthzDbTimeoutMs } : {}) });
    stops.push(() => handle.close());
    process.stdout.write(`\nSlotkeeper console: ${handle.url.replace('127.0.0.1', 'localhost')}\n(no SLACK_BOT_TOKEN or DISCORD_TOKEN set: running the local demo console on a simulated clock)\n${handle.startNote}\n\n`);
  } else {
    // Metrics: core's use cases and each channel's deliveries are counted by wrapping them (core knows nothing of it).
    const metrics = createMetrics({ outboxDepth: () => runtime.store.transaction((tx) => tx.outbox.depth(runtime.clock.now())), now: () => runtime.clock.now() });
    runtime.core = instrumentCore(runtime.core, metrics);
    const now = () => runtime.clock.now();
    const notifiers: Partial<Record<Platform, Notifier>> = {};
    const extraRoutes: WebRoute[] = [];
    const health: Record<string, () => PlatformHealth> = {};
    if (env.slack) {
      const s = await startSlack(env.slack, runtime, logger, metrics);
      notifiers.slack = countedNotifier('slack', s.notifier, metrics, now);
      stops.push(s.stop);
      extraRoutes.push(...s.routes);
      health[env.slack.mode === 'socket' ? 'slackSocketMode' : 'slackHttp'] = s.health;
    }
    if (env.discord) {
      const d = await startDiscord(env.discord, runtime, logger, metrics);
      notifiers.discord = countedNotifier('discord', d.notifier, metrics, now);
      stops.push(d.stop);
      health.discordGateway = d.health;
    }
    const platforms = () => Object.fromEntries(Object.entries(health).map(([name, h]) => [name, h()]));
    const web = await startWebServer([...extraRoutes, metricsRoute(metrics, { ...(env.metricsToken ? { token: env.metricsToken } : {}) }), ...webRoutes({ core: runtime.core, healthy: runtime.healthy, platforms, ...(env.healthzDbTimeoutMs !== undefined ? { healthTimeoutMs: env.healthzDbTimeoutMs } : {}), ...(stripe ? { payments: stripe } : {}), log: logger.child({ component: 'payments' }) })], { port: env.port, host, logger, lang: resolveLang(runtime.config.vendor.locale) });
    stops.push(web.close);
    logger.info({ port: web.port, host, slackEvents: extraRoutes.length > 0, metrics: env.metricsToken ? 'bearer token (METRICS_TOKEN)' : 'this machine only' }, 'web server listening: join links, /healthz, /metrics');
    // Email is a channel of its own beside the platforms: SMTP_URL for the transport, config mail.from for the sender.
    let email: Notifier | undefined;
    if (env.smtpUrl && runtime.config.mail) {
      const { createEmailNotifier } = await import('./shared/email/notifier.js');
      const mailer = createEmailNotifier({ config: runtime.config, smtpUrl: env.smtpUrl, now: () => runtime.clock.now() });
      email = countedNotifier('email', mailer, metrics, now);
      stops.push(async () => mailer.close());
      logger.info({ from: runtime.config.mail.from }, 'email delivery on');
    } else if (runtime.config.mail) {
      logger.warn({}, 'config has mail but SMTP_URL is not set: email waits in the outbox until it is');
    }
    const sweeper = startSweeper(runtime.core, compositeNotifier(notifiers, { email }), { intervalMs: runtime.config.sweeper.intervalSeconds * 1000, logger: platformLogger(logger, 'sweeper') });
    stops.unshift(() => sweeper.stop());
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const stop of stops) await stop().catch((e) => logger.error({ err: (e as Error).message }, 'stop failed'));
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  process.stderr.write(`Slotkeeper stopped: ${(e as Error).message}\n`);
  process.exit(1);
});
