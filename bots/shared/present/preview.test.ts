/** The /book autocomplete examples of every language are times the time parser reads in that language. */
import { describe, expect, it } from 'vitest';
import { readRequest } from '../../../core/booking/request-words.js';
import { exampleConfig } from '../../../test/support/config.js';
import { contextFor } from './booking.js';
import { LANGUAGES } from './i18n.js';
import { previewExamples } from './preview.js';

describe('autocomplete examples', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: four examples, each read as a time or a window`, () => {
      const examples = previewExamples(contextFor(exampleConfig(), lang));
      expect(examples).toHaveLength(4);
      for (const text of examples) {
        const r = readRequest(text, [30, 60], { now: new Date('2026-11-30T14:00:00Z'), zone: 'America/New_York', locale: lang });
        expect(['exact', 'window'], `${lang}: ${text}`).toContain(r.when.kind);
      }
    });
  }
});
