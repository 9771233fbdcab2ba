/**
 * A suspended company's person asks to pay the reinstatement fee online: a checkout is opened for
 * this suspension (one open checkout is reused). Paying lifts the suspension (handle-payment-event.ts).
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { recordAudit } from '../audit/record-audit.js';
import { toCents } from '../policy/pricing.js';
import { languageOf } from '../companies/set-language.js';

export const payReinstatementInput = z.object({ caller: callerSchema });

export type PayReinstatementResult =
  | { kind: 'reinstatement_checkout'; companyName: string; payUrl: string; amountCents: number; currency: string }
  /** No online payment configured: the manual path (payment instructions; staff record it). */
  | { kind: 'reinstatement_manual'; companyName: string; amountCents: number; currency: string; instructions: string | null }
  | { kind: 'not_suspended' }
  | { kind: 'payment_unavailable' };

export function payReinstatement(deps: CoreDeps) {
  const { store, clock, config, payments, log } = deps;
  return useCase('payReinstatement', payReinstatementInput, deps, async (input): Promise<PayReinstatementResult> => {
    const amountCents = toCents(config.policy.reinstatementFee, config.vendor.currency);
    const currency = config.vendor.currency;
    const found = await store.transaction(async (tx) => {
      const member = await tx.members.find(input.caller.platform, input.caller.userId);
      const company = member?.companyId ? await tx.companies.get(member.companyId) : null;
      if (!member || !company || !company.suspended) return null;
      return { member, company, open: await tx.checkouts.openFor({ companyId: company.id }) };
    });
    if (!found) return { kind: 'not_suspended' };
    const { company, member } = found;
    if (!payments) return { kind: 'reinstatement_manual', companyName: company.name, amountCents, currency, instructions: config.payment.instructions ?? null };
    if (found.open && found.open.purpose === 'reinstatement' && found.open.suspendedAt?.getTime() === company.suspendedAt?.getTime()) {
      return { kind: 'reinstatement_checkout', companyName: company.name, payUrl: found.open.url, amountCents, currency };
    }
    const now = clock.now();
    try {
      const opened = await payments.openCheckout({
        purpose: 'reinstatement', reference: company.name, amountCents, currency,
        item: { what: 'reinstatement', companyName: company.name, plan: config.fees.plan.kind }, locale: languageOf(member) ?? config.vendor.locale,
        holdUntil: new Date(now.getTime() + 24 * 3600_000),
        metadata: { purpose: 'reinstatement', companyId: company.id },
      });
      await store.transaction(async (tx) => {
        await tx.checkouts.create({ id: opened.id, purpose: 'reinstatement', bookingId: null, companyId: company.id, suspendedAt: company.suspendedAt, amountCents, currency, url: opened.url, createdAt: now });
        await recordAudit(tx, now, { kind: 'member', memberId: member.id, platform: input.caller.platform }, 'company', company.id, 'reinstatement_checkout_opened', { checkoutId: opened.id, amountCents, currency });
      });
      return { kind: 'reinstatement_checkout', companyName: company.name, payUrl: opened.url, amountCents, currency };
    } catch (e) {
      log?.error({ companyId: company.id, err: (e as Error).message }, 'opening the reinstatement checkout failed');
      return { kind: 'payment_unavailable' };
    }
  });
}
