/**
 * The time parser's notes, corrections and hints: core returns codes with values (core/time tests
 * assert those); here they are read from real texts and worded in English and German, as shown.
 */
import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../core/time/index.js';
import { exampleConfig } from '../../../test/support/config.js';
import { contextFor } from './booking.js';
import { hintText, noteText, optionLabel, readbackText } from './parse-notes.js';
import { LANGUAGES, ts } from './i18n.js';
import { presentUnderstand } from './results.js';
import { renderMessage as slack } from '../../slack/render/index.js';

const now = new Date('2026-11-30T16:00:00Z'); // Mon 11:00 New York, 17:00 Berlin
const ny = { now, zone: 'America/New_York' };

function notesOf(text: string, opts: Parameters<typeof parseWhen>[1]) {
  const r = parseWhen(text, opts);
  if (r.kind === 'repeated_time') return [r.note];
  if (r.kind !== 'exact' && r.kind !== 'window') throw new Error(JSON.stringify(r));
  return r.notes ?? [];
}
function hintOf(text: string, opts: Parameters<typeof parseWhen>[1]) {
  const r = parseWhen(text, opts);
  if (r.kind !== 'unparseable') throw new Error(JSON.stringify(r));
  return r.hint;
}

describe('time-parser notes in the reader’s language', () => {
  it('a zone named in the text, a bare time already past, a repeated time: English and German', () => {
    const [zone] = notesOf('3pm EST', { now, zone: 'Europe/Berlin' });
    expect(noteText('en', zone!)).toBe('Read as New York time, as written.');
    expect(noteText('de', zone!)).toBe('In der Zeit von New York gelesen, wie geschrieben.');
    const [rolled] = notesOf('at 9', ny);
    expect(noteText('en', rolled!)).toBe('30 Nov 2026 is over, so the next day.');
    expect(noteText('de', rolled!)).toBe('Der 30. Nov. 2026 ist vorbei, also der nächste Tag.');
    const [twice] = notesOf('tomorrow 1:30am', { now: new Date('2027-11-06T15:00:00Z'), zone: 'America/New_York' });
    expect(noteText('en', twice!)).toBe('01:30 happens twice on 7 Nov 2027 because the clocks go back; took the first one (UTC-04:00).');
    expect(noteText('fr', twice!)).toBe('01:30 existe deux fois le 7 nov. 2027 car on recule les horloges\u202F; la première a été retenue (UTC-04:00).');
  });

  it('corrections beside the readback, and why a text was not understood', () => {
    const r = parseWhen('tomorow at 2pm', ny);
    if (r.kind !== 'exact') throw new Error(r.kind);
    expect(readbackText('en', r.readback, r.corrections)).toBe("Tue 1 Dec, 14:00 New York; read 'tomorow' as tomorrow");
    expect(readbackText('de', r.readback, r.corrections)).toBe("Tue 1 Dec, 14:00 New York; 'tomorow' als tomorrow gelesen");
    const mismatch = hintOf('Monday the 8th at 10', ny);
    expect(hintText('en', mismatch)).toMatch(/^8 Dec 2026 is a Tuesday, not a Monday: which day do you mean\? Try "tomorrow at 3pm"/);
    expect(hintText('de', mismatch)).toMatch(/^Der 8\. Dez\. 2026 ist ein Dienstag, kein Montag: Welchen Tag meinen Sie\? Versuchen Sie „morgen um 15 Uhr“/);
    expect(hintText('de', hintOf('tusrday 3pm', ny))).toMatch(/^Ich konnte nicht erkennen, welchen Tag 'tusrday' meint: Tuesday oder Thursday\?/);
  });

  it('the two readings of "3/4" are dates, written in the reader’s language', () => {
    const r = parseWhen('3/4 at 10', ny);
    if (r.kind !== 'ambiguous') throw new Error(r.kind);
    expect(r.options.map((o) => optionLabel('en', o.label))).toEqual(['4 Mar 2027', '3 Apr 2027']);
    expect(r.options.map((o) => optionLabel('de', o.label))).toEqual(['4. März 2027', '3. Apr. 2027']);
    expect(optionLabel('de', '19:00')).toBe('19:00');
  });

  it('every example a hint or a placeholder gives is one the parser reads in that language', () => {
    const locales = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', pt: 'pt-BR', nl: 'nl-NL' } as const;
    for (const lang of LANGUAGES) {
      const quoted = [...ts(lang, 'parse.examples').matchAll(/["“„«‘]\u00a0?([^"“”„«»‘’]+?)\u00a0?["”“»’]/g)].map((m) => m[1]!);
      expect(quoted.length, lang).toBeGreaterThanOrEqual(4);
      const placeholders = (['modal.whenPlaceholder', 'modal.newTimePlaceholder'] as const).flatMap((k) => ts(lang, k).replace(/^(e\.g\.|z\. B\.|par ex\.|p\. ej\.|por ex\.|bijv\.)\s*/, '').split(', '));
      for (const text of [...quoted, ...placeholders]) expect(parseWhen(text, { now, zone: 'Europe/Berlin', locale: locales[lang] }).kind, `${lang}: ${text}`).not.toBe('unparseable');
    }
  });

  it('shown in a proposal: the note under it and the correction beside the time (German on Slack)', () => {
    const ctx = contextFor(exampleConfig(), 'de');
    const quote = { kind: 'priced' as const, priceCents: 0, basis: 'plan_free' as const, currency: 'USD', needsApproval: false, nonRefundable: false, key: 'q' };
    const m = presentUnderstand(ctx, {
      kind: 'proposal', zone: 'Europe/Berlin', sessionKind: 'online', lengthMinutes: 30, quote: quote as never, zoneSaved: true, language: 'de', startsAt: '2026-12-01T19:00:00.000Z', readback: 'Di 1 Dez, 20:00 Berlin', changeable: true,
      notes: [{ code: 'zone_from_text', zone: 'America/New_York' }], corrections: [{ typed: 'morgn', read: 'morgen' }],
    }, { kind: 'online', lengthMinutes: 30 }).message;
    const shown = JSON.stringify(slack(m));
    expect(shown).toContain("*Wann:* Di 1 Dez, 20:00 Berlin; 'morgn' als morgen gelesen");
    expect(shown).toContain('In der Zeit von New York gelesen, wie geschrieben.');
  });
});
