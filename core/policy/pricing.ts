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

/**
 * A configured amount (major units: 75 dollars, 7500 yen) in the currency's minor unit, the unit every
 * price is kept and charged in ("cents": 7500 for $75; 7500 for ¥7500, the yen having no minor unit).
 */
export function toCents(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorDigits(currency));
}

/** Currencies Stripe's API counts in whole units (its "zero-decimal" list). */
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
/** Currencies Stripe's API counts in thousandths. */
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/**
 * How many decimals an amount of the currency has in the unit prices are kept and charged in: Stripe's
 * API's, not ISO 4217's where the two differ (ISK and HUF have none in ISO 4217, two in Stripe's API).
 */
export function minorDigits(currency: string): number {
  const code = currency.toUpperCase();
  return ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
}

export function planActive(company: Pick<Company, 'planUntil'> | null, now: Date): boolean {
  return !!company?.planUntil && now.getTime() < company.planUntil.getTime();
}

export function standardFeeCents(fees: Config['fees'], kind: SessionKind, lengthMinutes: number, currency: string): number | null {
  const fee = fees.standard[kind][String(lengthMinutes)];
  return fee === undefined ? null : toCents(fee, currency);
}

export type Price =
  | { kind: 'priced'; priceCents: number; basis: PriceBasis }
  /** The plan price (free or discounted) is suspended; `feeCents` is the standard fee it may book at. */
  | { kind: 'suspended'; feeCents: number }
  | { kind: 'no_fee'; };

export function priceSession(input: {
  fees: Config['fees'];
  /** The vendor's currency: the minor unit prices are kept in. */
  currency: string;
  kind: SessionKind;
  lengthMinutes: number;
  company: Pick<Company, 'planUntil' | 'suspended'> | null;
  now: Date;
  /** The customer chose to pay the standard fee (e.g. while the plan price is suspended). */
  payStandardFee?: boolean;
  emergency?: boolean;
}): Price {
  const fee = standardFeeCents(input.fees, input.kind, input.lengthMinutes, input.currency);
  if (fee === null) return { kind: 'no_fee' };
  const surcharge = input.emergency ? toCents(input.fees.emergencySurcharge, input.currency) : 0;
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
