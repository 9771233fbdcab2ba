/**
 * Prices are kept in the vendor currency's minor unit, as Stripe charges them: $75 is 7500 (cents), and
 * ¥7500 is 7500 (the yen has none). A vendor in yen sees, is quoted and is charged the fee it configured.
 */
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { harness, customer } from '../support/core-harness.js';
import { configWith } from '../support/config.js';
import { presentFees } from '../../bots/shared/present/results.js';
import { contextFor } from '../../bots/shared/present/booking.js';
import { money } from '../../bots/shared/present/i18n.js';
import { toCents } from '../../core/policy/pricing.js';
import { START, book } from './helpers.js';

forEachDatabase('a vendor whose currency has no minor unit (yen)', (t) => {
  it('the configured ¥7,500 is quoted, shown and booked as ¥7,500, not a hundred times that', async () => {
    const config = configWith((c) => {
      c.vendor.currency = 'JPY';
      c.fees.standard.online = { '30': 7500, '60': 14000 };
      c.fees.emergencySurcharge = 5000;
      c.policy.approval = 'never';
    });
    const h = harness(t.db, { config });
    const fees = await h.core.feeSchedule({ caller: customer('U1') });
    if (fees.kind !== 'fees') throw new Error(fees.kind);
    expect(fees.lines.find((l) => l.kind === 'online' && l.lengthMinutes === 30)).toMatchObject({ feeCents: 7500 });
    // what /fees shows (every part of the message, as the renderers get it)
    const text = JSON.stringify(presentFees(contextFor(config, 'en'), fees).message);
    expect(text).toContain('Online session, 30 min: ¥7,500');
    expect(text).toContain('Online session, 60 min: ¥14,000');
    expect(text).toContain('Emergency surcharge: ¥5,000');
    const b = await book(h, customer('U1'), START, { payStandardFee: true });
    expect(b).toMatchObject({ priceCents: 7500, currency: 'JPY' });
  });
});

describe('a configured amount is shown as configured, whatever the currency\'s unit', () => {
  it.each([
    [75, 'USD', '$75'],
    [12.5, 'EUR', '€12.50'],
    [7500, 'JPY', '¥7,500'],
    [5000, 'ISK', 'ISK 5,000'],
    [5000, 'HUF', 'HUF 5,000'],
    [12.5, 'KWD', 'KWD 12.500'],
  ])('%s %s', (amount, currency, shown) => {
    expect(money('en', toCents(amount as number, currency as string), currency as string).replace(/\u00a0/g, ' ')).toBe(shown);
  });
});
