import { randomUUID } from 'node:crypto';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type CustomRoute, type Receiver, type webApi } from '@slack/bolt';
import type { SlackEnv } from '../shared/env.js';
import { FROM_PINO, boltLogger, platformLogger, type Logger } from '../shared/logger.js';
import { startWebServer, type WebServer } from '../shared/web-server.js';
import type { WebRoute } from '../shared/web-routes.js';
import { slackEventsRoute } from './http-guard.js';
import { socketState } from './socket-state.js';

/**
 * Builds the Bolt App: HTTP (Bolt's own HTTPReceiver, POST /slack/events plus caller routes)
 * or Socket Mode when SLACK_APP_TOKEN is set. It only wires; listeners come from `register`.
 */

export interface SlackReceiverOptions {
  /** HTTP mode: Bolt's event paths; default ['/slack/events']. */
  endpoints?: string | string[];
  /** HTTP mode: how long Bolt waits for ack() before answering on its own (Bolt default 3001 ms). */
  unhandledRequestTimeoutMillis?: number;
  /** Socket Mode: reconnect after a drop (default true; tests turn it off). */
  autoReconnectEnabled?: boolean;
  clientPingTimeout?: number;
  serverPingTimeout?: number;
}

export interface CreateSlackAppOptions {
  env: SlackEnv;
  /** The root (or platform) pino logger; a `platform: 'slack'` child is made from it. */
  logger: Logger;
  /** Registers listeners: commands.register(app), actions.register(app)… */
  register: (app: App) => void;
  /** Extra HTTP routes (GET /healthz, GET /j/:token…). In Socket Mode Bolt serves them on `port`. */
  customRoutes?: CustomRoute[];
  /** Port for Socket Mode's custom-route server (HTTP mode takes its port in startSlackApp). */
  port?: number;
  /** Web API retries; tests pass { retries: 0 }. Default: Bolt's (10 retries over ~30 minutes). */
  retryConfig?: webApi.RetryOptions;
  /** Let Bolt/web-api/socket-mode debug lines through (they contain raw payloads). */
  allowSdkDebug?: boolean;
  /** Skip auth.test at start (botId/botUserId then come from here). */
  tokenVerification?: false | { botId: string; botUserId: string };
  receiverOptions?: SlackReceiverOptions;
  /** Called once per command, button press or modal submission with how long its handling took (metrics). */
  observe?: (kind: 'command' | 'button' | 'modal', seconds: number) => void;
}

/** What kind of request a Slack body is, for the latency metrics; null for events and the rest. */
export function slackRequestKind(body: unknown): 'command' | 'button' | 'modal' | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (typeof b.command === 'string') return 'command';
  if (b.type === 'block_actions') return 'button';
  if (b.type === 'view_submission') return 'modal';
  return null;
}

export interface SlackApp {
  app: App;
  mode: 'http' | 'socket';
  logger: Logger;
  /** HTTP mode: POST /slack/events, guarded (bots/slack/http-guard.ts), for the process's web server. */
  eventsRoute?: WebRoute;
  /** HTTP mode: the caller's extra routes, served next to eventsRoute by startSlackApp. */
  customRoutes: CustomRoute[];
  /** Socket Mode: whether the WebSocket is open now (for /healthz). */
  connection(): { ok: boolean; state: string };
  /** Set by startSlackApp when it serves HTTP itself. */
  server?: WebServer;
}

/** A Bolt custom route as one of our web routes (one per method). */
export function asWebRoutes(routes: CustomRoute[]): WebRoute[] {
  return routes.flatMap((r) =>
    (Array.isArray(r.method) ? r.method : [r.method]).map((m) => ({
      method: m.toUpperCase() as WebRoute['method'],
      path: r.path,
      handler: (req, res) => r.handler(req as Parameters<CustomRoute['handler']>[0], res),
    })),
  );
}


/** What is safe and useful to log about a failed request: ids, never free text (it may hold a code). */
export function requestContext(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object') return {};
  const b = body as Record<string, any>;
  const ctx: Record<string, unknown> = {};
  const teamId = b.team_id ?? b.team?.id ?? b.event?.team;
  const userId = b.user_id ?? b.user?.id ?? b.event?.user;
  if (typeof teamId === 'string') ctx.teamId = teamId;
  if (typeof userId === 'string') ctx.userId = userId;
  if (typeof b.command === 'string') ctx.command = b.command;
  if (typeof b.type === 'string') ctx.type = b.type;
  if (typeof b.event?.type === 'string') ctx.event = b.event.type;
  if (Array.isArray(b.actions) && typeof b.actions[0]?.action_id === 'string') ctx.actionId = b.actions[0].action_id;
  if (typeof b.view?.callback_id === 'string') ctx.callbackId = b.view.callback_id;
  if (typeof b.callback_id === 'string') ctx.callbackId = b.callback_id;
  return ctx;
}

export function createSlackApp(options: CreateSlackAppOptions): SlackApp {
  const { env, register, receiverOptions = {} } = options;
  const log = platformLogger(options.logger, 'slack');
  const sdkLogger = boltLogger(log, { allowSdkDebug: options.allowSdkDebug ?? false });
  const logLevel = FROM_PINO[log.level] ?? LogLevel.INFO;

  const clientOptions: webApi.WebClientOptions = {
    logger: sdkLogger,
    ...(env.apiUrl !== undefined ? { slackApiUrl: env.apiUrl } : {}),
    ...(options.retryConfig !== undefined ? { retryConfig: options.retryConfig } : {}),
  };

  let receiver: Receiver;
  if (env.mode === 'socket') {
    if (env.appToken === undefined) throw new Error('Slack Socket Mode needs SLACK_APP_TOKEN');
    receiver = new SocketModeReceiver({
      appToken: env.appToken,
      logger: sdkLogger,
      logLevel,
      customRoutes: options.customRoutes ?? [],
      // The receiver builds its own WebClient for apps.connections.open from installerOptions.clientOptions.
      installerOptions: {
        clientOptions: { ...clientOptions, retryConfig: options.retryConfig ?? { retries: 100, factor: 1.3 } },
        ...(options.port !== undefined ? { port: options.port } : {}),
      },
      ...(receiverOptions.autoReconnectEnabled !== undefined ? { autoReconnectEnabled: receiverOptions.autoReconnectEnabled } : {}),
      ...((receiverOptions.clientPingTimeout ?? env.socketPingTimeoutMs) !== undefined ? { clientPingTimeout: receiverOptions.clientPingTimeout ?? env.socketPingTimeoutMs } : {}),
      ...(receiverOptions.serverPingTimeout !== undefined ? { serverPingTimeout: receiverOptions.serverPingTimeout } : {}),
    });
  } else {
    if (env.signingSecret === undefined) throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET');
    receiver = new HTTPReceiver({
      signingSecret: env.signingSecret,
      endpoints: receiverOptions.endpoints ?? ['/slack/events'],
      processBeforeResponse: false,
      signatureVerification: true,
      logger: sdkLogger,
      logLevel,
      // Never a 500 for a signed request: the listener boundary has already logged our own failures.
      processEventErrorHandler: async ({ error, response }) => {
        if (response.headersSent) return false;
        const errorRef = randomUUID().slice(0, 8);
        log.warn({ err: error, errorRef }, 'Slack request failed before any listener acknowledged it');
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`Sorry, something went wrong on our side. Please try again in a moment (error reference ${errorRef}).`);
        return false;
      },
      // Every request we handle is acknowledged by a listener at once; one that is not matched none.
      unhandledRequestHandler: ({ response }) => {
        log.debug({}, 'Slack request matched no listener');
        if (!response.headersSent) {
          response.writeHead(200);
          response.end();
        }
      },
      ...((receiverOptions.unhandledRequestTimeoutMillis ?? env.ackTimeoutMs) !== undefined
        ? { unhandledRequestTimeoutMillis: receiverOptions.unhandledRequestTimeoutMillis ?? env.ackTimeoutMs }
        : {}),
    });
  }

  const verification = options.tokenVerification;
  const app = new App({
    token: env.botToken,
    receiver,
    logger: sdkLogger,
    logLevel,
    clientOptions,
    // auth.test runs in startSlackApp (app.init()), so a bad token fails the boot, not the first request.
    deferInitialization: true,
    extendedErrorHandler: true,
    ...(verification === undefined ? {} : { tokenVerificationEnabled: false }),
    ...(verification ? { botId: verification.botId, botUserId: verification.botUserId } : {}),
  });

  // With extendedErrorHandler: true Bolt passes { error, logger, body, context }.
  const onError = async ({ error, body }: { error: Error; body: unknown }): Promise<void> => {
    const errorRef = randomUUID().slice(0, 8);
    // `code` is a redacted key (maintenance codes), so Bolt's error code is logged as errorCode.
    const errorCode = (error as { code?: unknown }).code;
    log.error(
      { err: error, errorRef, ...(typeof errorCode === 'string' ? { errorCode } : {}), ...requestContext(body) },
      'unhandled error in a Slack listener',
    );
  };
  app.error(onError as unknown as Parameters<App['error']>[0]);

  const observe = options.observe;
  if (observe) {
    // Global middleware runs before every listener; `next()` resolves once the listeners are done.
    app.use(async ({ body, next }) => {
      const started = performance.now();
      try {
        await next();
      } finally {
        const kind = slackRequestKind(body);
        if (kind) observe(kind, (performance.now() - started) / 1000);
      }
    });
  }
  register(app);
  const socket = receiver instanceof SocketModeReceiver ? socketState(receiver.client) : null;
  const eventsPath = Array.isArray(receiverOptions.endpoints) ? receiverOptions.endpoints[0] : receiverOptions.endpoints;
  return {
    app,
    mode: env.mode,
    logger: log,
    customRoutes: options.customRoutes ?? [],
    ...(receiver instanceof HTTPReceiver
      ? { eventsRoute: slackEventsRoute({ requestListener: receiver.requestListener, signingSecret: env.signingSecret!, logger: log, ...(eventsPath ? { path: eventsPath } : {}) }) }
      : {}),
    connection: () => {
      if (env.mode !== 'socket') return { ok: true, state: 'http' };
      const state = socket?.() ?? 'connecting';
      return { ok: state === 'connected', state };
    },
  };
}

export interface StartedSlackApp {
  /** HTTP mode: the port actually listened on (useful with port 0). */
  port?: number;
}

/**
 * Verifies the token (auth.test), then connects (Socket Mode) or, in HTTP mode, serves
 * POST /slack/events and the custom routes on our own web server, unless `serve: false` (the caller
 * then mounts `eventsRoute` on its server: bots/main.ts does, so one server answers everything).
 */
export async function startSlackApp(slack: SlackApp, options: { port?: number; host?: string; serve?: boolean } = {}): Promise<StartedSlackApp> {
  await slack.app.init();
  if (slack.mode === 'socket') {
    await slack.app.start();
    slack.logger.info({ mode: 'socket' }, 'Slack app connected');
    return {};
  }
  if (options.serve === false) return {};
  const server = await startWebServer([slack.eventsRoute!, ...asWebRoutes(slack.customRoutes)], { port: options.port ?? 3000, host: options.host ?? '127.0.0.1', logger: slack.logger });
  slack.server = server;
  slack.logger.info({ mode: 'http', port: server.port }, 'Slack app listening');
  return { port: server.port };
}

export async function stopSlackApp(slack: SlackApp): Promise<void> {
  if (slack.mode === 'socket') await slack.app.stop();
  else if (slack.server) await slack.server.close();
  slack.logger.info({ mode: slack.mode }, 'Slack app stopped');
}
