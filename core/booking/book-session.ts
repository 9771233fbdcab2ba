/**
 * Book a session at an exact time: price it, decide approval, take a staff member's time, and plan
 * the confirmation, reminders and no-show check. Every refusal is a value the adapters present.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { PersonBusyError, SlotTakenError } from '../ports/store.js';
import { checkExact, nearestOpenings } from '../availability/openings.js';
import { bufferCells, occupiedCells } from '../availability/cells.js';
import { toCents } from '../policy/pricing.js';
import { quoteFor, quotedCents, type Quote } from '../policy/quote.js';
import { canChange } from '../policy/change-window.js';
import { zoneOf } from '../companies/resolve-member.js';
import { languageOf } from '../companies/set-language.js';
import { bookingCustomer, type CustomerProblem } from '../companies/booking-customer.js';
import { bookingCard } from '../notifications/booking-card.js';
import type { BookingCard } from '../notifications/types.js';
import { recordAudit } from '../audit/record-audit.js';
import { planApprovalTimeout, planFollowUps } from './follow-ups.js';
import { conferenceFor } from './conference.js';
import { checkStart, type StartProblem } from './check-start.js';
import { slotViews, type SlotView } from './slot-view.js';
import type { SessionKind } from '../config/schema.js';
import type { Booking } from '../model.js';
import { openBookingCheckout, paysOnline, planHold } from '../payments/booking-hold.js';

export const bookSessionInput = z.object({
  caller: callerSchema,
  kind: z.enum(['online', 'phone']),
  lengthMinutes: z.number().int().positive(),
  startsAt: z.coerce.date(),
  /** A maintenance code, when the person is not linked yet. */
  code: z.string().max(64).optional(),
  /** Book at the standard fee (no plan, or the plan price suspended). */
  payStandardFee: z.boolean().default(false),
  /**
   * The `key` of the quote the person was shown with this offer. The press is priced again; if the
   * key no longer matches, nothing is booked and the answer is `quote_changed`.
   */
  quoteKey: z.string().max(32).optional(),
  description: z.string().max(1000).optional(),
});

export type BookSessionResult =
  | { kind: 'booked'; booking: BookingCard }
  | { kind: 'pending_approval'; booking: BookingCard }
  /**
   * Paid online (Stripe on): the time is held until `holdUntil` while the person pays at `payUrl`.
   * `payUrl` null: the checkout could not be opened, the hold was released, nothing is booked.
   */
  | { kind: 'awaiting_payment'; booking: BookingCard; payUrl: string | null; holdUntil: string }
  /**
   * The price or the person's standing changed since the offer: nothing was booked. `quote` is the
   * new offer for the same time, to confirm (its key books it).
   */
  | { kind: 'quote_changed'; quote: Quote; startsAt: string; sessionKind: SessionKind; lengthMinutes: number; zone: string; changeable: boolean }
  /** The person already holds a booking at an overlapping time (a replayed or double Confirm lands here). */
  | { kind: 'already_booked'; booking: BookingCard }
  | { kind: 'slot_taken'; zone: string; alternatives: SlotView[]; quote?: Quote }
  | { kind: 'outside_hours'; zone: string; alternatives: SlotView[]; quote?: Quote }
  | StartProblem
  | CustomerProblem
  /** `payOnline`: the reinstatement fee can be paid online now (Stripe on). */
  | { kind: 'suspended'; companyName: string; reinstatementCents: number; feeCents: number; currency: string; payOnline?: boolean }
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
        let held: { booking: Booking; until: Date; locale: string } | null = null;
        const result = await store.transaction(async (tx): Promise<BookSessionResult> => {
          const customer = await bookingCustomer(tx, config, input.caller, input.code, now);
          if (customer.kind !== 'customer') return customer;
          const { member, company } = customer;
          const zone = zoneOf(member, config.vendor.zone);
          const quote = quoteFor(config, { company, kind: input.kind, lengthMinutes: input.lengthMinutes, now, payStandardFee: input.payStandardFee, payOnline: !!deps.payments });
          if (!quote) return { kind: 'invalid_input', problems: [`lengthMinutes: no fee is set for ${input.lengthMinutes} minutes`] };
          if (quote.kind === 'not_linked') return { kind: 'not_linked', feeCents: quote.feeCents, currency: quote.currency };
          if (quote.kind === 'suspended') {
            return { kind: 'suspended', companyName: company!.name, reinstatementCents: quote.reinstatementCents, feeCents: quote.feeCents, currency: quote.currency, ...(deps.payments ? { payOnline: true } : {}) };
          }
          if (quoteMoved(input, quote, config, company?.id ?? null)) {
            const fresh = quoteFor(config, { company, kind: input.kind, lengthMinutes: input.lengthMinutes, now, payOnline: !!deps.payments })!;
            return {
              kind: 'quote_changed', quote: fresh, startsAt: input.startsAt.toISOString(), sessionKind: input.kind, lengthMinutes: input.lengthMinutes, zone,
              changeable: canChange(now, input.startsAt, config.policy.cancelCutoffMinutes),
            };
          }
          const price = { priceCents: quote.priceCents, basis: quote.basis };

          const check = await checkExact(tx, config, { kind: input.kind, lengthMinutes: input.lengthMinutes, start: input.startsAt });
          if (check.kind !== 'free') {
            const alternatives = slotViews(await nearestOpenings(tx, config, { kind: input.kind, lengthMinutes: input.lengthMinutes, around: input.startsAt, now }));
            return { kind: check.kind === 'taken' ? 'slot_taken' : 'outside_hours', zone, alternatives, quote };
          }
          const staffId = check.staffIds[Math.min(attempt, check.staffIds.length - 1)]!;
          const staff = config.staff.find((s) => s.id === staffId);
          const online = paysOnline(deps, quote.priceCents);
          const pending = quote.needsApproval && !online;
          const booking = await tx.bookings.create(
            {
              reference: ids.reference(),
              companyId: company?.id ?? null,
              memberId: member.id,
              staffId,
              kind: input.kind,
              status: online ? 'awaiting_payment' : pending ? 'pending_approval' : 'confirmed',
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
            { bufferCells: bufferCells(endsAt, config.sessionKinds[input.kind].bufferMinutes), memberCells: occupiedCells(input.startsAt, endsAt) },
          );
          const card = bookingCard(config, booking, { member, company, now });
          const actor = { kind: 'member' as const, memberId: member.id, platform: input.caller.platform };
          await recordAudit(tx, now, actor, 'booking', booking.id, online ? 'held_for_payment' : pending ? 'requested' : 'booked', {
            startsAt: booking.startsAt, staffId, priceCents: booking.priceCents, priceBasis: booking.priceBasis,
          });
          if (online) {
            const until = await planHold(tx, config, booking, now);
            held = { booking, until, locale: languageOf(member) ?? config.vendor.locale };
            return { kind: 'awaiting_payment', booking: card, payUrl: null, holdUntil: until.toISOString() };
          }
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
        const hold = held as { booking: Booking; until: Date; locale: string } | null;
        if (hold && result.kind === 'awaiting_payment') {
          // The provider is called outside the transaction: a slow network never holds the database.
          const opened = await openBookingCheckout(deps, hold.booking, hold.locale, hold.until);
          return { ...result, payUrl: opened?.url ?? null, booking: opened ? result.booking : { ...result.booking, status: 'cancelled' } };
        }
        return result;
      } catch (e) {
        if (e instanceof PersonBusyError) return alreadyBooked(deps, input.caller, input.startsAt, endsAt);
        if (!(e instanceof SlotTakenError)) throw e;
      }
    }
    const alternatives = await store.transaction((tx) => nearestOpenings(tx, config, { kind: input.kind, lengthMinutes: input.lengthMinutes, around: input.startsAt, now }));
    const member = await store.transaction((tx) => tx.members.find(input.caller.platform, input.caller.userId));
    return { kind: 'slot_taken', zone: zoneOf(member, config.vendor.zone), alternatives: slotViews(alternatives) };
  });
}

/**
 * Whether the press carries a price other than the one it would book at now. The shown price is the
 * quote key the offer carried or, for a "Book at the standard fee" press without one, the standard
 * fee. Entering a code in the same press (linking now) may only lower the price.
 */
function quoteMoved(input: { quoteKey?: string; payStandardFee: boolean; code?: string }, quote: Extract<Quote, { kind: 'priced' }>, config: CoreDeps['config'], companyId: string | null): boolean {
  if (input.quoteKey !== undefined) {
    if (input.quoteKey === quote.key) return false;
    const shown = quotedCents(input.quoteKey);
    return !(input.code && shown !== null && quote.priceCents <= shown);
  }
  if (input.payStandardFee && companyId) {
    // Chose the standard fee (e.g. while suspended); the company is entitled to a better price now.
    return quote.basis !== 'standard_fee' && quote.basis !== 'emergency';
  }
  void config;
  return false;
}

/** The booking the person already holds over [start, end), shown instead of booking twice. */
async function alreadyBooked(deps: CoreDeps, caller: { platform: 'slack' | 'discord' | 'console'; userId: string }, start: Date, end: Date): Promise<BookSessionResult> {
  const { store, config, clock } = deps;
  return store.transaction(async (tx) => {
    const member = (await tx.members.find(caller.platform, caller.userId))!;
    const live = await tx.bookings.upcomingFor({ companyId: null, memberId: member.id, from: new Date(start.getTime() - 24 * 3600_000), statuses: ['pending_approval', 'confirmed'] });
    const hit = live.find((b) => b.memberId === member.id && b.startsAt && b.endsAt && b.startsAt < end && b.endsAt > start);
    if (!hit) throw new PersonBusyError();
    const company = hit.companyId ? await tx.companies.get(hit.companyId) : null;
    return { kind: 'already_booked', booking: bookingCard(config, hit, { member, company, now: clock.now() }) };
  });
}
