import { describe, expect, it } from 'vitest';
import { planEndAfter } from './plan-dates.js';

describe('planEndAfter: a plan date covers that whole day in the vendor zone', () => {
  it('ends at the next local midnight, in winter and in summer', () => {
    expect(planEndAfter('2027-12-31', 'America/New_York')).toEqual(new Date('2028-01-01T05:00:00Z'));
    expect(planEndAfter('2027-06-30', 'America/New_York')).toEqual(new Date('2027-07-01T04:00:00Z'));
    expect(planEndAfter('2027-03-27', 'Europe/London')).toEqual(new Date('2027-03-28T00:00:00Z'));
  });
  it('refuses anything that is not a real date', () => {
    expect(planEndAfter('2026-02-30', 'America/New_York')).toBeNull();
    expect(planEndAfter('31/12/2027', 'America/New_York')).toBeNull();
  });
});
