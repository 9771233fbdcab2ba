/**
 * The small HTML pages the join link shows when it does not redirect (a phone session's line, too
 * early, closed, not found). No external assets. Worded from the shared catalogs (keys `page.*`) in
 * the booking member's language, the same way the self-service page is (see manage-page.ts); times
 * in their zone. A link that matches no booking has no person: the vendor's language.
 */
import type { BookingCard } from '../../core/notifications/types.js';
import type { BookingStatus } from '../../core/model.js';
import { ts, t, type Lang } from './present/i18n.js';
import { cardKindName } from './present/booking.js';
import { html, page, when } from './manage-page.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const code = (text: string) => ({ t: 'code' as const, text });

/** What the join link needs besides the booking: the numbers the sentences name (from the config). */
export interface JoinPageRules {
  /** The link opens the meeting from this many minutes before the start. */
  opensMinutesBefore: number;
  /** A session nobody joined closes this many minutes after its start. */
  closesMinutesAfter: number;
}

/** A sentence with the phone number and PIN in bold, whatever the language puts around them. */
function withLine(L: Lang, key: 'page.call' | 'page.orCall', card: BookingCard): string {
  let out = esc(ts(L, key, { number: card.phoneNumber, pin: card.phonePin }));
  for (const v of [card.phoneNumber, card.phonePin]) out = out.replace(esc(v), `<strong>${esc(v)}</strong>`);
  return out;
}

const title = (L: Lang, card: BookingCard) => ts(L, 'page.title', { name: cardKindName(L, card), when: when(L, card) });

export function phonePage(L: Lang, card: BookingCard, early: boolean, rules: JoinPageRules): string {
  return page(L, title(L, card), `<div class="box"><p>${withLine(L, 'page.call', card)}</p>
${early ? `<p>${esc(ts(L, 'page.phoneEarly', { minutes: rules.opensMinutesBefore }))}</p>` : ''}</div>`);
}

export function earlyPage(L: Lang, card: BookingCard, rules: JoinPageRules): string {
  return page(L, title(L, card), `<div class="box"><p>${esc(ts(L, 'page.onlineEarly', { minutes: rules.opensMinutesBefore }))}</p>
<p>${withLine(L, 'page.orCall', card)}</p></div>`);
}

export function closedPage(L: Lang, card: BookingCard, status: BookingStatus, rules: JoinPageRules): string {
  const what = ts(L, 'page.closedWhat', { name: cardKindName(L, card), reference: card.reference, when: when(L, card) });
  const why = ts(L, 'page.closedWhy', { status, minutes: rules.closesMinutesAfter });
  return page(L, ts(L, 'page.closedTitle'), `<div class="box"><p>${esc(why ? `${what} ${why}` : what)}</p>
<p>${html(t(L, 'page.bookAgain', { cmd: code('/book') }))}</p></div>`);
}

export function notFoundPage(L: Lang): string {
  return page(L, ts(L, 'page.notFoundTitle'), `<p>${html(t(L, 'page.notFoundBody', { cmd: code('/sessions') }))}</p>`);
}
