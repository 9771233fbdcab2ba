/**
 * The Stripe adapter of core's payments port: Checkout Sessions for a booking's fee or a company's
 * reinstatement, and the webhook's verification (the SDK's signature check) and translation into
 * core's PaymentEvent. Card data never passes through Slotkeeper: the customer pays on Stripe's page.
 */
import Stripe from 'stripe';
import type { CheckoutRequest, OpenedCheckout, PaymentEvent, PaymentGateway } from '../../../core/ports/payments.js';
import { checkoutText } from '../present/checkout.js';
import { resolveLang } from '../present/i18n.js';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Where Stripe sends the person after paying or giving up (the public base URL). */
  returnUrl: string;
  /** Tests: a local fake of the Stripe API. */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
}

/** Stripe lets a Checkout Session expire no sooner than 30 minutes after it is made. */
const STRIPE_MIN_EXPIRY_MS = 31 * 60_000;

export interface StripePayments extends PaymentGateway {
  /** Verifies a webhook delivery (raw body, `stripe-signature` header); throws when forged or stale. */
  verify(rawBody: Buffer | string, signature: string | undefined): PaymentEvent;
  readonly client: Stripe;
}

export function stripePayments(s: StripeSettings, clock: { now(): Date } = { now: () => new Date() }): StripePayments {
  const client = new Stripe(s.secretKey, {
    maxNetworkRetries: 1,
    timeout: 10_000,
    ...(s.api ? { host: s.api.host, port: s.api.port, protocol: s.api.protocol } : {}),
  });
  return {
    provider: 'stripe',
    client,
    async openCheckout(req: CheckoutRequest): Promise<OpenedCheckout> {
      // What is paid and the terms, worded in the payer's language (core gives values, not words).
      const { description, terms } = checkoutText(req);
      const expiresAt = Math.max(req.holdUntil.getTime(), clock.now().getTime() + STRIPE_MIN_EXPIRY_MS);
      const session = await client.checkout.sessions.create(
        {
          mode: 'payment',
          client_reference_id: req.reference,
          line_items: [{ quantity: 1, price_data: { currency: req.currency.toLowerCase(), unit_amount: req.amountCents, product_data: { name: description } } }],
          custom_text: { submit: { message: terms } },
          metadata: req.metadata,
          payment_intent_data: { metadata: req.metadata, description },
          expires_at: Math.ceil(expiresAt / 1000),
          // Back to our /paid page, in the payer's language.
          success_url: `${s.returnUrl.replace(/\/$/, '')}/paid?reference=${encodeURIComponent(req.reference)}&lang=${resolveLang(req.locale)}`,
          cancel_url: `${s.returnUrl.replace(/\/$/, '')}/paid?reference=${encodeURIComponent(req.reference)}&lang=${resolveLang(req.locale)}&cancelled=1`,
        },
        // One Checkout Session per booking or suspension, even if the call is retried.
        { idempotencyKey: `slotkeeper-${req.metadata.bookingId ?? req.metadata.companyId ?? req.reference}-${req.purpose}-${req.holdUntil.getTime()}` },
      );
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a url`);
      return { id: session.id, url: session.url };
    },
    verify(rawBody, signature) {
      if (!signature) throw new Error('missing stripe-signature header');
      const event = client.webhooks.constructEvent(rawBody, signature, s.webhookSecret);
      return toPaymentEvent(event);
    },
  };
}

function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  const base = { id: event.id, providerType: event.type };
  // Signed, but without the object its type promises (an API version we do not know): nothing to act on.
  const object = (event as { data?: { object?: unknown } }).data?.object;
  if (!object || typeof object !== 'object' || typeof (object as { id?: unknown }).id !== 'string') return { ...base, type: 'other', checkoutId: null, paymentId: null, amountCents: null, currency: null };
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const cs = event.data.object;
      // A delayed payment method completes the session unpaid; its async_payment_succeeded follows.
      if (cs.payment_status === 'unpaid') return { ...base, type: 'other', checkoutId: cs.id, paymentId: null, amountCents: null, currency: null };
      return { ...base, type: 'checkout_completed', checkoutId: cs.id, paymentId: paymentIntentId(cs.payment_intent), amountCents: cs.amount_total ?? null, currency: cs.currency ?? null };
    }
    case 'checkout.session.expired':
      return { ...base, type: 'checkout_expired', checkoutId: event.data.object.id, paymentId: null, amountCents: null, currency: null };
    case 'checkout.session.async_payment_failed':
      return { ...base, type: 'payment_failed', checkoutId: event.data.object.id, paymentId: paymentIntentId(event.data.object.payment_intent), amountCents: null, currency: null };
    default:
      return { ...base, type: 'other', checkoutId: null, paymentId: null, amountCents: null, currency: null };
  }
}

function paymentIntentId(pi: string | Stripe.PaymentIntent | null): string | null {
  return pi === null ? null : typeof pi === 'string' ? pi : pi.id;
}
