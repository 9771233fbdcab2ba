/**
 * What a session costs, decided once at booking and frozen on the booking ("fees are subject to
 * change": a later fee change never touches an existing booking).
 * - Active maintenance plan → the plan price: free, or the standard fee less the plan's discount.
 * - No plan (or the customer chooses to pay) → the standard fee from the fee schedule.
 * - A suspended company loses its plan price, free or discounted, until the reinstatement is paid; it
 *   may book at the standard fee.
 * - Emergencies add the emergency surcharge to the standard fee; a plan customer's emergency is priced
 *   by the plan unless `fees.emergencySurchargeForPlan` is set.
 */
import type { Config, SessionKind } from '../config/schema.js';
import type { Company, PriceBasis } from '../model.js';

export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

export function planActive(company: Pick<Company, 'planUntil'> | null, now: Date): boolean {
  return !!company?.planUntil && now.getTime() < company.planUntil.getTime();
}

export function standardFeeCents(fees: Config['fees'], kind: SessionKind, lengthMinutes: number): number | null {
  const fee = fees.standard[kind][String(lengthMinutes)];
  return fee === undefined ? null : toCents(fee);
}

export type Price =
  | { kind: 'priced'; priceCents: number; basis: PriceBasis }
  /** The plan price (free or discounted) is suspended; `feeCents` is the standard fee it may book at. */
  | { kind: 'suspended'; feeCents: number }
  | { kind: 'no_fee'; };

export function priceSession(input: {
  fees: Config['fees'];
  kind: SessionKind;
  lengthMinutes: number;
  company: Pick<Company, 'planUntil' | 'suspended'> | null;
  now: Date;
  /** The customer chose to pay the standard fee (e.g. while the plan price is suspended). */
  payStandardFee?: boolean;
  emergency?: boolean;
}): Price {
  const fee = standardFeeCents(input.fees, input.kind, input.lengthMinutes);
  if (fee === null) return { kind: 'no_fee' };
  const surcharge = input.emergency ? toCents(input.fees.emergencySurcharge) : 0;
  const withSurcharge = (p: Price): Price =>
    p.kind === 'priced' && surcharge > 0 ? { kind: 'priced', priceCents: p.priceCents + surcharge, basis: 'emergency' } : p;

  if (!input.payStandardFee && planActive(input.company, input.now)) {
    const plan = input.fees.plan;
    const planPrice = (p: Price): Price => (input.fees.emergencySurchargeForPlan ? withSurcharge(p) : p);
    // Suspended: no plan price at all, whatever the plan gives (a discount as much as free sessions).
    if (input.company!.suspended) return { kind: 'suspended', feeCents: fee + surcharge };
    if (plan.kind === 'free') return planPrice({ kind: 'priced', priceCents: 0, basis: 'plan_free' });
    return planPrice({ kind: 'priced', priceCents: Math.round((fee * (100 - plan.percent)) / 100), basis: 'plan_discount' });
  }
  return withSurcharge({ kind: 'priced', priceCents: fee, basis: 'standard_fee' });
}

/** A free (plan) session. */
export function isFreeSession(b: { priceCents: number; priceBasis: PriceBasis }): boolean {
  return b.priceCents === 0 && b.priceBasis === 'plan_free';
}

/**
 * Whether a no-show on this booking earns the company a strike (`policy.noShowStrikes`): free plan
 * sessions only (the default, as the policy reads), or every session priced by the plan.
 */
export function earnsStrike(b: { priceCents: number; priceBasis: PriceBasis }, rule: Config['policy']['noShowStrikes']): boolean {
  return rule === 'plan_sessions' ? b.priceBasis === 'plan_free' || b.priceBasis === 'plan_discount' : isFreeSession(b);
}
