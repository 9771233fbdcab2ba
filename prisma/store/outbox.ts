import type { OutboxRepo } from '../../core/ports/store.js';
import type { Notice, OutboxMessage, Recipient } from '../../core/notifications/types.js';
import type { Channel, Platform } from '../../core/model.js';
import type { TxClient } from './db-types.js';
import type { HotReads } from './hot-reads.js';
import { dueAndUnclaimed, idSlices } from './claim.js';
import { join, sqltag as sql } from '@prisma/client/runtime/client';

export function outboxRepo(db: TxClient, hot: HotReads | null = null): OutboxRepo {
  return {
    async enqueue(messages) {
      if (messages.length === 0) return;
      await db.notification.createMany({
        data: messages.map((m) => ({
          type: m.notice.type,
          recipient: m.recipient.to,
          channel: m.channel ?? 'chat',
          memberId: m.recipient.to === 'member' ? m.recipient.memberId : null,
          bookingId: m.bookingId,
          payload: JSON.stringify(m.notice),
          dueAt: m.dueAt,
        })),
      });
    },
    async voidPending(bookingId, types) {
      const { count } = await db.notification.updateMany({
        where: { bookingId, type: { in: types }, status: 'pending' },
        data: { status: 'void', lastError: 'superseded' },
      });
      return count;
    },
    async claimDue(now, limit, claimToken, leaseUntil) {
      // Both reads are raw SQL where the store has it (hot-reads.ts): every sweep asks, mostly of an
      // empty queue, and Prisma compiles each query again.
      const due = hot
        ? await hot.dueIds(db, 'Notification', now, limit)
        : (await db.notification.findMany({ where: dueAndUnclaimed(now), orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], take: limit, select: { id: true } })).map((d) => d.id);
      if (due.length === 0) return [];
      // In slices: SQLite's driver refuses statements with more than 999 parameters.
      for (const ids of idSlices(due)) {
        await db.notification.updateMany({
          where: { id: { in: ids }, ...dueAndUnclaimed(now) },
          data: { claimToken, claimedUntil: leaseUntil, attempts: { increment: 1 } },
        });
      }
      const rows = hot
        ? await hot.claimedNotifications(db, claimToken)
        : await db.notification.findMany({ where: { claimToken, status: 'pending' }, orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] });
      const memberIds = [...new Set(rows.map((r) => r.memberId).filter((x): x is string => !!x))];
      const members = memberIds.length
        ? await db.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, platform: true, platformUserId: true, locale: true, language: true } })
        : [];
      const byId = new Map(members.map((m) => [m.id, m]));
      return rows.map((r): OutboxMessage => {
        const m = r.memberId ? byId.get(r.memberId) : undefined;
        const recipient: Recipient = r.recipient === 'member' && r.memberId ? { to: 'member', memberId: r.memberId } : { to: 'staff' };
        return {
          id: r.id,
          recipient,
          platform: (m?.platform as Platform | undefined) ?? null,
          platformUserId: m?.platformUserId ?? null,
          // the language the person chose wins over their platform's locale
          locale: m?.language ?? m?.locale ?? null,
          bookingId: r.bookingId,
          notice: JSON.parse(r.payload) as Notice,
          attempts: r.attempts,
          channel: r.channel as Channel,
          email: null,
          dueAt: r.dueAt,
        };
      });
    },
    async depth(now) {
      const [pending, due, oldest] = await Promise.all([
        db.notification.count({ where: { status: 'pending' } }),
        db.notification.count({ where: { status: 'pending', dueAt: { lte: now } } }),
        db.notification.findFirst({ where: { status: 'pending', dueAt: { lte: now } }, orderBy: { dueAt: 'asc' }, select: { dueAt: true } }),
      ]);
      return { pending, due, oldestDueAt: oldest?.dueAt ?? null };
    },
    async renew(id, claimToken, until) {
      const { count } = await db.notification.updateMany({ where: { id, claimToken, status: 'pending' }, data: { claimedUntil: until } });
      return count === 1;
    },
    async markSent(id, claimToken, at, ref) {
      await db.notification.updateMany({ where: { id, claimToken }, data: { status: 'sent', sentAt: at, deliveryRef: ref, claimedUntil: null } });
    },
    async markFailed(id, claimToken, error) {
      await db.notification.updateMany({ where: { id, claimToken }, data: { status: 'failed', lastError: error, claimedUntil: null } });
    },
    async markVoid(id, claimToken, why) {
      await db.notification.updateMany({ where: { id, claimToken }, data: { status: 'void', lastError: why, claimedUntil: null } });
    },
    async retryLater(id, claimToken, error, nextAt) {
      await db.notification.updateMany({ where: { id, claimToken }, data: { lastError: error, dueAt: nextAt, claimedUntil: null, claimToken: null } });
    },
    async recordOutcomes(claimToken, at, outcomes) {
      const sent = outcomes.filter((o) => o.kind === 'sent');
      for (const ids of idSlices(sent.map((o) => o.id))) {
        await db.notification.updateMany({ where: { id: { in: ids }, claimToken }, data: { status: 'sent', sentAt: at, claimedUntil: null } });
      }
      // Each platform reference differs: one CASE per slice of up to 300 rows (two parameters a row).
      const withRef = sent.filter((o): o is typeof o & { ref: string } => o.ref !== null);
      for (let i = 0; i < withRef.length; i += 300) {
        const slice = withRef.slice(i, i + 300);
        await db.$executeRaw`UPDATE "Notification" SET "deliveryRef" = CASE "id" ${join(slice.map((o) => sql`WHEN ${o.id} THEN ${o.ref}`), ' ')} END WHERE "claimToken" = ${claimToken} AND "id" IN (${join(slice.map((o) => o.id))})`;
      }
      const voids = new Map<string, string[]>();
      for (const o of outcomes) if (o.kind === 'void') voids.set(o.why, [...(voids.get(o.why) ?? []), o.id]);
      for (const [why, all] of voids) {
        for (const ids of idSlices(all)) {
          await db.notification.updateMany({ where: { id: { in: ids }, claimToken }, data: { status: 'void', lastError: why, claimedUntil: null } });
        }
      }
      // Failures and retries are rare and each carries its own error: one statement each.
      for (const o of outcomes) {
        if (o.kind === 'failed') await this.markFailed(o.id, claimToken, o.error);
        else if (o.kind === 'retry') await this.retryLater(o.id, claimToken, o.error, o.nextAt);
      }
    },
    async delivered(bookingId) {
      const rows = await db.notification.findMany({
        where: { bookingId, status: 'sent', channel: 'chat', deliveryRef: { not: null } },
        // Rows written in one transaction share createdAt: due time, then id, keep their order defined.
        orderBy: [{ createdAt: 'asc' }, { dueAt: 'asc' }, { id: 'asc' }],
        select: { id: true, type: true, memberId: true, deliveryRef: true, payload: true },
      });
      const memberIds = [...new Set(rows.map((r) => r.memberId).filter((x): x is string => !!x))];
      const members = memberIds.length ? await db.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, locale: true, language: true, zone: true } }) : [];
      const byId = new Map(members.map((m) => [m.id, m]));
      return rows.map((r) => {
        const m = r.memberId ? byId.get(r.memberId) : undefined;
        return {
          id: r.id,
          type: r.type as Notice['type'],
          memberId: r.memberId,
          deliveryRef: r.deliveryRef!,
          // as claimDue reads it: the language the person chose wins over their platform's locale
          locale: m ? (m.language ?? m.locale ?? null) : null,
          zone: m?.zone ?? null,
          notice: JSON.parse(r.payload) as Notice,
        };
      });
    },
    async list({ bookingId, memberId, status, channel }) {
      const rows = await db.notification.findMany({
        where: { ...(bookingId ? { bookingId } : {}), ...(memberId ? { memberId } : {}), ...(status ? { status } : {}), channel: channel ?? 'chat' },
        orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
      });
      return rows.map((r) => ({
        id: r.id,
        bookingId: r.bookingId,
        type: r.type,
        status: r.status,
        attempts: r.attempts,
        lastError: r.lastError,
        dueAt: r.dueAt,
        notice: JSON.parse(r.payload) as Notice,
        channel: r.channel as Channel,
      }));
    },
  };
}
