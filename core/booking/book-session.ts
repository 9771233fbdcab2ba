/**
 * Book a session at an exact time: price it, decide approval, take a staff member's time, and plan
 * the confirmation, reminders and no-show check. Every refusal is a value the adapters present.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { SlotTakenError } from '../ports/store.js';
import { checkExact, nearestOpenings } from '../availability/openings.js';
import { occupiedCells } from '../availability/cells.js';
import { priceSession, standardFeeCents, toCents } from '../policy/pricing.js';
import { needsApproval } from '../policy/approval.js';
import { zoneOf } from '../companies/resolve-member.js';
import { bookingCustomer } from '../companies/booking-customer.js';
import { bookingCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';
import { recordAudit } from '../audit/record-audit.js';
import { planApprovalTimeout, planFollowUps } from './follow-ups.js';
import { conferenceFor } from './conference.js';
import { checkStart, type StartProblem } from './check-start.js';
import { slotViews, type SlotView } from './slot-view.js';

export const bookSessionInput = z.object({
  caller: callerSchema,
  kind: z.enum(['online', 'phone']),
  lengthMinutes: z.number().int().positive(),
  startsAt: z.coerce.date(),
  /** A maintenance code, when the person is not linked yet. */
  code: z.string().max(64).optional(),
  /** Book at the standard fee (no plan, or free sessions suspended). */
  payStandardFee: z.boolean().default(false),
  description: z.string().max(1000).optional(),
});

export type BookSessionResult =
  | { kind: 'booked'; booking: BookingCard }
  | { kind: 'pending_approval'; booking: BookingCard }
  | { kind: 'slot_taken'; zone: string; alternatives: SlotView[] }
  | { kind: 'outside_hours'; zone: string; alternatives: SlotView[] }
  | StartProblem
  | { kind: 'code_invalid'; attemptsLeft: number }
  | { kind: 'code_locked'; retryAt: string }
  | { kind: 'suspended'; companyName: string; reinstatementCents: number; feeCents: number; currency: string }
  | { kind: 'not_linked'; feeCents: number; currency: string };

const MIN = 60_000;

export function bookSession(deps: CoreDeps) {
  const { store, clock, ids, config } = deps;
  return useCase('bookSession', bookSessionInput, deps, async (input): Promise<BookSessionResult> => {
    const now = clock.now();
    const problem = checkStart(config, { ...input, now });
    if (problem) return problem;
    const endsAt = new Date(input.startsAt.getTime() + input.lengthMinutes * MIN);

    // A concurrent request may take the chosen staff member's time between our check and our insert;
    // the database refuses the second insert (SlotTakenError) and we look again, a bounded number of times.
    for (let attempt = 0; attempt < config.staff.length + 1; attempt++) {
      try {
        return await store.transaction(async (tx): Promise<BookSessionResult> => {
          const customer = await bookingCustomer(tx, config, input.caller, input.code, now);
          if (customer.kind !== 'customer') return customer;
          const { member, company } = customer;
          const zone = zoneOf(member, config.vendor.zone);
          const feeCents = standardFeeCents(config.fees, input.kind, input.lengthMinutes) ?? 0;
          if (!company && !input.payStandardFee) return { kind: 'not_linked', feeCents, currency: config.vendor.currency };

          const price = priceSession({ fees: config.fees, kind: input.kind, lengthMinutes: input.lengthMinutes, company, now, payStandardFee: input.payStandardFee });
          if (price.kind === 'no_fee') return { kind: 'invalid_input', problems: [`lengthMinutes: no fee is set for ${input.lengthMinutes} minutes`] };
          if (price.kind === 'suspended') {
            return { kind: 'suspended', companyName: company!.name, reinstatementCents: toCents(config.policy.reinstatementFee), feeCents: price.feeCents, currency: config.vendor.currency };
          }

          const check = await checkExact(tx, config, { kind: input.kind, lengthMinutes: input.lengthMinutes, start: input.startsAt });
          if (check.kind !== 'free') {
            const alternatives = slotViews(await nearestOpenings(tx, config, { kind: input.kind, lengthMinutes: input.lengthMinutes, around: input.startsAt, now }));
            return { kind: check.kind === 'taken' ? 'slot_taken' : 'outside_hours', zone, alternatives };
          }
          const staffId = check.staffIds[Math.min(attempt, check.staffIds.length - 1)]!;
          const staff = config.staff.find((s) => s.id === staffId);
          const pending = needsApproval(config.policy.approval, price.priceCents);
          const booking = await tx.bookings.create(
            {
              reference: ids.reference(),
              companyId: company?.id ?? null,
              memberId: member.id,
              staffId,
              kind: input.kind,
              status: pending ? 'pending_approval' : 'confirmed',
              startsAt: input.startsAt,
              endsAt,
              lengthMinutes: input.lengthMinutes,
              bufferMinutes: config.sessionKinds[input.kind].bufferMinutes,
              priceCents: price.priceCents,
              currency: config.vendor.currency,
              priceBasis: price.basis,
              emergency: false,
              description: input.description ?? null,
              platform: input.caller.platform,
              ...conferenceFor(config, ids, staff),
            },
            occupiedCells(input.startsAt, endsAt),
          );
          const card = bookingCard(config, booking, { member, company, now });
          const actor = { kind: 'member' as const, memberId: member.id, platform: input.caller.platform };
          await recordAudit(tx, now, actor, 'booking', booking.id, pending ? 'requested' : 'booked', {
            startsAt: booking.startsAt, staffId, priceCents: booking.priceCents, priceBasis: booking.priceBasis,
          });
          const toMember = { to: 'member' as const, memberId: member.id };
          if (pending) {
            await tx.outbox.enqueue([
              { recipient: toMember, bookingId: booking.id, notice: { type: 'booking_pending', booking: card }, dueAt: now },
              { recipient: { to: 'staff' }, bookingId: booking.id, notice: { type: 'staff_approval_request', booking: bookingCard(config, booking, { member, company, zone: config.vendor.zone, now }) }, dueAt: now },
            ]);
            await planApprovalTimeout(tx, booking);
            return { kind: 'pending_approval', booking: card };
          }
          await tx.outbox.enqueue([{ recipient: toMember, bookingId: booking.id, notice: { type: 'booking_confirmed', booking: card }, dueAt: now }]);
          await planFollowUps(tx, config, booking, card, now);
          return { kind: 'booked', booking: card };
        });
      } catch (e) {
        if (!(e instanceof SlotTakenError)) throw e;
      }
    }
    const alternatives = await store.transaction((tx) => nearestOpenings(tx, config, { kind: input.kind, lengthMinutes: input.lengthMinutes, around: input.startsAt, now }));
    const member = await store.transaction((tx) => tx.members.find(input.caller.platform, input.caller.userId));
    return { kind: 'slot_taken', zone: zoneOf(member, config.vendor.zone), alternatives: slotViews(alternatives) };
  });
}
