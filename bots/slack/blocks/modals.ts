/** The modals: book, maintenance code, reschedule, a reason (decline / staff cancel), history, a result. */
import type { types } from '@slack/bolt';
import type { Config } from '../../../core/index.js';
import { VIEWS } from '../action-ids.js';
import { money } from './format.js';
import { section, type Block, type SlackMessage } from './kit.js';

export type ModalView = types.ModalView;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

function modal(callbackId: string | undefined, title: string, blocks: Block[], opts: { submit?: string; metadata?: string; close?: string } = {}): ModalView {
  return {
    type: 'modal',
    ...(callbackId ? { callback_id: callbackId } : {}),
    title: plain(title.slice(0, 24)),
    ...(opts.submit ? { submit: plain(opts.submit) } : {}),
    close: plain(opts.close ?? 'Cancel'),
    ...(opts.metadata !== undefined ? { private_metadata: opts.metadata } : {}),
    blocks: blocks as types.View['blocks'],
  };
}

function textInput(blockId: string, label: string, opts: { optional?: boolean; placeholder?: string; multiline?: boolean; hint?: string; initial?: string; max?: number } = {}): Block {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label),
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      multiline: opts.multiline ?? false,
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
      ...(opts.initial ? { initial_value: opts.initial } : {}),
      ...(opts.max ? { max_length: opts.max } : {}),
    },
  } as Block;
}

function select(blockId: string, label: string, options: { text: string; value: string }[], initial: string): Block {
  const opts = options.map((o) => ({ text: plain(o.text), value: o.value }));
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    element: { type: 'static_select', action_id: 'value', options: opts, initial_option: opts.find((o) => o.value === initial) ?? opts[0]! },
  } as Block;
}

/** The /book modal; the maintenance code field only when the person is not linked yet. */
export interface StandardFee {
  /** "Online 30 min" */
  label: string;
  feeCents: number;
}

export function bookModal(config: Config, opts: { linked: boolean; standardFees: StandardFee[] }): ModalView {
  const kinds = (['online', 'phone'] as const).map((k) => ({ text: config.sessionKinds[k].label ?? k, value: k }));
  const lengths = [...new Set([...config.sessionKinds.online.lengths, ...config.sessionKinds.phone.lengths])].map((l) => ({ text: `${l} minutes`, value: String(l) }));
  const blocks: Block[] = [
    select('kind', 'Kind of session', kinds, 'online'),
    select('length', 'Length', lengths, lengths[0]!.value),
    textInput('when', 'When', { optional: true, placeholder: 'e.g. tomorrow 3pm, Friday afternoon', hint: 'Type a time, or pick a date and time below.' }),
    { type: 'input', block_id: 'date', optional: true, label: plain('Date'), element: { type: 'datepicker', action_id: 'value' } } as Block,
    { type: 'input', block_id: 'time', optional: true, label: plain('Time'), element: { type: 'timepicker', action_id: 'value' } } as Block,
  ];
  if (!opts.linked) {
    blocks.push(textInput('code', 'Maintenance code', { optional: true, max: 64, hint: 'With an active maintenance plan, sessions are free or discounted. Leave empty to pay the standard fee.' }));
    blocks.push(standardFeeCheckbox(config, opts.standardFees));
  }
  blocks.push(textInput('description', 'What do you need help with?', { optional: true, multiline: true, max: 1000 }));
  return modal(VIEWS.book, 'Book a session', blocks, { submit: 'Book' });
}

/** "Book at the standard fee ($75)", or "(from $60)" with each fee listed when they differ by kind and length. */
function standardFeeCheckbox(config: Config, fees: StandardFee[]): Block {
  const cur = config.vendor.currency;
  const amounts = [...new Set(fees.map((f) => f.feeCents))].sort((a, b) => a - b);
  const text = amounts.length === 0 ? 'Book at the standard fee' : amounts.length === 1 ? `Book at the standard fee (${money(amounts[0]!, cur)})` : `Book at the standard fee (from ${money(amounts[0]!, cur)})`;
  const detail = amounts.length > 1 ? fees.map((f) => `${f.label} ${money(f.feeCents, cur)}`).join(', ') : '';
  return {
    type: 'input',
    block_id: 'standard_fee',
    optional: true,
    label: plain('No code?'),
    ...(detail ? { hint: plain(`Standard fees: ${detail}. Paid sessions are not refundable.`.slice(0, 2000)) } : {}),
    element: {
      type: 'checkboxes',
      action_id: 'value',
      options: [{ text: plain(text), value: 'yes' }],
    },
  } as Block;
}

/** Asked when a booking needs a maintenance code (the person is not linked). metadata: the slot. */
export function codeModal(config: Config, feeCents: number, metadata: string): ModalView {
  return modal(
    VIEWS.code,
    'Maintenance code',
    [
      section('Enter your company\'s maintenance code once; after that it is remembered. If you forgot it, log into your support account and open your Profile page.'),
      textInput('code', 'Maintenance code', { optional: true, max: 64 }),
      standardFeeCheckbox(config, [{ label: '', feeCents }]),
    ],
    { submit: 'Book', metadata },
  );
}

/** Reschedule: a new time in words. metadata: {bookingId, kind, lengthMinutes}. */
export function moveModal(currentWhen: string, metadata: string): ModalView {
  return modal(VIEWS.move, 'Reschedule', [section(`Currently: ${currentWhen}`), textInput('when', 'New time', { placeholder: 'e.g. Thursday 10am' })], { submit: 'Reschedule', metadata });
}

export function reasonModal(callbackId: string, title: string, prompt: string, metadata: string): ModalView {
  return modal(callbackId, title, [section(prompt), textInput('reason', 'Reason (the customer sees it)', { multiline: true, max: 500 })], { submit: 'Send', metadata });
}

/** A read-only modal showing a message (results, history). */
export function messageModal(title: string, msg: SlackMessage): ModalView {
  return modal(undefined, title, msg.blocks.filter((b) => b.type !== 'actions'), { close: 'Close' });
}

/** A modal whose blocks keep their buttons (slots to pick after a submission). */
export function choiceModal(title: string, msg: SlackMessage, metadata: string): ModalView {
  return modal(undefined, title, msg.blocks, { close: 'Close', metadata });
}
