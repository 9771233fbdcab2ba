/** One command list for the router and registration; suspended companies; a session's join link in the booking card. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandsFor } from '../../bots/discord/commands/index.js';
import { runRegisterCli } from '../../bots/discord/register-cli.js';
import { exampleConfig } from '../support/config.js';
import { companyWithPlan } from '../support/core-harness.js';
import { buttonIds, buttonLabels, EPHEMERAL_MESSAGE, newestBooking, OTHER, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';
import { decodeIntent, encodeIntent } from '../../bots/shared/present/intents.js';
import { TOKEN } from './helpers.js';

const NAMES = ['book', 'sessions', 'fees', 'support-code', 'emergency', 'timezone', 'language', 'email', 'today', 'sk-company', 'sk-reverse', 'sk-calendar', 'help'];

describe('the command list', () => {
  it('holds every command once, /book’s lengths come from the config', () => {
    const list = commandsFor(exampleConfig());
    expect(list.map((c) => c.data.name)).toEqual(NAMES);
    const book = list[0]!.data;
    expect(book.options?.map((o) => o.name)).toEqual(['when', 'kind', 'length', 'code']);
    const lengths = (book.options![2] as { choices: Array<{ name: string; value: number; name_localizations: Record<string, string> }> }).choices;
    expect(lengths.map((c) => [c.name, c.value])).toEqual([['30 minutes', 30], ['1 hour', 60]]);
    // the choices in the person's Discord language, as the catalog names them
    expect(lengths.map((c) => c.name_localizations.de)).toEqual(['30 Minuten', '1 Stunde']);
    const kinds = (book.options![1] as { choices: Array<{ value: string; name_localizations: Record<string, string> }> }).choices;
    expect(kinds.map((c) => [c.value, c.name_localizations.de, c.name_localizations['pt-BR']])).toEqual([['online', 'Online-Termin', expect.any(String)], ['phone', 'Telefontermin', expect.any(String)]]);
    expect((book.options![0] as { autocomplete?: boolean }).autocomplete).toBe(true);
  });

  it('describes each command in the languages of the catalogs (Discord locales), within Discord\'s 100 characters', () => {
    const list = commandsFor(exampleConfig());
    const book = list[0]!.data as { description_localizations?: Record<string, string> };
    expect(book.description_localizations).toEqual({
      de: 'Einen Termin buchen, z. B. „morgen um 15 Uhr Telefon 30“',
      fr: 'Réserver une séance, par ex. « demain 15h téléphone 30 »',
      'es-ES': 'Reservar una sesión, p. ej. «mañana a las 15 teléfono 30»',
      'es-419': 'Reservar una sesión, p. ej. «mañana a las 15 teléfono 30»',
      'pt-BR': 'Reservar uma sessão, por ex. “amanhã às 15h telefone 30”',
      nl: 'Een sessie boeken, bijv. “morgen 15 uur telefoon 30”',
    });
    for (const c of list.filter((x) => x.data.name !== 'help')) {
      const d = (c.data as { description_localizations?: Record<string, string> }).description_localizations ?? {};
      expect(Object.keys(d).sort(), c.data.name).toEqual(['de', 'es-419', 'es-ES', 'fr', 'nl', 'pt-BR']);
      for (const text of Object.values(d)) {
        expect(text.length, `${c.data.name}: ${text}`).toBeLessThanOrEqual(100);
        expect(text, c.data.name).not.toMatch(/^[\s:]|\{|\}/);
      }
    }
    // a sentence longer than Discord allows keeps its first clause instead of being cut mid-word
    const reverse = (list.find((c) => c.data.name === 'sk-reverse')!.data as { description_localizations: Record<string, string> }).description_localizations;
    expect(reverse.de).toBe('Ein Nichterscheinen aufheben, wenn der Kunde doch angerufen hat: Verwarnung entfernt');
  });
});

describe('Discord adapter with a running bot', () => {
  let s: Slotkeeper;
  beforeAll(async () => {
    s = await startSlotkeeper();
  });
  afterAll(async () => s?.close());

  it('npm run discord:register PUTs the same command modules the bot serves (built from the configured file)', async () => {
    const out: string[] = [];
    const examplePath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'slotkeeper.example.yml');
    const code = await runRegisterCli(
      { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: s.fake.applicationId, DISCORD_GUILD_ID: s.fake.guildId, DISCORD_API_URL: s.fake.apiUrl, SLOTKEEPER_CONFIG: examplePath },
      { out: (l) => out.push(l), err: (l) => out.push(l) },
    );
    expect(code).toBe(0);
    const put = s.fake.callsTo('PUT', `/applications/${s.fake.applicationId}/guilds/${s.fake.guildId}/commands`);
    expect(put[0]!.body).toEqual(commandsFor(exampleConfig()).map((c) => c.data));
    expect(out).toEqual([`Registered 13 commands on guild ${s.fake.guildId}: ${NAMES.map((n) => `/${n}`).join(', ')}`]);
    // and every registered name is answered by the running bot (no "no longer available")
    for (const name of ['sessions', 'fees']) {
      const { call } = await s.command(name);
      expect(call.body.data.content).not.toMatch(/no longer available/);
    }
  });

  it('a suspended company: /book says so with the reinstatement fee and offers the paid booking, which works', async () => {
    await companyWithPlan(s.h);
    await s.command('support-code', { code: 'ACME-2026' });
    await s.db.store.transaction(async (tx) => {
      const c = await tx.companies.findByName('Acme Crating');
      await tx.companies.update(c!.id, { suspended: true, strikes: 2 });
    });
    const { call } = await s.command('book', { when: 'tomorrow at 10am' });
    expect(call.body.data.content).toContain('Free sessions for your company are suspended; you can book this session at the standard fee of $75 (a $100 payment reinstates free sessions).');
    expect(buttonLabels(call.body.data)).toEqual(['Book at $75', 'Other times']);
    const pay = buttonIds(call.body.data)[0]!;
    expect(decodeIntent(pay)).toEqual({ do: 'book', slot: { startsAt: '2026-12-01T15:00:00.000Z', kind: 'online', lengthMinutes: 30, payStandardFee: true, quoteKey: expect.stringMatching(/^7500s[0-9a-f]{4}$/) } });
    const { call: booked } = await s.press(pay, EPHEMERAL_MESSAGE);
    expect(booked.body.data.content).toBe('Requested: Online session <t:1796137200:F>–<t:1796139000:t> (Tue 1 Dec, 10:00–10:30 New York). The time is held while staff approve it; you will get a message when they decide.');
    expect(await newestBooking(s)).toMatchObject({ status: 'pending_approval', priceCents: 7500 });
  });

  it('/book with the code option links first, then proposes (covered by the plan)', async () => {
    await s.db.store.transaction(async (tx) => {
      const c = await tx.companies.findByName('Acme Crating');
      await tx.companies.update(c!.id, { suspended: false, strikes: 0 }); // the test before suspended it
    });
    const { call } = await s.command('book', { when: 'tomorrow at 11am', code: 'acme-2026' }, { user: 'staffer' });
    expect(call.body.data.content).toMatch(/^\*\*Online session, 30 minutes\*\*\n\*\*When:\*\* Tue 1 Dec, 11:00 New York\nCovered by your maintenance plan\./);
    expect(buttonLabels(call.body.data)).toEqual(['Confirm', 'Other times']);
    const { call: bad } = await s.command('book', { when: 'tomorrow at 11am', code: 'NOPE-9999' }, { user: 'staffer' });
    expect(bad.body.data).toMatchObject({ content: 'That maintenance code is not valid. 4 attempts left this hour. If you forgot it, log into your support account and open your Profile page.', flags: 64 });
  });

  it('a wrong maintenance code in the modal: attempts left, and the Enter my code button again', async () => {
    const { call } = await s.command('book', { when: 'tomorrow at 2pm' }, { user: 'other' });
    const slot = { startsAt: '2026-12-01T19:00:00.000Z', kind: 'online' as const, lengthMinutes: 30 };
    expect(decodeIntent(buttonIds(call.body.data)[0])).toEqual({ do: 'book', slot });
    const codeId = encodeIntent({ do: 'code', slot });
    const modalId = codeId.replace('sk:code:', 'sk:codem:');
    const { call: wrong } = await s.submit(modalId, { code: 'WRONG-123' }, { user: 'other', ...EPHEMERAL_MESSAGE });
    expect(wrong.body).toMatchObject({ type: 7, data: { content: 'That maintenance code is not valid. 4 attempts left this hour.' } });
    // Discord's modal closed on submit: the answer offers to open it again
    expect(buttonIds(wrong.body.data)).toEqual([codeId]);
    expect(buttonLabels(wrong.body.data)).toEqual(['Enter my code']);
    // On a public (thread) message the refusal is the presser's alone: an ephemeral reply, the proposal left as it is.
    const { call: publicWrong } = await s.submit(modalId, { code: 'WRONG-456' }, { user: 'other', message: {} });
    expect(publicWrong.body.type).toBe(4);
    expect(publicWrong.body.data).toMatchObject({ content: 'That maintenance code is not valid. 3 attempts left this hour.', flags: 64 });
    expect(await s.db.prisma.booking.count({ where: { member: { platformUserId: OTHER } } })).toBe(0);
  });

  it('an ambiguous time gets one button per reading', async () => {
    const { call } = await s.command('book', { when: '3/12 at 10am' }, { user: 'other' });
    expect(call.body.data.content).toMatch(/^Which time do you mean\?\n.+: .+\n.+: .+\n-# Times are read in New York time until you save your zone with `\/timezone`\.$/);
    expect(buttonLabels(call.body.data).length).toBeGreaterThan(1);
    expect(buttonIds(call.body.data).map((id) => decodeIntent(id)?.do)).toEqual(buttonIds(call.body.data).map(() => 'book'));
  });
});
