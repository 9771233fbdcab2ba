/**
 * What a message others can read says (a Discord booking thread): who booked what and when, nothing
 * else; the price, plan or suspension go to the person alone, by direct message.
 */
import { kindName, say, time, type PresentContext } from './booking.js';
import { readbackText } from './parse-notes.js';
import { t } from './i18n.js';
import type { Message, Part } from './model.js';
import { quoteText, type R } from './results.js';

/** What replaces the public offer once it is booked or requested (no join link, phone, PIN or price); null for any other result. */
export function presentPublicBook(ctx: PresentContext, r: R<'bookSession'>): Message | null {
  switch (r.kind) {
    case 'booked':
      return say(ctx, 'public', t(ctx.lang, 'public.booked', { reference: r.booking.reference, when: r.booking.startsAt ? time(ctx, r.booking.startsAt, r.booking.zone) : '' }));
    case 'pending_approval':
      return say(ctx, 'public', t(ctx.lang, 'public.requested', { reference: r.booking.reference }));
    default:
      return null;
  }
}

/** What was understood with a quote: a proposal, or times to pick from (unavailable, choose). */
type Quoted = Extract<R<'understandRequest'>, { kind: 'proposal' | 'unavailable' | 'choose' }>;

/**
 * The quote of the times offered where others read it, sent to the person by direct message; null when
 * there is nothing private to say (covered by the plan). `place`: where they asked (a thread mention).
 */
export function presentQuoteDm(ctx: PresentContext, r: Quoted, place: Part): Message | null {
  if (r.quote.kind === 'priced' && r.quote.priceCents === 0) return null;
  const about = t(ctx.lang, 'public.quoteAbout', { place, name: kindName(ctx, r.sessionKind), readback: readbackText(ctx.lang, r.readback, r.corrections) });
  return say(ctx, 'dm', about, { sections: [[{ text: about }, ...quoteText(ctx, r.quote).map((text) => ({ text }))]] });
}

/** Told where the person booked (a public thread) when their direct messages are closed: nothing about the booking but its reference. */
export function presentDmsClosed(ctx: PresentContext, who: Part, reference: string): Message {
  return say(ctx, 'public', t(ctx.lang, 'public.dmsClosed', { who, reference }));
}
