#!/usr/bin/env node
/**
 * `npm start`: compiles with tsc only when a source file changed since the last build (or there is no
 * build yet), then runs dist/bots/main.js in this same process. The first start after a clone or an edit
 * pays for the build (tens of seconds on a busy 2-core machine); the next ones skip it. The fingerprint of the sources (path,
 * size and modification time of every file the build reads) is kept in dist/.build-fingerprint.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fingerprint } from './build-fingerprint.mjs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-fingerprint');
const entry = path.join(dist, 'bots', 'main.js');

const started = performance.now();
const now = fingerprint(root);
const built = existsSync(entry) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === now;
if (!built) {
  process.stdout.write('Building (sources changed since the last build, or no build yet)…\n');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  writeFileSync(stampFile, now);
  process.stdout.write(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
}
await import(pathToFileURL(entry).href);
