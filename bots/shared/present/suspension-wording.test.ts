/**
 * A suspension takes away the plan price, whatever the plan gives: with a discount plan the messages
 * say the discount is suspended (not "free sessions"); with a free plan they read as before.
 */
import { describe, expect, it } from 'vitest';
import { configWith, exampleConfig } from '../../../test/support/config.js';
import { contextFor } from './booking.js';
import type { Lang } from './i18n.js';
import type { BookingCard } from '../../../core/index.js';
import { presentNotice } from './notices.js';
import { checkoutText } from './checkout.js';
import { presentBook, presentEmergency, presentFees, presentProfile } from './results.js';
import { renderMessage as discord } from '../../discord/render/index.js';
import { renderMessage as slack } from '../../slack/render/index.js';

const discount = configWith((c) => { c.fees.plan = { kind: 'discount', percent: 50 }; });
const free = exampleConfig();
const notice = { type: 'suspended' as const, companyName: 'Acme Crating', feeCents: 10000, currency: 'USD', cancelled: [], paymentInstructions: null };
const refused = { kind: 'suspended' as const, companyName: 'Acme Crating', reinstatementCents: 10000, feeCents: 7500, currency: 'USD' };
const asked = { startsAt: '2026-12-01T20:00:00.000Z', kind: 'online' as const, lengthMinutes: 30 };
const zone = 'America/New_York';
const presentCard = (): BookingCard => ({
  bookingId: 'bk_1', reference: 'SK-ABCDE', kind: 'online', kindLabel: null, status: 'confirmed', staffName: 'Ben Okafor',
  startsAt: '2026-12-01T20:00:00.000Z', endsAt: '2026-12-01T20:30:00.000Z', lengthMinutes: 30, zone, vendorZone: zone,
  priceCents: 3750, currency: 'USD', priceBasis: 'plan_discount', joinUrl: 'http://localhost:3000/j/tok', phoneNumber: '+1 555 010 0200', phonePin: '123456',
  changeUntil: '2026-12-01T18:55:00.000Z', changeOpen: true, remindersAt: [], companyName: 'Acme Crating', memberName: 'Kim Larsen', emergency: false, description: null,
});
const seen = (config: typeof free, lang: Lang) => {
  const ctx = contextFor(config, lang);
  return {
    notice: discord(presentNotice(notice, ctx)).content,
    book: discord(presentBook(ctx, refused, asked, zone).message).content,
    emergency: slack(presentEmergency(ctx, { ...refused, feeCents: 12500 }, zone, 'Zxq').message).text,
  };
};

describe('suspension wording with a discount plan', () => {
  it('en: the discount is suspended, the standard fee is offered; no "free sessions"', () => {
    const s = seen(discount, 'en');
    expect(s.notice).toContain('The maintenance plan discount for Acme Crating is suspended after repeated no-shows.');
    expect(s.notice).toContain('A payment of $100 reinstates the discount');
    expect(s.book).toContain('The maintenance plan discount for Acme Crating is suspended after repeated no-shows. A payment of $100 reinstates it; until then you can book at the standard fee of $75.');
    expect(s.emergency).toContain('at the standard fee of $125');
    for (const text of Object.values(s)) expect(text).not.toMatch(/free session/i);
    const ctx = contextFor(discount, 'en');
    const profile = { companyName: 'Acme Crating', code: 'ACME-2026', planActive: true, planUntil: '2028-01-01T05:00:00.000Z', planThrough: '2027-12-31', strikes: 2, strikeLimit: 2, suspended: true };
    expect(JSON.stringify(slack(presentProfile(ctx, { kind: 'profile', profile, zone }, zone).message))).toContain('2 of 2 (plan discount suspended)');
  });

  it('de: "Der Rabatt … ist … ausgesetzt", nothing about kostenlose Termine', () => {
    const s = seen(discount, 'de');
    expect(s.notice).toContain('Der Rabatt aus dem Wartungsvertrag von Acme Crating ist nach wiederholt nicht wahrgenommenen Terminen ausgesetzt.');
    expect(s.book).toContain('Der Rabatt aus dem Wartungsvertrag von Acme Crating ist nach wiederholt nicht wahrgenommenen Terminen ausgesetzt.');
    expect(s.book).toMatch(/bis dahin können Sie zur Standardgebühr von 75\s\$ buchen/);
    for (const text of Object.values(s)) expect(text).not.toMatch(/kostenlos/i);
  });

  it('fr: /fees says the plan discount is suspended and the standard fee is paid', () => {
    const ctx = contextFor(discount, 'fr');
    const fees = presentFees(ctx, { kind: 'fees', currency: 'USD', lines: [], plan: { kind: 'discount', percent: 50 }, emergencySurchargeCents: 5000, reinstatementCents: 10000, company: { name: 'Acme Crating', planActive: true, planUntil: null, suspended: true, strikes: 2 }, youPay: 'suspended' }).message;
    const text = discord(fees).content;
    expect(text).toContain('La remise du contrat de votre entreprise est suspendue');
    expect(text).not.toMatch(/gratuite/);
  });

  it('the payment page names what the reinstatement gives back (en, de)', () => {
    expect(checkoutText({ item: { what: 'reinstatement', companyName: 'Acme Crating', plan: 'discount' }, locale: 'en' }).description).toBe('Reinstatement of the plan discount · Acme Crating');
    expect(checkoutText({ item: { what: 'reinstatement', companyName: 'Acme Crating', plan: 'discount' }, locale: 'de-DE' }).description).toBe('Wiederherstellung des Vertragsrabatts · Acme Crating');
    expect(checkoutText({ item: { what: 'reinstatement', companyName: 'Acme Crating', plan: 'free' }, locale: 'en' }).description).toBe('Reinstatement of free sessions · Acme Crating');
  });

  it('a reversed no-show that lifts the suspension says the discount applies again (nl, es)', () => {
    const card = presentCard();
    const reversed = { type: 'no_show_reversed' as const, booking: card, companyName: 'Acme Crating', strikes: 1, strikeLimit: 2, suspensionLifted: true, reason: 'Zxq' };
    expect(discord(presentNotice(reversed, contextFor(discount, 'nl'))).content).toContain('De contractkorting van Acme Crating geldt weer.');
    expect(discord(presentNotice(reversed, contextFor(discount, 'es'))).content).toContain('El descuento del plan de Acme Crating vuelve a aplicarse.');
    expect(discord(presentNotice(reversed, contextFor(free, 'en'))).content).toContain('Free sessions for Acme Crating are available again.');
  });

  it('a free plan keeps its wording', () => {
    const s = seen(free, 'en');
    expect(s.notice).toContain('Free sessions for Acme Crating are suspended after repeated no-shows.');
    expect(s.book).toContain('Free sessions for Acme Crating are suspended after repeated no-shows. A payment of $100 reinstates them; until then you can book at the standard fee of $75.');
    expect(seen(free, 'de').notice).toContain('Die kostenlosen Termine für Acme Crating sind nach wiederholt nicht wahrgenommenen Terminen gesperrt.');
  });
});
