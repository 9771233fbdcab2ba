import type { CompanyRepo } from '../../core/ports/store.js';
import { DuplicateError } from '../../core/ports/store.js';
import type { TxClient } from './db-types.js';
import { isUniqueViolation } from './errors.js';
import { toCompany } from './mappers.js';
import type { HotReads } from './hot-reads.js';
import { idSlices } from './claim.js';

export function companyRepo(db: TxClient, hot: HotReads | null = null): CompanyRepo {
  return {
    async get(id) {
      const r = hot ? await hot.companyById(db, id) : await db.company.findUnique({ where: { id } });
      return r && toCompany(r);
    },
    async getMany(ids) {
      const rows = [];
      for (const slice of idSlices(ids)) rows.push(...(await db.company.findMany({ where: { id: { in: slice } } })));
      return rows.map(toCompany);
    },
    async findByName(name) {
      const r = await db.company.findUnique({ where: { name } });
      return r && toCompany(r);
    },
    async findByCodeHash(codeHash) {
      const r = await db.company.findUnique({ where: { codeHash } });
      return r && toCompany(r);
    },
    async create(data) {
      try {
        return toCompany(await db.company.create({ data }));
      } catch (e) {
        if (isUniqueViolation(e)) throw new DuplicateError('a company with that name or code');
        throw e;
      }
    },
    async update(id, patch) {
      try {
        return toCompany(await db.company.update({ where: { id }, data: patch }));
      } catch (e) {
        if (isUniqueViolation(e)) throw new DuplicateError('a company with that code');
        throw e;
      }
    },
    async addStrike(id) {
      return toCompany(await db.company.update({ where: { id }, data: { strikes: { increment: 1 } } }));
    },
    async suspend(id, at) {
      const { count } = await db.company.updateMany({ where: { id, suspended: false }, data: { suspended: true, suspendedAt: at } });
      return count === 1;
    },
    async reinstate(id, suspendedAt) {
      const { count } = await db.company.updateMany({ where: { id, suspended: true, suspendedAt }, data: { suspended: false, suspendedAt: null, strikes: 0 } });
      return count === 1;
    },
    async unsuspend(id, suspendedAt) {
      const { count } = await db.company.updateMany({ where: { id, suspended: true, suspendedAt }, data: { suspended: false, suspendedAt: null } });
      return count === 1;
    },
    async removeStrike(id) {
      await db.company.updateMany({ where: { id, strikes: { gt: 0 } }, data: { strikes: { decrement: 1 } } });
      return toCompany(await db.company.findUniqueOrThrow({ where: { id } }));
    },
    async codeHash(id) {
      return (await db.company.findUnique({ where: { id }, select: { codeHash: true } }))?.codeHash ?? null;
    },
    async list() {
      return (await db.company.findMany({ orderBy: { name: 'asc' } })).map(toCompany);
    },
  };
}
