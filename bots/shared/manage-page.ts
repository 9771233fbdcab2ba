/**
 * The self-service page behind a booking's link (/m/<token>): the booking in the booker's zone, the
 * change window, Cancel and Reschedule (a choice of open times). Small, no external assets, readable
 * on a phone. Forms POST with a CSRF token (a SameSite=Strict cookie echoed in the form).
 *
 * Its words come from the shared catalogs (bots/shared/present/catalog, keys `manage.*` and the
 * booking sentences chat uses), in the booking member's language; times in their zone and language.
 */
import type { BookingCard } from '../../core/notifications/types.js';
import type { SlotView } from '../../core/booking/slot-view.js';
import { formatInstant, formatWindow } from '../../core/time/index.js';
import { duration, t, ts, type Lang } from './present/i18n.js';
import type { Text } from './present/model.js';
import { cardKindName } from './present/booking.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A catalog sentence as HTML: text escaped, commands as code, links as links. */
export function html(text: Text): string {
  return text.map((p) => (typeof p === 'string' ? esc(p) : p.t === 'code' ? `<code>${esc(p.text)}</code>` : p.t === 'link' ? `<a href="${esc(p.url)}">${esc(p.url)}</a>` : p.t === 'mention' ? esc(p.name) : esc(p.at))).join('');
}

const code = (text: string) => ({ t: 'code' as const, text });

export function page(lang: Lang, title: string, body: string, status?: { tone: 'ok' | 'error'; text: string }): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="same-origin"><meta name="robots" content="noindex"><title>${esc(title)}</title>
<style>
*{box-sizing:border-box}body{font:16px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;max-width:36rem;margin:0 auto;padding:1rem;color:#1d1c1d}
h1{font-size:1.35rem;margin:.5rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}.box{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:0 0 1rem}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem}dt{color:#555}dd{margin:0;overflow-wrap:anywhere}
button{font:inherit;padding:.7rem 1rem;border-radius:6px;border:1px solid #888;background:#fff;min-height:44px;width:100%;margin:.25rem 0;cursor:pointer}
button.danger{border-color:#b3261e;color:#b3261e}button.primary{background:#0b57d0;border-color:#0b57d0;color:#fff}
.slots{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.4rem}.slots label{display:flex;gap:.4rem;align-items:center;border:1px solid #ccc;border-radius:6px;padding:.5rem;min-height:44px}
.status{border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem}.status.ok{background:#e7f4ea;border:1px solid #8cc79b}.status.error{background:#fdecea;border:1px solid #e8a29c}
.muted{color:#555;font-size:.9rem}a{color:#0b57d0}
</style></head>
<body><h1>${esc(title)}</h1>${status ? `<div class="status ${status.tone}" role="status">${esc(status.text)}</div>` : ''}${body}</body></html>`;
}

export function when(lang: Lang, card: BookingCard): string {
  if (!card.startsAt || !card.endsAt) return ts(lang, 'booking.noTime');
  return formatWindow(new Date(card.startsAt), new Date(card.endsAt), card.zone, { vendorZone: card.vendorZone, locale: lang });
}

export const at = (lang: Lang, iso: string, zone: string) => formatInstant(new Date(iso), zone, { locale: lang });

export interface ManageView {
  card: BookingCard;
  vendorName: string;
  canChange: boolean;
  csrf: string;
  /** Open times to move to (only while changes are open). */
  slots: SlotView[];
  base: string;
  /** The booking member's language. */
  lang: Lang;
}

function details(L: Lang, card: BookingCard): string {
  const rows: Array<[string, string]> = [
    [ts(L, 'manage.session'), `${cardKindName(L, card)}, ${duration(L, card.lengthMinutes)}`],
    [ts(L, 'label.when'), when(L, card)],
    [ts(L, 'manage.status'), ts(L, 'manage.statusValue', { status: card.status })],
    ...(card.staffName ? ([[ts(L, 'manage.with'), card.staffName]] as Array<[string, string]>) : []),
    [ts(L, 'label.phone'), ts(L, 'booking.phone', { number: card.phoneNumber, pin: card.phonePin })],
    [ts(L, 'manage.reference'), card.reference],
  ];
  return `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

function slotsByDay(L: Lang, slots: SlotView[], zone: string): string {
  return slots
    .map((s, i) => `<label><input type="radio" name="startsAt" value="${esc(s.startsAt)}"${i === 0 ? ' required' : ''}> ${esc(at(L, s.startsAt, zone))}</label>`)
    .join('');
}

export function managePage(v: ManageView, status?: { tone: 'ok' | 'error'; text: string }): string {
  const { card, lang: L } = v;
  const live = card.status === 'confirmed' || card.status === 'pending_approval';
  const parts = [`<div class="box">${details(L, card)}</div>`];
  if (live && card.status === 'confirmed' && card.kind === 'online') parts.push(`<p><a href="${esc(card.joinUrl)}">${esc(ts(L, 'manage.join'))}</a></p>`);
  if (live && card.calendarUrl) parts.push(`<p><a href="${esc(card.calendarUrl)}">${esc(ts(L, 'manage.calendar'))}</a></p>`);
  if (live && card.changeUntil) {
    const time = at(L, card.changeUntil, card.zone);
    parts.push(
      v.canChange
        ? `<p class="muted" data-window="open">${esc(ts(L, 'booking.changeUntil', { time }))}</p>`
        : `<p data-window="closed">${esc(ts(L, 'manage.closed', { time }))}</p>`,
    );
  }
  if (live && v.canChange) {
    const action = `${v.base}`;
    parts.push(`<h2>${esc(ts(L, 'button.reschedule'))}</h2>`);
    parts.push(
      v.slots.length
        ? `<form method="post" action="${esc(action)}/reschedule"><input type="hidden" name="csrf" value="${esc(v.csrf)}"><div class="slots">${slotsByDay(L, v.slots, card.zone)}</div><button class="primary" type="submit">${esc(ts(L, 'manage.move'))}</button></form>`
        : `<p>${html(t(L, 'manage.noTimes', { cmd: code('/book') }))}</p>`,
    );
    parts.push(`<h2>${esc(ts(L, 'button.cancel'))}</h2><form method="post" action="${esc(action)}/cancel"><input type="hidden" name="csrf" value="${esc(v.csrf)}"><input type="hidden" name="sequence" value="${card.sequence ?? 0}">
<p class="muted">${esc(ts(L, card.priceCents > 0 ? 'price.notRefundable' : 'manage.freeAgain'))}</p>
<button class="danger" type="submit">${esc(ts(L, 'manage.cancelButton'))}</button></form>`);
  }
  return page(L, ts(L, 'manage.title', { vendor: v.vendorName, kind: card.kind }), parts.join('\n'), status);
}

export function linkProblemPage(L: Lang, kind: 'expired' | 'not_found' | 'forbidden'): string {
  if (kind === 'expired') return page(L, ts(L, 'manage.expiredTitle'), `<p>${html(t(L, 'manage.expiredBody', { cmd: code('/sessions') }))}</p>`);
  if (kind === 'forbidden') return page(L, ts(L, 'manage.forbiddenTitle'), `<p>${esc(ts(L, 'manage.forbiddenBody'))}</p>`);
  return page(L, ts(L, 'manage.invalidTitle'), `<p>${html(t(L, 'manage.invalidBody', { cmd: code('/sessions') }))}</p>`);
}
