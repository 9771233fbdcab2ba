/**
 * The program as the tests that start it run it: the sources of core/, bots/, prisma/ and scripts/
 * compiled to JavaScript once per test worker (esbuild, the compiler tsx itself uses, about 0.5 s),
 * laid out as `npm start`'s dist/ is. Each spawned program then starts in about 0.6 s of CPU instead of
 * 1.7 s under tsx's loader, which compiles and resolves every module again in every process.
 *
 * The build lives in a temporary folder beside links to the repository's node_modules, prisma/
 * (migrations) and manifest.yml, where the program looks for them from dist/. It is compiled from
 * the working tree when a worker first needs it, so a test never runs an older program. The global
 * setup removes the run's build folders when the run ends (vitest may end a worker before its own
 * exit handler runs), and those of killed runs once they are 6 hours old.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What is compiled: the folders `tsconfig.build.json` includes. */
const SOURCES = ['core', 'bots', 'prisma', 'scripts'];
/** What the compiled program reads beside dist/ (dist/.. is the build folder). */
const LINKED = ['node_modules', 'prisma', 'manifest.yml'];

function sourcesOf(dir: string, acc: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourcesOf(p, acc);
    else if (e.name.endsWith('.ts') && !/\.test\.ts$|\.d\.ts$/.test(e.name)) acc.push(p);
  }
  return acc;
}

const PREFIX = 'slotkeeper-build-';
const STALE_MS = 6 * 3600_000;

function removeFolders(which: (name: string) => boolean): void {
  for (const name of readdirSync(tmpdir())) {
    if (name.startsWith(PREFIX) && which(name)) rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  }
}

/**
 * For the global setup, once per run: names the run's build folders (the workers inherit the
 * variable) and returns what removes them at the end; removes those older than 6 hours now.
 */
export function buildFoldersOfRun(): () => void {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  process.env.SLOTKEEPER_TEST_RUN = run;
  removeFolders((name) => {
    try {
      return Date.now() - statSync(path.join(tmpdir(), name)).mtimeMs > STALE_MS;
    } catch {
      return false;
    }
  });
  return () => removeFolders((name) => name.startsWith(`${PREFIX}${run}-`));
}

let built: Promise<string> | null = null;

/** Compiles the program once per worker; resolves to the build folder (remove at process exit). */
function build(): Promise<string> {
  built ??= (async () => {
    // esbuild is not a dependency of ours but of tsx (which is): found from tsx's own folder.
    const { build: esbuild } = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild') as typeof import('esbuild');
    const dir = mkdtempSync(path.join(tmpdir(), `${PREFIX}${process.env.SLOTKEEPER_TEST_RUN ?? 'norun'}-`));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    await esbuild({
      entryPoints: SOURCES.flatMap((d) => sourcesOf(path.join(ROOT, d))),
      outdir: path.join(dir, 'dist'),
      outbase: ROOT,
      bundle: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      tsconfig: path.join(ROOT, 'tsconfig.json'),
      logLevel: 'warning',
    });
    for (const name of LINKED) symlinkSync(path.join(ROOT, name), path.join(dir, name));
    return dir;
  })();
  return built;
}

/** The compiled file for a source file of the repository, e.g. `bots/main.ts` → …/dist/bots/main.js. */
export async function compiled(source: string): Promise<string> {
  return path.join(await build(), 'dist', source.replace(/\.ts$/, '.js'));
}
