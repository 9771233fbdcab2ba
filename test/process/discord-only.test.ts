/** Discord-only mode, the real program against the fake Discord: its web server listens on all interfaces by default. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../fakes/discord-server.js';
import { startDefaultFake, TOKEN } from '../discord/helpers.js';
import { runMain, type RunningMain } from './run-main.js';

describe('Discord-only mode: the running program', () => {
  let fake: FakeDiscord;
  let main: RunningMain;
  beforeAll(async () => {
    fake = await startDefaultFake();
    main = await runMain({ env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl } });
  }, 60_000);
  afterAll(async () => {
    await main?.stop();
    await fake?.close();
  });

  it('a malformed percent-encoding answers 400 and the process keeps running', async () => {
    const res = await fetch(`${main.base}/j/%E0%A4%A`);
    expect(res.status).toBe(400);
    await new Promise((r) => setTimeout(r, 200));
    expect(main.alive()).toBe(true);
    expect(main.logs().some((l) => l.msg === 'web server listening: join links, /healthz, /metrics' && l.host === '0.0.0.0')).toBe(true);
  });

  it('/healthz reports the database and the Discord gateway', async () => {
    await fake.waitForIdentify(10_000);
    await expect.poll(async () => (await fetch(`${main.base}/healthz`)).status, { timeout: 10_000 }).toBe(200);
    const body = (await (await fetch(`${main.base}/healthz`)).json()) as Record<string, any>;
    expect(body).toMatchObject({ status: 'ok', database: { ok: true, state: 'ok' }, platforms: { discordGateway: { ok: true, state: 'connected' } } });
  });
});
