/** /language (a person's own language over their Slack locale) and /help (only the commands they may use). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan, linkedCustomer } from '../support/core-harness.js';
import { shown, slackWorld, type SlackWorld } from './slack-harness.js';

describe('/language and /help on Slack', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    await linkedCustomer(w.h, 'U0LENA', await companyWithPlan(w.h));
    w.fake.setUser('U0LENA', { tz: 'America/New_York', locale: 'en-US' });
  });
  afterAll(() => w.close());

  it('/language fr: answers in French, saves it, and later answers and the time parser follow it; auto goes back', async () => {
    expect(shown(await w.command('/language', 'fr', 'U0LENA'))).toContain('Enregistré\u202f: je vous écrirai en français.');
    const member = await w.h.db.store.transaction((tx) => tx.members.find('slack', 'U0LENA'));
    expect(member).toMatchObject({ language: 'fr', locale: 'en-US' });
    const p = shown(await w.command('/book', 'demain à 15h', 'U0LENA'));
    expect(p).toContain('mar 1 déc, 15:00 New York');
    expect(p).not.toMatch(/\b(Online session|When|Covered)\b/);
    expect(shown(await w.command('/language', 'klingon', 'U0LENA'))).toContain('J’écris en English, Deutsch, Français, Español, Português, Nederlands.');
    expect(shown(await w.command('/language', 'auto', 'U0LENA'))).toContain('Saved: I will write to you in English.');
    expect(shown(await w.command('/fees', '', 'U0LENA'))).toContain('Standard fees');
  });

  it('/help lists only the commands the person may use: customers see no staff commands', async () => {
    const customer = shown(await w.command('/help', '', 'U0LENA'));
    expect(customer).toContain('What you can type');
    for (const c of ['/book', '/sessions', '/fees', '/support-code', '/emergency', '/email', '/language']) expect(customer).toContain(`\`${c}\``);
    for (const c of ['/sk-today', '/sk-company', '/sk-calendar', '/timezone']) expect(customer).not.toContain(c);
    const staff = shown(await w.command('/help', '', 'U0ALICE'));
    for (const c of ['/book', '/sk-today', '/sk-company', '/sk-calendar']) expect(staff).toContain(`\`${c}\``);
  });

  it('/sk-company usage problems in the staff member\'s language: German after /language de, English again after auto', async () => {
    await w.command('/language', 'de', 'U0ALICE');
    const de = shown(await w.command('/sk-company', 'frobnicate', 'U0ALICE'));
    expect(de).toContain('Unbekannte Aktion "frobnicate". Verwendung:');
    // the command's own words stay as typed; its placeholders are German (Slack's mrkdwn escapes < and >)
    expect(de).toContain('`/sk-company create &lt;Name&gt; [plan-until JJJJ-MM-TT]`');
    expect(de).toContain('`unlink &lt;Person&gt; &lt;Name&gt;`');
    expect(de).not.toMatch(/Unknown action|Usage|Give the/);
    expect(shown(await w.command('/sk-company', 'plan Acme soon', 'U0ALICE'))).toContain('Das Vertragsende muss `JJJJ-MM-TT` oder `none` sein.');
    await w.command('/language', 'auto', 'U0ALICE');
    const en = shown(await w.command('/sk-company', 'plan Acme soon', 'U0ALICE'));
    expect(en).toContain('The plan end must be `YYYY-MM-DD` or `none`. Usage: `/sk-company create &lt;name&gt; [plan-until YYYY-MM-DD]` · `plan &lt;name&gt; &lt;YYYY-MM-DD|none&gt;`');
    expect(en).not.toContain('[code');
  });
});
