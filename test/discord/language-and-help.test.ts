/** /language (over the interaction locale, kept by core) and /help (staff commands for staff only) on Discord. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan } from '../support/core-harness.js';
import { CUSTOMER, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';

describe('/language and /help on Discord', () => {
  let s: Slotkeeper;
  beforeAll(async () => {
    s = await startSlotkeeper();
    await companyWithPlan(s.h);
  });
  afterAll(async () => s?.close());

  it('/language nl: answered in Dutch, kept on the member over the interaction locale (en-US); later messages follow it', async () => {
    const { call } = await s.command('language', { language: 'nl' }, { locale: 'en-US' });
    expect(call.body.data).toMatchObject({ content: 'Opgeslagen: ik schrijf u in het Nederlands.', flags: 64 });
    expect(await s.db.store.transaction((tx) => tx.members.find('discord', CUSTOMER))).toMatchObject({ language: 'nl' });
    const { call: help } = await s.command('help', {}, { locale: 'en-US' });
    expect(help.body.data.content.split('\n')[0]).toBe('**Wat u kunt typen**');
    const { call: auto } = await s.command('language', { language: 'auto' }, { locale: 'en-US' });
    expect(auto.body.data.content).toBe('Saved: I will write to you in English.');
  });

  it('/help: a customer sees no staff commands; staff see theirs too', async () => {
    const { call } = await s.command('help', {}, { locale: 'en-US' });
    const customer = call.body.data.content as string;
    for (const c of ['/book', '/sessions', '/fees', '/support-code', '/emergency', '/timezone', '/language', '/email']) expect(customer).toContain(`\`${c}\``);
    for (const c of ['/today', '/sk-company', '/sk-calendar']) expect(customer).not.toContain(c);
    const { call: staff } = await s.command('help', {}, { user: 'staffer', locale: 'en-US' });
    for (const c of ['/book', '/today', '/sk-company', '/sk-calendar']) expect(staff.body.data.content).toContain(`\`${c}\``);
  });
});
