/**
 * The vendor's own name for a kind of session (config `sessionKinds.<kind>.label`) is shown as written,
 * in every language; without one, each person reads the catalog's name in their language.
 */
import { describe, expect, it } from 'vitest';
import type { BookingCard } from '../../../core/index.js';
import { configWith, exampleConfig } from '../../../test/support/config.js';
import { contextFor } from './booking.js';
import { presentNotice } from './notices.js';
import { presentFees } from './results.js';
import { renderMessage as slack } from '../../slack/render/index.js';

const card: BookingCard = {
  bookingId: 'bk_1', reference: 'SK-ABCDE', kind: 'phone', kindLabel: null, status: 'confirmed', staffName: 'Ben Okafor',
  startsAt: '2026-12-01T20:00:00.000Z', endsAt: '2026-12-01T21:00:00.000Z', lengthMinutes: 60, zone: 'Europe/Berlin', vendorZone: 'America/New_York',
  priceCents: 0, currency: 'USD', priceBasis: 'plan_free', joinUrl: 'http://localhost:3000/j/tok', phoneNumber: '+1 555 010 0200', phonePin: '123456',
  changeUntil: '2026-12-01T18:55:00.000Z', changeOpen: true, remindersAt: [], companyName: 'Acme Crating', memberName: 'Kim Larsen', emergency: false, description: null,
};
const shown = (m: Parameters<typeof slack>[0]) => JSON.stringify(slack(m));
const labelled = configWith((raw) => {
  raw.sessionKinds.phone.label = 'Hotline Pro';
});

describe("the kind's name", () => {
  it('is the vendor label when set, in every language (confirmation and fee list)', () => {
    for (const lang of ['de', 'fr', 'en'] as const) {
      const ctx = contextFor(labelled, lang);
      expect(shown(presentNotice({ type: 'booking_confirmed', booking: { ...card, kindLabel: 'Hotline Pro' } }, ctx))).toContain(`Hotline Pro (`);
      const fees = presentFees(ctx, { kind: 'fees', currency: 'USD', lines: [{ kind: 'phone', kindLabel: 'Hotline Pro', lengthMinutes: 30, feeCents: 6000 }], plan: { kind: 'free' }, emergencySurchargeCents: 5000, reinstatementCents: 10000, company: null, youPay: 'standard' });
      expect(shown(fees.message)).toContain('Hotline Pro, 30');
    }
  });

  it("is the catalog's name in the reader's language when the vendor set none", () => {
    const config = exampleConfig();
    expect(config.sessionKinds.phone.label).toBeUndefined();
    expect(shown(presentNotice({ type: 'booking_confirmed', booking: card }, contextFor(config, 'de')))).toContain('Telefontermin (1 Stunde) mit Ben Okafor');
    expect(shown(presentNotice({ type: 'booking_confirmed', booking: card }, contextFor(config, 'fr')))).toContain('Séance par téléphone (1 heure) avec Ben Okafor');
    expect(shown(presentNotice({ type: 'booking_confirmed', booking: card }, contextFor(config, 'en')))).toContain('Phone session (1 hour) with Ben Okafor');
  });
});
