/**
 * "There may be a true emergency - in that case … request an emergency appointment. I will go
 * through the day's calendar and squeeze you in." The request goes to the staff channel with the
 * earliest squeeze-in options today; staff pick one (squeezeIn) or decline with a reason.
 * Emergencies are priced like any session plus the emergency surcharge.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { priceSession, standardFeeCents, toCents } from '../policy/pricing.js';
import { bookingCustomer, type CustomerProblem } from '../companies/booking-customer.js';
import { bookingCard } from '../notifications/booking-card.js';
import type { BookingCard, SqueezeOption } from '../notifications/types.js';
import { emergencyWindow, squeezeInOptions } from '../availability/squeeze-in.js';
import { recordAudit } from '../audit/record-audit.js';
import { conferenceFor } from './conference.js';
import { lengthProblem } from './check-start.js';

export const requestEmergencyInput = z.object({
  caller: callerSchema,
  description: z.string().trim().min(3, 'say briefly what is wrong').max(1000),
  urgency: z.enum(['critical', 'high', 'normal']).default('high'),
  kind: z.enum(['online', 'phone']).default('online'),
  lengthMinutes: z.number().int().positive().optional(),
  code: z.string().max(64).optional(),
  payStandardFee: z.boolean().default(false),
});

export type RequestEmergencyResult =
  /** `waitsUntil`: made after hours, it waits for the next working period (staff start again then). */
  | { kind: 'emergency_requested'; booking: BookingCard; options: SqueezeOption[]; waitsUntil?: string; expiresAt: string }
  | { kind: 'invalid_input'; problems: string[] }
  | CustomerProblem
  /** `payOnline`: the reinstatement fee can be paid online now (a payment provider is on). */
  | { kind: 'suspended'; companyName: string; reinstatementCents: number; feeCents: number; currency: string; payOnline?: boolean }
  | { kind: 'not_linked'; feeCents: number; currency: string };

export function requestEmergency(deps: CoreDeps) {
  const { store, clock, ids, config } = deps;
  return useCase('requestEmergency', requestEmergencyInput, deps, (input) =>
    store.transaction(async (tx): Promise<RequestEmergencyResult> => {
      const now = clock.now();
      const lengths = config.sessionKinds[input.kind].lengths;
      const lengthMinutes = input.lengthMinutes ?? Math.min(...lengths);
      if (!lengths.includes(lengthMinutes)) return { kind: 'invalid_input', problems: [lengthProblem(config, input.kind)] };
      const customer = await bookingCustomer(tx, config, input.caller, input.code, now);
      if (customer.kind !== 'customer') return customer;
      const { member, company } = customer;
      const surcharge = toCents(config.fees.emergencySurcharge, config.vendor.currency);
      if (!company && !input.payStandardFee) {
        return { kind: 'not_linked', feeCents: (standardFeeCents(config.fees, input.kind, lengthMinutes, config.vendor.currency) ?? 0) + surcharge, currency: config.vendor.currency };
      }
      const price = priceSession({ fees: config.fees, currency: config.vendor.currency, kind: input.kind, lengthMinutes, company, now, payStandardFee: input.payStandardFee, emergency: true });
      if (price.kind === 'suspended') {
        return { kind: 'suspended', companyName: company!.name, reinstatementCents: toCents(config.policy.reinstatementFee, config.vendor.currency), feeCents: price.feeCents, currency: config.vendor.currency, ...(deps.payments ? { payOnline: true } : {}) };
      }
      if (price.kind === 'no_fee') throw new Error(`no fee for ${input.kind} ${lengthMinutes}`);
      const booking = await tx.bookings.create(
        {
          reference: ids.reference(),
          companyId: company?.id ?? null,
          memberId: member.id,
          staffId: null,
          kind: input.kind,
          status: 'emergency_requested',
          startsAt: null,
          endsAt: null,
          lengthMinutes,
          bufferMinutes: config.sessionKinds[input.kind].bufferMinutes,
          priceCents: price.priceCents,
          currency: config.vendor.currency,
          priceBasis: price.basis,
          emergency: true,
          description: input.description,
          platform: input.caller.platform,
          ...conferenceFor(config, ids, undefined),
        },
        [],
      );
      const options = await squeezeInOptions(tx, config, { kind: input.kind, lengthMinutes, now });
      // Not squeezed in by the end of the vendor's day (or, made after hours, of the next working
      // period): declined with a reason, not left waiting.
      const window = emergencyWindow(config, now, lengthMinutes);
      const waits = window.waitsUntil ? { waitsUntil: window.waitsUntil.toISOString() } : {};
      await tx.jobs.schedule([{ bookingId: booking.id, type: 'approval_timeout', dueAt: window.expiresAt }]);
      await recordAudit(tx, now, { kind: 'member', memberId: member.id, platform: input.caller.platform }, 'booking', booking.id, 'emergency_requested', { urgency: input.urgency });
      const card = bookingCard(config, booking, { member, company, now });
      await tx.outbox.enqueue([
        { recipient: { to: 'member', memberId: member.id }, bookingId: booking.id, notice: { type: 'emergency_received', booking: card, ...waits }, dueAt: now },
        { recipient: { to: 'staff' }, bookingId: booking.id, notice: { type: 'staff_emergency_request', booking: { ...card, zone: config.vendor.zone }, urgency: input.urgency, options }, dueAt: now },
      ]);
      return { kind: 'emergency_requested', booking: card, options, ...waits, expiresAt: window.expiresAt.toISOString() };
    }),
  );
}
