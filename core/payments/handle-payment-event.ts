/**
 * A verified event from the payment provider (the Stripe webhook), processed once:
 * - checkout completed: a held booking is confirmed (or goes to staff when approval is `always`), a
 *   reinstatement lifts the suspension; the payment is recorded with the provider's ids;
 * - checkout expired or payment failed: a held booking's time is released.
 * Replays change nothing (event ids are recorded); events arriving out of order are settled by the
 * checkout's own state (open → paid | expired, conditionally). A payment that finds no booking to
 * confirm (the hold ran out, the booking was cancelled) is recorded and shown to staff to refund or
 * re-place, and the customer is told. A payment of another amount or currency than the checkout asked
 * confirms nothing (nor lifts a suspension): it is recorded as it arrived and staff settle it.
 * Everything is audited.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase } from '../use-case.js';
import type { Tx } from '../ports/store.js';
import type { Checkout } from '../ports/store.js';
import { recordAudit } from '../audit/record-audit.js';
import { queueSuspensionEnded } from '../notifications/suspension-ended.js';
import { loadCard } from '../notifications/booking-card.js';
import { planApprovalTimeout, planFollowUps } from '../booking/follow-ups.js';
import { releaseHold } from './booking-hold.js';

export const paymentEventInput = z.object({
  id: z.string().min(1).max(255),
  type: z.enum(['checkout_completed', 'checkout_expired', 'payment_failed', 'other']),
  providerType: z.string().max(100),
  checkoutId: z.string().max(255).nullable(),
  paymentId: z.string().max(255).nullable(),
  amountCents: z.number().int().nullable(),
  currency: z.string().max(3).nullable(),
});

export type PaymentEventResult =
  | { kind: 'duplicate' }
  | { kind: 'ignored'; why: 'unknown_checkout' | 'not_handled' | 'already_settled' }
  | { kind: 'booking_confirmed'; bookingId: string }
  | { kind: 'booking_to_staff'; bookingId: string }
  | { kind: 'reinstated'; companyId: string }
  | { kind: 'payment_to_settle'; checkoutId: string }
  | { kind: 'hold_released'; bookingId: string };

const SYSTEM = { kind: 'system' as const };

export function handlePaymentEvent(deps: CoreDeps) {
  const { store, clock, config } = deps;
  /** Who recorded a payment: the provider whose events these are ('stripe', or 'simulated' in the console). */
  const provider = deps.payments?.provider ?? 'stripe';
  return useCase('handlePaymentEvent', paymentEventInput, deps, (e) =>
    store.transaction(async (tx): Promise<PaymentEventResult> => {
      const now = clock.now();
      if (!(await tx.paymentEvents.claim(e.id, e.providerType, now))) return { kind: 'duplicate' };
      const checkout = e.checkoutId ? await tx.checkouts.get(e.checkoutId) : null;
      await recordAudit(tx, now, SYSTEM, 'payment', e.checkoutId ?? e.id, 'provider_event', { eventId: e.id, type: e.providerType, checkoutId: e.checkoutId, paymentId: e.paymentId, known: !!checkout });
      if (e.type === 'other') return { kind: 'ignored', why: 'not_handled' };
      if (!checkout) return { kind: 'ignored', why: 'unknown_checkout' };
      if (e.type === 'checkout_completed') return completed(tx, checkout, e, now);
      // Expired or failed: only an open checkout (a completed one stays paid, whatever arrives later).
      if (!(await tx.checkouts.settle(checkout.id, ['open'], 'expired'))) return { kind: 'ignored', why: 'already_settled' };
      if (checkout.bookingId && (await releaseHold(tx, config, checkout.bookingId, now, e.type === 'payment_failed' ? 'payment_failed' : 'checkout_expired'))) {
        return { kind: 'hold_released', bookingId: checkout.bookingId };
      }
      return { kind: 'ignored', why: 'already_settled' };
    }),
  );

  async function completed(tx: Tx, checkout: Checkout, e: z.output<typeof paymentEventInput>, now: Date): Promise<PaymentEventResult> {
    // Paid, even when an expiry was processed first (out of order): the money arrived.
    if (!(await tx.checkouts.settle(checkout.id, ['open', 'expired'], 'paid'))) return { kind: 'ignored', why: 'already_settled' };
    const amountCents = e.amountCents ?? checkout.amountCents;
    const currency = (e.currency ?? checkout.currency).toUpperCase();
    const paid = { amountCents, currency, recordedBy: provider, at: now, checkoutId: checkout.id, providerPaymentId: e.paymentId };
    // Not what the checkout asked (another amount or currency): nothing is confirmed or lifted on it;
    // it is recorded as paid and staff settle it. A figure the provider did not report is the checkout's.
    const expected = { amountCents: checkout.amountCents, currency: checkout.currency.toUpperCase() };
    if (amountCents !== expected.amountCents || currency !== expected.currency) {
      const company = checkout.purpose === 'reinstatement' && checkout.companyId ? await tx.companies.get(checkout.companyId) : null;
      return toSettle(tx, checkout, paid, now, company?.name ?? null, expected);
    }

    if (checkout.purpose === 'reinstatement') {
      const company = checkout.companyId ? await tx.companies.get(checkout.companyId) : null;
      if (company && company.suspended && company.suspendedAt?.getTime() === checkout.suspendedAt?.getTime() && (await tx.companies.reinstate(company.id, company.suspendedAt))) {
        await tx.payments.record({ ...paid, companyId: company.id, purpose: 'reinstatement', reference: checkout.id, suspendedAt: company.suspendedAt });
        await recordAudit(tx, now, SYSTEM, 'company', company.id, 'reinstated', { amountCents, currency, reference: checkout.id, paymentId: e.paymentId, strikesCleared: company.strikes, via: provider });
        await queueSuspensionEnded(tx, company.id, { companyName: company.name, how: 'paid_online', at: now.toISOString(), amountCents }, now);
        // As staff recording it does (manage-companies.ts): the strike history starts again here.
        await recordAudit(tx, now, SYSTEM, 'strike', company.id, 'strikes_cleared', { from: company.strikes });
        const members = await tx.members.listByCompany(company.id);
        await tx.outbox.enqueue([
          ...members.map((m) => ({ recipient: { to: 'member' as const, memberId: m.id }, bookingId: null, notice: { type: 'reinstated' as const, companyName: company.name }, dueAt: now })),
          { recipient: { to: 'staff' }, bookingId: null, notice: { type: 'staff_reinstatement_paid', companyName: company.name, amountCents, currency, reference: checkout.id }, dueAt: now },
        ]);
        return { kind: 'reinstated', companyId: company.id };
      }
      // Reinstated meanwhile (staff recorded an outside payment, or a second checkout was paid).
      return toSettle(tx, checkout, paid, now, company?.name ?? null);
    }

    const booking = checkout.bookingId ? await tx.bookings.get(checkout.bookingId) : null;
    if (!booking) return toSettle(tx, checkout, paid, now, null);
    const approval = config.policy.approval === 'always';
    const moved = await tx.bookings.transition(booking.id, ['awaiting_payment'], { status: approval ? 'pending_approval' : 'confirmed' });
    if (!moved) return toSettle(tx, checkout, paid, now, null);
    await tx.jobs.voidPending(booking.id);
    await tx.payments.record({ ...paid, companyId: booking.companyId, bookingId: booking.id, purpose: 'session_fee', reference: booking.reference, suspendedAt: null });
    await recordAudit(tx, now, SYSTEM, 'booking', booking.id, approval ? 'paid_requested' : 'paid_booked', { amountCents, currency, checkoutId: checkout.id, paymentId: e.paymentId });
    const card = await loadCard(tx, config, moved, now);
    const toMember = { to: 'member' as const, memberId: moved.memberId };
    if (approval) {
      await tx.outbox.enqueue([
        { recipient: toMember, bookingId: moved.id, notice: { type: 'booking_pending', booking: card }, dueAt: now },
        { recipient: { to: 'staff' }, bookingId: moved.id, notice: { type: 'staff_approval_request', booking: { ...card, zone: config.vendor.zone } }, dueAt: now },
      ]);
      await planApprovalTimeout(tx, moved);
      return { kind: 'booking_to_staff', bookingId: moved.id };
    }
    await tx.outbox.enqueue([{ recipient: toMember, bookingId: moved.id, notice: { type: 'booking_confirmed', booking: card }, dueAt: now }]);
    await planFollowUps(tx, config, moved, card, now);
    return { kind: 'booking_confirmed', bookingId: moved.id };
  }

  /**
   * Money with nothing left to pay for, or not the amount the checkout asked (`expected`): recorded as
   * it arrived, staff asked to refund or place it. The customer is told their payment arrived and what
   * happens to it; for a wrong amount the booking's hold is released at once and the message says why
   * (left to run out, it would have said no payment arrived).
   */
  async function toSettle(tx: Tx, checkout: Checkout, paid: { amountCents: number; currency: string; recordedBy: string; at: Date; checkoutId: string; providerPaymentId: string | null }, now: Date, companyName: string | null, expected?: { amountCents: number; currency: string }): Promise<PaymentEventResult> {
    const booking = checkout.bookingId ? await tx.bookings.get(checkout.bookingId) : null;
    const reference = booking?.reference ?? checkout.id;
    await tx.payments.record({ ...paid, companyId: checkout.companyId, bookingId: checkout.bookingId, purpose: 'unmatched', reference, suspendedAt: null });
    await recordAudit(tx, now, SYSTEM, 'payment', checkout.id, 'to_settle', {
      amountCents: paid.amountCents, currency: paid.currency, bookingId: checkout.bookingId, bookingStatus: booking?.status ?? null, paymentId: paid.providerPaymentId,
      ...(expected ? { expectedAmountCents: expected.amountCents, expectedCurrency: expected.currency } : {}),
    });
    // A wrong amount for a booking still held: nothing is booked on it, so the time goes now.
    const released = booking && expected && (await releaseHold(tx, config, booking.id, now, 'payment_mismatch', { tell: false }));
    const current = booking && released ? ((await tx.bookings.get(booking.id)) ?? booking) : booking;
    const card = current ? await loadCard(tx, config, current, now) : null;
    const tellMember = booking && card && (!expected || released);
    await tx.outbox.enqueue([
      ...(tellMember ? [{ recipient: { to: 'member' as const, memberId: booking.memberId }, bookingId: booking.id, notice: { type: 'payment_received_late' as const, booking: card, amountCents: paid.amountCents, currency: paid.currency, ...(expected ? { expected } : {}) }, dueAt: now }] : []),
      {
        recipient: { to: 'staff' },
        bookingId: booking?.id ?? null,
        notice: {
          type: 'staff_payment_to_settle', purpose: checkout.purpose, reference, companyName: companyName ?? card?.companyName ?? null, customerName: card?.memberName ?? null,
          amountCents: paid.amountCents, currency: paid.currency, paymentId: paid.providerPaymentId, bookingStatus: current?.status ?? null, ...(expected ? { expected } : {}),
        },
        dueAt: now,
      },
    ]);
    return { kind: 'payment_to_settle', checkoutId: checkout.id };
  }
}
