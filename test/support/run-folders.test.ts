import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldersOfRun, runFolder } from './run-folders.js';

describe("a run's temporary folders", () => {
  const run = process.env.SLOTKEEPER_TEST_RUN;
  const made: string[] = [];
  afterEach(() => {
    process.env.SLOTKEEPER_TEST_RUN = run; // the folders of the real run go on being named after it
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });

  it("are removed when the run ends, another run's are kept, and one older than 6 hours goes at the start", () => {
    const other = path.join(tmpdir(), 'slotkeeper-test-otherrun-fresh');
    const old = path.join(tmpdir(), 'slotkeeper-build-killedrun-old');
    for (const d of [other, old]) mkdirSync(d, { recursive: true });
    made.push(other, old);
    const sevenHoursAgo = new Date(Date.now() - 7 * 3600_000);
    utimesSync(old, sevenHoursAgo, sevenHoursAgo);

    const end = foldersOfRun();
    expect(existsSync(old)).toBe(false);
    const mine = [runFolder('slotkeeper-test-'), runFolder('slotkeeper-build-')];
    made.push(...mine);
    expect(mine.every((d) => existsSync(d) && path.basename(d).includes(`-${process.env.SLOTKEEPER_TEST_RUN}-`))).toBe(true);
    end();
    expect(mine.some((d) => existsSync(d))).toBe(false);
    expect(existsSync(other)).toBe(true);
  });

  it('outside a test run (a bench) the process removes its folder when it exits', () => {
    const env = { ...process.env };
    delete env.SLOTKEEPER_TEST_RUN;
    const printed = execFileSync(process.execPath, ['--import', 'tsx', '-e', "import('./test/support/run-folders.ts').then((m) => console.log(m.runFolder('slotkeeper-test-')))"], { env, encoding: 'utf8' }).trim();
    expect(path.basename(printed)).toMatch(/^slotkeeper-test-norun-/);
    made.push(printed);
    expect(existsSync(printed)).toBe(false);
  });
});
