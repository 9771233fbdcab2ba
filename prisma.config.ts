/**
 * Prisma CLI configuration: runs the CLI on its WebAssembly schema engine with a driver adapter,
 * because this project must work where Prisma's native engine binaries cannot be downloaded.
 * DATABASE_URL picks the provider: `postgresql://…` → prisma/postgres, anything else → prisma/sqlite.
 * (The application itself applies migrations with prisma/migrate.ts, not through this CLI.)
 */
import path from 'node:path';
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL ?? 'file:./data/slotkeeper.db';
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', postgres ? 'postgres' : 'sqlite'),
  async adapter() {
    if (postgres) {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: url, allowExitOnIdle: true });
    }
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSQLite3({ url });
  },
});
