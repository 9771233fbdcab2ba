import { describe, expect, it } from 'vitest';
import { canChange, changeDeadline } from './change-window.js';

const start = new Date('2026-12-01T20:00:00Z');
const at = (iso: string) => new Date(iso);

describe('change window (65 minutes before the start)', () => {
  it('ends exactly 65 minutes before the start', () => {
    expect(changeDeadline(start, 65).toISOString()).toBe('2026-12-01T18:55:00.000Z');
  });
  it('accepts a change one second before the deadline and at the deadline itself', () => {
    expect(canChange(at('2026-12-01T18:54:59Z'), start, 65)).toBe(true);
    expect(canChange(at('2026-12-01T18:55:00Z'), start, 65)).toBe(true);
  });
  it('refuses a change one second after the deadline', () => {
    expect(canChange(at('2026-12-01T18:55:01Z'), start, 65)).toBe(false);
    expect(canChange(at('2026-12-01T20:00:00Z'), start, 65)).toBe(false);
  });
  it('follows a configured cutoff of zero (changes allowed until the start)', () => {
    expect(canChange(start, start, 0)).toBe(true);
    expect(canChange(new Date(start.getTime() + 1000), start, 0)).toBe(false);
  });
});
