/**
 * An offer of a time is a quote: what the person will pay for it, on what basis, and a short `key`
 * that the press brings back. Booking prices again at press time; if the key no longer matches
 * (suspension, reinstatement, plan start or end, a fee change, a switch of company), nothing is
 * booked and the person gets the new quote to confirm. Nobody pays what they were not shown.
 */
import { createHash } from 'node:crypto';
import type { Config, SessionKind } from '../config/schema.js';
import type { Company, PriceBasis } from '../model.js';
import { priceSession, standardFeeCents, toCents } from './pricing.js';
import { needsApproval } from './approval.js';

interface QuoteBase {
  currency: string;
  /** What a press of this offer must bring back to book at this price. */
  key: string;
  /** `payment.instructions` from the config, for paid quotes (null when free or not configured). */
  paymentInstructions: string | null;
}

export type Quote =
  | (QuoteBase & { kind: 'priced'; priceCents: number; basis: PriceBasis; needsApproval: boolean; /** Paid sessions are not refundable. */ nonRefundable: boolean; /** Paid online at booking (a payment provider is on): the time is held `holdMinutes` while the person pays. */ payOnline?: boolean; holdMinutes?: number })
  /** The plan price (free or discounted) suspended; `key` books at the standard fee `feeCents`. */
  | (QuoteBase & { kind: 'suspended'; feeCents: number; reinstatementCents: number })
  /** No company linked; `key` books at the standard fee `feeCents` (a code may be entered instead). */
  | (QuoteBase & { kind: 'not_linked'; feeCents: number });

const BASIS_LETTER: Record<PriceBasis, string> = { plan_free: 'f', plan_discount: 'd', standard_fee: 's', emergency: 'e' };

/** A short tag of the company the price was made for (a switch of company changes the key). */
function companyTag(companyId: string | null): string {
  return companyId ? createHash('sha256').update(companyId).digest('hex').slice(0, 4) : 'x';
}

export function quoteKey(priceCents: number, basis: PriceBasis, companyId: string | null): string {
  return `${priceCents}${BASIS_LETTER[basis]}${companyTag(companyId)}`;
}

/** The price a key was made for, or null for something that is not a key. */
export function quotedCents(key: string): number | null {
  const m = /^(\d{1,9})[fdse][0-9a-fx]{1,4}$/.exec(key);
  return m ? Number(m[1]) : null;
}

/**
 * The quote for a person of `company` (null: not linked). With `payStandardFee` the person chose the
 * standard fee (no code, or the plan price suspended); it is honoured only where the person has no
 * better price. Returns null for a length the fee schedule does not price.
 */
export function quoteFor(
  config: Config,
  q: { company: Pick<Company, 'id' | 'planUntil' | 'suspended'> | null; kind: SessionKind; lengthMinutes: number; now: Date; payStandardFee?: boolean; emergency?: boolean; payOnline?: boolean },
): Quote | null {
  const currency = config.vendor.currency;
  const instructions = config.payment.instructions ?? null;
  const companyId = q.company?.id ?? null;
  const natural = priceSession({ fees: config.fees, currency: config.vendor.currency, kind: q.kind, lengthMinutes: q.lengthMinutes, company: q.company, now: q.now, emergency: q.emergency });
  if (natural.kind === 'no_fee') return null;
  const surcharge = q.emergency ? toCents(config.fees.emergencySurcharge, config.vendor.currency) : 0;
  const standard = (standardFeeCents(config.fees, q.kind, q.lengthMinutes, config.vendor.currency) ?? 0) + surcharge;
  const standardBasis: PriceBasis = q.emergency && surcharge > 0 ? 'emergency' : 'standard_fee';
  const paidKey = quoteKey(standard, standardBasis, companyId);
  if (natural.kind === 'suspended') {
    if (q.payStandardFee) return priced(config, standard, standardBasis, companyId, q.payOnline);
    return { kind: 'suspended', feeCents: natural.feeCents, reinstatementCents: toCents(config.policy.reinstatementFee, config.vendor.currency), currency, key: paidKey, paymentInstructions: instructions };
  }
  if (!q.company) {
    if (q.payStandardFee) return priced(config, standard, standardBasis, null, q.payOnline);
    return { kind: 'not_linked', feeCents: standard, currency, key: paidKey, paymentInstructions: instructions };
  }
  // A company with a better price than the standard fee gets it: choosing to pay more is not an option.
  return priced(config, natural.priceCents, natural.basis, companyId, q.payOnline);
}

/**
 * With online payment on (`payOnline`), paying at booking takes the place of staff approval for paid
 * sessions (approval `paid_only`); `always` still sends the paid booking to staff after payment.
 */
function priced(config: Config, priceCents: number, basis: PriceBasis, companyId: string | null, payOnline = false): Quote {
  const online = payOnline && priceCents > 0;
  return {
    kind: 'priced',
    priceCents,
    basis,
    currency: config.vendor.currency,
    needsApproval: online ? config.policy.approval === 'always' : needsApproval(config.policy.approval, priceCents),
    ...(online ? { payOnline: true, holdMinutes: config.payment.holdMinutes } : {}),
    nonRefundable: priceCents > 0,
    key: quoteKey(priceCents, basis, companyId),
    paymentInstructions: priceCents > 0 ? (config.payment.instructions ?? null) : null,
  };
}
