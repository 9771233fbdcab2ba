/**
 * Temporary folders a test run makes in the workers (SQLite test databases, the program build), named
 * after the run so the global setup can remove them when the run ends: vitest may end a worker before
 * its own exit handler runs. Folders of killed runs are removed by a later run once 6 hours old.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const KINDS = ['slotkeeper-build-', 'slotkeeper-test-'];
const STALE_MS = 6 * 3600_000;

function removeFolders(which: (name: string) => boolean): void {
  for (const name of readdirSync(tmpdir())) {
    if (KINDS.some((k) => name.startsWith(k)) && which(name)) rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  }
}

/**
 * A new folder for this run, e.g. runFolder('slotkeeper-test-'). Outside a test run (a bench imports
 * the test databases) the process removes it itself when it exits.
 */
export function runFolder(kind: (typeof KINDS)[number]): string {
  const run = process.env.SLOTKEEPER_TEST_RUN;
  const dir = mkdtempSync(path.join(tmpdir(), `${kind}${run ?? 'norun'}-`));
  if (!run) process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * For the global setup, once per run: names the run (the workers inherit the variable), removes
 * folders older than 6 hours now, and returns what removes this run's folders at the end.
 */
export function foldersOfRun(): () => void {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  process.env.SLOTKEEPER_TEST_RUN = run;
  removeFolders((name) => {
    try {
      return Date.now() - statSync(path.join(tmpdir(), name)).mtimeMs > STALE_MS;
    } catch {
      return false;
    }
  });
  return () => removeFolders((name) => KINDS.some((k) => name.startsWith(`${k}${run}-`)));
}
