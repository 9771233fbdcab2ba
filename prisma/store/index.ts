/** The Prisma implementation of core's store port. */
import type { Store, Tx } from '../../core/ports/store.js';
import type { Db } from '../client.js';
import type { TxClient } from './db-types.js';
import { companyRepo } from './companies.js';
import { memberRepo, linkAttemptRepo } from './members.js';
import { bookingRepo } from './bookings.js';
import { jobRepo } from './jobs.js';
import { outboxRepo } from './outbox.js';
import { auditRepo, paymentRepo } from './audit.js';

function repos(db: TxClient): Tx {
  return {
    companies: companyRepo(db),
    members: memberRepo(db),
    linkAttempts: linkAttemptRepo(db),
    bookings: bookingRepo(db),
    jobs: jobRepo(db),
    outbox: outboxRepo(db),
    audit: auditRepo(db),
    payments: paymentRepo(db),
  };
}

export function createPrismaStore(prisma: Db, close: () => Promise<void> = () => prisma.$disconnect()): Store {
  return {
    transaction: (fn) => prisma.$transaction((tx) => fn(repos(tx)), { maxWait: 15_000, timeout: 30_000 }),
    close,
  };
}
