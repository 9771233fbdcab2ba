/**
 * Every result kind of every use case the adapters call, as a neutral Message, once for all
 * platforms. Each switch is exhaustive: a new kind in core breaks the build here until it is told.
 * A result that needs the person to type something next carries a `prompt` (Slack opens a modal,
 * Discord a modal, the console a field).
 */
import type { Core } from '../../../core/index.js';
import type { BookingCard } from '../../../core/notifications/types.js';
import type { SessionKind } from '../../../core/config/schema.js';
import { duration, label, money, plain, planDate, resolveLang, t, ts, type Lang } from './i18n.js';
import type { CatalogKey } from './catalog/en.js';
import { cmd, contextFor, customerName, kindName, lines, payReinstatementButton, planKind, referenceText, say, staffPart, time, whenOf, type PresentContext } from './booking.js';
import type { Button, Line, Message, Text } from './model.js';
import type { Slot } from './intents.js';
import { timeText } from './time-text.js';
import { noLongerAvailable } from '../refusals.js';
import { cityOf } from '../../../core/time/index.js';
import { correctionsText, hintText, lengthNoteText, noteText, optionLabel, readbackText } from './parse-notes.js';
import type { WhenNote } from '../../../core/time/index.js';

export type R<K extends keyof Core> = Core[K] extends (...a: never[]) => Promise<infer X> ? X : never;

export type Prompt =
  /** The maintenance code, then book this slot (or book it at the standard fee). */
  | { kind: 'code'; slot: Slot; feeCents: number; currency: string }
  /** A new time for this booking. */
  | { kind: 'move'; bookingId: string; sessionKind: SessionKind; lengthMinutes: number; current: Text };

export interface Presentation {
  message: Message;
  prompt?: Prompt;
}

function assertNever(x: never): never {
  throw new Error(`unpresented result: ${JSON.stringify(x)}`);
}

const reply = (ctx: PresentContext, text: Text, extra: Partial<Message> = {}): Presentation => ({ message: say(ctx, 'person', text, extra) });
const invalid = (ctx: PresentContext, problems: string[]) => reply(ctx, t(ctx.lang, 'result.invalid', { problems: problems.join('; ') }));
const notFound = (ctx: PresentContext) => reply(ctx, t(ctx.lang, 'result.notFound'));
const notYours = (ctx: PresentContext) => reply(ctx, t(ctx.lang, 'result.notYours'));
export const notAllowed = (ctx: PresentContext) => reply(ctx, t(ctx.lang, 'result.staffOnly'));
const status = (ctx: PresentContext, s: string) => ts(ctx.lang, 'status.name', { status: s });

type SlotLike = { startsAt: string };

/** One button per time (at most ten), labelled with the time in the reader's zone. */
export function slotButtons(ctx: PresentContext, slots: SlotLike[], zone: string, base: Omit<Slot, 'startsAt'>): Button[] {
  return slots.slice(0, 10).map((s) => ({ kind: 'action', label: timeText(time(ctx, s.startsAt, zone)), intent: { do: 'book', slot: { ...base, startsAt: s.startsAt } } }));
}

/**
 * How an offer of times is shown where it is shown: who its buttons belong to, whether others read
 * it, and what the platform answers besides booking (Discord's booking threads, "Other times").
 */
export interface OfferOptions {
  /** The platform user the buttons belong to, on a message others can read (a Discord booking thread). */
  author?: string;
  /** Shown where others read it: no amounts, plan or suspension (the person gets them by direct message: presentQuoteDm). */
  public?: boolean;
  /** Offer "Other times" under a proposal (the platform answers the `more` intent). */
  more?: boolean;
  /** The command that saves a zone (Discord `/timezone`): named while times are read in the vendor's zone. */
  zoneCommand?: string;
}

/** The buttons' owner on every slot of the offer. */
const owned = <S extends Omit<Slot, 'startsAt'>>(base: S, opts: OfferOptions): S => (opts.author ? { ...base, author: opts.author } : base);

/** What a quote says where others read it: that the details went to the person alone. */
function publicQuoteText(ctx: PresentContext, q: Quote): Text[] {
  if (q.kind === 'priced') return q.priceCents === 0 ? [] : [t(ctx.lang, 'public.quoteDm')];
  return [t(ctx.lang, 'public.readDm')];
}

const quoteLines = (ctx: PresentContext, q: Quote, opts: OfferOptions): Text[] => (opts.public ? publicQuoteText(ctx, q) : quoteText(ctx, q));

/**
 * A list of times to pick from, headed with what they are for ("a phone session, 30 minutes") and,
 * when core gave one, what they cost; the buttons book at that quote.
 */
function slotsMessage(ctx: PresentContext, intro: Text, slots: SlotLike[], zone: string, base: Omit<Slot, 'startsAt'>, quote?: Quote, opts: OfferOptions = {}): Presentation {
  const L = ctx.lang;
  const what = t(L, 'slots.for', { kind: base.kind, length: duration(L, base.lengthMinutes) });
  // Every quote line, as a proposal shows them: the price, and whether it waits for staff approval or a payment.
  const price = quote ? quoteLines(ctx, quote, opts) : [];
  if (slots.length === 0) return reply(ctx, intro, { sections: [lines(intro, what, t(L, 'slots.none', { cmd: cmd('/book') }))] });
  return { message: { visibility: 'person', sections: [lines(intro, what, ...price, t(L, 'slots.pick'))], buttons: slotButtons(ctx, slots, zone, quoted(owned(base, opts), quote)), summary: intro, locale: L } };
}

/** The slot fields that make a press book at this quote (a priced quote's key; pay buttons carry their own). */
function quoted<S extends Omit<Slot, 'startsAt'>>(base: S, quote: Quote | undefined): S {
  const { quoteKey: _drop, ...rest } = base;
  void _drop;
  return (quote?.kind === 'priced' ? { ...rest, quoteKey: quote.key } : rest) as S;
}

type Quote = Extract<R<'understandRequest'>, { kind: 'proposal' }>['quote'];

export function quoteText(ctx: PresentContext, q: Quote): Text[] {
  const L = ctx.lang;
  switch (q.kind) {
    case 'priced':
      if (q.priceCents === 0) return [t(L, 'quote.free')];
      return [
        t(L, 'price.line', { amount: money(L, q.priceCents, q.currency), basis: q.basis }),
        // Paid online: the payment instructions (the manual path) do not apply.
        ...(q.payOnline ? [t(L, 'quote.payOnline', { minutes: q.holdMinutes ?? ctx.config.payment.holdMinutes })] : q.paymentInstructions ? [t(L, 'quote.payHow', { instructions: q.paymentInstructions })] : []),
        ...(q.needsApproval ? [t(L, 'quote.needsApproval')] : []),
      ];
    case 'not_linked':
      return [t(L, 'quote.notLinked', { confirm: ts(L, 'button.confirm'), amount: money(L, q.feeCents, q.currency) })];
    case 'suspended':
      return [t(L, 'quote.suspended', { planKind: planKind(ctx), amount: money(L, q.feeCents, q.currency), reinstatement: money(L, q.reinstatementCents, q.currency) })];
  }
}

/** "Book at $75": books at the standard fee; `quoteKey` is the key of the quote that named that fee. `anonymous`: where others read it, no amount. */
const payButton = (ctx: PresentContext, slot: Slot, feeCents: number, currency: string, style?: 'primary', quoteKey?: string, anonymous = false): Button => {
  const { quoteKey: _old, ...rest } = slot;
  void _old;
  return {
    kind: 'action',
    label: anonymous ? ts(ctx.lang, 'button.payStandard') : ts(ctx.lang, 'button.payFee', { amount: money(ctx.lang, feeCents, currency) }),
    intent: { do: 'book', slot: { ...rest, payStandardFee: true, ...(quoteKey ? { quoteKey } : {}) } },
    ...(style ? { style } : {}),
  };
};

/** A time offered with its quote (a proposal, or the new quote after the price changed): its lines and buttons. */
function offer(ctx: PresentContext, o: { startsAt: string; sessionKind: SessionKind; lengthMinutes: number; quote: Quote; changeable: boolean }, readback: Text, notes: WhenNote[], intro?: Text, opts: OfferOptions = {}): Message {
  const L = ctx.lang;
  const q = o.quote;
  const slot: Slot = { startsAt: o.startsAt, ...owned({ kind: o.sessionKind, lengthMinutes: o.lengthMinutes }, opts), ...(q.kind === 'priced' ? { quoteKey: q.key } : {}) };
  const more: Button[] = opts.more ? [{ kind: 'action', label: ts(L, 'button.more'), intent: { do: 'more', slot } }] : [];
  const buttons: Button[] =
    q.kind === 'suspended'
      ? [payButton(ctx, slot, q.feeCents, q.currency, 'primary', q.key, opts.public), ...more]
      : [
          { kind: 'action', label: ts(L, q.kind === 'priced' && q.needsApproval ? 'button.request' : 'button.confirm'), intent: { do: 'book', slot }, style: 'primary' },
          ...(q.kind === 'not_linked' ? [payButton(ctx, slot, q.feeCents, q.currency, undefined, q.key, opts.public)] : []),
          ...more,
        ];
  const head = t(L, 'proposal.what', { kind: o.sessionKind, name: kindName(ctx, o.sessionKind), length: duration(L, o.lengthMinutes) });
  return {
    visibility: 'person',
    sections: [
      [...(intro ? [{ text: intro, style: 'strong' as const }] : []), { text: head, style: 'strong' }, { label: label(L, 'label.when'), text: readback }, ...lines(...quoteLines(ctx, q, opts), o.changeable ? null : t(L, 'quote.notChangeable'))],
      ...(notes.length ? [notes.map((n): Line => ({ text: [noteText(L, n)], style: 'muted' }))] : []),
    ],
    buttons,
    summary: intro ?? t(L, 'proposal.summary', { kind: o.sessionKind, name: kindName(ctx, o.sessionKind), readback: plain(readback) }),
    locale: L,
  };
}

/**
 * /book <text>: what was understood. `fallback`: kind and length for results that do not say.
 * While the person has no zone saved and the platform has a command for it, a last line says whose
 * zone times were read in.
 */
export function presentUnderstand(ctx: PresentContext, r: R<'understandRequest'>, fallback: { kind: SessionKind; lengthMinutes: number }, opts: OfferOptions = {}): Presentation {
  const p = withLengthNote(ctx, r, understood(ctx, r, fallback, opts));
  if (!opts.zoneCommand || r.kind === 'invalid_input' || r.zoneSaved !== false) return p;
  const note: Line = { text: t(ctx.lang, 'zone.note', { city: cityOf(ctx.config.vendor.zone), cmd: cmd(opts.zoneCommand) }), style: 'muted' };
  return { ...p, message: { ...p.message, sections: [...p.message.sections, [note]] } };
}

/** A length named but not offered: said first, above whatever the answer is for the length used instead. */
function withLengthNote(ctx: PresentContext, r: R<'understandRequest'>, p: Presentation): Presentation {
  if (!('lengthNote' in r) || !r.lengthNote) return p;
  const note: Line = { text: [lengthNoteText(ctx.lang, r.lengthNote, r.sessionKind)], style: 'strong' };
  return { ...p, message: { ...p.message, sections: [[note], ...p.message.sections] } };
}

function understood(ctx: PresentContext, r: R<'understandRequest'>, fallback: { kind: SessionKind; lengthMinutes: number }, opts: OfferOptions): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'proposal':
      return { message: offer(ctx, r, [readbackText(L, r.readback, r.corrections)], r.notes, undefined, opts) };
    case 'unavailable':
      return slotsMessage(ctx, t(L, 'unavailable.intro', { readback: readbackText(L, r.readback, r.corrections), reason: r.reason, minutes: ctx.config.policy.minNoticeMinutes, days: ctx.config.policy.horizonDays }), r.alternatives, r.zone, { kind: r.sessionKind, lengthMinutes: r.lengthMinutes }, r.quote, opts);
    case 'choose':
      return slotsMessage(ctx, t(L, 'choose.intro', { readback: readbackText(L, r.readback, r.corrections) }), r.slots, r.zone, { kind: r.sessionKind, lengthMinutes: r.lengthMinutes }, r.quote, opts);
    case 'ambiguous':
      return {
        message: {
          visibility: 'person',
          sections: [
            // The buttons book at a priced quote: its price and approval are said before one is pressed
            // (not linked or suspended, a press books nothing yet: the answer to it says what to do).
            lines(t(L, 'ambiguous.question'), ...r.options.map((o) => [ts(L, 'label.colon', { label: optionLabel(L, o.label) }), ' ', o.readback]), ...(r.quote.kind === 'priced' ? quoteLines(ctx, r.quote, opts) : [])),
            ...(r.corrections?.length ? [[{ text: [correctionsText(L, r.corrections)], style: 'muted' as const }]] : []),
          ],
          buttons: r.options.map((o) => ({ kind: 'action', label: o.readback, intent: { do: 'book', slot: { startsAt: o.startsAt, ...quoted(owned({ kind: r.sessionKind, lengthMinutes: r.lengthMinutes }, opts), r.quote) } } })),
          summary: t(L, 'ambiguous.question'),
          locale: L,
        },
      };
    case 'in_past':
      return reply(ctx, t(L, 'understand.inPast', { readback: readbackText(L, r.readback, r.corrections) }));
    case 'nonexistent_time':
      return slotsMessage(ctx, t(L, 'understand.nonexistent', { requested: r.requested, zone: r.zone }), r.nearest, r.zone, fallback, undefined, opts);
    case 'unparseable':
      return reply(ctx, t(L, 'understand.unparseable', { hint: hintText(L, r.hint) }));
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

/** A short reason a typed time cannot be used (a form field's error), or null for a bookable proposal. */
export function understandError(ctx: PresentContext, r: R<'understandRequest'>): string | null {
  const L = ctx.lang;
  const free = (slots: SlotLike[], zone: string) => (slots.length ? ts(L, 'field.free', { times: slots.slice(0, 4).map((s) => timeText(time(ctx, s.startsAt, zone))).join('; ') }) : '');
  switch (r.kind) {
    case 'proposal':
      return null;
    case 'unavailable':
      return `${ts(L, 'field.notFree', { readback: readbackText(L, r.readback, r.corrections) })}${free(r.alternatives, r.zone)}`;
    case 'choose':
      return `${ts(L, 'field.exactTime')}${free(r.slots, r.zone)}`;
    case 'ambiguous':
      return ts(L, 'field.which', { options: r.options.map((o) => optionLabel(L, o.label)).join(' / ') });
    case 'in_past':
      return ts(L, 'understand.inPastShort', { readback: readbackText(L, r.readback, r.corrections) });
    case 'nonexistent_time':
      return ts(L, 'understand.nonexistent', { requested: r.requested, zone: r.zone });
    case 'unparseable':
      return ts(L, 'understand.unparseable', { hint: hintText(L, r.hint) });
    case 'invalid_input':
      return r.problems.join('; ');
    default:
      return assertNever(r);
  }
}

/** The same for a new time typed for a booking (understandMove): who may move it is checked too. */
export function understandMoveError(ctx: PresentContext, r: R<'understandMove'>): string | null {
  switch (r.kind) {
    case 'not_found':
      return ts(ctx.lang, 'result.notFound');
    case 'not_allowed':
      return ts(ctx.lang, 'result.notYours');
    case 'not_active':
      return ts(ctx.lang, 'result.notActive', { status: status(ctx, r.status) });
    default:
      return understandError(ctx, r);
  }
}

/**
 * A new time typed for a booking (understandMove) that cannot be used as typed: why, and the free
 * times near it as buttons that move the booking there. Null for a time it can move to.
 */
export function presentMoveUnderstood(ctx: PresentContext, r: R<'understandMove'>, bookingId: string): Presentation | null {
  const L = ctx.lang;
  const to = (startsAt: string, label: string): Button => ({ kind: 'action', label, intent: { do: 'move-to', bookingId, startsAt } });
  const at = (zone: string) => (s: SlotLike) => to(s.startsAt, timeText(time(ctx, s.startsAt, zone)));
  const choices = (why: Text, buttons: Button[]): Presentation => (buttons.length ? reply(ctx, why, { sections: [lines(why, t(L, 'slots.pick'))], buttons: buttons.slice(0, 10) }) : reply(ctx, why));
  switch (r.kind) {
    case 'proposal':
      return null;
    case 'unavailable':
      return choices(t(L, 'field.notFree', { readback: readbackText(L, r.readback, r.corrections) }), r.alternatives.map(at(r.zone)));
    case 'choose':
      return choices(t(L, 'choose.intro', { readback: readbackText(L, r.readback, r.corrections) }), r.slots.map(at(r.zone)));
    case 'ambiguous':
      return choices(t(L, 'ambiguous.question'), r.options.map((o) => to(o.startsAt, o.readback)));
    case 'nonexistent_time':
      return choices(t(L, 'understand.nonexistent', { requested: r.requested, zone: r.zone }), r.nearest.map((n) => to(n.startsAt, n.readback)));
    default:
      return reply(ctx, [understandMoveError(ctx, r) ?? ts(L, 'field.exactTime')]);
  }
}

/**
 * bookSession. `slot`: what was asked (to ask for a code); `zone`: the person's, for the earliest,
 * the latest, when to retry. `confirmationHere`: the confirmation lands right below (the console),
 * so the reply does not announce it.
 */
export function presentBook(ctx: PresentContext, r: R<'bookSession'>, slot: Slot, zone: string, opts: { confirmationHere?: boolean } = {}): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'booked':
      return reply(ctx, t(L, 'book.booked', { kind: r.booking.kind, name: kindName(ctx, r.booking.kind), when: whenOf(ctx, r.booking), here: opts.confirmationHere ? 'yes' : 'no' }), { icon: 'booked' });
    case 'pending_approval':
      return reply(ctx, t(L, 'book.pending', { kind: r.booking.kind, name: kindName(ctx, r.booking.kind), when: whenOf(ctx, r.booking) }), { icon: 'pending' });
    case 'awaiting_payment': {
      if (!r.payUrl) return reply(ctx, t(L, 'book.paymentUnavailable'));
      const amount = money(L, r.booking.priceCents, r.booking.currency);
      const text = t(L, 'book.awaitingPayment', { kind: r.booking.kind, name: kindName(ctx, r.booking.kind), when: whenOf(ctx, r.booking), amount, time: time(ctx, r.holdUntil, zone) });
      return reply(ctx, text, { icon: 'pending', buttons: [{ kind: 'link', name: 'pay', label: ts(L, 'pay.button', { amount }), url: r.payUrl }], footer: referenceText(ctx, r.booking) });
    }
    case 'slot_taken':
    case 'outside_hours':
      return slotsMessage(ctx, t(L, 'book.unavailable', { reason: r.kind }), r.alternatives, r.zone, { kind: slot.kind, lengthMinutes: slot.lengthMinutes, ...(slot.author ? { author: slot.author } : {}) }, r.quote);
    case 'quote_changed':
      return { message: offer(ctx, r, [time(ctx, r.startsAt, r.zone)], [], t(L, 'book.quoteChanged'), slot.author ? { author: slot.author } : {}) };
    case 'already_booked':
      return reply(ctx, t(L, 'book.alreadyBooked', { kind: r.booking.kind, when: whenOf(ctx, r.booking), reference: r.booking.reference }));
    case 'confirm_switch':
      return reply(ctx, t(L, 'link.confirmSwitch', { from: r.fromCompany, to: r.toCompany, cmd: cmd('/support-code CODE switch') }));
    case 'code_changed':
      return reply(ctx, t(L, 'code.changed', { company: r.companyName, cmd: cmd('/support-code NEW-CODE') }));
    case 'in_past':
      return reply(ctx, t(L, 'book.inPast', { cmd: cmd('/book') }));
    case 'too_soon':
      return reply(ctx, t(L, 'book.tooSoon', { time: time(ctx, r.earliest, zone) }));
    case 'too_far':
      return reply(ctx, t(L, 'book.tooFar', { time: time(ctx, r.latest, zone) }));
    case 'invalid_input':
      return invalid(ctx, r.problems);
    case 'code_invalid':
      return reply(ctx, t(L, 'code.invalid', { left: r.attemptsLeft }));
    case 'code_locked':
      return reply(ctx, t(L, 'code.locked', { time: time(ctx, r.retryAt, zone) }));
    case 'suspended': {
      const text = t(L, 'book.suspended', { planKind: planKind(ctx), company: r.companyName, reinstatement: money(L, r.reinstatementCents, r.currency), amount: money(L, r.feeCents, r.currency) });
      const reinstate: Button[] = r.payOnline ? [payReinstatementButton(ctx, r.reinstatementCents, r.currency)] : [];
      return reply(ctx, text, { buttons: [payButton(ctx, slot, r.feeCents, r.currency, 'primary'), ...reinstate] });
    }
    case 'not_linked': {
      const text = t(L, 'book.notLinked', { amount: money(L, r.feeCents, r.currency) });
      return { ...reply(ctx, text, { buttons: [payButton(ctx, slot, r.feeCents, r.currency, 'primary')] }), prompt: { kind: 'code', slot, feeCents: r.feeCents, currency: r.currency } };
    }
    default:
      return assertNever(r);
  }
}

export function presentSessions(ctx: PresentContext, r: R<'listSessions'>): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'sessions': {
      if (r.sessions.length === 0) return reply(ctx, t(L, 'sessions.none', { cmd: cmd('/book') }));
      const sections: Line[][] = [];
      for (const { booking: b, canChange, joinOpen, inProgress } of r.sessions) {
        const join: Button[] = joinOpen ? [{ kind: 'link', name: 'join', label: ts(L, 'button.join'), url: b.joinUrl }] : [];
        const rowButtons: Button[] = canChange
          ? [
              ...join,
              { kind: 'action', label: ts(L, 'button.reschedule'), intent: { do: 'move', bookingId: b.bookingId } },
              { kind: 'action', label: ts(L, 'button.cancel'), intent: { do: 'cancel', bookingId: b.bookingId }, style: 'danger' },
              ...(b.startsAt ? [{ kind: 'action' as const, label: ts(L, 'button.calendar'), intent: { do: 'calendar' as const, bookingId: b.bookingId } }] : []),
            ]
          : join;
        sections.push([
          { text: t(L, 'sessions.row', { kind: b.kind, name: kindName(ctx, b.kind), when: whenOf(ctx, b), staff: b.staffName ?? ts(L, 'booking.ourStaff'), status: b.status, reference: b.reference }), buttons: rowButtons, ref: b.reference },
          ...(inProgress ? [{ text: t(L, 'sessions.inProgress'), style: 'strong' as const }] : !canChange && b.status === 'confirmed' ? [{ text: t(L, 'sessions.tooLate'), style: 'muted' as const }] : []),
        ]);
      }
      if (r.more > 0) sections.push([{ text: t(L, 'sessions.more', { n: r.more }), style: 'muted' }]);
      return { message: { visibility: 'person', title: t(L, 'sessions.title'), sections, buttons: [], summary: t(L, 'sessions.summary', { n: r.sessions.length + r.more }), locale: L } };
    }
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

/** The cancel step: are you sure? (from viewBooking). */
export function presentCancelStep(ctx: PresentContext, r: R<'viewBooking'>): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'booking': {
      const b = r.booking;
      if (!r.canChange) return reply(ctx, cannotChange(ctx, b, 'cancel'));
      const paid = b.priceCents > 0 ? [{ text: t(L, 'cancel.paidWarning', { amount: money(L, b.priceCents, b.currency) }), style: 'strong' as const }] : [];
      return {
        message: {
          visibility: 'person',
          sections: [[{ text: t(L, 'cancel.ask', { kind: b.kind, when: whenOf(ctx, b) }) }, ...paid]],
          buttons: [
            // The booking as asked about: core cancels nothing if it changed (moved, …) before Yes.
            { kind: 'action', label: ts(L, 'button.cancelYes'), intent: { do: 'cancel-yes', bookingId: b.bookingId, sequence: b.sequence ?? 0 }, style: 'danger' },
            { kind: 'action', label: ts(L, 'button.keep'), intent: { do: 'keep', bookingId: b.bookingId } },
          ],
          summary: t(L, 'cancel.ask', { kind: b.kind, when: whenOf(ctx, b) }),
          locale: L,
        },
      };
    }
    case 'not_found':
      return notFound(ctx);
    case 'not_allowed':
      return notYours(ctx);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

/** "This session can no longer be cancelled here (it is confirmed; changes were possible until …)." */
function cannotChange(ctx: PresentContext, b: BookingCard, what: 'cancel' | 'move'): Text {
  const until = b.changeUntil && b.status === 'confirmed' ? time(ctx, b.changeUntil, b.zone) : '';
  return t(ctx.lang, 'change.noLonger', { what, status: status(ctx, b.status), time: until });
}

export function presentKept(ctx: PresentContext): Presentation {
  return reply(ctx, t(ctx.lang, 'cancel.kept'));
}

export function presentCancel(ctx: PresentContext, r: R<'cancelBooking'>): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'cancelled':
      return reply(ctx, t(L, 'cancel.done', { kind: r.booking.kind, name: kindName(ctx, r.booking.kind), when: whenOf(ctx, r.booking), paid: r.refunded ? 'refunded' : r.booking.priceCents > 0 ? 'yes' : 'no' }), { icon: 'cancelled' });
    case 'too_late':
      return reply(ctx, t(L, 'cancel.tooLate', { time: time(ctx, r.cutoff, r.zone) }));
    case 'not_active':
      return reply(ctx, t(L, 'result.notActive', { status: status(ctx, r.status) }));
    case 'changed':
      // The booking moved (or otherwise changed) after the confirm step showed it: as any stale button.
      return reply(ctx, [noLongerAvailable(L)]);
    case 'not_found':
      return notFound(ctx);
    case 'not_allowed':
      return notYours(ctx);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

/** Staff cancel (core's staffCancelBooking): a refusal there means "staff only", not "someone else's booking". */
export function presentStaffCancel(ctx: PresentContext, r: R<'staffCancelBooking'>): Presentation {
  return r.kind === 'not_allowed' ? notAllowed(ctx) : presentCancel(ctx, r);
}

/** Reschedule: a final message, or an error for the form field where the time was typed. */
export function presentReschedule(ctx: PresentContext, r: R<'rescheduleBooking'>, zone: string): { error?: string; message?: Message } {
  const L = ctx.lang;
  const free = (slots: SlotLike[], z: string) => (slots.length ? ts(L, 'field.free', { times: slots.slice(0, 4).map((s) => timeText(time(ctx, s.startsAt, z))).join('; ') }) : '');
  switch (r.kind) {
    case 'rescheduled':
      return { message: say(ctx, 'person', t(L, 'move.done', { when: whenOf(ctx, r.booking) }), { icon: 'moved' }) };
    case 'too_late':
      return { error: ts(L, 'move.tooLate', { time: timeText(time(ctx, r.cutoff, r.zone)) }) };
    case 'slot_taken':
    case 'outside_hours':
      return { error: `${ts(L, 'book.unavailableShort', { reason: r.kind })}${free(r.alternatives, r.zone)}` };
    case 'in_past':
      return { error: ts(L, 'understand.inPastShort', { readback: '' }) };
    case 'too_soon':
      return { error: ts(L, 'book.tooSoon', { time: timeText(time(ctx, r.earliest, zone)) }) };
    case 'too_far':
      return { error: ts(L, 'book.tooFar', { time: timeText(time(ctx, r.latest, zone)) }) };
    case 'invalid_input':
      return { error: r.problems.join('; ') };
    case 'not_active':
      return { error: ts(L, 'result.notActive', { status: status(ctx, r.status) }) };
    case 'not_found':
      return { error: ts(L, 'result.notFound') };
    case 'not_allowed':
      return { error: ts(L, 'result.notYours') };
    default:
      return assertNever(r);
  }
}

/** Reschedule button: ask for the new time, or say why it cannot move. */
export function presentMoveStep(ctx: PresentContext, r: R<'viewBooking'>): Presentation {
  switch (r.kind) {
    case 'booking': {
      const b = r.booking;
      if (!r.canChange) return reply(ctx, cannotChange(ctx, b, 'move'));
      const current: Text = [kindName(ctx, b.kind), ' ', whenOf(ctx, b)];
      return { ...reply(ctx, t(ctx.lang, 'move.ask')), prompt: { kind: 'move', bookingId: b.bookingId, sessionKind: b.kind, lengthMinutes: b.lengthMinutes, current } };
    }
    case 'not_found':
      return notFound(ctx);
    case 'not_allowed':
      return notYours(ctx);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

export function presentEmergency(ctx: PresentContext, r: R<'requestEmergency'>, zone: string, description = ''): Presentation {
  const L = ctx.lang;
  const pay = (cents: number, currency: string): Button => ({ kind: 'action', label: ts(L, 'button.emergencyPay', { amount: money(L, cents, currency) }), intent: { do: 'emergency-pay', description: description.slice(0, 1000) }, style: 'primary' });
  switch (r.kind) {
    case 'emergency_requested':
      return reply(ctx, t(L, 'emergency.requested'), { icon: 'emergency' });
    case 'code_invalid':
      return reply(ctx, t(L, 'code.invalid', { left: r.attemptsLeft }));
    case 'code_locked':
      return reply(ctx, t(L, 'code.locked', { time: time(ctx, r.retryAt, zone) }));
    case 'confirm_switch':
      return reply(ctx, t(L, 'link.confirmSwitch', { from: r.fromCompany, to: r.toCompany, cmd: cmd('/support-code CODE switch') }));
    case 'code_changed':
      return reply(ctx, t(L, 'code.changed', { company: r.companyName, cmd: cmd('/support-code NEW-CODE') }));
    case 'suspended':
      return reply(ctx, t(L, 'emergency.suspended', { planKind: planKind(ctx), company: r.companyName, reinstatement: money(L, r.reinstatementCents, r.currency), amount: money(L, r.feeCents, r.currency) }), { buttons: [pay(r.feeCents, r.currency), ...(r.payOnline ? [payReinstatementButton(ctx, r.reinstatementCents, r.currency)] : [])] });
    case 'not_linked':
      return reply(ctx, t(L, 'emergency.notLinked', { link: cmd('/support-code YOUR-CODE'), again: cmd('/emergency'), amount: money(L, r.feeCents, r.currency) }), { buttons: [pay(r.feeCents, r.currency)] });
    case 'invalid_input':
      return reply(ctx, t(L, 'emergency.describe', { cmd: cmd('/emergency <what is wrong>') }));
    default:
      return assertNever(r);
  }
}

type Profile = Extract<R<'linkCompany'>, { kind: 'linked' }>['profile'];

function profileLines(ctx: PresentContext, p: Profile, zone: string): Line[] {
  const L = ctx.lang;
  return [
    { label: label(L, 'label.company'), text: [p.companyName] },
    { label: label(L, 'label.code'), text: p.code ? t(L, 'profile.code', { code: { t: 'code', text: p.code } }) : t(L, 'profile.noCode') },
    { label: label(L, 'label.plan'), text: p.planActive ? t(L, 'profile.planActive', { date: p.planThrough ? planDate(L, p.planThrough) : '' }) : t(L, 'profile.planNone') },
    { label: label(L, 'label.noShows'), text: t(L, 'profile.strikes', { planKind: planKind(ctx), strikes: p.strikes, limit: p.strikeLimit, suspended: p.suspended ? 'yes' : 'no' }) },
  ];
}

export function presentLink(ctx: PresentContext, r: R<'linkCompany'>, zone: string): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'linked':
      return { message: { visibility: 'person', icon: 'linked', title: t(L, 'link.linked'), sections: [lines(t(L, 'link.linkedBody')), profileLines(ctx, r.profile, zone)], buttons: [], summary: t(L, 'link.summary', { company: r.profile.companyName }), locale: L } };
    case 'code_invalid':
      return reply(ctx, t(L, 'code.invalidForgot', { left: r.attemptsLeft }));
    case 'code_locked':
      return reply(ctx, t(L, 'code.locked', { time: time(ctx, r.retryAt, zone) }));
    case 'confirm_switch':
      return reply(ctx, t(L, 'link.confirmSwitch', { from: r.fromCompany, to: r.toCompany, cmd: cmd('/support-code CODE switch') }));
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

export function presentProfile(ctx: PresentContext, r: R<'showProfile'>, zone: string): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'profile':
      return { message: { visibility: 'person', icon: 'company', title: t(L, 'profile.title'), sections: [profileLines(ctx, r.profile, r.zone ?? zone)], buttons: [], summary: t(L, 'link.summary', { company: r.profile.companyName }), locale: L } };
    case 'not_linked':
      return reply(ctx, t(L, 'profile.notLinked', { cmd: cmd('/support-code YOUR-CODE'), show: cmd('/support-code') }));
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

export function presentFees(ctx: PresentContext, r: R<'feeSchedule'>): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'fees': {
      const rows = r.lines.map((l) => ({ text: t(L, 'fees.row', { kind: l.kind, name: kindName(ctx, l.kind), minutes: l.lengthMinutes, amount: money(L, l.feeCents, r.currency) }) }));
      const plan = r.plan.kind === 'free' ? t(L, 'fees.planFree') : t(L, 'fees.planDiscount', { percent: r.plan.percent });
      const you = t(L, 'fees.you', { planKind: planKind(ctx), pays: r.youPay, company: r.company?.name ?? '', amount: money(L, r.reinstatementCents, r.currency), link: cmd('/support-code YOUR-CODE') });
      return {
        message: {
          visibility: 'person',
          title: t(L, 'fees.title'),
          sections: [[...rows, ...lines(r.emergencySurchargeCents ? t(L, 'fees.emergency', { amount: money(L, r.emergencySurchargeCents, r.currency) }) : null, plan)], lines(you), [{ text: t(L, 'fees.small'), style: 'muted' }]],
          buttons: [],
          summary: t(L, 'fees.title'),
          locale: L,
        },
      };
    }
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

const alreadyDecided = (ctx: PresentContext, r: { by: string | null; at: string | null; status: string }, zone: string) =>
  reply(ctx, t(ctx.lang, 'decision.already', { by: r.by ?? '', time: r.at ? time(ctx, r.at, zone) : '', status: status(ctx, r.status) }));

export function presentDecision(ctx: PresentContext, r: R<'approveBooking'> | R<'declineBooking'>, zone: string): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'approved':
      return reply(ctx, t(L, 'decision.approved', { kind: r.booking.kind, name: kindName(ctx, r.booking.kind), when: whenOf(ctx, r.booking) }));
    case 'declined':
      return reply(ctx, t(L, 'decision.declined', { kind: r.booking.kind, name: kindName(ctx, r.booking.kind), when: whenOf(ctx, r.booking) }));
    case 'already_decided':
      return alreadyDecided(ctx, r, zone);
    case 'changed':
      // Moved after the card showed it: as any stale button (the newer card has the booking as it is).
      return reply(ctx, [noLongerAvailable(L)]);
    case 'not_found':
      return notFound(ctx);
    case 'not_allowed':
      return notAllowed(ctx);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

export function presentSqueeze(ctx: PresentContext, r: R<'squeezeIn'>, zone: string): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'scheduled':
      return reply(ctx, t(L, 'squeeze.done', { when: whenOf(ctx, r.booking), staff: r.booking.staffName ?? ts(L, 'booking.ourStaff') }));
    case 'slot_taken':
      return reply(ctx, t(L, 'squeeze.taken', { options: r.options.slice(0, 4).map((o) => `${o.staffName} ${timeText(time(ctx, o.startsAt, zone))}`).join('; ') }));
    case 'outside_hours_confirm':
      // Nothing is booked: the staff member confirms a time outside the assignee's hours apart.
      return reply(ctx, t(L, 'squeeze.outsideHours', { staff: r.staffName, when: time(ctx, r.startsAt, zone, { end: r.endsAt }) }), {
        buttons: [{ kind: 'action', label: ts(L, 'squeeze.outsideButton'), intent: { do: 'squeeze', bookingId: r.bookingId, staffId: r.staffId, startsAt: r.startsAt, outsideHours: true }, style: 'primary' }],
      });
    case 'in_past':
      return reply(ctx, t(L, 'squeeze.inPast'));
    case 'already_decided':
      return alreadyDecided(ctx, r, zone);
    case 'not_found':
      return notFound(ctx);
    case 'not_allowed':
      return notAllowed(ctx);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

/** Staff: who is linked to a company, and unlinking one of them. */
export function presentCompanyMembers(ctx: PresentContext, r: R<'listCompanyMembers'> | R<'unlinkMember'>): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'members':
      if (!r.members.length) return reply(ctx, t(L, 'members.none', { company: r.companyName }));
      return reply(ctx, t(L, 'members.title', { company: r.companyName, count: r.members.length }), {
        sections: [
          lines(
            t(L, 'members.title', { company: r.companyName, count: r.members.length }),
            ...r.members.map((m) => t(L, 'members.row', { name: m.displayName ?? m.platformUserId, platform: m.platform, id: m.platformUserId, old: m.currentCode ? 'no' : 'yes' })),
            t(L, 'members.howToUnlink', { cmd: cmd('/sk-company unlink') }),
          ),
        ],
      });
    case 'unlinked':
      return reply(ctx, t(L, 'members.unlinked', { name: r.member.displayName ?? r.member.platformUserId, company: r.companyName }));
    case 'not_linked_here':
      return reply(ctx, t(L, 'members.notHere', { company: r.companyName, cmd: cmd('/sk-company members') }));
    case 'not_found':
      return reply(ctx, t(L, 'company.notFound', { name: r.name }));
    case 'not_allowed':
      return notAllowed(ctx);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

/** How to write a no-show reversal (the example is the adapter's command as typed there). */
export function presentReverseUsage(ctx: PresentContext, example: string): Presentation {
  return reply(ctx, t(ctx.lang, 'reverse.usage', { example: cmd(example) }));
}

/** Staff: a no-show reversed (the customer is told by a notice of its own). */
export function presentReverseNoShow(ctx: PresentContext, r: R<'reverseNoShow'>): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'reversed':
      return reply(
        ctx,
        t(L, 'reverse.done', {
          by: r.by,
          kind: r.booking.kind,
          when: whenOf(ctx, r.booking),
          strike: r.strikeRemoved ? 'yes' : 'no',
          strikes: r.strikes ?? 0,
          limit: ctx.config.policy.strikesToSuspend,
          lifted: r.suspensionLifted ? 'yes' : 'no',
        }),
        { footer: referenceText(ctx, r.booking) },
      );
    case 'not_no_show':
      return reply(ctx, t(L, 'reverse.notNoShow', { status: status(ctx, r.status) }));
    case 'not_found':
      return notFound(ctx);
    case 'not_allowed':
      return notAllowed(ctx);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

export function presentMarkJoined(ctx: PresentContext, r: R<'markJoined'>): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'marked':
      return reply(ctx, t(L, 'joined.marked', { kind: r.booking.kind, name: kindName(ctx, r.booking.kind), when: whenOf(ctx, r.booking), by: r.by }));
    case 'too_early':
      return reply(ctx, t(L, 'joined.tooEarly', { time: time(ctx, r.opensAt, ctx.config.vendor.zone) }));
    case 'closed':
      return r.closedAt ? reply(ctx, t(L, 'joined.closed', { time: time(ctx, r.closedAt, ctx.config.vendor.zone) })) : reply(ctx, t(L, 'result.notActive', { status: status(ctx, r.status) }));
    case 'not_found':
      return notFound(ctx);
    case 'not_allowed':
      return notAllowed(ctx);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

export function presentCompanyAdmin(ctx: PresentContext, r: R<'createCompany'>, zone: string): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'company': {
      const p = r.profile;
      const done = t(L, 'company.done', { planKind: planKind(ctx), action: r.action, company: p.companyName, plan: p.planActive ? 'yes' : 'no', date: p.planThrough ? planDate(L, p.planThrough) : '', code: p.code ? { t: 'code', text: p.code } : '' });
      const paid = r.payment ? t(L, 'company.paymentRecorded', { amount: money(L, r.payment.amountCents, r.payment.currency), reference: r.payment.reference }) : null;
      return paid ? reply(ctx, done, { sections: [lines(done, paid)] }) : reply(ctx, done);
    }
    case 'already_reinstated':
      return reply(ctx, t(L, 'company.alreadyReinstated', { company: r.companyName, by: r.by, time: time(ctx, r.at, zone), amount: money(L, r.amountCents, r.currency), reference: r.reference ?? '' }));
    case 'not_suspended':
      return reply(ctx, t(L, 'company.notSuspended', { company: r.companyName }));
    case 'duplicate':
      return reply(ctx, t(L, 'company.duplicate', { what: r.what }));
    case 'invalid_code':
      return reply(ctx, t(L, 'company.invalidCode'));
    case 'not_found':
      return reply(ctx, t(L, 'company.notFound', { name: r.name }));
    case 'not_allowed':
      return notAllowed(ctx);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

export { customerName };

const gcalTime = (iso: string): string => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A Google Calendar "add event" link built from the card (no account or API needed). */
export function calendarUrl(ctx: PresentContext, card: BookingCard): string | null {
  if (!card.startsAt || !card.endsAt) return null;
  const L = ctx.lang;
  const details = [`${label(L, 'label.join', { kind: 'online' })} ${card.joinUrl}`, `${label(L, 'label.phone')} ${ts(L, 'booking.phone', { number: card.phoneNumber, pin: card.phonePin })}`, ts(L, 'booking.reference', { reference: card.reference })].join('\n');
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: ts(L, 'calendar.eventTitle', { kind: card.kind, name: kindName(ctx, card.kind), vendor: ctx.config.vendor.name }),
    dates: `${gcalTime(card.startsAt)}/${gcalTime(card.endsAt)}`,
    details,
    location: card.kind === 'online' ? card.joinUrl : card.phoneNumber,
    ctz: card.zone,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

/** Add to calendar: a link to open. */
export function presentView(ctx: PresentContext, r: R<'viewBooking'>): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'booking': {
      const url = calendarUrl(ctx, r.booking);
      if (!url) return reply(ctx, t(L, 'calendar.noTime'));
      return {
        message: {
          visibility: 'person',
          icon: 'calendar',
          title: [kindName(ctx, r.booking.kind), ' ', whenOf(ctx, r.booking)],
          sections: [lines(t(L, 'calendar.body'))],
          buttons: [
            { kind: 'link', name: 'calendar', label: ts(L, 'button.openCalendar'), url },
            // the booking's own calendar file (the same one the emails carry)
            ...(r.booking.calendarUrl ? [{ kind: 'link' as const, name: 'ics' as const, label: ts(L, 'button.downloadIcs'), url: r.booking.calendarUrl }] : []),
          ],
          summary: t(L, 'calendar.summary', { when: whenOf(ctx, r.booking), url }),
          locale: L,
        },
      };
    }
    case 'not_found':
      return notFound(ctx);
    case 'not_allowed':
      return notYours(ctx);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

type Day = Extract<R<'staffDay'>, { kind: 'day' }>;

/** "2026-11-30" → the calendar date itself, whatever the zone ("Mon 30 Nov"). */
function dayOf(ctx: PresentContext, isoDate: string): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : timeText(time(ctx, d, 'UTC')).split(',')[0]!;
}

/** A staff member's day: sessions with Customer joined / Cancel / History, then what waits for approval. */
export function staffDayMessage(ctx: PresentContext, d: Day, opts: { buttons: boolean }): Message {
  const L = ctx.lang;
  const sections: Line[][] = [[{ text: t(L, 'day.sub', { staff: d.staffName, city: cityOf(d.zone) }), style: 'muted' }]];
  if (d.sessions.length === 0) sections.push(lines(t(L, 'day.none')));
  for (const b of d.sessions) {
    const rowButtons: Button[] =
      opts.buttons && b.status === 'confirmed'
        ? [
            { kind: 'action', label: ts(L, 'button.joined', { via: 'online' }), intent: { do: 'joined', bookingId: b.bookingId, via: 'online' } },
            { kind: 'action', label: ts(L, 'button.joined', { via: 'phone' }), intent: { do: 'joined', bookingId: b.bookingId, via: 'phone' } },
            { kind: 'action', label: ts(L, 'button.cancel'), intent: { do: 'staff-cancel', bookingId: b.bookingId, sequence: b.sequence ?? 0 }, style: 'danger' },
            { kind: 'action', label: ts(L, 'button.historyPlain'), intent: { do: 'history', bookingId: b.bookingId } },
          ]
        : [];
    sections.push([{ text: t(L, 'day.row', { when: whenOf(ctx, b), kind: b.kind, name: kindName(ctx, b.kind), staff: b.staffName ?? ts(L, 'booking.ourStaff'), who: customerName(ctx, b), status: b.status === 'confirmed' ? '' : status(ctx, b.status) }), buttons: rowButtons, ref: b.reference }]);
  }
  sections.push([{ text: t(L, 'day.waiting', { n: d.waiting.length }), style: 'strong' }]);
  for (const b of d.waiting) {
    const rowButtons: Button[] = opts.buttons
      ? [
          b.emergency
            ? { kind: 'action', label: ts(L, 'button.historyPlain'), intent: { do: 'history', bookingId: b.bookingId } }
            : { kind: 'action', label: ts(L, 'button.approve'), intent: { do: 'approve', bookingId: b.bookingId, sequence: b.sequence ?? 0 }, style: 'primary' },
          { kind: 'action', label: ts(L, 'button.decline'), intent: { do: 'decline', bookingId: b.bookingId, sequence: b.sequence ?? 0 }, style: 'danger' },
        ]
      : [];
    sections.push([{ text: t(L, 'day.waitingRow', { when: whenOf(ctx, b), kind: b.kind, name: kindName(ctx, b.kind), who: customerName(ctx, b) }), buttons: rowButtons, ref: b.reference }]);
  }
  return { visibility: 'person', title: t(L, 'day.title', { day: dayOf(ctx, d.date) }), sections, buttons: [], summary: t(L, 'day.summary', { n: d.sessions.length, waiting: d.waiting.length }), locale: L };
}

export function presentStaffDay(ctx: PresentContext, r: R<'staffDay'>, opts: { buttons?: boolean } = {}): Presentation {
  switch (r.kind) {
    case 'day':
      return { message: staffDayMessage(ctx, r, { buttons: opts.buttons ?? false }) };
    case 'not_allowed':
      return notAllowed(ctx);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

export function presentHistory(ctx: PresentContext, r: R<'bookingHistory'>, zone: string): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'history': {
      const rows: Line[] = r.entries.map((e) => ({ text: t(L, 'history.row', { time: time(ctx, e.at.toISOString(), zone), action: e.action.replace(/_/g, ' '), who: e.actor.kind === 'staff' ? staffPart(e.actor.staffId) : e.actor.kind }) }));
      return {
        message: {
          visibility: 'person',
          title: [...t(L, 'label.colon', { label: [kindName(ctx, r.booking.kind), ' ', whenOf(ctx, r.booking)] }), ' ', customerName(ctx, r.booking)],
          sections: [rows.length ? rows : lines(t(L, 'history.none'))],
          buttons: [],
          summary: t(L, 'history.summary', { reference: r.booking.reference }),
          locale: L,
        },
      };
    }
    case 'not_found':
      return notFound(ctx);
    case 'not_allowed':
      return notAllowed(ctx);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

/** findOpenings: free times to pick from, booked at the quote shown with them; `days`: how far ahead it looked. */
export function presentOpenings(ctx: PresentContext, r: R<'findOpenings'>, base: Omit<Slot, 'startsAt'>, days: number): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'openings':
      if (r.slots.length === 0) return reply(ctx, t(L, 'openings.none', { days, cmd: cmd('/book') }));
      return slotsMessage(ctx, t(L, 'openings.title', { city: cityOf(r.zone) }), r.slots, r.zone, base, r.quote);
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

/** Saved zone (Discord /timezone, console). */
export function presentZone(ctx: PresentContext, r: R<'setZone'>): Presentation {
  switch (r.kind) {
    case 'zone_saved':
      return reply(ctx, t(ctx.lang, 'zone.saved', { city: cityOf(r.zone), zone: r.zone }));
    case 'invalid_input':
      return reply(ctx, t(ctx.lang, 'zone.invalid'));
    default:
      return assertNever(r);
  }
}

/** A customer's home (Slack App Home): their sessions, their company, and what they can type. */
export function presentHome(ctx: PresentContext, list: R<'listSessions'>, profile: R<'showProfile'>, zone: string): Message[] {
  const L = ctx.lang;
  const sessions = presentSessions(ctx, list).message;
  const company =
    profile.kind === 'profile'
      ? presentProfile(ctx, profile, zone).message
      : say(ctx, 'person', t(L, 'home.notLinked', { cmd: cmd('/support-code YOUR-CODE') }));
  return [
    { ...sessions, title: t(L, 'sessions.title') },
    { ...company, title: t(L, 'home.company'), icon: undefined },
    say(ctx, 'person', t(L, 'home.help', { book: cmd('/book'), example: cmd(`/book ${ts(L, 'home.example')}`), fees: cmd('/fees'), emergency: cmd('/emergency <what is wrong>') })),
  ];
}

/** payReinstatement: the Pay button (Stripe), or the manual path. */
export function presentPayReinstatement(ctx: PresentContext, r: R<'payReinstatement'>): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'reinstatement_checkout': {
      const amount = money(L, r.amountCents, r.currency);
      return reply(ctx, t(L, 'reinstatement.pay', { planKind: planKind(ctx), amount, company: r.companyName }), { icon: 'suspended', buttons: [{ kind: 'link', name: 'pay', label: ts(L, 'pay.button', { amount }), url: r.payUrl }] });
    }
    case 'reinstatement_manual':
      return reply(ctx, t(L, 'reinstatement.manual', { planKind: planKind(ctx), amount: money(L, r.amountCents, r.currency), company: r.companyName, instructions: r.instructions ?? '' }), { icon: 'suspended' });
    case 'not_suspended':
      return reply(ctx, t(L, 'reinstatement.notSuspended', { planKind: planKind(ctx) }));
    case 'payment_unavailable':
      return reply(ctx, t(L, 'book.paymentUnavailable'));
    case 'invalid_input':
      return invalid(ctx, r.problems);
    default:
      return assertNever(r);
  }
}

/** Each language named in itself, for the /language choices. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español', pt: 'Português', nl: 'Nederlands' };

/** /language: said in the language now chosen (after `auto`: the platform's, else the vendor's). */
export function presentLanguage(ctx: PresentContext, r: R<'setLanguage'>): Presentation {
  switch (r.kind) {
    case 'language_saved': {
      const now = contextFor(ctx.config, resolveLang(r.locale, resolveLang(ctx.config.vendor.locale)));
      return reply(now, t(now.lang, 'language.saved'));
    }
    case 'unknown_language':
    case 'invalid_input':
      return reply(ctx, t(ctx.lang, 'language.invalid', { languages: Object.values(LANGUAGE_NAMES).join(', ') }));
    default:
      return assertNever(r);
  }
}

/** What each command is for (by its name without the slash and any prefix); staff commands are marked. */
const HELP: Record<string, { key: CatalogKey; staff?: boolean }> = {
  book: { key: 'help.book' },
  sessions: { key: 'help.sessions' },
  fees: { key: 'help.fees' },
  'support-code': { key: 'help.code' },
  emergency: { key: 'help.emergency' },
  timezone: { key: 'help.timezone' },
  language: { key: 'help.language' },
  email: { key: 'help.email' },
  today: { key: 'help.today', staff: true },
  'sk-today': { key: 'help.today', staff: true },
  'sk-company': { key: 'help.company', staff: true },
  'sk-reverse': { key: 'help.reverse', staff: true },
  'sk-calendar': { key: 'help.calendar', staff: true },
};

/**
 * What a command is for, as one line without the command itself (a platform's command list: Discord's
 * localized descriptions), within `max` characters: a longer sentence keeps its first clause.
 * Null for a command /help does not describe.
 */
export function commandPurpose(lang: Lang, name: string, max = 100): string | null {
  const h = HELP[name];
  if (!h) return null;
  const line = ts(lang, h.key, { cmd: '' }).replace(/^[\s\u202f\u00a0]*:[\s\u202f\u00a0]*/, '').trim();
  const text = line.charAt(0).toUpperCase() + line.slice(1);
  if (text.length <= max) return text;
  const clause = text.slice(0, max).replace(/[\s\u202f\u00a0]*[:;,][^:;,]*$/, '');
  return clause.length >= 20 ? clause : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * /help: the platform's commands (as the person types them, e.g. `/acme-book`), each with what it
 * is for; staff commands only for staff (`staff` is core's answer). `names`: the base name of each
 * command (`book`) and how it is typed here.
 */
export function presentHelp(ctx: PresentContext, commands: { name: string; typed: string }[], staff: boolean): Presentation {
  const L = ctx.lang;
  const rows = commands.flatMap((c) => {
    const h = HELP[c.name];
    return h && (staff || !h.staff) ? [{ text: t(L, h.key, { cmd: cmd(c.typed) }) }] : [];
  });
  return { message: { visibility: 'person', title: t(L, 'help.title'), sections: [rows], buttons: [], summary: t(L, 'help.title'), locale: L } };
}
