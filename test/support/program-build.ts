/**
 * The program as the tests that start it run it: the sources of core/, bots/, prisma/ and scripts/
 * compiled to JavaScript once per test worker (esbuild, the compiler tsx itself uses, about 0.5 s),
 * laid out as `npm start`'s dist/ is. Each spawned program then started in about 0.6 s of CPU instead
 * of 1.7 s (on an earlier, faster machine) under tsx's loader, which compiles and resolves every
 * module again in every process.
 *
 * The build lives in a temporary folder beside links to the repository's node_modules, prisma/
 * (migrations) and manifest.yml, where the program looks for them from dist/. It is compiled from
 * the working tree when a worker first needs it, so a test never runs an older program. The folder
 * is removed when the run ends (test/support/run-folders.ts).
 *
 * The programs run with V8's quick tiers only (SHORT_RUN_FLAGS): each lives for seconds, and over a third of
 * a start's CPU went to optimising code it would never run again.
 */
import { readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFolder } from './run-folders.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What is compiled: the folders `tsconfig.build.json` includes. */
const SOURCES = ['core', 'bots', 'prisma', 'scripts'];
/** What the compiled program reads beside dist/ (dist/.. is the build folder). */
const LINKED = ['node_modules', 'prisma', 'manifest.yml'];
/** What a compiled script reads from the folder above its own (scripts/demo.ts: `<scripts>/../slotkeeper.example.yml`), i.e. dist/. */
const LINKED_IN_DIST = ['slotkeeper.example.yml'];

function sourcesOf(dir: string, acc: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourcesOf(p, acc);
    else if (e.name.endsWith('.ts') && !/\.test\.ts$|\.d\.ts$/.test(e.name)) acc.push(p);
  }
  return acc;
}

let built: Promise<string> | null = null;

/** Compiles the program once per worker; resolves to the build folder (remove at process exit). */
function build(): Promise<string> {
  built ??= (async () => {
    // esbuild is not a dependency of ours but of tsx (which is): found from tsx's own folder.
    const { build: esbuild } = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild') as typeof import('esbuild');
    const dir = runFolder('slotkeeper-build-');
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
    for (const name of LINKED_IN_DIST) symlinkSync(path.join(ROOT, name), path.join(dir, 'dist', name));
    return dir;
  })();
  return built;
}

/**
 * V8 flags for the programs a test starts, which run for seconds. Without them a start cost about
 * 2.4 s of CPU here, a quarter of it TurboFan compiling Prisma's WebAssembly query compiler in the
 * background and another eighth TurboFan optimising JavaScript; with them about 1.5 s (median of four
 * starts each, the console's demo start-up). WebAssembly stays on its baseline compiler (Liftoff) and
 * JavaScript on the interpreter and Sparkplug. Only the speed of compiled code changes, never what
 * the program does; `npm start` runs without them, where a long-running server gains from optimising.
 */
const SHORT_RUN_FLAGS = ['--liftoff-only', '--no-opt'];

/** `node`'s arguments that run a source file as a test starts it: the short-run flags, then the compiled file. */
export async function programArgv(source: string): Promise<string[]> {
  return [...SHORT_RUN_FLAGS, await compiled(source)];
}

/** The compiled file for a source file of the repository, e.g. `bots/main.ts` → …/dist/bots/main.js. */
async function compiled(source: string): Promise<string> {
  return path.join(await build(), 'dist', source.replace(/\.ts$/, '.js'));
}
