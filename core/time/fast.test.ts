import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { fastEnglish } from './fast.js';

/** fast.ts must give exactly what chrono gives for the shapes it takes: checked field by field. */
const days = ['', 'today', 'tomorrow', 'Friday', 'fri', 'next tue', 'this thursday', 'sunday', 'on monday', 'wed'];
const times = ['', 'at 3', '3pm', 'at 10:30am', '15:00', 'at 9', '12pm', '12am', '0:30', 'at 11:45', '7 am'];
const keys = ['year', 'month', 'day', 'weekday', 'hour', 'minute', 'meridiem'] as const;
const ref = { instant: new Date('2026-12-01T10:00:00Z'), timezone: 0 };
const today = { year: 2026, month: 12, day: 1 };

const inputs: string[] = [];
for (const d of days) for (const t of times) {
  if (!d && !t) continue;
  inputs.push([d, t].filter(Boolean).join(' '));
  if (d && t && !d.startsWith('on ')) inputs.push(`${t} ${d}`);
}

describe('fastEnglish agrees with chrono', () => {
  it.each(inputs)('%s', (input) => {
    const fast = fastEnglish(input, today);
    if (!fast) return; // chrono reads it: nothing to compare
    const slow = chrono.en.casual.parse(input, ref)[0];
    expect(slow, 'chrono reads it too').toBeDefined();
    expect(fast.text).toBe(slow!.text);
    for (const k of keys) {
      const certain = slow!.start.isCertain(k);
      expect(fast.start.isCertain(k), `${k} certain`).toBe(certain);
      if (certain) expect(fast.start.get(k), k).toBe(slow!.start.get(k));
    }
  });

  it('takes the common shapes and leaves the rest to chrono', () => {
    expect(fastEnglish('tomorrow at 3', today)).not.toBeNull();
    expect(fastEnglish('3pm tomorrow', today)).not.toBeNull();
    expect(fastEnglish('3', today)).toBeNull();
    expect(fastEnglish('tomorrow 3pm JST', today)).toBeNull();
    expect(fastEnglish('in 2 hours', today)).toBeNull();
  });
});
