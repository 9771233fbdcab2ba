import { describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/support/config.js';
import { isFreeSession, planActive, priceSession, standardFeeCents, toCents } from './pricing.js';

const fees = exampleConfig().fees;
const now = new Date('2026-11-30T14:00:00Z');
const plan = { planUntil: new Date('2027-01-01T05:00:00Z'), suspended: false };

describe('pricing', () => {
  it('converts money to the currency\'s minor unit without float drift', () => {
    expect(toCents(0.1 + 0.2, 'USD')).toBe(30);
    expect(toCents(140, 'USD')).toBe(14000);
    expect(toCents(140, 'EUR')).toBe(14000);
    // the yen has no minor unit: ¥7500 is 7500, as Stripe charges it
    expect(toCents(7500, 'JPY')).toBe(7500);
    // three decimals
    expect(toCents(12.5, 'KWD')).toBe(12500);
    // none in ISO 4217, but two in Stripe's API, which charges them: 5000 kr is 500000
    expect(toCents(5000, 'ISK')).toBe(500000);
    expect(toCents(5000, 'HUF')).toBe(500000);
  });
  it('reads the standard fee per kind and length, null for a length without a fee', () => {
    expect(standardFeeCents(fees, 'online', 30, 'USD')).toBe(7500);
    expect(standardFeeCents(fees, 'phone', 60, 'USD')).toBe(11000);
    expect(standardFeeCents(fees, 'online', 45, 'USD')).toBeNull();
  });
  it('treats a plan as active strictly before planUntil', () => {
    expect(planActive({ planUntil: new Date(now.getTime() + 1) }, now)).toBe(true);
    expect(planActive({ planUntil: now }, now)).toBe(false);
    expect(planActive({ planUntil: null }, now)).toBe(false);
    expect(planActive(null, now)).toBe(false);
  });
  it('makes a plan session free', () => {
    expect(priceSession({ currency: 'USD', fees, kind: 'online', lengthMinutes: 30, company: plan, now })).toEqual({ kind: 'priced', priceCents: 0, basis: 'plan_free' });
  });
  it('charges the standard fee without a plan, or after it ended', () => {
    expect(priceSession({ currency: 'USD', fees, kind: 'online', lengthMinutes: 60, company: null, now })).toEqual({ kind: 'priced', priceCents: 14000, basis: 'standard_fee' });
    expect(priceSession({ currency: 'USD', fees, kind: 'online', lengthMinutes: 60, company: { ...plan, planUntil: now }, now })).toEqual({ kind: 'priced', priceCents: 14000, basis: 'standard_fee' });
  });
  it('refuses a free session to a suspended company and says what the paid one costs', () => {
    expect(priceSession({ currency: 'USD', fees, kind: 'phone', lengthMinutes: 30, company: { ...plan, suspended: true }, now })).toEqual({ kind: 'suspended', feeCents: 6000 });
  });
  it('lets a suspended company pay the standard fee', () => {
    expect(priceSession({ currency: 'USD', fees, kind: 'phone', lengthMinutes: 30, company: { ...plan, suspended: true }, now, payStandardFee: true })).toEqual({ kind: 'priced', priceCents: 6000, basis: 'standard_fee' });
  });
  it('applies a discount plan', () => {
    const discount = { ...fees, plan: { kind: 'discount' as const, percent: 50 } };
    expect(priceSession({ currency: 'USD', fees: discount, kind: 'online', lengthMinutes: 30, company: plan, now })).toEqual({ kind: 'priced', priceCents: 3750, basis: 'plan_discount' });
  });
  it('refuses the discount to a suspended company and says what the session costs at the standard fee', () => {
    const discount = { ...fees, plan: { kind: 'discount' as const, percent: 50 } };
    const suspended = { ...plan, suspended: true };
    expect(priceSession({ currency: 'USD', fees: discount, kind: 'online', lengthMinutes: 30, company: suspended, now })).toEqual({ kind: 'suspended', feeCents: 7500 });
    expect(priceSession({ currency: 'USD', fees: discount, kind: 'online', lengthMinutes: 30, company: suspended, now, payStandardFee: true })).toEqual({ kind: 'priced', priceCents: 7500, basis: 'standard_fee' });
    expect(priceSession({ currency: 'USD', fees: discount, kind: 'online', lengthMinutes: 30, company: suspended, now, emergency: true })).toEqual({ kind: 'suspended', feeCents: 12500 });
    // once the plan has ended there is no plan price to suspend: the standard fee, as for anyone
    expect(priceSession({ currency: 'USD', fees: discount, kind: 'online', lengthMinutes: 30, company: { ...suspended, planUntil: now }, now })).toEqual({ kind: 'priced', priceCents: 7500, basis: 'standard_fee' });
  });
  it('prices a plan customer\'s emergency by the plan by default, and adds the surcharge when configured', () => {
    expect(priceSession({ currency: 'USD', fees, kind: 'online', lengthMinutes: 30, company: plan, now, emergency: true })).toEqual({ kind: 'priced', priceCents: 0, basis: 'plan_free' });
    expect(priceSession({ currency: 'USD', fees: { ...fees, emergencySurchargeForPlan: true }, kind: 'online', lengthMinutes: 30, company: plan, now, emergency: true })).toEqual({ kind: 'priced', priceCents: 5000, basis: 'emergency' });
  });
  it('adds the emergency surcharge to the standard fee', () => {
    expect(priceSession({ currency: 'USD', fees, kind: 'online', lengthMinutes: 30, company: null, now, emergency: true })).toEqual({ kind: 'priced', priceCents: 12500, basis: 'emergency' });
    expect(priceSession({ currency: 'USD', fees, kind: 'online', lengthMinutes: 30, company: { ...plan, suspended: true }, now, emergency: true })).toEqual({ kind: 'suspended', feeCents: 12500 });
  });
  it('answers no_fee for a length the schedule does not price', () => {
    expect(priceSession({ currency: 'USD', fees, kind: 'online', lengthMinutes: 45, company: plan, now })).toEqual({ kind: 'no_fee' });
  });
  it('counts only free plan sessions as strike-earning', () => {
    expect(isFreeSession({ priceCents: 0, priceBasis: 'plan_free' })).toBe(true);
    expect(isFreeSession({ priceCents: 7500, priceBasis: 'standard_fee' })).toBe(false);
    expect(isFreeSession({ priceCents: 3750, priceBasis: 'plan_discount' })).toBe(false);
    expect(isFreeSession({ priceCents: 5000, priceBasis: 'emergency' })).toBe(false);
  });
});
