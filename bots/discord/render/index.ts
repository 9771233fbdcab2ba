/**
 * Draws a neutral Message (bots/shared/present) as Discord content and components. Pure, and no
 * wording of its own: only Discord's chrome (timestamp markup with the wall time beside it, bold,
 * quotes, code, emoji for icons, button styles, the 2000-character and five-row limits).
 */
import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';
import type { Button, Line, Message, Part, Text } from '../../shared/present/model.js';
import { encodeIntent, type Slot } from '../../shared/present/intents.js';
import { timeText } from '../../shared/present/time-text.js';
import { UNICODE_ICONS } from '../../shared/present/icons.js';
import { plain, resolveLang, ts } from '../../shared/present/i18n.js';
import type { Presentation } from '../../shared/present/results.js';
import { rows, view, type View } from '../kit.js';

const ICONS = UNICODE_ICONS;

const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** Discord escapes: markdown characters in free text would otherwise format it. */
const esc = (s: string) => s.replace(/([\\*_~`|>])/g, '\\$1');

/** A time as the reader's own clock (markup) with the wall time in the zone it was meant in beside it. */
function time(p: Extract<Part, { t: 'time' }>): string {
  const markup = p.end ? `<t:${unix(p.at)}:F>–<t:${unix(p.end)}:t>` : `<t:${unix(p.at)}:F>`;
  return `${markup} (${timeText({ ...p, noCity: false })})`;
}

function part(p: Part): string {
  if (typeof p === 'string') return esc(p);
  switch (p.t) {
    case 'time':
      return time(p);
    case 'code':
      return `\`${p.text.replace(/`/g, "'")}\``;
    case 'link':
      return p.url;
    case 'mention':
      return p.platform === 'discord' ? (p.channel ? `<#${p.userId}>` : `<@${p.userId}>`) : esc(p.name);
  }
}

export const markdown = (text: Text): string => text.map(part).join('');

/** Plain text (button labels): times as wall text. */
export const plainText = (text: Text): string => plain(text, timeText);

function line(l: Line): string {
  const body = markdown(l.text);
  const labelled = l.label ? `**${esc(l.label)}** ${body}` : body;
  switch (l.style) {
    case 'strong':
      return `**${labelled}**`;
    case 'quote':
      return `> ${labelled}`;
    case 'muted':
      return `-# ${labelled}`;
    default:
      return labelled;
  }
}

const STYLE = { primary: ButtonStyle.Primary, success: ButtonStyle.Success, danger: ButtonStyle.Danger } as const;

function button(b: Button, ref?: string): APIButtonComponent {
  const label = (ref ? `${b.label} ${ref}` : b.label).slice(0, 80);
  if (b.kind === 'link') return { type: ComponentType.Button, style: ButtonStyle.Link, label, url: b.url };
  return { type: ComponentType.Button, style: b.style ? STYLE[b.style] : ButtonStyle.Secondary, label, custom_id: encodeIntent(b.intent) };
}

/** Every button of the message: those beside a line carry its reference (Discord cannot place them there). */
export function renderButtons(m: Message): APIButtonComponent[] {
  const fromLines = m.sections.flatMap((s) => s.flatMap((l) => (l.buttons ?? []).map((b) => button(b, l.ref))));
  return [...fromLines, ...m.buttons.map((b) => button(b))];
}

export function renderContent(m: Message): string {
  const out: string[] = [];
  if (m.title) out.push(`${m.icon ? `${ICONS[m.icon]} ` : ''}**${markdown(m.title)}**`);
  for (const s of m.sections) for (const l of s) out.push(line(l));
  for (const f of m.fields ?? []) out.push(`**${esc(f.label)}** ${markdown(f.value)}`);
  if (m.footer) out.push(`-# ${markdown(m.footer)}`);
  if (m.closing) out.push(`**${markdown(m.closing)}**`);
  return out.join('\n');
}

export function renderMessage(m: Message): View {
  return view(renderContent(m), rows(...renderButtons(m)));
}

/**
 * A presentation whose prompt is the maintenance code: Discord opens a modal only as the first answer
 * to a press, so the prompt is drawn as the button that opens it ("Enter my code", from the catalog).
 * A new time (the move prompt) is opened by the Reschedule handler itself.
 */
export function renderPresentation(p: Presentation): View {
  return p.prompt?.kind === 'code' ? renderMessage(withCodeButton(p.message, p.prompt.slot)) : renderMessage(p.message);
}

/**
 * The message with "Enter my code" first, for this slot (without its quote: a code changes the price).
 * Also after a wrong code: Discord's modal closes on submit, so the answer offers to open it again.
 */
export function withCodeButton(m: Message, slot: Slot): Message {
  const { quoteKey: _key, payStandardFee: _fee, ...bare } = slot;
  void _key;
  void _fee;
  const enter: Button = { kind: 'action', label: ts(resolveLang(m.locale), 'button.enterCode'), intent: { do: 'code', slot: bare } };
  return { ...m, buttons: [enter, ...m.buttons] };
}
