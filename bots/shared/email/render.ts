/**
 * Draws a neutral Message (bots/shared/present) as an email: a subject, a plain-text part and a simple
 * HTML part. Pure, and no wording of its own: the words come from the shared presenter and catalogs
 * in the reader's language; only email's chrome lives here (escaping, links, layout).
 *
 * Buttons become links, since nothing can be pressed in an email: Join stays the join link, Reschedule
 * and Cancel become the booking's self-service page, Add to calendar its calendar file; buttons that only
 * make sense in chat (staff decisions) are left out.
 */
import type { Config } from '../../../core/config/schema.js';
import type { BookingCard, Notice, OutboxMessage } from '../../../core/notifications/types.js';
import { personContext, presentNotice, staffContext, ts, type Button, type Line, type Message, type Part, type Text } from '../present/index.js';
import { timeText } from '../present/time-text.js';
import { resolveLang } from '../present/i18n.js';

export interface EmailLink {
  label: string;
  url: string;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function plain(text: Text): string {
  return text.map((p: Part) => (typeof p === 'string' ? p : p.t === 'time' ? timeText(p) : p.t === 'code' ? p.text : p.t === 'link' ? p.url : p.name)).join('');
}

function htmlOf(text: Text): string {
  return text
    .map((p: Part) => {
      if (typeof p === 'string') return escapeHtml(p);
      switch (p.t) {
        case 'time':
          return `<strong>${escapeHtml(timeText(p))}</strong>`;
        case 'code':
          return `<code>${escapeHtml(p.text)}</code>`;
        case 'link':
          return `<a href="${escapeHtml(p.url)}">${escapeHtml(p.url)}</a>`;
        case 'mention':
          return escapeHtml(p.name);
      }
    })
    .join('');
}

/** The links an email shows in place of the message's buttons. */
export function emailLinks(buttons: Button[], card: BookingCard | null, lang: string): EmailLink[] {
  const L = resolveLang(lang);
  const out: EmailLink[] = [];
  const add = (label: string, url: string | null | undefined) => {
    if (url && !out.some((l) => l.url === url)) out.push({ label, url });
  };
  for (const b of buttons) {
    if (b.kind === 'link') add(b.label, b.url);
    else if ((b.intent.do === 'move' || b.intent.do === 'cancel') && card) add(`${ts(L, 'button.reschedule')} / ${ts(L, 'button.cancel')}`, card.manageUrl);
    else if (b.intent.do === 'calendar' && card) add(b.label, card.calendarUrl);
  }
  return out;
}

function lineText(l: Line): string {
  return `${l.label ? `${l.label} ` : ''}${plain(l.text)}`;
}

function lineHtml(l: Line): string {
  const body = `${l.label ? `<strong>${escapeHtml(l.label)}</strong> ` : ''}${htmlOf(l.text)}`;
  switch (l.style) {
    case 'strong':
      return `<p><strong>${body}</strong></p>`;
    case 'quote':
      return `<blockquote style="margin: 0 0 1em; padding-left: 12px; border-left: 3px solid #ccc; color: #444;">${body}</blockquote>`;
    case 'muted':
      return `<p style="color: #666; font-size: 14px;">${body}</p>`;
    default:
      return `<p>${body}</p>`;
  }
}

/** Draws one message. `card` is the booking the message is about (for the self-service links). */
export function drawEmail(m: Message, config: Config, card: BookingCard | null): EmailContent {
  const title = m.title ? plain(m.title) : plain(m.summary);
  // A link the body already shows (the join link in the details) is not repeated as a button.
  const body = m.sections.flat().map((l) => plain(l.text)).join('\n');
  const links = emailLinks([...m.sections.flat().flatMap((l) => l.buttons ?? []), ...m.buttons], card, m.locale).filter((l) => !body.includes(l.url));
  const textLines: string[] = [title, ''];
  for (const sec of m.sections) {
    for (const l of sec) textLines.push(lineText(l));
    textLines.push('');
  }
  if (m.fields?.length) textLines.push(...m.fields.map((f) => `${f.label} ${plain(f.value)}`), '');
  if (links.length) textLines.push(...links.map((l) => `${l.label}: ${l.url}`), '');
  if (m.closing) textLines.push(plain(m.closing), '');
  if (m.footer) textLines.push(plain(m.footer));
  textLines.push(`— ${config.vendor.name}`);

  const html = [
    `<!doctype html><html lang="${escapeHtml(m.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: -apple-system, Segoe UI, Helvetica, Arial, sans-serif; font-size: 16px; line-height: 1.45; color: #1d1d1f; max-width: 560px; margin: 0 auto; padding: 16px;">',
    `<p style="font-size: 18px;"><strong>${m.title ? htmlOf(m.title) : htmlOf(m.summary)}</strong></p>`,
    ...m.sections.map((sec) => sec.map(lineHtml).join('\n')),
    m.fields?.length ? `<p>${m.fields.map((f) => `<strong>${escapeHtml(f.label)}</strong> ${htmlOf(f.value)}`).join('<br>')}</p>` : '',
    links.length
      ? `<p>${links.map((l) => `<a href="${escapeHtml(l.url)}" style="display: inline-block; margin: 4px 8px 4px 0; padding: 10px 14px; background: #0b57d0; color: #ffffff; border-radius: 6px; text-decoration: none;">${escapeHtml(l.label)}</a>`).join('')}</p>`
      : '',
    m.closing ? `<p><strong>${htmlOf(m.closing)}</strong></p>` : '',
    m.footer ? `<p style="color: #666; font-size: 13px;">${htmlOf(m.footer)}</p>` : '',
    `<p style="color: #666; font-size: 13px;">${escapeHtml(config.vendor.name)}</p>`,
    '</body></html>',
  ]
    .filter(Boolean)
    .join('\n');
  const subject = `${config.vendor.name}: ${title.replace(/[.:]\s*$/, '')}`;
  return { subject: subject.length > 150 ? `${subject.slice(0, 147)}…` : subject, text: textLines.join('\n') + '\n', html };
}

/** The email of one outbox message, in the recipient's language (staff: the vendor's). */
export function renderEmail(n: Notice, config: Config, recipient: Pick<OutboxMessage, 'recipient' | 'locale'>): EmailContent {
  const ctx = recipient.recipient.to === 'staff' ? staffContext(config) : personContext(config, recipient.locale ?? null);
  return drawEmail(presentNotice(n, ctx), config, 'booking' in n ? n.booking : null);
}
