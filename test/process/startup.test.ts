/**
 * Start-up, as an operator meets it: the real program refuses a config with unknown keys or a bad
 * publicBaseUrl, a PostgreSQL URL without a database, and a port in use (suggesting PORT=); it reads
 * `.env`; LOG_LEVEL=debug gives debug lines.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain, runMainToExit } from './run-main.js';

const example = readFileSync(path.join(ROOT, 'slotkeeper.example.yml'), 'utf8');

describe('start-up refusals and operations', () => {
  it('refuses unknown config keys with a did-you-mean, and a publicBaseUrl without http(s)://, echoing the bad values', async () => {
    const config = example
      .replace('reminderMinutesBefore:', 'reminderMinutesBefor:')
      .replace('publicBaseUrl: http://localhost:3000', 'publicBaseUrl: slotkeeper.example.com');
    const r = await runMainToExit({ config });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('policy.reminderMinutesBefor: is not a setting; did you mean "reminderMinutesBefore"?');
    expect(r.stderr).toContain('publicBaseUrl: must be a web address starting with http:// or https://');
    expect(r.stderr).toContain('(got "slotkeeper.example.com")');
  }, 60_000);

  it('refuses a PostgreSQL URL that names no database', async () => {
    const r = await runMainToExit({ env: { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DATABASE_URL: names no database, so the tables would go into the server\'s built-in "postgres" database');
  }, 60_000);

  it('a port in use: a plain message suggesting PORT=', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await runMainToExit({ env: { PORT: String(port), HOST: '127.0.0.1' } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(r.stderr).toContain(`PORT=${port + 1} npm start`);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('reads .env from the working directory (the environment wins), and LOG_LEVEL=debug gives debug lines', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'slotkeeper-dotenv-'));
    writeFileSync(path.join(cwd, '.env'), 'LOG_LEVEL=debug\nCONSOLE_HOSTS=slotkeeper.lan\n');
    const main = await runMain({ cwd, env: { LOG_LEVEL: undefined } });
    try {
      expect(main.logs().some((l) => l.msg === '.env read: 2 variables set from it (CONSOLE_HOSTS, LOG_LEVEL)')).toBe(true);
      expect((await fetch(`${main.base}/healthz`)).status).toBe(200);
      await expect.poll(() => main.logs().filter((l) => l.level === 20).map((l) => l.msg), { timeout: 5_000 }).toEqual(expect.arrayContaining(['debug logging on', 'web request']));
      const web = main.logs().find((l) => l.msg === 'web request')!;
      expect(web).toMatchObject({ method: 'GET', route: '/healthz', status: 200 });
    } finally {
      await main.stop();
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 60_000);
});
