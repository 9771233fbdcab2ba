/**
 * Every modal in every language: within Slack's limits (title, submit and close 24 characters,
 * placeholder 150, label and hint 2000, option 75), titles never cut, and in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import { configWith, exampleConfig } from '../../../test/support/config.js';
import { LANGUAGES, type Lang } from '../../shared/present/i18n.js';
import { bookModal, choiceModal, codeModal, messageModal, MODAL_LIMITS, modalTitle, moveModal, reasonModal, type ModalTitle, type ModalView, type StandardFee } from './modals.js';

const config = exampleConfig();
const fees: StandardFee[] = [
  { kind: 'online', lengthMinutes: 30, feeCents: 7500 },
  { kind: 'online', lengthMinutes: 60, feeCents: 14000 },
  { kind: 'phone', lengthMinutes: 30, feeCents: 6000 },
  { kind: 'phone', lengthMinutes: 60, feeCents: 11000 },
];
const msg = { text: 'x', blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'x' } }] };
const TITLES: ModalTitle[] = ['book', 'code', 'move', 'rescheduled', 'history', 'decline', 'staff_cancel', 'app'];

function modalsIn(lang: Lang): ModalView[] {
  return [
    bookModal(config, lang, { linked: true, standardFees: fees }),
    bookModal(config, lang, { linked: false, standardFees: fees }),
    bookModal(config, lang, { linked: false, standardFees: [fees[0]!] }),
    codeModal(config, lang, fees[3]!, '{}'),
    moveModal(lang, 'Online session Tue 1 Dec, 15:00–15:30 New York', '{}'),
    reasonModal(lang, 'decline', '{}'),
    reasonModal(lang, 'staff_cancel', '{}'),
    ...TITLES.map((title) => messageModal(lang, title, msg)),
    choiceModal(lang, 'book', msg, '{}'),
  ];
}

/** Every plain_text the view holds, with where it sits (title, submit, close, label, hint, placeholder, option). */
function texts(view: ModalView): Array<{ where: keyof typeof MODAL_LIMITS | 'other'; text: string }> {
  const out: Array<{ where: keyof typeof MODAL_LIMITS | 'other'; text: string }> = [
    { where: 'title', text: view.title.text },
    ...(view.submit ? [{ where: 'button' as const, text: view.submit.text }] : []),
    ...(view.close ? [{ where: 'button' as const, text: view.close.text }] : []),
  ];
  for (const b of view.blocks as Array<Record<string, any>>) {
    if (b.label) out.push({ where: 'label', text: b.label.text });
    if (b.hint) out.push({ where: 'hint', text: b.hint.text });
    if (b.element?.placeholder) out.push({ where: 'placeholder', text: b.element.placeholder.text });
    for (const o of b.element?.options ?? []) out.push({ where: 'option', text: o.text.text });
    if (b.text?.text) out.push({ where: 'other', text: b.text.text });
  }
  return out;
}

describe('Slack modals', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: every title, button, label, hint, placeholder and option fits Slack's limits, titles uncut`, () => {
      for (const title of TITLES) expect(modalTitle(lang, title).length, `${lang} title ${title}: ${modalTitle(lang, title)}`).toBeLessThanOrEqual(MODAL_LIMITS.title);
      for (const view of modalsIn(lang)) {
        expect(TITLES.map((x) => modalTitle(lang, x))).toContain(view.title.text);
        for (const { where, text } of texts(view)) {
          expect(text.trim(), `${lang} ${where}`).not.toBe('');
          expect(text, `${lang} ${where}`).not.toMatch(/\{[a-zA-Z]+[,}]|_empty|undefined/);
          if (where !== 'other') expect(text.length, `${lang} ${where}: ${text}`).toBeLessThanOrEqual(MODAL_LIMITS[where]);
        }
      }
    });
  }

  it('speaks the reader’s language: German and French booking modals, no English', () => {
    const de = JSON.stringify(bookModal(config, 'de', { linked: false, standardFees: fees }));
    for (const s of ['"Termin buchen"', '"Buchen"', '"Abbrechen"', '"Art des Termins"', '"Online-Termin"', '"Telefontermin"', '"30 Minuten"', '"Wann"', '"Wartungscode"', '"Kein Code?"', 'Zum Standardpreis buchen (ab 60', 'Standardpreise: Online-Termin 30 Min. 75']) expect(de).toContain(s);
    const fr = JSON.stringify(reasonModal('fr', 'decline', '{}'));
    expect(fr).toContain('"Refuser"');
    expect(fr).toContain('Motif (le client le voit)');
    expect(fr).toContain('"Envoyer"');
    for (const view of [de, fr]) expect(view).not.toMatch(/\b(Book|Cancel|Kind of session|Length|When|Reason|Send|Close|standard fee)\b/);
  });

  it("names the kinds as the vendor does when it set a label", () => {
    const labelled = configWith((c) => void (c.sessionKinds.online.label = 'Remote desk'));
    const view = JSON.stringify(bookModal(labelled, 'de', { linked: false, standardFees: fees }));
    expect(view).toContain('"Remote desk"');
    expect(view).toContain('"Telefontermin"');
    expect(view).toContain('Standardpreise: Remote desk 30 Min.');
  });
});
