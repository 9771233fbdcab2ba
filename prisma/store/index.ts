/** The Prisma implementation of core's store port. */
import type { Store, Tx } from '../../core/ports/store.js';
import { driverOf, type Db, type TxConnection } from '../client.js';
import type { TxClient } from './db-types.js';
import { companyRepo } from './companies.js';
import { memberRepo, linkAttemptRepo } from './members.js';
import { bookingRepo } from './bookings.js';
import { jobRepo } from './jobs.js';
import { outboxRepo } from './outbox.js';
import { auditRepo, checkoutRepo, paymentEventRepo, paymentRepo } from './audit.js';
import { hotReads, postgresReads, type HotReads } from './hot-reads.js';
import { calendarFeedRepo } from './calendar-feeds.js';

function repos(db: TxClient, hot: HotReads | null): Tx {
  return {
    companies: companyRepo(db, hot),
    members: memberRepo(db, hot),
    linkAttempts: linkAttemptRepo(db),
    bookings: bookingRepo(db, hot),
    jobs: jobRepo(db),
    outbox: outboxRepo(db),
    audit: auditRepo(db),
    payments: paymentRepo(db),
    calendarFeeds: calendarFeedRepo(db),
    checkouts: checkoutRepo(db),
    paymentEvents: paymentEventRepo(db),
  };
}

/**
 * Runs transactions one at a time, each starting in a fresh turn of the event loop. better-sqlite3
 * never yields inside a statement, and Prisma's SQLite adapter runs one transaction at a time anyway;
 * without this, twenty requests acknowledged together would run all their core work in one turn,
 * and every acknowledgement still waiting (Slack allows 3 s) would wait for all of it.
 */
function onePerTurn(): <T>(run: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (run) => {
    const mine = last.then(
      () => new Promise<void>((r) => setImmediate(r)),
      () => new Promise<void>((r) => setImmediate(r)),
    ).then(run);
    last = mine.catch(() => undefined);
    return mine;
  };
}

export function createPrismaStore(prisma: Db, close: () => Promise<void> = () => prisma.$disconnect()): Store {
  const driver = driverOf(prisma);
  const hot = hotReads(driver);
  const gate = driver?.provider === 'sqlite' ? onePerTurn() : <T>(run: () => Promise<T>) => run();
  const postgres = driver?.postgres;
  if (postgres) {
    // Reads outside a transaction share one set of repositories (they hold nothing but the client); their
    // hot reads run on the adapter's pg pool once Prisma has opened it (a connection lent per query).
    const pool = repos(prisma as unknown as TxClient, postgresReads(() => postgres.pool(), { parts: 2 }));
    // Each transaction's hot reads run on its own pg connection once the adapter has opened it.
    return {
      transaction: (fn) => {
        const slot: TxConnection = {};
        const txHot = postgresReads(() => slot.connection);
        return postgres.track(slot, () => prisma.$transaction((tx) => fn(repos(tx, txHot)), { maxWait: 15_000, timeout: 30_000 }));
      },
      read: (fn) => fn(pool),
      close,
    };
  }
  const outside = repos(prisma as unknown as TxClient, hot);
  return {
    transaction: (fn) => gate(() => prisma.$transaction((tx) => fn(repos(tx, hot)), { maxWait: 15_000, timeout: 30_000 })),
    read: (fn) => gate(() => fn(outside)),
    close,
  };
}
