/**
 * Turns what a person typed ("phone tomorrow at 3 for an hour") into something they can confirm:
 * an exact time that is free (with its price), the nearest free times when it is not, the free
 * times inside a window ("Friday afternoon"), or a question when the text is ambiguous. Nothing is
 * written except the member's first-contact record: booking happens when they press Confirm.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { MAX_INPUT_LENGTH, type WhenCorrection, type WhenHint, type WhenNote } from '../time/index.js';
import { checkExact, findOpenings, nearestOpenings } from '../availability/openings.js';
import { readAsMember, zoneOf } from '../companies/resolve-member.js';
import { quoteFor as quoteOf } from '../policy/quote.js';
import { canChange } from '../policy/change-window.js';
import type { SessionKind } from '../config/schema.js';
import type { Member } from '../model.js';
import type { Tx } from '../ports/store.js';
import type { Quote } from './find-openings.js';
import { slotViews, type SlotView } from './slot-view.js';
import { checkStart } from './check-start.js';
import { fitLength, readRequest } from './request-words.js';
import { loadForCaller } from './booking-access.js';
import type { BookingStatus } from '../model.js';

/** The most characters one request may carry (Discord's message limit); adapters say so before calling. */
export const MAX_REQUEST_CHARS = 2000;
/** A long message is read sentence by sentence, at most this many, for the one that names a time. */
const MAX_SENTENCES = 40;

export const understandRequestInput = z.object({
  caller: callerSchema,
  text: z.string().max(MAX_REQUEST_CHARS, `must be at most ${MAX_REQUEST_CHARS} characters`),
  kind: z.enum(['online', 'phone']).optional(),
  lengthMinutes: z.number().int().positive().optional(),
  /**
   * What a form had selected without the person saying so (the /book modal's kind and length
   * selects): used only when the sentence names no kind or length, so "a call for an hour" typed
   * in the modal reads as it does typed after /book.
   */
  defaults: z.object({ kind: z.enum(['online', 'phone']).optional(), lengthMinutes: z.number().int().positive().optional() }).optional(),
});

/** Words read as others ("tomorow" as "tomorrow"): presenters say them beside every readback. */
interface Corrected {
  corrections?: WhenCorrection[];
}

/**
 * The length named (typed, or passed by a form) is not one this kind of session is offered in:
 * `asked` as read (0 or below when nonsense: "for 0 minutes", "-30 minutes"), `offered` (ascending),
 * and `used`, the offered length nearest to it (the shorter on a tie) that the answer is for.
 */
export interface LengthNote {
  code: 'length_not_offered';
  asked: number;
  offered: number[];
  used: number;
}

interface Understood extends Corrected {
  zone: string;
  sessionKind: SessionKind;
  lengthMinutes: number;
  quote: Quote;
  /** Presenters say it beside every answer that carries it. */
  lengthNote?: LengthNote;
}

type Answer =
  /** `changeable`: false when the time is inside the change window (it could never be changed or cancelled). */
  | (Understood & { kind: 'proposal'; startsAt: string; readback: string; notes: WhenNote[]; changeable: boolean })
  | (Understood & { kind: 'unavailable'; startsAt: string; readback: string; reason: 'slot_taken' | 'outside_hours' | 'too_soon' | 'too_far'; alternatives: SlotView[] })
  | (Understood & { kind: 'choose'; readback: string; slots: SlotView[] })
  | (Understood & { kind: 'ambiguous'; options: { startsAt: string; readback: string; label: string }[] })
  | (Corrected & { kind: 'in_past'; readback: string; zone: string })
  | (Corrected & { kind: 'nonexistent_time'; requested: string; nearest: { startsAt: string; readback: string }[]; zone: string })
  | { kind: 'unparseable'; hint: WhenHint };

/**
 * `zoneSaved`: the person saved a zone (else times are read in the vendor's, and adapters may say so).
 * `language`: the language the text was read in, the one to answer in (what `languageFor` gives: chosen,
 * else the platform's locale, else the one saved before; null: the vendor's), so an adapter need not ask.
 */
export type UnderstandRequestResult = Answer & { zoneSaved: boolean; language: string | null };

export const understandMoveInput = z.object({
  caller: callerSchema,
  bookingId: z.string().min(1).max(64),
  text: z.string().max(MAX_REQUEST_CHARS, `must be at most ${MAX_REQUEST_CHARS} characters`),
});

/**
 * A new time typed for an existing booking: read as for that booking's kind and length, and its own
 * time does not count as taken (moving a session by half an hour overlaps itself). Who may move it is
 * checked first, as rescheduleBooking checks it.
 */
export type UnderstandMoveResult =
  | UnderstandRequestResult
  | { kind: 'not_active'; status: BookingStatus }
  | { kind: 'not_found' }
  | { kind: 'not_allowed' };

const MOVABLE: BookingStatus[] = ['pending_approval', 'confirmed'];

async function quoteFor(deps: CoreDeps, tx: Tx, companyId: string | null, kind: SessionKind, lengthMinutes: number, now: Date): Promise<Quote> {
  const { config } = deps;
  const company = companyId ? await tx.companies.get(companyId) : null;
  // Lengths come from the session kinds, and config validation requires a fee for each.
  return quoteOf(config, { company, kind, lengthMinutes, now, payOnline: !!deps.payments })!;
}

/**
 * Read as readAsMember reads (no transaction for a returning caller with nothing new; on PostgreSQL
 * the transaction read at read committed as well, so it gave no shared snapshot either). Nothing here
 * books: Confirm checks the time again in bookSession's own transaction.
 */
export function understandRequest(deps: CoreDeps) {
  const { store, clock } = deps;
  const understand = async (tx: Tx, input: z.output<typeof understandRequestInput>, member: Member): Promise<UnderstandRequestResult> => ({
    ...(await answer(deps, tx, input, clock.now(), member)),
    zoneSaved: member.zone != null,
    language: languageOf(member, input.caller),
  });
  return useCase('understandRequest', understandRequestInput, deps, (input) => readAsMember(store, input.caller, (tx, member) => understand(tx, input, member)));
}

export function understandMove(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('understandMove', understandMoveInput, deps, (input) =>
    store.transaction(async (tx): Promise<UnderstandMoveResult> => {
      const now = clock.now();
      const access = await loadForCaller(tx, config, input.caller, input.bookingId);
      if (access.kind !== 'ok') return access;
      const { booking, member } = access;
      if (!MOVABLE.includes(booking.status) || !booking.startsAt) return { kind: 'not_active', status: booking.status };
      const asked = { caller: input.caller, text: input.text, kind: booking.kind, lengthMinutes: booking.lengthMinutes };
      return { ...(await answer(deps, tx, asked, now, member, booking.id)), zoneSaved: member.zone != null, language: languageOf(member, input.caller) };
    }),
  );
}

/** `excludeBookingId`: a booking being moved, whose own time is not "taken". */
async function answer(deps: CoreDeps, tx: Tx, input: z.output<typeof understandRequestInput>, now: Date, member: Member, excludeBookingId?: string): Promise<Answer> {
      const { config } = deps;
      const personZone = zoneOf(member, config.vendor.zone);
      const lengths = [...config.sessionKinds.online.lengths, ...config.sessionKinds.phone.lengths];
      const parseOptions = { now, zone: personZone, vendorZone: config.vendor.zone, locale: languageOf(member, input.caller) ?? undefined };
      let words = readRequest(input.text, lengths, parseOptions);
      if (words.when.kind === 'unparseable' && (input.text.length > MAX_INPUT_LENGTH || /[\r\n]/.test(input.text))) {
        // A long message ("Hi, our exports fail… could we talk tomorrow at 3pm? Thanks"): the sentence with the time.
        const sentences = input.text.split(/(?<=[.!?])\s+|[\n;]+/).map((t) => t.trim()).filter((t) => t && t.length <= MAX_INPUT_LENGTH).slice(0, MAX_SENTENCES);
        for (const sentence of sentences) {
          const w = readRequest(sentence, lengths, parseOptions);
          if (w.when.kind !== 'unparseable') {
            words = { ...w, kind: w.kind ?? words.kind, lengthMinutes: w.lengthMinutes ?? words.lengthMinutes };
            break;
          }
        }
        if (words.when.kind === 'unparseable') return { kind: 'unparseable', hint: { code: 'no_time_in_message' } };
      }
      const sessionKind = input.kind ?? words.kind ?? input.defaults?.kind ?? 'online';
      const when = words.when;
      if (when.kind === 'unparseable') return when;
      const fixed = when.corrections?.length ? { corrections: when.corrections } : {};
      if (when.kind === 'in_past') return { kind: 'in_past', readback: when.readback, zone: when.zone, ...fixed };
      if (when.kind === 'nonexistent_time') {
        return { kind: 'nonexistent_time', requested: when.requested, zone: when.zone, nearest: when.nearest.map((d, i) => ({ startsAt: d.toISOString(), readback: when.nearestReadbacks[i]! })), ...fixed };
      }
      const offered = [...config.sessionKinds[sessionKind].lengths].sort((a, b) => a - b);
      const asked = input.lengthMinutes ?? words.lengthMinutes ?? when.lengthMinutes ?? input.defaults?.lengthMinutes;
      const lengthMinutes = fitLength(asked, offered);
      // A length named but not offered (45 minutes, 2 hours, 0, -30) is never replaced unsaid: the answer says so.
      const lengthNote: LengthNote | null = asked != null && !offered.includes(asked) ? { code: 'length_not_offered', asked, offered, used: lengthMinutes } : null;
      const base: Understood = { zone: when.zone, sessionKind, lengthMinutes, quote: await quoteFor(deps, tx, member.companyId, sessionKind, lengthMinutes, now), ...fixed, ...(lengthNote ? { lengthNote } : {}) };
      if (when.kind === 'ambiguous') {
        return { ...base, kind: 'ambiguous', options: when.options.map((o) => ({ startsAt: o.start.toISOString(), readback: o.readback, label: o.label })) };
      }
      if (when.kind === 'window') {
        const slots = await findOpenings(tx, config, { kind: sessionKind, lengthMinutes, from: when.from, to: when.to, now, limit: 8 });
        return { ...base, kind: 'choose', readback: when.readback, slots: slotViews(slots) };
      }
      // exact or repeated_time (the first occurrence, with a note)
      const notes = when.kind === 'repeated_time' ? [when.note] : (when.notes ?? []);
      const startsAt = roundUp5(when.start);
      const problem = checkStart(config, { kind: sessionKind, lengthMinutes, startsAt, now });
      const nearest = async () => slotViews(await nearestOpenings(tx, config, { kind: sessionKind, lengthMinutes, around: startsAt, now }));
      if (problem?.kind === 'in_past') return { kind: 'in_past', readback: when.readback, zone: when.zone, ...fixed };
      if (problem?.kind === 'too_soon' || problem?.kind === 'too_far') {
        return { ...base, kind: 'unavailable', startsAt: startsAt.toISOString(), readback: when.readback, reason: problem.kind, alternatives: await nearest() };
      }
      const check = await checkExact(tx, config, { kind: sessionKind, lengthMinutes, start: startsAt, ...(excludeBookingId ? { excludeBookingId } : {}) });
      if (check.kind !== 'free') {
        return { ...base, kind: 'unavailable', startsAt: startsAt.toISOString(), readback: when.readback, reason: check.kind === 'taken' ? 'slot_taken' : 'outside_hours', alternatives: await nearest() };
      }
      return { ...base, kind: 'proposal', startsAt: startsAt.toISOString(), readback: when.readback, notes, changeable: canChange(now, startsAt, config.policy.cancelCutoffMinutes) };
}

/** The language a person is answered in: the one they chose, else the locale their platform sends, else the one it sent before. */
const languageOf = (member: Member, caller: { locale?: string | undefined }): string | null => member.language ?? caller.locale ?? member.locale ?? null;

/** Sessions start on a 5-minute mark: "in 2 hours" at 10:03 proposes 12:05. */
function roundUp5(d: Date): Date {
  const step = 5 * 60_000;
  return new Date(Math.ceil(d.getTime() / step) * step);
}
