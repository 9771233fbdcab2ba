import { describe, expect, it } from 'vitest';
import { fastEnglish, fastRead } from './fast.js';
import { PARSERS, type Lang } from './text.js';

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
    const slow = PARSERS.en.parse(input, ref)[0];
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
    expect(fastRead('morgen um 15 Uhr', 'de', today)).not.toBeNull();
    expect(fastRead('vrijdag om 10:30', 'nl', today)).not.toBeNull();
    expect(fastRead('demain à 10h30', 'fr', today)).not.toBeNull();
    expect(fastRead('el viernes a las 3', 'es', today)).not.toBeNull();
    expect(fastRead('amanhã às 15:00', 'pt', today)).not.toBeNull();
    expect(fastRead('morgen um 3.4.', 'de', today)).toBeNull();
  });
});

/** The other languages: same check, on each language's common shapes. */
const OTHER: Array<[lang: 'de' | 'nl' | 'fr' | 'es' | 'pt', days: string[], times: string[]]> = [
  ['de', ['', 'heute', 'morgen', 'freitag', 'am montag', 'Dienstag'], ['', 'um 3', 'um 15 Uhr', 'um 10:30', 'um 9 uhr', 'um 0:30']],
  ['nl', ['', 'vandaag', 'morgen', 'vrijdag', 'op maandag'], ['', 'om 3', 'om 15:00', 'om 10 uur', 'om 9:45']],
  ['fr', ['', "aujourd'hui", 'demain', 'vendredi', 'le lundi'], ['', 'à 10h', 'à 15h30', 'à 10:30', 'à 3h']],
  ['es', ['', 'hoy', 'mañana', 'el viernes', 'lunes'], ['', 'a las 3', 'a las 15', 'a las 10:30']],
  ['pt', ['', 'hoje', 'amanhã', 'sexta', 'segunda-feira', 'na quinta'], ['', 'às 3', 'às 15:00', 'às 10:30']],
];
const otherInputs: Array<[string, string]> = [];
for (const [lang, ds, ts] of OTHER) for (const d of ds) for (const t of ts) if (d || t) otherInputs.push([lang, [d, t].filter(Boolean).join(' ')]);

describe('fastRead agrees with chrono in the other languages', () => {
  it.each(otherInputs)('%s %s', (lang, input) => {
    const fast = fastRead(input, lang as 'de', today);
    if (!fast) return;
    const slow = PARSERS[lang as Lang].parse(input, ref)[0];
    expect(slow, 'chrono reads it too').toBeDefined();
    // chrono may leave a leading article outside its text ("el viernes" → "viernes"): ours covers it.
    expect(fast.text.endsWith(slow!.text)).toBe(true);
    for (const k of keys) {
      const certain = slow!.start.isCertain(k);
      expect(fast.start.isCertain(k), `${k} certain`).toBe(certain);
      if (certain) expect(fast.start.get(k), k).toBe(slow!.start.get(k));
    }
  });
});
