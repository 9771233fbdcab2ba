import { describe, expect, it } from 'vitest';
import { strikeOutcome } from './strikes.js';
import { needsApproval } from './approval.js';

describe('strikes (two no-shows suspend free sessions)', () => {
  it('warns on the first strike', () => {
    expect(strikeOutcome(1, 2)).toEqual({ kind: 'warning', strikes: 1 });
  });
  it('suspends on reaching the limit and beyond', () => {
    expect(strikeOutcome(2, 2)).toEqual({ kind: 'suspended', strikes: 2 });
    expect(strikeOutcome(3, 2)).toEqual({ kind: 'suspended', strikes: 3 });
  });
  it('suspends at once with a limit of one', () => {
    expect(strikeOutcome(1, 1)).toEqual({ kind: 'suspended', strikes: 1 });
  });
});

describe('approval modes', () => {
  it('never: nothing waits', () => {
    expect(needsApproval('never', 0)).toBe(false);
    expect(needsApproval('never', 7500)).toBe(false);
  });
  it('paid_only: only paid sessions wait', () => {
    expect(needsApproval('paid_only', 0)).toBe(false);
    expect(needsApproval('paid_only', 1)).toBe(true);
  });
  it('always: everything waits', () => {
    expect(needsApproval('always', 0)).toBe(true);
    expect(needsApproval('always', 7500)).toBe(true);
  });
});
