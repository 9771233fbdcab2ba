/**
 * A German Slack user (users.info: de-DE, Europe/Berlin) books with `/book morgen um 10` and reads
 * the proposal, the confirmation, both reminders and the no-show notice in German, times in Berlin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan, linkedCustomer } from '../support/core-harness.js';
import { configWith } from '../support/config.js';
import { buttons, shown, slackWorld, type SlackWorld } from './slack-harness.js';

describe('a German Slack user, from /book morgen um 10 to the no-show', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    // Ben (London) starts at 09:00 on Tuesdays here, so 10:00 Berlin is a working hour.
    w = await slackWorld({ config: configWith((c) => void ((c.staff[1]!.hours as Record<string, unknown>).tue = '09:00-17:00')) });
    const code = await companyWithPlan(w.h);
    await linkedCustomer(w.h, 'U0HANS', code);
    w.fake.setUser('U0HANS', { tz: 'Europe/Berlin', locale: 'de-DE' });
    w.h.clock.set('2026-11-30T14:00:00Z'); // Mon 15:00 Berlin
  });
  afterAll(() => w.close());

  it('reads every step in German with Berlin times', async () => {
    const proposal = await w.command('/book', 'morgen um 10', 'U0HANS');
    const p = shown(proposal);
    expect(p).toContain('*Online-Termin, 30 Minuten*');
    expect(p).toContain('*Wann:* Di 1 Dez, 10:00 Berlin');
    expect(p).toContain('Durch Ihren Wartungsvertrag abgedeckt.');
    const confirm = buttons(proposal).find((b) => b.text === 'Bestätigen')!;
    expect(confirm.action_id).toMatch(/^sk:book::2026-12-01T09%3A00Z/);

    w.fake.reset();
    await w.press(confirm.action_id, 'U0HANS', { responseId: 'de1' });
    expect(shown(await w.response('de1'))).toContain('Gebucht: Online-Termin Di 1 Dez, 10:00–10:30 Berlin.');
    await w.sweep();
    const dms = () => w.fake.callsTo('chat.postMessage').map((c) => c.body).filter((b) => b.channel === 'D0HANS');
    const confirmation = shown(dms()[0]);
    expect(confirmation).toContain('Ihr Termin ist gebucht.');
    expect(confirmation).toContain('*Wann:* Di 1 Dez, 10:00–10:30 Berlin');
    expect(confirmation).toContain('Sie können bis Di 1 Dez, 08:55 Berlin stornieren oder verschieben.');
    expect(confirmation).toContain('Wir erinnern Sie');
    expect(buttons(dms()[0]).map((b) => b.text)).toEqual(['Teilnehmen', 'Verschieben', 'Stornieren', 'Zum Kalender hinzufügen', 'Buchung verwalten']);

    w.fake.reset();
    w.h.clock.set('2026-12-01T07:00:01Z'); // past the 2-hour reminder (and the 24-hour one before it)
    await w.sweep();
    const reminders = dms().map(shown).filter((t) => t.includes('Erinnerung'));
    expect(reminders.length).toBeGreaterThanOrEqual(1);
    expect(reminders.join('\n')).toMatch(/Erinnerung: Ihr Termin beginnt in (2|24) Stunden\./);
    expect(reminders.join('\n')).toContain('Di 1 Dez, 10:00–10:30 Berlin');

    w.fake.reset();
    w.h.clock.set('2026-12-01T09:10:01Z'); // 10 minutes after the start, nobody joined
    await w.sweep();
    const noShow = dms().map(shown).find((t) => t.includes('wurde geschlossen'))!;
    expect(noShow).toContain('Ihr Online-Termin am Di 1 Dez, 10:00–10:30 Berlin wurde geschlossen.');
    expect(noShow).toContain('Niemand aus Ihrer Firma hat sich innerhalb von 10 Minuten nach Beginn online oder telefonisch eingewählt.');
    expect(noShow).toMatch(/Das ist der 1\. von 2 nicht wahrgenommenen Terminen/);
    for (const text of [p, confirmation, ...reminders, noShow]) expect(text).not.toMatch(/\b(Your|session|booked|Reminder|cancel)\b/);
  });
});
