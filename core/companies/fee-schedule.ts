/** The fee schedule as a person sees it, and what their company pays now. */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { planActive, toCents } from '../policy/pricing.js';
import { resolveMember } from './resolve-member.js';
import type { SessionKind } from '../config/schema.js';

export interface FeeLine {
  kind: SessionKind;
  /** The vendor's own name for the kind, or null (the catalog's). */
  kindLabel: string | null;
  lengthMinutes: number;
  feeCents: number;
}

export type YouPay = 'free' | 'discount' | 'standard' | 'suspended';

export type FeesResult = {
  kind: 'fees';
  currency: string;
  lines: FeeLine[];
  plan: { kind: 'free' } | { kind: 'discount'; percent: number };
  emergencySurchargeCents: number;
  reinstatementCents: number;
  company: { name: string; planActive: boolean; planUntil: string | null; suspended: boolean; strikes: number } | null;
  youPay: YouPay;
};

export function feeSchedule(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('feeSchedule', z.object({ caller: callerSchema }), deps, (input) =>
    store.transaction(async (tx): Promise<FeesResult> => {
      const now = clock.now();
      const member = await resolveMember(tx, input.caller);
      const company = member.companyId ? await tx.companies.get(member.companyId) : null;
      const lines: FeeLine[] = (['online', 'phone'] as const).flatMap((kind) =>
        config.sessionKinds[kind].lengths.map((len) => ({ kind, kindLabel: config.sessionKinds[kind].label ?? null, lengthMinutes: len, feeCents: toCents(config.fees.standard[kind][String(len)] ?? 0, config.vendor.currency) })),
      );
      const active = planActive(company, now);
      const youPay: YouPay = !active ? 'standard' : company!.suspended ? 'suspended' : config.fees.plan.kind === 'discount' ? 'discount' : 'free';
      return {
        kind: 'fees',
        currency: config.vendor.currency,
        lines,
        plan: config.fees.plan,
        emergencySurchargeCents: toCents(config.fees.emergencySurcharge, config.vendor.currency),
        reinstatementCents: toCents(config.policy.reinstatementFee, config.vendor.currency),
        company: company && { name: company.name, planActive: active, planUntil: company.planUntil?.toISOString() ?? null, suspended: company.suspended, strikes: company.strikes },
        youPay,
      };
    }),
  );
}
