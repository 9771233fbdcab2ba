import { describe, expect, it } from 'vitest';
import { codeLockedUntil, codesMatch, generateCode, hashCode, isPlausibleCode, normalizeCode } from './codes.js';

describe('maintenance codes', () => {
  it('ignores case, spaces and dashes', () => {
    expect(normalizeCode(' ab12-cd 34 ')).toBe('AB12CD34');
    expect(hashCode('ab12-cd34')).toBe(hashCode('AB12CD34'));
    expect(codesMatch('acme 2026', 'ACME-2026')).toBe(true);
  });
  it('compares fixed-length digests, so codes of any length compare without throwing', () => {
    // timingSafeEqual throws on buffers of different lengths: hashing first keeps the path constant.
    expect(codesMatch('A', 'ACME-2026-WITH-A-MUCH-LONGER-TAIL')).toBe(false);
    expect(codesMatch('', 'ACME-2026')).toBe(false);
    expect(hashCode('x')).toHaveLength(64);
    expect(hashCode('a much longer code than usual 1234567890')).toHaveLength(64);
  });
  it('generates plausible, unique-looking codes', () => {
    const codes = new Set(Array.from({ length: 200 }, generateCode));
    expect(codes.size).toBe(200);
    for (const c of codes) {
      expect(c).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(isPlausibleCode(c)).toBe(true);
    }
  });
  it('accepts 4 to 64 letters or digits', () => {
    expect(isPlausibleCode('AB1')).toBe(false);
    expect(isPlausibleCode('AB12')).toBe(true);
    expect(isPlausibleCode('A'.repeat(64))).toBe(true);
    expect(isPlausibleCode('A'.repeat(65))).toBe(false);
    expect(isPlausibleCode('AB12!')).toBe(false);
  });

  describe('rate limit: 5 wrong codes per rolling hour', () => {
    const now = new Date('2026-11-30T14:00:00Z');
    const minsAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    it('lets a person try while fewer than 5 failures are in the last hour', () => {
      expect(codeLockedUntil([minsAgo(50), minsAgo(40), minsAgo(30), minsAgo(20)], now, 5)).toBeNull();
    });
    it('locks at the fifth failure until the oldest of them is an hour old', () => {
      const failures = [minsAgo(50), minsAgo(40), minsAgo(30), minsAgo(20), minsAgo(10)];
      expect(codeLockedUntil(failures, now, 5)?.toISOString()).toBe('2026-11-30T14:10:00.000Z');
    });
    it('forgets failures older than an hour', () => {
      expect(codeLockedUntil([minsAgo(61), minsAgo(60), minsAgo(30), minsAgo(20), minsAgo(10)], now, 5)).toBeNull();
    });
    it('with more than 5 failures, waits until the count drops below the limit', () => {
      const failures = [minsAgo(10), minsAgo(55), minsAgo(50), minsAgo(40), minsAgo(30), minsAgo(20)];
      // sorted: 55, 50, 40, 30, 20, 10 → the 5th newest (50 min ago) must age out: at 14:10.
      expect(codeLockedUntil(failures, now, 5)?.toISOString()).toBe('2026-11-30T14:10:00.000Z');
    });
  });
});
