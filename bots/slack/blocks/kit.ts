/** Small Block Kit helpers shared by the builders: plain data in, Block Kit JSON out. */
import type { types } from '@slack/bolt';
import { encodeButtonId, type ButtonId } from '../../shared/button-id.js';

export type Block = types.KnownBlock;
export type ButtonElement = types.Button;

/** What a builder returns: a notification/fallback text and the blocks. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
export const context = (...texts: string[]): Block => ({ type: 'context', elements: texts.map((t) => ({ type: 'mrkdwn' as const, text: t })) });
export const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text: text.slice(0, 150) } });
export const divider = (): Block => ({ type: 'divider' });

/** A button whose action_id and value are the same button-id (Slack wants unique action_ids per block). */
export function button(label: string, id: ButtonId, style?: 'primary' | 'danger'): ButtonElement {
  const encoded = encodeButtonId(id);
  return { type: 'button', text: { type: 'plain_text', text: label.slice(0, 75) }, action_id: encoded, value: encoded, ...(style ? { style } : {}) };
}

export function linkButton(label: string, url: string, actionId: string): ButtonElement {
  return { type: 'button', text: { type: 'plain_text', text: label }, url, action_id: actionId };
}

/** One actions block per 5 buttons (Slack allows up to 25, but five read well). */
export function actions(buttons: ButtonElement[], blockId?: string): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < buttons.length; i += 5) {
    out.push({ type: 'actions', elements: buttons.slice(i, i + 5), ...(blockId && i === 0 ? { block_id: blockId } : {}) });
  }
  return out;
}

export function message(text: string, blocks: Block[] = [section(text)]): SlackMessage {
  return { text, blocks };
}

/** Escape the three characters Slack's mrkdwn treats as control characters. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
