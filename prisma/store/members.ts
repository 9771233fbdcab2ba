import type { MemberRepo, LinkAttemptRepo } from '../../core/ports/store.js';
import type { TxClient } from './db-types.js';
import { toMember } from './mappers.js';
import type { HotReads } from './hot-reads.js';
import { idSlices } from './claim.js';

export function memberRepo(db: TxClient, hot: HotReads | null = null): MemberRepo {
  return {
    async get(id) {
      const r = hot ? await hot.memberById(db, id) : await db.member.findUnique({ where: { id } });
      return r && toMember(r);
    },
    async getMany(ids) {
      const rows = [];
      for (const slice of idSlices(ids)) rows.push(...(await db.member.findMany({ where: { id: { in: slice } } })));
      return rows.map(toMember);
    },
    async find(platform, platformUserId) {
      const r = hot
        ? await hot.memberByPlatformId(db, platform, platformUserId)
        : await db.member.findUnique({ where: { platform_platformUserId: { platform, platformUserId } } });
      return r && toMember(r);
    },
    async upsert({ platform, platformUserId, displayName, zone, locale }) {
      const patch = {
        ...(displayName != null ? { displayName } : {}),
        ...(zone != null ? { zone } : {}),
        ...(locale != null ? { locale } : {}),
      };
      const r = await db.member.upsert({
        where: { platform_platformUserId: { platform, platformUserId } },
        create: { platform, platformUserId, ...patch },
        update: patch,
      });
      return toMember(r);
    },
    async update(id, patch) {
      return toMember(await db.member.update({ where: { id }, data: patch }));
    },
    async listByCompany(companyId) {
      return (await db.member.findMany({ where: { companyId }, orderBy: { createdAt: 'asc' } })).map(toMember);
    },
  };
}

export function linkAttemptRepo(db: TxClient): LinkAttemptRepo {
  return {
    async lock(memberId) {
      // An update takes the member's row lock until commit: a second attempt by the same person waits
      // for the first to commit and then counts its failure (SQLite runs one writer at a time anyway).
      await db.member.updateMany({ where: { id: memberId }, data: { updatedAt: new Date() } });
    },
    async record(memberId, success, at) {
      await db.linkAttempt.create({ data: { memberId, success, at } });
    },
    async failuresSince(memberId, since) {
      const rows = await db.linkAttempt.findMany({
        where: { memberId, success: false, at: { gte: since } },
        orderBy: { at: 'asc' },
        select: { at: true },
      });
      return rows.map((r) => r.at);
    },
  };
}
