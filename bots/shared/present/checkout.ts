/**
 * The words on the payment provider's page for a checkout core asked for: what is paid (the line
 * item and the payment's description) and the terms under the pay button, in the payer's language.
 */
import type { CheckoutRequest } from '../../../core/ports/payments.js';
import { duration, resolveLang, ts } from './i18n.js';
import { cardKindName } from './booking.js';

export interface CheckoutText {
  /** "Online session, 30 minutes · booking SK-7Q2M", "Telefontermin, 1 Stunde · Buchung SK-7Q2M" */
  description: string;
  /** "Paid sessions are not refundable." */
  terms: string;
}

export function checkoutText(req: Pick<CheckoutRequest, 'item' | 'locale'>): CheckoutText {
  const L = resolveLang(req.locale);
  const item = req.item;
  const description =
    item.what === 'session_fee'
      ? ts(L, 'checkout.session', { name: cardKindName(L, { kind: item.kind, kindLabel: item.label }), length: duration(L, item.lengthMinutes), reference: item.reference })
      : ts(L, 'checkout.reinstatement', { planKind: item.plan, company: item.companyName });
  return { description, terms: ts(L, 'price.notRefundable') };
}
