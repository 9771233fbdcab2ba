import type { JobRepo } from '../../core/ports/store.js';
import type { Job, JobType } from '../../core/model.js';
import type { TxClient } from './db-types.js';
import type { HotReads } from './hot-reads.js';
import { dueAndUnclaimed, idSlices } from './claim.js';

export function jobRepo(db: TxClient, hot: HotReads | null = null): JobRepo {
  return {
    async schedule(jobs) {
      if (jobs.length) await db.job.createMany({ data: jobs });
    },
    async voidPending(bookingId) {
      const { count } = await db.job.updateMany({ where: { bookingId, status: 'pending' }, data: { status: 'void' } });
      return count;
    },
    async claimDue(now, limit, claimToken, leaseUntil) {
      // Raw SQL where the store has it (hot-reads.ts), as the outbox's claim.
      const due = hot
        ? await hot.dueIds(db, 'Job', now, limit)
        : (await db.job.findMany({ where: dueAndUnclaimed(now), orderBy: { dueAt: 'asc' }, take: limit, select: { id: true } })).map((d) => d.id);
      if (due.length === 0) return [];
      // In slices: SQLite's driver refuses statements with more than 999 parameters.
      for (const ids of idSlices(due)) {
        await db.job.updateMany({
          where: { id: { in: ids }, ...dueAndUnclaimed(now) },
          data: { claimToken, claimedUntil: leaseUntil, attempts: { increment: 1 } },
        });
      }
      const rows = hot ? await hot.claimedJobs(db, claimToken) : await db.job.findMany({ where: { claimToken, status: 'pending' }, orderBy: { dueAt: 'asc' } });
      return rows.map((r): Job => ({ id: r.id, bookingId: r.bookingId, type: r.type as JobType, dueAt: r.dueAt, attempts: r.attempts }));
    },
    async renew(id, claimToken, until) {
      const { count } = await db.job.updateMany({ where: { id, claimToken, status: 'pending' }, data: { claimedUntil: until } });
      return count === 1;
    },
    async finish(id, claimToken, outcome, at) {
      await db.job.updateMany({ where: { id, claimToken }, data: { status: outcome, doneAt: at, claimedUntil: null } });
    },
    async retryLater(id, claimToken, error, nextAt, giveUp) {
      await db.job.updateMany({
        where: { id, claimToken },
        data: giveUp ? { status: 'failed', lastError: error, claimedUntil: null } : { lastError: error, dueAt: nextAt, claimedUntil: null, claimToken: null },
      });
    },
    async list({ status, bookingId }) {
      const rows = await db.job.findMany({ where: { ...(status ? { status } : {}), ...(bookingId ? { bookingId } : {}) }, orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }] });
      return rows.map((r) => ({ id: r.id, bookingId: r.bookingId, type: r.type as JobType, status: r.status, dueAt: r.dueAt }));
    },
  };
}
