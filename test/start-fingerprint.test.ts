/** `npm start` builds again only when a file the build reads changed: the fingerprint it compares. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../scripts/build-fingerprint.mjs';

describe('the build fingerprint behind npm start', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };

  it('stays the same when nothing changed or only a test changed, and changes with a source or config edit', () => {
    root = mkdtempSync(path.join(tmpdir(), 'slotkeeper-fp-'));
    write('tsconfig.json', '{}');
    write('tsconfig.build.json', JSON.stringify({ include: ['core', 'bots'] }));
    write('package.json', '{}');
    write('core/a.ts', 'export const a = 1;');
    write('bots/b.ts', 'export const b = 1;');
    write('docs/readme.md', 'not built');
    const first = fingerprint(root);
    expect(fingerprint(root)).toBe(first);

    write('core/a.test.ts', 'test file');
    write('docs/readme.md', 'still not built');
    expect(fingerprint(root)).toBe(first);

    write('core/a.ts', 'export const a = 2;');
    const edited = fingerprint(root);
    expect(edited).not.toBe(first);

    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'tsconfig.build.json'), later, later);
    expect(fingerprint(root)).not.toBe(edited);

    const again = fingerprint(root);
    write('bots/new-file.ts', 'export {};');
    expect(fingerprint(root)).not.toBe(again);
  });
});
