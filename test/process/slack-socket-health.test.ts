/**
 * Slack Socket Mode, the real program against the fake socket: /healthz reports the connection.
 * Connected: 200 and "connected". The socket dropped (and Slack not yet giving a new one): 503 and
 * the state, within a second. Slack answering again: reconnected by itself, 200.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { startFakeSocketMode, type FakeSocketMode } from '../fakes/slack-socket.js';
import { runMain, type RunningMain } from './run-main.js';

describe('Slack Socket Mode: /healthz of the running program', () => {
  let fake: FakeSlack;
  let socket: FakeSocketMode;
  let main: RunningMain;
  const health = async () => {
    const started = performance.now();
    const res = await fetch(`${main.base}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, any>, ms: performance.now() - started };
  };

  beforeAll(async () => {
    fake = await startFakeSlack();
    socket = await startFakeSocketMode(fake);
    // A 1 s ping timeout instead of Bolt's 5 s: the reconnect attempts after a drop come 1 s, then 2 s
    // apart instead of 5 s, then 10 s (the back-off steps by this timeout).
    main = await runMain({ env: { SLACK_BOT_TOKEN: 'xoxb-socket-health', SLACK_APP_TOKEN: 'xapp-1-A0-health', SLACK_API_URL: fake.url, SLACK_SOCKET_PING_TIMEOUT_MS: '1000' } });
    await socket.connected(10_000);
  }, 60_000);
  afterAll(async () => {
    await main?.stop();
    await socket?.close();
    await fake?.close();
  });

  it('connected: 200, and the body names the socket and the database', async () => {
    await vi.waitFor(async () => expect((await health()).status).toBe(200), { timeout: 5_000, interval: 100 });
    expect((await health()).body).toMatchObject({ status: 'ok', database: { ok: true }, platforms: { slackSocketMode: { ok: true, state: 'connected' } } });
  });

  it('the socket dropped while Slack gives no new one: 503 naming the socket, within a second; then it reconnects by itself', async () => {
    const opensBefore = fake.callsTo('apps.connections.open').length;
    socket.drop();
    await vi.waitFor(async () => expect((await health()).status).toBe(503), { timeout: 10_000, interval: 100 });
    const down = await health();
    expect(down.ms).toBeLessThan(1_000);
    expect(down.body.platforms.slackSocketMode.ok).toBe(false);
    expect(down.body.platforms.slackSocketMode.state).toMatch(/^(reconnecting|disconnected|connecting)$/);
    expect(down.body.status).toBe(`slackSocketMode ${down.body.platforms.slackSocketMode.state}`);
    expect(down.body.database).toMatchObject({ ok: true });
    expect(main.alive()).toBe(true);

    // Slack answers again once the app has asked at least once and been refused: it then gets a new
    // URL and connects without a restart.
    await vi.waitFor(() => expect(fake.callsTo('apps.connections.open').length).toBeGreaterThan(opensBefore), { timeout: 10_000, interval: 20 });
    socket.accept();
    await socket.connected(30_000);
    await vi.waitFor(async () => expect((await health()).status).toBe(200), { timeout: 30_000, interval: 200 });
    expect((await health()).body.platforms.slackSocketMode).toEqual({ ok: true, state: 'connected' });
    // It asked again while Slack refused, then once more when Slack answered.
    expect(fake.callsTo('apps.connections.open').length).toBeGreaterThanOrEqual(opensBefore + 2);
  }, 60_000);
});
