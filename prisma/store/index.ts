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
import { sqliteGate } from './sqlite-gate.js';

function repos(db: TxClient, hot: HotReads | null): Tx {
  return {
    companies: companyRepo(db, hot),
    members: memberRepo(db, hot),
    linkAttempts: linkAttemptRepo(db),
    bookings: bookingRepo(db, hot),
    jobs: jobRepo(db, hot),
    outbox: outboxRepo(db, hot),
    audit: auditRepo(db),
    payments: paymentRepo(db),
    calendarFeeds: calendarFeedRepo(db),
    checkouts: checkoutRepo(db),
    paymentEvents: paymentEventRepo(db),
  };
}

export function createPrismaStore(prisma: Db, close: () => Promise<void> = () => prisma.$disconnect()): Store {
  const driver = driverOf(prisma);
  const hot = hotReads(driver);
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
  // One connection, shared by transactions and reads (sqlite-gate.ts keeps them apart).
  const gate = sqliteGate();
  return {
    transaction: (fn) => gate.transaction(() => prisma.$transaction((tx) => fn(repos(tx, hot)), { maxWait: 15_000, timeout: 30_000 })),
    read: (fn) => gate.read(() => fn(outside)),
    close,
  };
}
