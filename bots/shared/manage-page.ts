/**
 * The self-service page behind a booking's link (/m/<token>): the booking in the booker's zone, the
 * change window, Cancel and Reschedule (a choice of open times). Small, no external assets, readable
 * on a phone. Forms POST with a CSRF token (a SameSite=Strict cookie echoed in the form).
 */
import type { BookingCard } from '../../core/notifications/types.js';
import type { SlotView } from '../../core/booking/slot-view.js';
import { formatInstant, formatWindow } from '../../core/time/index.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function page(title: string, body: string, status?: { tone: 'ok' | 'error'; text: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
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

export function when(card: BookingCard): string {
  if (!card.startsAt || !card.endsAt) return 'time to be set by our staff';
  return formatWindow(new Date(card.startsAt), new Date(card.endsAt), card.zone, { vendorZone: card.vendorZone });
}

export const at = (iso: string, zone: string) => formatInstant(new Date(iso), zone);

const STATUS: Record<BookingCard['status'], string> = {
  confirmed: 'Booked',
  pending_approval: 'Waiting for staff approval',
  awaiting_payment: 'Held while you pay',
  declined: 'Declined by our staff',
  cancelled: 'Cancelled',
  no_show: 'Closed: nobody joined',
  emergency_requested: 'Emergency request: waiting for a time',
};

export interface ManageView {
  card: BookingCard;
  vendorName: string;
  canChange: boolean;
  csrf: string;
  /** Open times to move to (only while changes are open). */
  slots: SlotView[];
  base: string;
}

function details(card: BookingCard): string {
  const rows: Array<[string, string]> = [
    ['Session', `${card.kindLabel}, ${card.lengthMinutes} minutes`],
    ['When', when(card)],
    ['Status', STATUS[card.status]],
    ...(card.staffName ? ([['With', card.staffName]] as Array<[string, string]>) : []),
    ['Phone', `${card.phoneNumber}, PIN ${card.phonePin}`],
    ['Reference', card.reference],
  ];
  return `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

function slotsByDay(slots: SlotView[], zone: string): string {
  return slots
    .map((s, i) => `<label><input type="radio" name="startsAt" value="${esc(s.startsAt)}"${i === 0 ? ' required' : ''}> ${esc(at(s.startsAt, zone))}</label>`)
    .join('');
}

export function managePage(v: ManageView, status?: { tone: 'ok' | 'error'; text: string }): string {
  const { card } = v;
  const live = card.status === 'confirmed' || card.status === 'pending_approval';
  const parts = [`<div class="box">${details(card)}</div>`];
  if (live && card.status === 'confirmed' && card.kind === 'online') parts.push(`<p><a href="${esc(card.joinUrl)}">Join the session</a></p>`);
  if (live && card.calendarUrl) parts.push(`<p><a href="${esc(card.calendarUrl)}">Add to calendar (.ics)</a></p>`);
  if (live && card.changeUntil) {
    parts.push(
      v.canChange
        ? `<p class="muted" data-window="open">You can cancel or reschedule until ${esc(at(card.changeUntil, card.zone))}.</p>`
        : `<p data-window="closed">It is too close to the start to cancel or reschedule online: changes were possible until ${esc(at(card.changeUntil, card.zone))}.</p>`,
    );
  }
  if (live && v.canChange) {
    const action = `${v.base}`;
    parts.push(`<h2>Reschedule</h2>`);
    parts.push(
      v.slots.length
        ? `<form method="post" action="${esc(action)}/reschedule"><input type="hidden" name="csrf" value="${esc(v.csrf)}"><div class="slots">${slotsByDay(v.slots, card.zone)}</div><button class="primary" type="submit">Move my session</button></form>`
        : '<p>No open times in the next days. Please use <code>/book</code> in chat to look further ahead.</p>',
    );
    parts.push(`<h2>Cancel</h2><form method="post" action="${esc(action)}/cancel"><input type="hidden" name="csrf" value="${esc(v.csrf)}">
<p class="muted">${card.priceCents > 0 ? 'Paid sessions are not refundable.' : 'Free sessions can be booked again at any time.'}</p>
<button class="danger" type="submit">Cancel this session</button></form>`);
  }
  return page(`${v.vendorName}: your ${card.kindLabel.toLowerCase()}`, parts.join('\n'), status);
}

export function linkProblemPage(kind: 'expired' | 'not_found' | 'forbidden'): string {
  if (kind === 'expired') return page('This link has expired', '<p>The session this link was for is over. Use <code>/sessions</code> in chat to see your bookings.</p>');
  if (kind === 'forbidden') return page('Not accepted', '<p>This request did not come from the booking page. Open the link from your email or chat again and use its buttons.</p>');
  return page('Link not valid', '<p>This link is not valid. Use the link in your latest confirmation or reminder, or <code>/sessions</code> in chat.</p>');
}
