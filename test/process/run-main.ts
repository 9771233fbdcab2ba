/**
 * Runs the real program, `bots/main.ts`, as a child process (compiled to JavaScript once per test
 * worker and run by node, as `npm start` runs dist/: test/support/program-build.ts) with
 * the environment a test gives it: a fresh SQLite file, PORT=0, and tokens pointing at the fake Slack
 * or Discord running in the test. What a test sees is what an operator would: the process's HTTP
 * answers, its log lines, and whether it is still running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { programArgv, ROOT } from '../support/program-build.js';

export { ROOT };

export interface RunningMain {
  child: ChildProcess;
  /** http://127.0.0.1:PORT */
  base: string;
  port: number;
  dir: string;
  stdout(): string;
  stderr(): string;
  /** The JSON log lines so far. */
  logs(): Record<string, any>[];
  /** True while the process has not exited. */
  alive(): boolean;
  exitCode(): number | null;
  stop(): Promise<void>;
}

export interface RunMainOptions {
  env?: Record<string, string | undefined>;
  /** slotkeeper.yml text; the example config when omitted. */
  config?: string;
  /** How to find the port in stdout once the process is ready. */
  ready?: RegExp;
  timeoutMs?: number;
  args?: string[];
  /** Working directory (default: the repository root). */
  cwd?: string;
}

/** Starts the program and resolves once it listens. Rejects (with its output) if it exits first. */
export async function runMain(opts: RunMainOptions = {}): Promise<RunningMain> {
  const { dir, child } = await spawnMain(opts, { LOG_LEVEL: 'info', NODE_ENV: 'production' });
  let out = '';
  let err = '';
  let code: number | null = null;
  let exited = false;
  child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (err += d.toString()));
  const exit = new Promise<void>((resolve) => child.on('exit', (c) => { exited = true; code = c; resolve(); }));
  const ready = opts.ready ?? /"port":(\d+)[^\n]*"msg":"web server listening|Slotkeeper console: http:\/\/[^\s]+:(\d+)/;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      reject(new Error(`main did not start within ${opts.timeoutMs ?? 30_000} ms\nstdout:\n${out}\nstderr:\n${err}`));
    }, opts.timeoutMs ?? 30_000);
    const check = () => {
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1] ?? m[2]));
      }
    };
    child.stdout!.on('data', check);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`main exited with ${code} before it was ready\nstdout:\n${out}\nstderr:\n${err}`));
    });
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    port,
    dir,
    stdout: () => out,
    stderr: () => err,
    logs: () => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, any>),
    alive: () => !exited,
    exitCode: () => code,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exit;
        clearTimeout(t);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the program to its end (for start-up refusals): exit code and output. */
export async function runMainToExit(opts: RunMainOptions = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { dir, child } = await spawnMain(opts);
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => void (err += d.toString()));
    const t = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('exit', (code) => {
      clearTimeout(t);
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout: out, stderr: err });
    });
  });
}

/**
 * Starts the compiled program in a folder of its own: the config given (else the example's), a fresh
 * SQLite file, PORT=0; the test runner's platform tokens and test settings are not passed on. `base`
 * is set before the test's own env, which may change or (with undefined) remove any of it.
 */
async function spawnMain(opts: RunMainOptions, base: Record<string, string> = {}): Promise<{ dir: string; child: ChildProcess }> {
  const program = await programArgv('bots/main.ts');
  const dir = mkdtempSync(path.join(tmpdir(), 'slotkeeper-main-'));
  let configPath = path.join(ROOT, 'slotkeeper.example.yml');
  if (opts.config !== undefined) {
    configPath = path.join(dir, 'slotkeeper.yml');
    writeFileSync(configPath, opts.config);
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(SLACK_|DISCORD_|VITEST|TEST_)/.test(k)) env[k] = v;
  Object.assign(env, { DATABASE_URL: `file:${path.join(dir, 'main.db')}`, PORT: '0', SLOTKEEPER_CONFIG: configPath }, base);
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const child = spawn(process.execPath, [...(opts.args ?? []), ...program], { cwd: opts.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return { dir, child };
}
