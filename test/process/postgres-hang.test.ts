/**
 * PostgreSQL that stops answering without a reset (a stuck network path, a frozen server), in front
 * of the real program: a TCP proxy between them stops forwarding. /healthz answers 503 within a
 * second and says the database did not answer; when the path comes back, 200 again, no restart.
 * Runs when TEST_POSTGRES_URL is set (as every PostgreSQL suite).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postgresUrl } from '../support/test-database.js';
import { startTcpProxy, type TcpProxy } from '../fakes/tcp-proxy.js';
import { runMain, type RunningMain } from './run-main.js';

const TIMEOUT_MS = 250;

describe.runIf(!!postgresUrl)('PostgreSQL hangs: /healthz of the running program', () => {
  const name = `slotkeeper_hang_${process.pid}_${Date.now()}`;
  let admin: pg.Client;
  let proxy: TcpProxy;
  let main: RunningMain;
  const health = async () => {
    const started = performance.now();
    const res = await fetch(`${main.base}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, any>, ms: performance.now() - started };
  };

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(postgresUrl!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${name}`;
    // /healthz gives the database 250 ms instead of its default 500 ms (HEALTHZ_DB_TIMEOUT_MS): the twelve
    // checks while it hangs take half as long.
    main = await runMain({ env: { DATABASE_URL: url.toString(), HEALTHZ_DB_TIMEOUT_MS: String(TIMEOUT_MS) } });
  }, 60_000);
  afterAll(async () => {
    proxy?.resume();
    await main?.stop();
    await proxy?.close();
    await admin?.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin?.end();
  });

  it('answers 200 through the proxy, 503 within a second while PostgreSQL does not answer, and 200 again after', async () => {
    const up = await health();
    expect(up.status).toBe(200);
    expect(up.body.database).toMatchObject({ ok: true, state: 'ok' });
    expect(proxy.connections).toBeGreaterThan(0);

    proxy.hang();
    // Several in a row: each waits on a connection that never answers (or on the pool they fill up).
    for (let n = 0; n < 12; n++) {
      const down = await health();
      expect(down.status, `check ${n}`).toBe(503);
      expect(down.ms, `check ${n}`).toBeLessThan(1_000);
      expect(down.body).toMatchObject({ status: `database no answer within ${TIMEOUT_MS} ms`, database: { ok: false, state: `no answer within ${TIMEOUT_MS} ms` } });
    }
    expect(main.alive()).toBe(true);

    proxy.resume();
    await vi.waitFor(async () => expect((await health()).status).toBe(200), { timeout: 10_000, interval: 200 });
    expect((await health()).body.database).toMatchObject({ ok: true, state: 'ok' });
  }, 60_000);
});
