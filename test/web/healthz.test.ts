/** /healthz over HTTP: bounded when the database hangs, and it names each platform connection. */
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../bots/shared/web-server.js';
import { webRoutes } from '../../bots/shared/web-routes.js';
import { createLogger } from '../../bots/shared/logger.js';
import type { Core } from '../../core/index.js';

describe('/healthz', () => {
  let web: WebServer;
  afterEach(() => web.close());

  it('answers 503 within 1 s while the database hangs (a query that never returns)', async () => {
    web = await startWebServer(webRoutes({ core: { config: { publicBaseUrl: 'http://127.0.0.1' } } as unknown as Core, healthy: () => new Promise<boolean>(() => undefined) }), { port: 0, logger: createLogger({ level: 'silent' }) });
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${web.port}/healthz`);
    const ms = performance.now() - started;
    expect(res.status).toBe(503);
    expect(ms).toBeLessThan(1_000);
    expect(await res.json()).toMatchObject({ status: 'database no answer within 500 ms', database: { ok: false } });
  });

  it('reports each platform connection, and 503 when one is down', async () => {
    let gateway = { ok: true, state: 'connected' };
    web = await startWebServer(webRoutes({ core: { config: { publicBaseUrl: 'http://127.0.0.1' } } as unknown as Core, healthy: async () => true, platforms: () => ({ discordGateway: gateway, slackSocketMode: { ok: true, state: 'connected' } }) }), { port: 0, logger: createLogger({ level: 'silent' }) });
    const get = async () => {
      const res = await fetch(`http://127.0.0.1:${web.port}/healthz`);
      return { status: res.status, body: await res.json() };
    };
    expect(await get()).toMatchObject({ status: 200, body: { status: 'ok', platforms: { discordGateway: { ok: true }, slackSocketMode: { ok: true } } } });
    gateway = { ok: false, state: 'reconnecting' };
    expect(await get()).toMatchObject({ status: 503, body: { status: 'discordGateway reconnecting' } });
  });
});
