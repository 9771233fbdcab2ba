/**
 * The time parser's notes, corrections and hints: core returns codes with values (core/time tests
 * assert those); here they are read from real texts and worded in English and German, as shown.
 */
import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../core/time/index.js';
import { exampleConfig } from '../../../test/support/config.js';
import { contextFor } from './booking.js';
import { hintText, lengthNoteText, noteText, optionLabel, readbackText } from './parse-notes.js';
import { LANGUAGES, ts } from './i18n.js';
import { presentUnderstand } from './results.js';
import { renderMessage as slack } from '../../slack/render/index.js';
import { renderMessage as discord } from '../../discord/render/index.js';

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

  it('a length not offered, and one that is no length, said in plain words with what is offered (English, German, French)', () => {
    const notOffered = { code: 'length_not_offered' as const, asked: 45, offered: [30, 60], used: 30 };
    expect(lengthNoteText('en', notOffered, 'phone')).toBe("45 minutes isn't offered: phone sessions are 30 minutes or 1 hour. Showing 30 minutes instead.");
    expect(lengthNoteText('de', notOffered, 'phone')).toBe('Eine Dauer von 45 Minuten wird nicht angeboten: Telefontermine dauern 30 Minuten oder 1 Stunde. Stattdessen gezeigt: 30 Minuten.');
    const long = { code: 'length_not_offered' as const, asked: 120, offered: [30, 60, 90], used: 90 };
    expect(lengthNoteText('en', long, 'online')).toBe("2 hours isn't offered: online sessions are 30 minutes, 1 hour or 90 minutes. Showing 90 minutes instead.");
    expect(lengthNoteText('fr', long, 'online')).toBe('Une durée de 2 heures n’est pas proposée\u202F: les séances en ligne durent 30 minutes, 1 heure ou 90 minutes. Voici plutôt 90 minutes.');
    const none = { code: 'length_not_offered' as const, asked: -30, offered: [30, 60], used: 30 };
    expect(lengthNoteText('en', none, 'online')).toBe('-30 minutes is not a session length: online sessions are 30 minutes or 1 hour. Showing 30 minutes instead.');
    expect(lengthNoteText('de', { ...none, asked: 0 }, 'online')).toBe('0 Minuten ist keine Termindauer: Online-Termine dauern 30 Minuten oder 1 Stunde. Stattdessen gezeigt: 30 Minuten.');
  });

  it('shown first, above the offer, on Slack and Discord; a length that is offered gets no such line', () => {
    const quote = { kind: 'priced' as const, priceCents: 0, basis: 'plan_free' as const, currency: 'USD', needsApproval: false, nonRefundable: false, key: 'q' };
    const proposal = {
      kind: 'proposal' as const, zone: 'America/New_York', sessionKind: 'online' as const, lengthMinutes: 30, quote: quote as never, zoneSaved: true, language: 'en', startsAt: '2026-12-01T20:00:00.000Z', readback: 'Tue 1 Dec, 15:00 New York', changeable: true, notes: [],
    };
    const noted = { ...proposal, lengthNote: { code: 'length_not_offered' as const, asked: 45, offered: [30, 60], used: 30 } };
    const say = "45 minutes isn't offered: online sessions are 30 minutes or 1 hour. Showing 30 minutes instead.";
    const en = contextFor(exampleConfig(), 'en');
    const onSlack = JSON.stringify(slack(presentUnderstand(en, noted, { kind: 'online', lengthMinutes: 30 }).message));
    expect(onSlack).toContain(`*${say}*`);
    expect(onSlack.indexOf(say)).toBeLessThan(onSlack.indexOf('Online session, 30 minutes'));
    const onDiscord = discord(presentUnderstand(en, noted, { kind: 'online', lengthMinutes: 30 }).message).content;
    expect(onDiscord).toContain(say);
    expect(JSON.stringify(slack(presentUnderstand(en, proposal, { kind: 'online', lengthMinutes: 30 }).message))).not.toMatch(/isn't offered|not a session length/);
    const de = contextFor(exampleConfig(), 'de');
    const window = { ...noted, kind: 'choose' as const, readback: 'Fr 4 Dez, 12:00–17:00 New York', slots: [{ startsAt: '2026-12-04T17:00:00.000Z' }] as never, language: 'de' };
    expect(JSON.stringify(slack(presentUnderstand(de, window, { kind: 'online', lengthMinutes: 30 }).message))).toContain('Eine Dauer von 45 Minuten wird nicht angeboten: Online-Termine dauern 30 Minuten oder 1 Stunde. Stattdessen gezeigt: 30 Minuten.');
  });
});
