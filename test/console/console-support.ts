/** Starts the console the way bots/main.ts does (boot + ManualClock + startConsole) on a fresh SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { boot, type Runtime } from '../../bots/shared/boot.js';
import { createLogger } from '../../bots/shared/logger.js';
import { startConsole, type ConsoleHandle } from '../../bots/console/start-console.js';
import { ManualClock } from '../../core/ports/clock.js';
import { simulatedPayments } from '../../bots/console/simulated-checkout.js';

export const EXAMPLE_CONFIG = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'slotkeeper.example.yml');

/** Monday 30 Nov 2026, 09:00 in New York. */
export const CONSOLE_START = '2026-11-30T14:00:00Z';

export interface RunningConsole {
  console: ConsoleHandle;
  runtime: Runtime;
  clock: ManualClock;
  dir: string;
  databaseUrl: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test JSON
  api(method: 'GET' | 'POST', p: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Stops the console and closes the database (the file stays until `remove`). */
  stop(): Promise<void>;
  remove(): void;
}

/**
 * `now` is the real time the console starts at (a fresh database picks a working morning from it; one
 * that has a clock keeps its own). `port` reuses a port, e.g. to restart on the same address.
 */
export async function runConsole(opts: { dir?: string; now?: string; port?: number; simulatedCheckout?: boolean } = {}): Promise<RunningConsole> {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'slotkeeper-console-'));
  const databaseUrl = `file:${path.join(dir, 'console.db')}`;
  const clock = new ManualClock(opts.now ?? CONSOLE_START);
  const logger = createLogger({ level: 'silent' });
  // The simulated checkout's links name the console's address, known once it listens.
  let base = '';
  const gateway = opts.simulatedCheckout ? simulatedPayments(() => base) : null;
  const payments = gateway ? { payments: () => gateway } : {};
  const booted = await boot({ configPath: EXAMPLE_CONFIG, databaseUrl, clock, logger, ...payments });
  if (!booted.ok) throw new Error(booted.problems.join('\n'));
  const runtime = booted.runtime;
  const handle = await startConsole({ runtime, clock, port: opts.port ?? 0, host: '127.0.0.1', logger, ...(gateway ? { simulatedCheckout: gateway } : {}) });
  base = `http://127.0.0.1:${handle.port}`;
  return {
    console: handle,
    runtime,
    clock,
    dir,
    databaseUrl,
    async api(method, p, body) {
      const res = await fetch(`http://127.0.0.1:${handle.port}${p}`, {
        method,
        ...(body !== undefined ? { headers: { 'content-type': 'application/json', 'x-slotkeeper-token': handle.token }, body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: await res.json() };
    },
    async stop() {
      await handle.close();
      await runtime.close();
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
