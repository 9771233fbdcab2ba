import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exampleConfig, parseExample } from './config.js';

describe('the example config tests use', () => {
  it('is a copy equal to a fresh parse of the file, prototypes included, and changing one copy leaves the next alone', () => {
    const copy = exampleConfig();
    expect(isDeepStrictEqual(copy, parseExample())).toBe(true);
    (copy as { vendor: { name: string } }).vendor.name = 'Changed';
    expect(exampleConfig().vendor.name).not.toBe('Changed');
    expect(exampleConfig()).not.toBe(exampleConfig());
  });
});
