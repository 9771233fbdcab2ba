import type { AuditRepo, Checkout, CheckoutRepo, PaymentEventRepo, PaymentRepo } from '../../core/ports/store.js';
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
        await db.payment.create({ data: { ...p, bookingId: p.bookingId ?? null, checkoutId: p.checkoutId ?? null, providerPaymentId: p.providerPaymentId ?? null } });
      } catch (e) {
        if (isUniqueViolation(e)) throw new DuplicateError('this suspension\'s reinstatement');
        throw e;
      }
    },
    async listByCompany(companyId) {
      return db.payment.findMany({ where: { companyId }, orderBy: { at: 'asc' }, select: PAYMENT_FIELDS });
    },
    async listByBooking(bookingId) {
      return db.payment.findMany({ where: { bookingId }, orderBy: { at: 'asc' }, select: PAYMENT_FIELDS });
    },
  };
}

const PAYMENT_FIELDS = { purpose: true, amountCents: true, currency: true, recordedBy: true, at: true, reference: true, suspendedAt: true, bookingId: true, checkoutId: true, providerPaymentId: true } as const;

function toCheckout(r: { id: string; purpose: string; bookingId: string | null; companyId: string | null; suspendedAt: Date | null; amountCents: number; currency: string; url: string; status: string; createdAt: Date }): Checkout {
  return { ...r, purpose: r.purpose as Checkout['purpose'], status: r.status as Checkout['status'] };
}

export function checkoutRepo(db: TxClient): CheckoutRepo {
  return {
    async create(c) {
      await db.checkout.create({ data: { ...c, status: 'open' } });
    },
    async get(id) {
      const r = await db.checkout.findUnique({ where: { id } });
      return r ? toCheckout(r) : null;
    },
    async openFor(q) {
      const r = await db.checkout.findFirst({ where: { status: 'open', ...(q.bookingId ? { bookingId: q.bookingId } : {}), ...(q.companyId ? { companyId: q.companyId } : {}) }, orderBy: { createdAt: 'desc' } });
      return r ? toCheckout(r) : null;
    },
    async settle(id, from, to) {
      const r = await db.checkout.updateMany({ where: { id, status: { in: from } }, data: { status: to } });
      return r.count === 1;
    },
  };
}

export function paymentEventRepo(db: TxClient): PaymentEventRepo {
  return {
    async claim(id, type, at) {
      // Looked up first: on PostgreSQL a failed insert would abort the whole transaction. Two
      // deliveries racing past the look-up both insert; the second fails and is retried by the provider.
      if (await db.paymentEvent.findUnique({ where: { id }, select: { id: true } })) return false;
      await db.paymentEvent.create({ data: { id, type, receivedAt: at } });
      return true;
    },
  };
}
