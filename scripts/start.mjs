#!/usr/bin/env node
/**
 * `npm start`: compiles with tsc only when a source file changed since the last build (or there is no
 * build yet), then runs dist/bots/main.js in this same process. The first start after a clone or an edit
 * pays for the build (about 10 s here); the next ones skip it. The fingerprint of the sources (path,
 * size and modification time of every file the build reads) is kept in dist/.build-fingerprint.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-fingerprint');
const entry = path.join(dist, 'bots', 'main.js');

/** What tsconfig.build.json compiles (its include folders, no tests) and the files that configure it. */
function fingerprint() {
  const files = [];
  const walk = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (d.name !== 'node_modules') walk(p);
      } else if (/\.(m|c)?(ts|js)$/.test(d.name) && !/\.test\.ts$/.test(d.name)) files.push(p);
    }
  };
  const config = JSON.parse(readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8'));
  for (const dir of config.include ?? []) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  files.push(path.join(root, 'tsconfig.json'), path.join(root, 'tsconfig.build.json'), path.join(root, 'package.json'));
  const h = createHash('sha256');
  for (const f of files.sort()) {
    const s = statSync(f);
    h.update(`${path.relative(root, f)}:${s.size}:${s.mtimeMs}\n`);
  }
  return h.digest('hex');
}

const started = performance.now();
const now = fingerprint();
const built = existsSync(entry) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === now;
if (!built) {
  process.stdout.write('Building (sources changed since the last build, or no build yet)…\n');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  writeFileSync(stampFile, now);
  process.stdout.write(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
}
await import(pathToFileURL(entry).href);
