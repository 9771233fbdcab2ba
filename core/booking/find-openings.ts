/**
 * Free times for a kind and length inside a window (a day, "Friday afternoon"), with what the caller
 * would pay: the list a person picks from when they gave no exact time or their time was taken.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { findOpenings as openings } from '../availability/openings.js';
import { quoteFor, type Quote } from '../policy/quote.js';
import { readAsMember, zoneOf } from '../companies/resolve-member.js';
import type { Member } from '../model.js';
import type { Tx } from '../ports/store.js';
import { slotViews, type SlotView } from './slot-view.js';

export type { Quote };

export type FindOpeningsResult = { kind: 'openings'; zone: string; slots: SlotView[]; quote: Quote } | { kind: 'invalid_input'; problems: string[] };

export function findOpenings(deps: CoreDeps) {
  const { store, clock, config } = deps;
  const input = z.object({
    caller: callerSchema,
    kind: z.enum(['online', 'phone']),
    lengthMinutes: z.number().int().positive(),
    from: z.coerce.date(),
    to: z.coerce.date(),
    limit: z.number().int().min(1).max(50).default(10),
    payStandardFee: z.boolean().default(false),
  });
  const find = async (tx: Tx, i: z.output<typeof input>, member: Member): Promise<FindOpeningsResult> => {
    const now = clock.now();
    // The company (for the price) and the busy time are read side by side: one wait, not two.
    const [company, found] = await Promise.all([
      member.companyId ? tx.companies.get(member.companyId) : null,
      openings(tx, config, { kind: i.kind, lengthMinutes: i.lengthMinutes, from: i.from, to: i.to, now, limit: i.limit }),
    ]);
    const quote = quoteFor(config, { company, kind: i.kind, lengthMinutes: i.lengthMinutes, now, payStandardFee: i.payStandardFee, payOnline: !!deps.payments });
    if (!quote) return { kind: 'invalid_input', problems: [`lengthMinutes: no fee is set for ${i.lengthMinutes} minutes`] };
    return { kind: 'openings', zone: zoneOf(member, config.vendor.zone), slots: slotViews(found), quote };
  };
  // The list is a proposal: booking one of its times checks it again in bookSession.
  return useCase('findOpenings', input, deps, (i) => readAsMember(store, i.caller, (tx, member) => find(tx, i, member)));
}

/**
 * "Other times" under an offered time: the next free times after it, within the configured window
 * (`policy.otherTimesDays`), priced for the caller. Every platform's button asks this, so the window
 * is chosen once.
 */
export function otherTimes(deps: CoreDeps) {
  const { config } = deps;
  const find = findOpenings(deps);
  const input = z.object({
    caller: callerSchema,
    kind: z.enum(['online', 'phone']),
    lengthMinutes: z.number().int().positive(),
    after: z.coerce.date(),
    limit: z.number().int().min(1).max(25).default(5),
    payStandardFee: z.boolean().default(false),
  });
  return useCase('otherTimes', input, deps, (i) => {
    const from = new Date(i.after.getTime() + config.policy.slotStepMinutes * 60_000);
    const to = new Date(from.getTime() + config.policy.otherTimesDays * 86_400_000);
    return find({ caller: i.caller, kind: i.kind, lengthMinutes: i.lengthMinutes, from, to, limit: i.limit, payStandardFee: i.payStandardFee });
  });
}
