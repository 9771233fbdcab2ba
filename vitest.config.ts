import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import WaitingFilesFirst from './test/support/sequencer.js';

/**
 * vitest's caches (the transformed modules, and the durations of the last run that order the next)
 * live in this checkout, not in node_modules, which a worktree or a clone may share with others: a
 * fresh clone then starts cold, as CI's does. `npx vitest --clearCache` empties them.
 */
const cache = fileURLToPath(new URL('./.cache/', import.meta.url));

const include = ['core/**/*.test.ts', 'bots/**/*.test.ts', 'prisma/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'];
/**
 * Files that need a fresh module graph. The fake Discord's multipart test: once another file in the
 * same worker has used Slack's Web API client, discord.js's undici no longer recognises the global
 * FormData under vitest's module runner ("action is not a function"); plain Node is not affected.
 */
const isolated = ['test/discord/fake-discord.test.ts'];

export default defineConfig({
  cacheDir: `${cache}vite`,
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Three workers on a 2-core machine: many suites wait on processes, sockets and timers, and a third
    // worker fills that time (quiet machine, full run with PostgreSQL: 2 workers 84 s, 3 → 74 s, 4 → 75 s,
    // 6 → 82 s, each worker importing the graph once). Set in this file: the CLI flag is not applied to
    // the projects below.
    maxWorkers: 3,
    // Prisma's query compiler is WebAssembly (about 1.9 MB per database kind), which V8 compiles
    // quickly with Liftoff and then again, in the background, with TurboFan. For the tests' short life
    // that second compile costs more than it saves: on test/core + prisma + core, alternating runs took
    // 52-61 s of CPU with Liftoff only against 60-68 s without. Only compile tiers change, never behaviour.
    execArgv: ['--liftoff-only'],
    globalSetup: ['test/support/global-setup.ts'],
    // Without last run's durations (a fresh clone), the files that start the program go first.
    sequence: { sequencer: WaitingFilesFirst },
    // Transformed modules are kept in .cache/vitest-modules between runs (keyed by each file's content
    // and the config).
    experimental: { fsModuleCache: true, fsModuleCachePath: `${cache}vitest-modules` },
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        // Test files share a worker's module graph instead of importing Prisma, Bolt and discord.js
        // again per file; every test still gets its own database (test/support/test-database.ts).
        test: { name: 'shared', include, exclude: isolated, isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: isolated, isolate: true } },
    ],
  },
});
