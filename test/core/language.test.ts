/** /language: a person's own language over their platform's locale, kept on the member (core decides and keeps it). */
import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { companyWithPlan, linkedCustomer } from '../support/core-harness.js';
import { START, book } from './helpers.js';

forEachDatabase('the language a person chose', (t) => {
  const member = (userId: string) => t.db.store.transaction((tx) => tx.members.find('slack', userId));

  it('is saved on the member and wins over the platform locale; auto goes back to it; unknown changes nothing', async () => {
    const c = { ...(await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h))), locale: 'en-US' };
    expect(await t.h.core.languageFor(c)).toBe('en-US');
    expect(await t.h.core.setLanguage({ caller: c, language: 'Deutsch' })).toEqual({ kind: 'language_saved', language: 'de', locale: 'de' });
    expect(await member('U1')).toMatchObject({ language: 'de', locale: 'en-US' });
    expect(await t.h.core.languageFor(c)).toBe('de');
    expect(await t.h.core.setLanguage({ caller: c, language: 'klingon' })).toEqual({ kind: 'unknown_language', typed: 'klingon' });
    expect((await member('U1'))?.language).toBe('de');
    expect(await t.h.core.setLanguage({ caller: c, language: 'pt-BR' })).toMatchObject({ kind: 'language_saved', language: 'pt' });
    expect(await t.h.core.setLanguage({ caller: c, language: 'auto' })).toEqual({ kind: 'language_saved', language: null, locale: 'en-US' });
    expect(await t.h.core.languageFor(c)).toBe('en-US');
    expect(await t.h.core.setLanguage({ caller: c, language: '' })).toMatchObject({ kind: 'invalid_input' });
  });

  it('is read from committed data only: a change inside a transaction still open, then rolled back, is never answered', async () => {
    const c = { ...(await linkedCustomer(t.h, 'U3', await companyWithPlan(t.h))), locale: 'en-US' };
    await t.h.core.setLanguage({ caller: c, language: 'fr' });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let opened!: () => void;
    const inside = new Promise<void>((r) => (opened = r));
    const rolledBack = t.db.store
      .transaction(async (tx) => {
        const m = await tx.members.find('slack', 'U3');
        await tx.members.update(m!.id, { language: 'nl' });
        opened();
        await held;
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    await inside;
    const during = t.h.core.languageFor(c);
    await new Promise((r) => setTimeout(r, 20));
    release();
    expect(await during).toBe('fr');
    expect(await rolledBack).toBe('roll back');
    expect(await t.h.core.languageFor(c)).toBe('fr');
  });

  it('chooses the time parser\'s language first (the readback) and the language of later messages', async () => {
    const c = { ...(await linkedCustomer(t.h, 'U2', await companyWithPlan(t.h))), locale: 'en-US' };
    await t.h.core.setLanguage({ caller: c, language: 'de' });
    const r = await t.h.core.understandRequest({ caller: c, text: 'morgen um 15 Uhr' });
    expect(r).toMatchObject({ kind: 'proposal', readback: 'Di 1 Dez, 15:00 New York', startsAt: START.toISOString() });
    // The result names the language it was read in, the one languageFor gives (adapters answer in it).
    expect(r).toMatchObject({ language: 'de' });
    expect(await t.h.core.languageFor(c)).toBe('de');
    await t.h.core.setLanguage({ caller: c, language: 'auto' });
    expect(await t.h.core.understandRequest({ caller: c, text: 'tomorrow at 3pm' })).toMatchObject({ kind: 'proposal', language: 'en-US' });
    expect(await t.h.core.understandRequest({ caller: { ...c, locale: undefined }, text: 'tomorrow at 3pm' })).toMatchObject({ kind: 'proposal', language: 'en-US' });
    expect(await t.h.core.understandRequest({ caller: { ...c, locale: 'fr' }, text: 'demain à 15h' })).toMatchObject({ kind: 'proposal', language: 'fr' });
    await t.h.core.setLanguage({ caller: c, language: 'de' });
    await book(t.h, c, START);
    await t.h.sweep();
    expect(t.h.notifier.delivered.find((m) => m.notice.type === 'booking_confirmed')?.locale).toBe('de');
  });
});
