/**
 * Draws a neutral Message (bots/shared/present) for the console page: HTML in which everything that
 * came from a person (names, reasons, what they typed) is escaped, and the same message as plain
 * text (the demo transcript, the page's accessible text, tests). Pure, and no wording of its own: only
 * the console's chrome (Unicode icons, the HTML elements, a button's `data-id`, the intent's codec).
 */
import type { Button, Line, Message, Part, Text } from '../../shared/present/model.js';
import { encodeIntent } from '../../shared/present/intents.js';
import { timeText } from '../../shared/present/time-text.js';
import { UNICODE_ICONS } from '../../shared/present/icons.js';

/** A button as the console page offers it: an intent to send back (its codec id), or a link to open. */
export type ConsoleButton =
  | { kind: 'action'; label: string; id: string; style?: 'primary' | 'danger'; /** A payload beside the id (the emergency's description). */ value?: string }
  | { kind: 'link'; label: string; url: string };

export interface ConsoleMessage {
  /** The message as HTML (escaped), buttons included where they belong (beside their row). */
  html: string;
  /** The same, as plain text: one line a line, the title first. */
  text: string;
  /** Every button, in the order drawn. */
  buttons: ConsoleButton[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Only web addresses become links; anything else stays text. */
const safeUrl = (url: string): boolean => /^https?:\/\//i.test(url);

function partText(p: Part): string {
  if (typeof p === 'string') return p;
  switch (p.t) {
    case 'time':
      return timeText(p);
    case 'code':
      return p.text;
    case 'link':
      return p.url;
    case 'mention':
      return p.name;
  }
}

function partHtml(p: Part): string {
  if (typeof p === 'string') return escapeHtml(p);
  switch (p.t) {
    case 'time':
      return `<time datetime="${escapeHtml(p.at)}">${escapeHtml(timeText(p))}</time>`;
    case 'code':
      return `<code>${escapeHtml(p.text)}</code>`;
    case 'link':
      return safeUrl(p.url) ? `<a href="${escapeHtml(p.url)}" target="_blank" rel="noopener">${escapeHtml(p.url)}</a>` : escapeHtml(p.url);
    case 'mention':
      return escapeHtml(p.name);
  }
}

export const plainText = (text: Text): string => text.map(partText).join('');
const html = (text: Text): string => text.map(partHtml).join('');

export function consoleButton(b: Button): ConsoleButton {
  if (b.kind === 'link') return { kind: 'link', label: b.label, url: b.url };
  const description = b.intent.do === 'emergency-pay' ? b.intent.description : undefined;
  return { kind: 'action', label: b.label, id: encodeIntent(b.intent), ...(b.style === 'danger' ? { style: 'danger' as const } : b.style ? { style: 'primary' as const } : {}), ...(description ? { value: description } : {}) };
}

function buttonHtml(b: ConsoleButton): string {
  if (b.kind === 'link') return safeUrl(b.url) ? `<a class="button" href="${escapeHtml(b.url)}" target="_blank" rel="noopener">${escapeHtml(b.label)}</a>` : '';
  return `<button type="button" data-id="${escapeHtml(b.id)}"${b.value ? ` data-value="${escapeHtml(b.value)}"` : ''}${b.style ? ` class="${b.style}"` : ''}>${escapeHtml(b.label)}</button>`;
}

const row = (buttons: ConsoleButton[]): string => (buttons.length ? `<div class="buttons">${buttons.map(buttonHtml).join('')}</div>` : '');

function lineHtml(l: Line): string {
  const body = `${l.label ? `<strong>${escapeHtml(l.label)}</strong> ` : ''}${html(l.text)}`;
  switch (l.style) {
    case 'strong':
      return `<div class="line"><strong>${body}</strong></div>`;
    case 'quote':
      return `<blockquote class="line">${body}</blockquote>`;
    case 'muted':
      return `<div class="line muted">${body}</div>`;
    default:
      return `<div class="line">${body}</div>`;
  }
}

const lineText = (l: Line): string => `${l.label ? `${l.label} ` : ''}${plainText(l.text)}`;

export function renderMessage(m: Message): ConsoleMessage {
  const htmlOut: string[] = [];
  const textOut: string[] = [];
  const buttons: ConsoleButton[] = [];
  const icon = m.icon ? `${UNICODE_ICONS[m.icon]} ` : '';
  if (m.title) {
    htmlOut.push(`<div class="title">${escapeHtml(icon)}<strong>${html(m.title)}</strong></div>`);
    textOut.push(`${icon}${plainText(m.title)}`);
  }
  m.sections.forEach((section, i) => {
    const inner: string[] = [];
    section.forEach((l, j) => {
      // Without a title, the icon opens the first line.
      const first = !m.title && i === 0 && j === 0 && icon ? icon : '';
      inner.push(first ? lineHtml({ ...l, text: [first, ...l.text] }) : lineHtml(l));
      textOut.push(`${first}${lineText(l)}`);
      const own = (l.buttons ?? []).map(consoleButton);
      buttons.push(...own);
      inner.push(row(own));
    });
    htmlOut.push(`<div class="section">${inner.join('')}</div>`);
  });
  for (const f of m.fields ?? []) {
    htmlOut.push(`<div class="line"><strong>${escapeHtml(f.label)}</strong> ${html(f.value)}</div>`);
    textOut.push(`${f.label} ${plainText(f.value)}`);
  }
  const own = m.buttons.map(consoleButton);
  buttons.push(...own);
  htmlOut.push(row(own));
  if (m.footer) {
    htmlOut.push(`<div class="footer muted">${html(m.footer)}</div>`);
    textOut.push(plainText(m.footer));
  }
  if (m.closing) {
    htmlOut.push(`<div class="closing"><strong>${html(m.closing)}</strong></div>`);
    textOut.push(plainText(m.closing));
  }
  return { html: htmlOut.join(''), text: textOut.filter((l) => l !== '').join('\n'), buttons };
}

/** What a person typed, as the console shows it back to them. */
export function typedMessage(text: string): ConsoleMessage {
  return { html: `<div class="line">${escapeHtml(text)}</div>`, text, buttons: [] };
}
