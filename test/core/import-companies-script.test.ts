import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { programArgv } from '../support/program-build.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'sk-import-'));
const dbFile = path.join(dir, 'data', 'import.db');

/** The script `npm run companies:import` runs, compiled once per worker (test/support/program-build.ts). */
async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = await programArgv('scripts/import-companies.ts');
  return new Promise((resolve) => {
    execFile(process.execPath, [...script, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${dbFile}`, SLOTKEEPER_CONFIG: path.join(root, 'slotkeeper.example.yml'), ...env },
    }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
  });
}

function companies(): Array<{ name: string; code: string | null }> {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT name, code FROM "Company" ORDER BY name').all() as Array<{ name: string; code: string | null }>;
  } finally {
    db.close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run companies:import', () => {
  it('imports a good file into a new SQLite database and prints each company with its code', async () => {
    const file = path.join(dir, 'good.csv');
    writeFileSync(file, 'name,plan_end,code\nAcme,2027-06-30,ACME-0001\n"Crates, Inc.",,\n');
    const r = await run([file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Imported 2 companies:\n {2}Acme {2}code ACME0001 {2}plan to 2027-06-30\n {2}Crates, Inc\. {2}code [A-Z0-9]{4}-[A-Z0-9]{4} {2}no plan\n$/);
    expect(companies().map((c) => c.name)).toEqual(['Acme', 'Crates, Inc.']);
  }, 60_000);

  it('reports the bad rows of a bad file by line number, imports none of it and exits 1', async () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, 'name,plan_end,code\nNew One,,\nAcme,,\nBad Date,2027-13-01,\n');
    const r = await run([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${file}: 1 problem; nothing was imported.\n  line 4: plan_end "2027-13-01" is not a date like 2027-06-30\n`);
    const conflict = path.join(dir, 'conflict.csv');
    writeFileSync(conflict, 'name,plan_end,code\nNew One,,\nAcme,,\n');
    const r2 = await run([conflict]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('line 3: a company named "Acme" already exists');
    expect(companies().map((c) => c.name)).toEqual(['Acme', 'Crates, Inc.']);
  }, 60_000);

  it('prints config problems as a list, without a stack trace', async () => {
    const cfg = path.join(dir, 'bad.yml');
    writeFileSync(cfg, 'vendor: { name: X, zone: Mars/Base }\nstaff: []\n');
    const file = path.join(dir, 'good.csv');
    const r = await run([file], { SLOTKEEPER_CONFIG: cfg });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^The config .*bad\.yml has problems:\n {2}- vendor\.zone: is not an IANA time zone/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
