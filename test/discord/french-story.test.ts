/**
 * A French Discord user (interaction locale `fr`, zone Europe/Paris) books and reads the
 * confirmation, the reminders and the no-show notice in French, each time as Discord markup with
 * the wall time in Paris beside it. The locale is saved on the person from the interaction, so the
 * sweeper's later direct messages are in French too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan } from '../support/core-harness.js';
import { en } from '../../bots/shared/present/catalog/en.js';
import { buttonIds, buttonLabels, CUSTOMER, EPHEMERAL_MESSAGE, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';

/** Words of the English catalog's sentences (placeholders and ICU syntax dropped) found in a text; names, brands and shared words aside. */
const SHARED = new Set(['online', 'discord', 'alice', 'moreno', 'paris', 'york', 'europe', 'localhost', 'http', 'session', 'sessions', 'minutes', 'minute', 'code', 'plan', 'message', 'messages', 'confirmation', 'standard', 'maintenance', 'possible', 'page', 'close', 'book', 'support', 'strike', 'team', 'status']);
const ENGLISH = new Set(Object.values(en).join(' ').replace(/\{[^{}]*\}/g, ' ').toLowerCase().match(/\p{L}[\p{L}'’-]{3,}/gu)!.filter((w) => !SHARED.has(w)));
const englishIn = (text: string) => (text.toLowerCase().replace(/https?:\/\/\S+|<t:\d+:\w>/g, ' ').match(/\p{L}[\p{L}'’-]{3,}/gu) ?? []).filter((w) => ENGLISH.has(w));

describe('a French Discord user, from /book to the no-show', () => {
  let s: Slotkeeper;
  beforeAll(async () => {
    s = await startSlotkeeper();
    await companyWithPlan(s.h);
  });
  afterAll(async () => s?.close());

  it('reads the confirmation, the reminders and the no-show in French with Paris times', async () => {
    const fr = { locale: 'fr' };
    await s.command('support-code', { code: 'ACME-2026' }, fr);
    await s.command('timezone', { zone: 'Europe/Paris' }, fr);
    const member = await s.db.store.transaction((tx) => tx.members.find('discord', CUSTOMER));
    expect(member).toMatchObject({ zone: 'Europe/Paris', locale: 'fr' });

    const start = Date.parse('2026-12-03T14:00:00Z') / 1000; // jeu 3 déc, 15:00 Paris
    // /book's autocomplete previews, in French: examples the parser reads in French, then what the typed text gives.
    const suggest = async (value: string) => {
      const i = s.fake.interaction({ kind: 'autocomplete', name: 'book', options: [{ name: 'when', type: 3, value, focused: true }], locale: 'fr' });
      return (await s.fake.waitForCall('POST', `/interactions/${i.id}/${i.token}/callback`)).body.data.choices as { name: string; value: string }[];
    };
    expect((await suggest('')).map((c) => c.name)).toEqual(['demain 10h', 'demain après-midi', 'lundi prochain 14h', 'vendredi matin']);
    expect(await suggest('jeudi à 15h')).toEqual([{ name: 'jeu 3 déc, 15:00 Paris (09:00 New York) · libre', value: 'jeudi à 15h' }]);
    // The proposal (what was understood, the price, the buttons) and the booked reply, in French.
    const { call } = await s.command('book', { when: 'jeudi à 15h' }, fr);
    const proposal = call.body.data.content as string;
    expect(proposal.split('\n')).toEqual(['**Séance en ligne, 30 minutes**', '**Quand\u202F:** jeu 3 déc, 15:00 Paris (09:00 New York)', 'Couvert par votre contrat de maintenance.']);
    expect(buttonLabels(call.body.data)).toEqual(['Confirmer', 'Autres créneaux']);
    const { call: booked } = await s.press(buttonIds(call.body.data)[0]!, { ...EPHEMERAL_MESSAGE, ...fr });
    const bookedText = booked.body.data.content as string;
    expect(bookedText).toBe(`Réservé\u202F: Séance en ligne <t:${start}:F>–<t:${start + 1800}:t> (jeu 3 déc, 15:00–15:30 Paris). La confirmation avec le lien et le numéro de téléphone est dans vos messages privés.`);
    const posts = () => s.fake.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path) && c.path !== '/channels/333333333333333302/messages').map((c) => c.body);

    await s.sweep();
    const [confirmation] = posts();
    const c = confirmation!.content as string;
    expect(c.split('\n')).toEqual([
      '✅ **Votre séance est réservée.**',
      '**Séance en ligne (30 minutes) avec Alice Moreno**',
      `**Quand\u202F:** <t:${start}:F>–<t:${start + 1800}:t> (jeu 3 déc, 15:00–15:30 Paris)`,
      expect.stringMatching(/^\*\*Rejoindre\u202F:\*\* http:\/\/localhost:3000\/j\/\w+$/),
      expect.stringMatching(/^\*\*Téléphone\u202F:\*\* \+1 555 010 0200, code PIN \d{6}$/),
      '**Prix\u202F:** Couvert par votre contrat de maintenance',
      `Nous vous le rappellerons <t:${start - 86_400}:F> (mer 2 déc, 15:00 Paris) et <t:${start - 7_200}:F> (jeu 3 déc, 13:00 Paris).`,
      `Vous pouvez annuler ou déplacer jusqu’au <t:${start - 3_900}:F> (jeu 3 déc, 13:55 Paris).`,
      'La séance est close 10 minutes après le début si personne de votre entreprise ne s’est connecté en ligne ou par téléphone.',
      expect.stringMatching(/^-# Réservation SK-[A-Z0-9]+$/),
    ]);
    expect(buttonLabels(confirmation!)).toEqual(['Rejoindre', 'Déplacer', 'Annuler', 'Ajouter au calendrier', 'Gérer la réservation']);

    // The 24-hour reminder, then the 2-hour one.
    const seen = posts().length;
    s.h.clock.set('2026-12-02T14:00:01Z');
    await s.sweep();
    s.h.clock.set('2026-12-03T12:00:01Z');
    await s.sweep();
    const reminders = posts().slice(seen).map((b) => b.content as string).filter((t) => t.startsWith('⏰'));
    expect(reminders.map((t) => t.split('\n')[0])).toEqual(['⏰ **Rappel\u202F: votre séance commence dans 24 heures.**', '⏰ **Rappel\u202F: votre séance commence dans 2 heures.**']);
    for (const r of reminders) expect(r).toContain(`**Quand\u202F:** <t:${start}:F>–<t:${start + 1800}:t> (jeu 3 déc, 15:00–15:30 Paris)`);

    // Nobody joins: the session is closed 10 minutes after the start.
    const before = posts().length;
    s.h.clock.set('2026-12-03T14:10:01Z');
    await s.sweep();
    const noShow = posts().slice(before).map((b) => b.content as string).find((t) => t.startsWith('🚪'))!;
    expect(noShow.split('\n')[0]).toBe(`🚪 **Votre séance en ligne du <t:${start}:F>–<t:${start + 1800}:t> (jeu 3 déc, 15:00–15:30 Paris) a été close.**`);
    expect(noShow).toContain('\nPersonne de votre entreprise ne s’est connecté en ligne ni n’a appelé la ligne de conférence dans les 10 minutes suivant le début.\n');
    expect(noShow).toMatch(/\nC’est l’absence 1 sur 2 pour les séances gratuites de votre entreprise\. Au bout de 2 absences, un paiement de 100\s\$US sera nécessaire pour rétablir vos séances gratuites\.\n/);
    // (the check catches English: the same confirmation in English fails it)
    expect(englishIn('✅ **Your session is booked.** Reminder: When: Price:')).toEqual(['your', 'booked', 'reminder', 'when', 'price']);
    // No English anywhere in what this person read: every English word of the catalog's sentences is caught, not a short list.
    for (const text of [proposal, ...buttonLabels(call.body.data), bookedText, c, ...buttonLabels(confirmation!), ...reminders, noShow]) expect(englishIn(text), text).toEqual([]);
  });
});
