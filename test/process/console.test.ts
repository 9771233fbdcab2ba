/**
 * Console mode, the real program: no path stops it, and no other site can write to it (Origin check
 * plus the page's token), nor reach it under another host name (DNS rebinding).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain, type RunningMain } from './run-main.js';

describe('console mode: the running program', () => {
  let main: RunningMain;
  let token: string;
  beforeAll(async () => {
    main = await runMain();
    const page = await (await fetch(`${main.base}/`)).text();
    token = /name="slotkeeper-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
  }, 60_000);
  afterAll(() => main?.stop());

  /** Company names in the program's database, read directly from its SQLite file. */
  const companies = () => {
    const db = new Database(path.join(main.dir, 'main.db'), { readonly: true });
    try {
      return (db.prepare('SELECT name FROM Company').all() as { name: string }[]).map((r) => r.name);
    } finally {
      db.close();
    }
  };

  it('a malformed percent-encoding answers 400 and the process keeps running', async () => {
    const res = await fetch(`${main.base}/j/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('malformed percent-encoding');
    await new Promise((r) => setTimeout(r, 200));
    expect(main.alive()).toBe(true);
    expect((await fetch(`${main.base}/healthz`)).status).toBe(200);
  });

  it('the page carries a write token, and the page itself can write with it', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const res = await fetch(`${main.base}/api/command`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slotkeeper-token': token, origin: main.base }, body: JSON.stringify({ pane: 'customer', user: 'bo', text: '/fees' }) });
    expect(res.status).toBe(200);
  });

  it('refuses a cross-site text/plain POST (the attack that created a company and moved the clock)', async () => {
    const before = (await (await fetch(`${main.base}/api/state`)).json()) as { now: string };
    const attack = (path: string, body: unknown, headers: Record<string, string>) =>
      fetch(`${main.base}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body: JSON.stringify(body) });
    const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    const created = await attack('/api/command', { pane: 'staff', user: 'alice', text: '/sk-company create Evil Corp code EVIL-1' }, evil);
    expect(created.status).toBe(403);
    expect(((await created.json()) as { error: string }).error).toContain('must come from the console page itself');
    expect((await attack('/api/skip', { to: 'plus1d' }, evil)).status).toBe(403);
    // Even with a stolen token, another origin is refused; and no token at all is refused too.
    expect((await attack('/api/skip', { to: 'plus1d' }, { ...evil, 'x-slotkeeper-token': token })).status).toBe(403);
    expect((await attack('/api/skip', { to: 'plus1d' }, {})).status).toBe(403);
    const after = (await (await fetch(`${main.base}/api/state`)).json()) as { now: string };
    expect(after.now).toBe(before.now);
    expect(companies()).toContain('Acme Crating');
    expect(companies()).not.toContain('Evil Corp');
  });

  it('refuses a request for an unknown host name (DNS rebinding), answers localhost and IP addresses', async () => {
    const { request } = await import('node:http');
    const get = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: main.port, path: '/api/state', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await get(`rebind.evil.example:${main.port}`)).toBe(421);
    expect(await get(`localhost:${main.port}`)).toBe(200);
    expect(await get(`127.0.0.1:${main.port}`)).toBe(200);
  });
});

describe('console mode exposed beyond the loopback', () => {
  it('warns loudly at start-up that the console has no login', async () => {
    const main = await runMain({ env: { HOST: '0.0.0.0' } });
    try {
      expect(main.stderr()).toContain('WARNING: HOST=0.0.0.0 makes the console reachable from other machines');
      expect(main.stderr()).toContain('The console has no login');
      expect(main.logs().some((l) => l.level === 40 && l.msg === 'console exposed beyond the loopback interface: it has no login')).toBe(true);
    } finally {
      await main.stop();
    }
  }, 60_000);
});
