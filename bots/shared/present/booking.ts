/** The pieces every message about one booking shares: what and when, how to join, price, change window. */
import type { BookingCard } from '../../../core/notifications/types.js';
import type { SessionKind } from '../../../core/config/schema.js';
import type { Config } from '../../../core/config/schema.js';
import { duration, label, money, t, ts, type Lang } from './i18n.js';
import type { Button, CodeValue, Line, Message, Part, Text, TimeValue, Visibility } from './model.js';

/** What a presenter needs besides the result: the reader's language and the vendor's config. */
export interface PresentContext {
  lang: Lang;
  config: Config;
}

export function contextFor(config: Config, lang: Lang): PresentContext {
  return { lang, config };
}

export const time = (ctx: PresentContext, at: string | Date, zone: string, opts: { end?: string | Date | null; vendorZone?: string; noCity?: boolean } = {}): TimeValue => ({
  t: 'time',
  at: new Date(at).toISOString(),
  ...(opts.end ? { end: new Date(opts.end).toISOString() } : {}),
  zone,
  ...(opts.vendorZone ? { vendorZone: opts.vendorZone } : {}),
  ...(opts.noCity ? { noCity: true } : {}),
  locale: ctx.lang,
});

/** The session's window in the card's zone, or "time to be set by our staff". */
export function whenOf(ctx: PresentContext, card: Pick<BookingCard, 'startsAt' | 'endsAt' | 'zone'>): Part {
  if (!card.startsAt || !card.endsAt) return ts(ctx.lang, 'booking.noTime');
  return time(ctx, card.startsAt, card.zone, { end: card.endsAt });
}

/**
 * The kind's name: the vendor's own (config `sessionKinds.<kind>.label`, written in the vendor's
 * language and shown as is in every language), else the catalog's ("Online session", "Telefontermin").
 */
export const kindName = (ctx: PresentContext, kind: SessionKind): string => ctx.config.sessionKinds[kind].label ?? ts(ctx.lang, 'kind.name', { kind });

/** The same from a card or fee line alone (no config at hand): its `kindLabel` is the vendor's label or null. */
export const cardKindName = (lang: Lang, card: { kind: SessionKind; kindLabel: string | null }): string => card.kindLabel ?? ts(lang, 'kind.name', { kind: card.kind });

/** "Phone session (1 hour) with Ben Okafor" */
export function whatLine(ctx: PresentContext, card: BookingCard): Text {
  return t(ctx.lang, 'booking.what', { kind: card.kind, name: kindName(ctx, card.kind), length: duration(ctx.lang, card.lengthMinutes), staff: card.staffName ?? ts(ctx.lang, 'booking.ourStaff') });
}

/** "Covered by your maintenance plan" / "$110. Paid sessions are not refundable." */
export function priceText(ctx: PresentContext, card: Pick<BookingCard, 'priceCents' | 'currency' | 'priceBasis'>, staff = false): Text {
  if (card.priceCents === 0) return t(ctx.lang, staff ? 'price.freeStaff' : 'price.free');
  return t(ctx.lang, 'price.paid', { amount: money(ctx.lang, card.priceCents, card.currency), basis: card.priceBasis });
}

export function detailLines(ctx: PresentContext, card: BookingCard, opts: { price?: boolean; join?: boolean; staff?: boolean } = {}): Line[] {
  const L = ctx.lang;
  const lines: Line[] = [{ text: whatLine(ctx, card), style: 'strong' }, { label: label(L, 'label.when'), text: [whenOf(ctx, card)] }];
  if (opts.join !== false) {
    lines.push({ label: label(L, 'label.join', { kind: card.kind }), text: [{ t: 'link', url: card.joinUrl }] });
    lines.push({ label: label(L, 'label.phone'), text: t(L, 'booking.phone', { number: card.phoneNumber, pin: card.phonePin }) });
  }
  if (opts.price !== false) lines.push({ label: label(L, 'label.price'), text: priceText(ctx, card, opts.staff) });
  return lines;
}

/** Minutes before the start that changes close (from the card; the policy's otherwise). */
export function cutoffMinutes(ctx: PresentContext, card: BookingCard): number {
  if (!card.startsAt || !card.changeUntil) return ctx.config.policy.cancelCutoffMinutes;
  return Math.round((Date.parse(card.startsAt) - Date.parse(card.changeUntil)) / 60_000);
}

/** Until when it can change, or that it no longer can (never a cutoff already past). */
export function changeLine(ctx: PresentContext, card: BookingCard): Text | null {
  if (!card.changeOpen) return card.startsAt ? t(ctx.lang, 'booking.changeClosed', { minutes: cutoffMinutes(ctx, card) }) : null;
  if (!card.changeUntil) return null;
  return t(ctx.lang, 'booking.changeUntil', { time: time(ctx, card.changeUntil, card.zone) });
}

/** A list of times with the language's separators ("A, B and C"); the city only after the last one. */
export function timeList(ctx: PresentContext, instants: string[], zone: string): Text {
  const out: Text = [];
  instants.forEach((iso, i) => {
    if (i > 0) out.push(ts(ctx.lang, i === instants.length - 1 ? 'list.and' : 'list.comma'));
    out.push(time(ctx, iso, zone, { noCity: i < instants.length - 1 }));
  });
  return out;
}

export function remindersLine(ctx: PresentContext, card: BookingCard): Text | null {
  if (card.remindersAt.length === 0) return null;
  return t(ctx.lang, 'booking.reminders', { times: timeList(ctx, card.remindersAt, card.zone) as never });
}

export const closeLine = (ctx: PresentContext): Text => t(ctx.lang, 'booking.closeRule', { minutes: ctx.config.policy.noShowCloseMinutes });

export const referenceText = (ctx: PresentContext, card: Pick<BookingCard, 'reference'>): Text => t(ctx.lang, 'booking.reference', { reference: card.reference });

/** The plan's kind (`fees.plan.kind`): what a suspension takes away, free sessions or the plan's discount. */
export const planKind = (ctx: PresentContext): 'free' | 'discount' => ctx.config.fees.plan.kind;

/** The policy's words about the reinstatement fee. */
export function reinstatementLine(ctx: PresentContext, strikeLimit: number, cents: number, currency: string): Text {
  return t(ctx.lang, 'strikes.rule', { planKind: planKind(ctx), limit: strikeLimit, amount: money(ctx.lang, cents, currency) });
}

/** "Pay $100 to reinstate": asks core for the reinstatement checkout (shown when online payment is on). */
export function payReinstatementButton(ctx: PresentContext, cents: number, currency: string, opts: { primary?: boolean } = {}): Button {
  return { kind: 'action', label: ts(ctx.lang, 'reinstatement.button', { amount: money(ctx.lang, cents, currency) }), intent: { do: 'pay-reinstatement' }, ...(opts.primary ? { style: 'primary' as const } : {}) };
}

/**
 * Join (a link), Reschedule and Cancel while changes are open, Add to calendar, and the booking's
 * self-service page (a link: reschedule or cancel from any device) while changes are open.
 */
export function customerButtons(ctx: PresentContext, card: BookingCard, opts: { change?: boolean } = {}): Button[] {
  const change = opts.change ?? card.changeOpen;
  const L = ctx.lang;
  const out: Button[] = [];
  if (card.startsAt) out.push({ kind: 'link', name: 'join', label: ts(L, 'button.join'), url: card.joinUrl });
  if (change) {
    out.push({ kind: 'action', label: ts(L, 'button.reschedule'), intent: { do: 'move', bookingId: card.bookingId } });
    out.push({ kind: 'action', label: ts(L, 'button.cancel'), intent: { do: 'cancel', bookingId: card.bookingId }, style: 'danger' });
  }
  if (card.startsAt) out.push({ kind: 'action', label: ts(L, 'button.calendar'), intent: { do: 'calendar', bookingId: card.bookingId } });
  if (change && card.manageUrl) out.push({ kind: 'link', name: 'manage', label: ts(L, 'button.manage'), url: card.manageUrl });
  return out;
}

/** "Kim (Acme Crating)", "A customer (no company linked)". */
export function customerName(ctx: PresentContext, card: Pick<BookingCard, 'memberName' | 'companyName'>): string {
  return ts(ctx.lang, 'staff.who', { name: card.memberName ?? ts(ctx.lang, 'staff.aCustomer'), company: card.companyName ?? '' });
}

/** A message with only text lines. */
export function say(ctx: PresentContext, visibility: Visibility, text: Text, extra: Partial<Message> = {}): Message {
  return { visibility, sections: [[{ text }]], buttons: [], summary: text, locale: ctx.lang, ...extra };
}

export const lines = (...texts: Array<Text | null | undefined | false>): Line[] => texts.filter((x): x is Text => !!x && x.length > 0).map((text) => ({ text }));

/** A command as the person types it, drawn as code. */
export const cmd = (text: string): CodeValue => ({ t: 'code', text });

/** A staff id as core records it: a platform identity (`discord:<user id>`, staff by role) is a mention of that person; a configured staff id stays as it is. */
export function staffPart(staffId: string): Part {
  const m = /^(discord|slack):([A-Za-z0-9]+)$/.exec(staffId);
  return m ? { t: 'mention', platform: m[1]!, userId: m[2]!, name: staffId } : staffId;
}
