import type { CalendarFeedRepo } from '../../core/ports/store.js';
import type { TxClient } from './db-types.js';

export function calendarFeedRepo(db: TxClient): CalendarFeedRepo {
  return {
    async current(staffId) {
      const r = await db.calendarFeed.findFirst({ where: { staffId, revokedAt: null }, orderBy: { createdAt: 'desc' }, select: { token: true } });
      return r?.token ?? null;
    },
    async replace(staffId, token, at) {
      await db.calendarFeed.updateMany({ where: { staffId, revokedAt: null }, data: { revokedAt: at } });
      await db.calendarFeed.create({ data: { staffId, token, createdAt: at } });
    },
    async revoke(staffId, at) {
      const { count } = await db.calendarFeed.updateMany({ where: { staffId, revokedAt: null }, data: { revokedAt: at } });
      return count;
    },
    async staffFor(token) {
      const r = await db.calendarFeed.findUnique({ where: { token }, select: { staffId: true, revokedAt: true } });
      return r && !r.revokedAt ? r.staffId : null;
    },
  };
}
