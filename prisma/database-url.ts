/** Which database DATABASE_URL names: unset → the embedded SQLite file; postgresql:// → PostgreSQL. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const DEFAULT_DATABASE_URL = 'file:./data/slotkeeper.db';

export type DatabaseTarget = { provider: 'sqlite'; url: string; file: string } | { provider: 'postgresql'; url: string };

export function databaseTarget(url: string | undefined = process.env.DATABASE_URL): DatabaseTarget {
  const u = url && url.trim() !== '' ? url.trim() : DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//.test(u)) return { provider: 'postgresql', url: u };
  if (u.startsWith('file:')) {
    const file = u.slice('file:'.length);
    return { provider: 'sqlite', url: u, file };
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${u.split(':')[0]}:…"`);
}

/** SQLite fails with an opaque error when the file's folder is missing: make it first. */
export function ensureSqliteDir(file: string): void {
  if (file === ':memory:') return;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
