/**
 * Opens the database DATABASE_URL names with the matching generated Prisma client and driver adapter.
 * Each provider's client (and its native driver) is loaded only when that provider is used.
 * The store is typed against the SQLite client; the PostgreSQL client has the same models and
 * methods, so it is cast once, here.
 */
import type { PrismaClient } from './generated/sqlite/client.js';
import { databaseTarget, ensureSqliteDir, type DatabaseTarget } from './database-url.js';

export type Db = PrismaClient;

export interface OpenDatabase {
  prisma: Db;
  provider: DatabaseTarget['provider'];
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget = databaseTarget()): Promise<OpenDatabase> {
  if (target.provider === 'sqlite') {
    ensureSqliteDir(target.file);
    const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([
      import('./generated/sqlite/client.js'),
      import('@prisma/adapter-better-sqlite3'),
    ]);
    const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: target.url }) });
    // WAL lets readers run while a sweep or booking writes; busy_timeout waits instead of failing.
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
    return { prisma, provider: 'sqlite', close: () => prisma.$disconnect() };
  }
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import('./generated/postgres/client.js'), import('@prisma/adapter-pg')]);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10 }) }) as unknown as Db;
  return { prisma, provider: 'postgresql', close: () => prisma.$disconnect() };
}
