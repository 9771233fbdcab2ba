/**
 * The email of one outbox notice: a subject, a plain-text part and a simple HTML part.
 *
 * THE SEAM: wording is not written here. `noticeText` takes it from the one presenter that exists on
 * this branch (the console's, which the demo and the browser console show); when the shared message
 * model (bots/shared/present) lands, `noticeText` becomes "present the notice, flatten the Message"
 * and nothing else in this folder changes. Only the drawing (text and HTML, escaping, the links
 * block) belongs to email.
 */
import type { Config } from '../../../core/config/schema.js';
import type { BookingCard, Notice } from '../../../core/notifications/types.js';
import { renderContext, renderNotice } from '../../console/render/notice.js';

export interface EmailLink {
  label: string;
  url: string;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** The notice's words as paragraphs (first one is the headline), in the reader's language where the presenter has it. */
function noticeText(n: Notice, config: Config, _locale: string | null): string[] {
  const m = renderNotice(n, renderContext(config), 'none');
  return (m?.text ?? '').split('\n').filter((l) => l.trim() !== '');
}

function linkLabels(_locale: string | null) {
  return { manage: 'Reschedule or cancel', calendar: 'Add to calendar', join: 'Join the session' };
}

const LIVE = new Set(['confirmed', 'pending_approval']);

/** The links a customer's email carries: the self-service page and the calendar file while the booking is live. */
export function emailLinks(n: Notice, locale: string | null): EmailLink[] {
  if (!('booking' in n) || n.type.startsWith('staff_')) return [];
  const card: BookingCard = n.booking;
  const labels = linkLabels(locale);
  const links: EmailLink[] = [];
  if (LIVE.has(card.status) && card.startsAt) {
    if (card.status === 'confirmed' && card.kind === 'online') links.push({ label: labels.join, url: card.joinUrl });
    if (card.manageUrl) links.push({ label: labels.manage, url: card.manageUrl });
    if (card.calendarUrl) links.push({ label: labels.calendar, url: card.calendarUrl });
  }
  return links;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function subjectOf(config: Config, headline: string): string {
  const first = /^(.+?[.!?])(\s|$)/.exec(headline)?.[1] ?? headline;
  const s = first.length > 100 ? `${first.slice(0, 97)}…` : first;
  return `${config.vendor.name}: ${s.replace(/[.:]$/, '')}`;
}

export function renderEmail(n: Notice, config: Config, locale: string | null = null): EmailContent {
  const paragraphs = noticeText(n, config, locale);
  const links = emailLinks(n, locale);
  const headline = paragraphs[0] ?? n.type;
  const text = [...paragraphs, ...(links.length ? ['', ...links.map((l) => `${l.label}: ${l.url}`)] : []), '', `— ${config.vendor.name}`].join('\n') + '\n';
  const linkify = (p: string) => escapeHtml(p).replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}">${u}</a>`);
  const html = [
    '<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>',
    '<body style="font-family: -apple-system, Segoe UI, Helvetica, Arial, sans-serif; font-size: 16px; line-height: 1.45; color: #1d1d1f; max-width: 560px; margin: 0 auto; padding: 16px;">',
    `<p style="font-size: 18px;"><strong>${linkify(headline)}</strong></p>`,
    ...paragraphs.slice(1).map((p) => `<p>${linkify(p)}</p>`),
    links.length
      ? `<p>${links.map((l) => `<a href="${escapeHtml(l.url)}" style="display: inline-block; margin: 4px 8px 4px 0; padding: 10px 14px; background: #0b57d0; color: #fff; border-radius: 6px; text-decoration: none;">${escapeHtml(l.label)}</a>`).join('')}</p>`
      : '',
    `<p style="color: #666; font-size: 13px;">${escapeHtml(config.vendor.name)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: subjectOf(config, headline), text, html };
}
