/**
 * Draws a neutral Message (bots/shared/present) as Block Kit. Pure, and no wording of its own:
 * only Slack's chrome (emoji for icons, mrkdwn bold/quote/code, escaping, link syntax, block limits).
 */
import type { Button, Icon, Line, Message, Part, Text } from '../../shared/present/model.js';
import { encodeIntent } from '../../shared/present/intents.js';
import { timeText } from '../../shared/present/time-text.js';
import { plain, resolveLang } from '../../shared/present/i18n.js';
import type { Config } from '../../../core/index.js';
import type { Presentation } from '../../shared/present/results.js';
import { codeModal, moveModal, type ModalView } from '../blocks/modals.js';
import { actions, context, esc, section, type Block, type ButtonElement, type SlackMessage } from '../blocks/kit.js';

const ICONS: Record<Icon, string> = {
  booked: ':white_check_mark:',
  pending: ':hourglass_flowing_sand:',
  cancelled: ':wastebasket:',
  declined: ':x:',
  moved: ':arrows_counterclockwise:',
  reminder: ':alarm_clock:',
  lock: ':lock:',
  noshow: ':door:',
  warning: ':warning:',
  suspended: ':no_entry:',
  reinstated: ':tada:',
  emergency: ':rotating_light:',
  approval: ':inbox_tray:',
  closed: ':hourglass:',
  withdrawn: ':leftwards_arrow_with_hook:',
  calendar: ':calendar:',
  linked: ':link:',
  company: ':office:',
  done: ':white_check_mark:',
};

/** One part as mrkdwn: text escaped, times in the reader's zone, code in backticks, links as <url|url>. */
function part(p: Part): string {
  if (typeof p === 'string') return esc(p);
  switch (p.t) {
    case 'time':
      return timeText(p);
    case 'code':
      return `\`${esc(p.text)}\``;
    case 'link':
      return `<${p.url}|${esc(p.url)}>`;
    case 'mention':
      return p.platform === 'slack' ? `<@${p.userId}>` : esc(p.name);
  }
}

export const mrkdwn = (text: Text): string => text.map(part).join('');

/** Plain text (notifications, button labels): no markup. */
export const plainText = (text: Text): string => plain(text, timeText);

function line(l: Line): string {
  const body = mrkdwn(l.text);
  const labelled = l.label ? `*${esc(l.label)}* ${body}` : body;
  switch (l.style) {
    case 'strong':
      return `*${labelled}*`;
    case 'quote':
      return `> ${labelled}`;
    default:
      return labelled;
  }
}

function button(b: Button): ButtonElement {
  const text = { type: 'plain_text' as const, text: b.label.slice(0, 75) };
  if (b.kind === 'link') return { type: 'button', text, url: b.url, action_id: `sk-${b.name}-link` };
  const id = encodeIntent(b.intent);
  // Slack carries a payload beside the id in the button's value (the emergency's description).
  const value = b.intent.do === 'emergency-pay' && b.intent.description ? b.intent.description : id;
  return { type: 'button', text, action_id: id, value, ...(b.style === 'danger' ? { style: 'danger' } : b.style ? { style: 'primary' } : {}) };
}

export function renderButtons(buttons: Button[], blockId?: string): Block[] {
  return buttons.length ? actions(buttons.map(button), blockId) : [];
}

/** Sections become section blocks (muted lines: context blocks); the title opens the first section. */
export function renderBlocks(m: Message): Block[] {
  const blocks: Block[] = [];
  const head = m.title ? `${m.icon ? `${ICONS[m.icon]} ` : ''}*${mrkdwn(m.title)}*` : null;
  let pendingHead = head;
  for (const sec of m.sections) {
    const normal = sec.filter((l) => l.style !== 'muted');
    const muted = sec.filter((l) => l.style === 'muted');
    const text = [pendingHead, ...normal.map(line)].filter((x): x is string => !!x).join('\n');
    pendingHead = null;
    if (text) blocks.push(section(text.slice(0, 3000)));
    for (const l of sec) if (l.buttons?.length) blocks.push(...renderButtons(l.buttons));
    for (const l of muted) blocks.push(context(`${m.icon && !head ? `${ICONS[m.icon]} ` : ''}${line(l)}`));
  }
  if (pendingHead) blocks.push(section(pendingHead));
  blocks.push(...renderButtons(m.buttons));
  if (m.fields?.length) blocks.push(section(m.fields.map((f) => `*${esc(f.label)}* ${mrkdwn(f.value)}`).join('\n')));
  if (m.footer) blocks.push(context(mrkdwn(m.footer)));
  if (m.closing) blocks.push(section(`*${mrkdwn(m.closing)}*`));
  return blocks;
}

export function renderMessage(m: Message): SlackMessage {
  return { text: plainText(m.summary).slice(0, 3000), blocks: renderBlocks(m) };
}

export interface SlackPresentation {
  message: SlackMessage;
  /** A modal to open instead of (or before) the message, when there is a trigger_id. */
  modal?: ModalView;
}

/** A presentation with its prompt as a modal (the maintenance code, a new time). */
export function toSlack(p: Presentation, config: Config): SlackPresentation {
  const message = renderMessage(p.message);
  if (!p.prompt) return { message };
  switch (p.prompt.kind) {
    case 'code': {
      const { startsAt, kind, lengthMinutes } = p.prompt.slot;
      return { message, modal: codeModal(config, resolveLang(p.message.locale), { kind, lengthMinutes, feeCents: p.prompt.feeCents }, JSON.stringify({ startsAt, kind, lengthMinutes })) };
    }
    case 'move':
      return { message, modal: moveModal(resolveLang(p.message.locale), plainText(p.prompt.current), JSON.stringify({ bookingId: p.prompt.bookingId, kind: p.prompt.sessionKind, lengthMinutes: p.prompt.lengthMinutes })) };
  }
}
