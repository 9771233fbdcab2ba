/**
 * An emergency made after hours waits for the next working period: nothing said about a waiting
 * emergency (help, the refusal to squeeze in, an unanswered request closing) promises "today".
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, ts } from './i18n.js';

const TODAY = /\b(today|heute|aujourd|hoy|hoje|vandaag)/i;

describe('emergency wording in every language', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: help, no free time, nothing else free, closed unanswered: no "today"`, () => {
      const said = [
        ts(lang, 'help.emergency', { cmd: '/emergency' }),
        ts(lang, 'home.help', { book: '/book', example: '/book', fees: '/fees', emergency: '/emergency' }),
        ts(lang, 'staffEmergency.noGap'),
        ts(lang, 'squeeze.taken', { options: '' }),
        ts(lang, 'reason.systemStaff', { code: 'emergency_timeout' }),
        ts(lang, 'reason.system', { code: 'emergency_timeout', cmd: '/book' }),
        ts(lang, 'emergencyReceived.afterHours', { time: '' }),
      ];
      for (const s of said) {
        expect(s.length).toBeGreaterThan(10);
        expect(s).not.toMatch(TODAY);
      }
    });
  }
});
