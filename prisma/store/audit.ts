import type { AuditRepo, PaymentRepo } from '../../core/ports/store.js';
import type { TxClient } from './db-types.js';
import { toAudit } from './mappers.js';
import { DuplicateError } from '../../core/ports/store.js';
import { isUniqueViolation } from './errors.js';

export function auditRepo(db: TxClient): AuditRepo {
  return {
    async record(e) {
      await db.auditEntry.create({
        data: {
          at: e.at,
          actorKind: e.actor.kind,
          actorId: e.actor.kind === 'member' ? e.actor.memberId : e.actor.kind === 'staff' ? e.actor.staffId : null,
          platform: e.actor.kind === 'system' ? null : e.actor.platform,
          entity: e.entity,
          entityId: e.entityId,
          action: e.action,
          details: JSON.stringify(e.details),
        },
      });
    },
    async history(entity, entityId) {
      return (await db.auditEntry.findMany({ where: { entity, entityId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })).map(toAudit);
    },
  };
}

export function paymentRepo(db: TxClient): PaymentRepo {
  return {
    async record(p) {
      try {
        await db.payment.create({ data: p });
      } catch (e) {
        if (isUniqueViolation(e)) throw new DuplicateError('this suspension\'s reinstatement');
        throw e;
      }
    },
    async listByCompany(companyId) {
      return db.payment.findMany({ where: { companyId }, orderBy: { at: 'asc' }, select: { purpose: true, amountCents: true, currency: true, recordedBy: true, at: true, reference: true, suspendedAt: true } });
    },
  };
}
