/**
 * Opens the database DATABASE_URL names with the matching generated Prisma client and driver adapter.
 * Each provider's client (and its native driver) is loaded only when that provider is used.
 * The store is typed against the SQLite client; the PostgreSQL client has the same models and
 * methods, so it is cast once, here.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { PrismaClient } from './generated/sqlite/client.js';
import { databaseTarget, ensureSqliteDir, type DatabaseTarget } from './database-url.js';

export type Db = PrismaClient;

export interface OpenDatabase {
  prisma: Db;
  provider: DatabaseTarget['provider'];
  close(): Promise<void>;
}

/**
 * What the store may know about a client besides its models: the provider, and for SQLite the
 * better-sqlite3 connection the adapter holds (the store's hot reads run cached statements on it;
 * being the same connection, they see the current transaction's writes). For PostgreSQL, `track`
 * runs a `$transaction` call so that the pool connection the adapter opens the transaction on is
 * put in `slot.connection` while the transaction is open (and taken out when it commits or rolls
 * back): hot reads can then run on it with the pg driver directly, inside the same transaction.
 */
export interface DbDriver {
  provider: DatabaseTarget['provider'];
  sqlite?: () => BetterSqlite3.Database | null;
  postgres?: {
    track<T>(slot: TxConnection, run: () => Promise<T>): Promise<T>;
    /** The adapter's pg pool once Prisma has connected (undefined before): reads outside a transaction run on it. */
    pool(): PgQueryable | undefined;
  };
}

/** What the hot reads need of a pg connection or pool: its `query` (a pool lends a connection per query). */
export type PgQueryable = Pick<pg.PoolClient, 'query'>;

/** The pg connection of one open transaction, if the adapter's start of it was seen. */
export interface TxConnection {
  connection?: pg.PoolClient;
}

const drivers = new WeakMap<object, DbDriver>();

/** The driver behind a client opened by openDatabase (undefined for a client made elsewhere). */
export function driverOf(prisma: Db): DbDriver | undefined {
  return drivers.get(prisma);
}

/** A stand-in for a client (the tests' handle on a kept client) gets the client's driver. */
export function driveAs(standIn: Db, prisma: Db): void {
  const driver = drivers.get(prisma);
  if (driver) drivers.set(standIn, driver);
}

export async function openDatabase(target: DatabaseTarget = databaseTarget()): Promise<OpenDatabase> {
  if (target.provider === 'sqlite') {
    ensureSqliteDir(target.file);
    const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([
      import('./generated/sqlite/client.js'),
      import('@prisma/adapter-better-sqlite3'),
    ]);
    const factory = new PrismaBetterSQLite3({ url: target.url });
    let connection: BetterSqlite3.Database | null = null;
    // The same factory, remembering the connection it opens (the adapter keeps it as `client`).
    const adapter = Object.assign(Object.create(Object.getPrototypeOf(factory)) as typeof factory, {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        const a = await factory.connect();
        connection = (a as unknown as { client: BetterSqlite3.Database }).client;
        return a;
      },
      connectToShadowDb: () => factory.connectToShadowDb(),
    });
    const prisma = new PrismaClient({ adapter });
    // WAL lets readers run while a sweep or booking writes; busy_timeout waits instead of failing.
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
    drivers.set(prisma, { provider: 'sqlite', sqlite: () => connection });
    return { prisma, provider: 'sqlite', close: () => prisma.$disconnect() };
  }
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import('./generated/postgres/client.js'), import('@prisma/adapter-pg')]);
  const factory = new PrismaPg({ connectionString: target.url, max: 10 });
  // The transaction being started, found by async context: Prisma calls startTransaction from the
  // `$transaction` call the store made inside `track`. When it is not found the slot stays empty
  // and the hot reads go through Prisma as before.
  const starting = new AsyncLocalStorage<TxConnection>();
  let pool: PgQueryable | undefined;
  const adapter = Object.assign(Object.create(Object.getPrototypeOf(factory)) as typeof factory, {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const a = await factory.connect();
      const driver = (a as unknown as { underlyingDriver?: () => unknown }).underlyingDriver?.() as PgQueryable | undefined;
      if (driver && typeof driver.query === 'function') pool = driver;
      const start = a.startTransaction.bind(a);
      a.startTransaction = async (isolationLevel) => {
        const tx = await start(isolationLevel);
        const slot = starting.getStore();
        const connection = (tx as unknown as { client?: pg.PoolClient }).client;
        if (!slot || slot.connection || !connection || typeof connection.query !== 'function') return tx;
        slot.connection = connection;
        const commit = tx.commit.bind(tx);
        const rollback = tx.rollback.bind(tx);
        tx.commit = () => {
          slot.connection = undefined;
          return commit();
        };
        tx.rollback = () => {
          slot.connection = undefined;
          return rollback();
        };
        return tx;
      };
      return a;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  });
  const prisma = new PrismaClient({ adapter }) as unknown as Db;
  drivers.set(prisma, { provider: 'postgresql', postgres: { track: (slot, run) => starting.run(slot, run), pool: () => pool } });
  return { prisma, provider: 'postgresql', close: () => prisma.$disconnect() };
}
