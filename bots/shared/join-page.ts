/** The small HTML pages the join link shows when it does not redirect. No external assets. */
import type { BookingCard } from '../../core/notifications/types.js';
import { formatInstant } from '../../core/time/index.js';
import { cardKindName } from './present/booking.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1d1c1d}h1{font-size:1.4rem}.box{border:1px solid #ddd;border-radius:8px;padding:1rem}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>`;
}

function when(card: BookingCard): string {
  return card.startsAt ? formatInstant(new Date(card.startsAt), card.zone, { vendorZone: card.vendorZone }) : 'not scheduled yet';
}

export function phonePage(card: BookingCard, early: boolean): string {
  return page(`${cardKindName('en', card)}: ${when(card)}`, `<div class="box"><p>Call <strong>${esc(card.phoneNumber)}</strong> and enter PIN <strong>${esc(card.phonePin)}</strong>.</p>
${early ? '<p>This session has not started yet. Come back up to 30 minutes before the start.</p>' : ''}</div>`);
}

export function earlyPage(card: BookingCard): string {
  return page(`${cardKindName('en', card)}: ${when(card)}`, `<div class="box"><p>This session has not started yet. The link opens the meeting from 30 minutes before the start.</p>
<p>Or call <strong>${esc(card.phoneNumber)}</strong>, PIN <strong>${esc(card.phonePin)}</strong>.</p></div>`);
}

const CLOSED_WHY: Record<string, string> = {
  no_show: 'It closed 10 minutes after the start because no one from your company had joined.',
  cancelled: 'It was cancelled.',
  declined: 'It was declined by our staff.',
  pending_approval: 'It is still waiting for staff approval.',
  emergency_requested: 'Staff have not given it a time yet.',
};

export function closedPage(card: BookingCard, status: string): string {
  return page('This session is closed', `<div class="box"><p>${esc(cardKindName('en', card))} ${esc(card.reference)} (${esc(when(card))}). ${esc(CLOSED_WHY[status] ?? '')}</p>
<p>To book again, use <code>/book</code> in Slack or Discord.</p></div>`);
}

export function notFoundPage(): string {
  return page('Link not found', '<p>This join link is not valid. Use the link in your latest confirmation or reminder, or <code>/sessions</code> to see your bookings.</p>');
}
