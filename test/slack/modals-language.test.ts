/**
 * Slack modals in the person's language (the same resolution as every other answer: their /language
 * choice, else Slack's users.info locale, else the vendor's): the /book modal, its field errors, the
 * maintenance code modal opened from a Confirm press, and a staff member's decline reason.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { companyWithPlan, linkedCustomer } from '../support/core-harness.js';
import { buttons, lastCall, slackWorld, STAFF_CHANNEL, type SlackWorld } from './slack-harness.js';

const view = (body: Record<string, unknown>) => body.view as { title: { text: string }; submit?: { text: string }; close: { text: string }; blocks: Array<Record<string, any>> };
const labels = (v: ReturnType<typeof view>) => v.blocks.map((b) => b.label?.text).filter(Boolean);

describe('Slack modals in the person’s language (real Bolt, fake Slack)', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    await linkedCustomer(w.h, 'U0HANS', await companyWithPlan(w.h));
    w.fake.setUser('U0HANS', { tz: 'Europe/Berlin', locale: 'de-DE' });
    w.fake.setUser('U0ELISE', { tz: 'Europe/Paris', locale: 'en-US' });
  });
  afterAll(() => w.close());
  beforeEach(() => w.fake.reset());

  it('German (Slack locale): the /book modal, and an empty submission’s field error', async () => {
    await w.post('/book', '', 'U0HANS');
    await w.fake.waitFor('views.open');
    const v = view(lastCall(w.fake, 'views.open').body);
    expect([v.title.text, v.submit?.text, v.close.text]).toEqual(['Termin buchen', 'Buchen', 'Abbrechen']);
    expect(labels(v)).toEqual(['Art des Termins', 'Dauer', 'Wann', 'Datum', 'Uhrzeit', 'Wobei brauchen Sie Hilfe?']);
    expect(v.blocks[0]!.element.options.map((o: any) => o.text.text)).toEqual(['Online-Termin', 'Telefontermin']);
    expect(v.blocks[2]!.element.placeholder.text).toBe('z. B. morgen 15 Uhr, Freitag Nachmittag');
    const none = await w.submit({ callback_id: 'book-modal', user_id: 'U0HANS', values: {} });
    expect(none.json).toEqual({ response_action: 'errors', errors: { when: 'Geben Sie eine Zeit ein, oder wählen Sie Datum und Uhrzeit.' } });
  });

  it('French (/language fr over an English Slack locale): the code modal from Confirm, and its field error', async () => {
    await w.command('/language', 'fr', 'U0ELISE');
    w.fake.reset();
    const answer = await w.command('/book', 'demain 11h', 'U0ELISE');
    await w.press(buttons(answer)[0]!.action_id, 'U0ELISE', { channel: 'C0GENERAL' });
    const [open] = await w.fake.waitFor('views.open');
    const v = view(open!.body);
    expect([v.title.text, v.submit?.text, v.close.text]).toEqual(['Code de maintenance', 'Réserver', 'Annuler']);
    expect(labels(v)).toEqual(['Code de maintenance', 'Pas de code\u202F?']);
    expect(JSON.stringify(v)).toMatch(/Réserver au tarif normal \(\d+/);
    const empty = await w.submit({ callback_id: 'code-modal', user_id: 'U0ELISE', private_metadata: (open!.body.view as any).private_metadata, values: {} });
    expect(empty.json).toEqual({ response_action: 'errors', errors: { code: 'Saisissez votre code de maintenance, ou cochez «\u00a0Réserver au tarif normal\u00a0».' } });
  });

  it('staff read the decline modal in their own language', async () => {
    w.fake.setUser('U0BEN', { tz: 'Europe/Madrid', locale: 'es-ES' });
    // The decline modal opens from a staff card's Decline button (its id names the booking).
    await w.press('sk:decline:bk_any', 'U0BEN', { channel: STAFF_CHANNEL, ts: '1.000' });
    const [open] = await w.fake.waitFor('views.open');
    const v = view(open!.body);
    expect([v.title.text, v.submit?.text, v.close.text]).toEqual(['Rechazar', 'Enviar', 'Cancelar']);
    expect(labels(v)).toEqual(['Motivo (el cliente lo ve)']);
  });
});
