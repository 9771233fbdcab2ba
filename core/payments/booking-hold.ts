/**
 * A paid booking while Stripe is on: the slot is held (status `awaiting_payment`, its cells taken)
 * for `payment.holdMinutes`, as a `payment_hold` job row the sweeper performs. A checkout is opened
 * for the quoted price; paying confirms it (see handle-payment-event.ts), the hold's end releases it.
 */
import type { CoreDeps } from '../deps.js';
import type { Config } from '../config/schema.js';
import type { Booking } from '../model.js';
import type { Tx } from '../ports/store.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCard } from '../notifications/booking-card.js';

const MIN = 60_000;

/** Whether a booking at this price is paid online before it is confirmed. */
export function paysOnline(deps: Pick<CoreDeps, 'payments'>, priceCents: number): boolean {
  return !!deps.payments && priceCents > 0;
}

export function holdUntil(config: Config, now: Date): Date {
  return new Date(now.getTime() + config.payment.holdMinutes * MIN);
}

/** Inside the booking's transaction: the hold's end as a job row. */
export async function planHold(tx: Tx, config: Config, booking: Booking, now: Date): Promise<Date> {
  const until = holdUntil(config, now);
  await tx.jobs.schedule([{ bookingId: booking.id, type: 'payment_hold', dueAt: until }]);
  return until;
}

/**
 * After the booking's transaction: opens the checkout and records it. If the provider cannot be
 * reached, the hold is released at once (nothing stays blocked) and null is returned.
 */
export async function openBookingCheckout(deps: CoreDeps, booking: Booking, locale: string, until: Date): Promise<{ url: string; checkoutId: string } | null> {
  const { payments, store, clock, config, log } = deps;
  if (!payments) return null;
  try {
    const opened = await payments.openCheckout({
      purpose: 'session_fee',
      reference: booking.reference,
      amountCents: booking.priceCents,
      currency: booking.currency,
      item: { what: 'session_fee', kind: booking.kind, label: config.sessionKinds[booking.kind].label ?? null, lengthMinutes: booking.lengthMinutes, reference: booking.reference },
      locale,
      holdUntil: until,
      metadata: { purpose: 'session_fee', bookingId: booking.id, reference: booking.reference },
    });
    await store.transaction(async (tx) => {
      await tx.checkouts.create({ id: opened.id, purpose: 'session_fee', bookingId: booking.id, companyId: booking.companyId, suspendedAt: null, amountCents: booking.priceCents, currency: booking.currency, url: opened.url, createdAt: clock.now() });
      await recordAudit(tx, clock.now(), { kind: 'system' }, 'booking', booking.id, 'checkout_opened', { checkoutId: opened.id, provider: payments.provider, amountCents: booking.priceCents, currency: booking.currency, holdUntil: until });
    });
    return { url: opened.url, checkoutId: opened.id };
  } catch (e) {
    log?.error({ bookingId: booking.id, err: (e as Error).message }, 'opening the checkout failed');
    await store.transaction((tx) => releaseHold(tx, config, booking.id, clock.now(), 'checkout_failed', { tell: false }));
    return null;
  }
}

/**
 * Ends a hold: the booking is cancelled and its time freed, if it is still waiting for payment
 * (conditional: a payment that just arrived wins). The customer is told unless `tell` is false.
 */
export async function releaseHold(tx: Tx, config: Config, bookingId: string, now: Date, why: 'hold_expired' | 'checkout_expired' | 'payment_failed' | 'checkout_failed' | 'payment_mismatch', opts: { tell?: boolean } = {}): Promise<boolean> {
  const released = await tx.bookings.transition(bookingId, ['awaiting_payment'], { status: 'cancelled' });
  if (!released) return false;
  await tx.bookings.releaseCells(bookingId);
  await tx.jobs.voidPending(bookingId);
  const open = await tx.checkouts.openFor({ bookingId });
  if (open) await tx.checkouts.settle(open.id, ['open'], 'expired');
  await recordAudit(tx, now, { kind: 'system' }, 'booking', bookingId, 'hold_released', { why, checkoutId: open?.id ?? null });
  if (opts.tell !== false) {
    const card = await loadCard(tx, config, released, now);
    await tx.outbox.enqueue([{ recipient: { to: 'member', memberId: released.memberId }, bookingId, notice: { type: 'payment_hold_expired', booking: card }, dueAt: now }]);
  }
  return true;
}
