/**
 * The payments port: core decides what is to be paid and when a hold ends; an adapter (Stripe
 * Checkout, bots/shared/payments/) opens the hosted page where the person pays. No card data ever
 * passes through Slotkeeper. Absent (no keys configured): paid bookings follow the manual path.
 */
export type CheckoutItem =
  /** `label`: the vendor's own name for the kind (config), null for the catalog's. */
  | { what: 'session_fee'; kind: 'online' | 'phone'; label: string | null; lengthMinutes: number; reference: string }
  /** `plan`: the plan's kind (config `fees.plan.kind`): what the reinstatement gives back, free sessions or the discount. */
  | { what: 'reinstatement'; companyName: string; plan: 'free' | 'discount' };

export interface CheckoutRequest {
  purpose: 'session_fee' | 'reinstatement';
  /** The booking reference, or the company name for a reinstatement: shown on the page and in the provider's dashboard. */
  reference: string;
  amountCents: number;
  /** ISO 4217, upper case (the provider may want lower case). */
  currency: string;
  /**
   * What is paid, as values: the adapter words it (the line on the page, the terms under the pay
   * button: paid sessions are not refundable) in `locale`, the payer's language. Core words nothing.
   */
  item: CheckoutItem;
  /** The payer's language (their /language choice, else their platform's locale, else the vendor's). */
  locale: string;
  /** When the hold ends; the provider's session may live longer (Stripe needs at least 30 min). */
  holdUntil: Date;
  /** Carried back on the provider's events. */
  metadata: Record<string, string>;
}

export interface OpenedCheckout {
  /** The provider's id for the checkout (Stripe: cs_…). */
  id: string;
  /** Where the person pays. */
  url: string;
}

export interface PaymentGateway {
  readonly provider: string;
  openCheckout(req: CheckoutRequest): Promise<OpenedCheckout>;
}

/** A provider event, already verified by the adapter, as core reads it. */
export interface PaymentEvent {
  /** The provider's event id (Stripe: evt_…): processed once. */
  id: string;
  type: 'checkout_completed' | 'checkout_expired' | 'payment_failed' | 'other';
  /** The provider's raw type, for the audit. */
  providerType: string;
  checkoutId: string | null;
  paymentId: string | null;
  amountCents: number | null;
  currency: string | null;
}
