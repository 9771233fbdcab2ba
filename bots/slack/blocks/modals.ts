/**
 * The modals: book, maintenance code, reschedule, a reason (decline / staff cancel), history, a result.
 * Every title, label, placeholder, hint and button comes from the catalogs in the reader's language
 * (`lang`: the same resolution as Slack's other answers). Slack's limits are checked by modals.test.ts.
 */
import type { types } from '@slack/bolt';
import type { Config } from '../../../core/index.js';
import { VIEWS } from '../action-ids.js';
import { money, ts, type Lang } from '../../shared/present/i18n.js';
import { kindName } from '../../shared/present/booking.js';
import { section, type Block, type SlackMessage } from './kit.js';

export type ModalView = types.ModalView;

/** Which modal a title names ("Book a session", "Termin buchen"…): the catalog's `modal.title` select. */
export type ModalTitle = 'book' | 'code' | 'move' | 'rescheduled' | 'history' | 'decline' | 'staff_cancel' | 'app';

/** Slack's limits on modal text: a title, a submit or close button 24 characters, a placeholder 150, a label or hint 2000. */
export const MODAL_LIMITS = { title: 24, button: 24, placeholder: 150, label: 2000, hint: 2000, option: 75 } as const;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

export const modalTitle = (lang: Lang, which: ModalTitle): string => ts(lang, 'modal.title', { which });

function modal(lang: Lang, callbackId: string | undefined, title: ModalTitle, blocks: Block[], opts: { submit?: 'book' | 'move' | 'send'; metadata?: string; close?: 'cancel' | 'close' } = {}): ModalView {
  return {
    type: 'modal',
    ...(callbackId ? { callback_id: callbackId } : {}),
    // The catalog test keeps every title within Slack's limit; the cut is only a guard against a 400 from Slack.
    title: plain(modalTitle(lang, title).slice(0, MODAL_LIMITS.title)),
    ...(opts.submit ? { submit: plain(ts(lang, 'modal.submit', { which: opts.submit })) } : {}),
    close: plain(ts(lang, 'modal.close', { which: opts.close ?? 'cancel' })),
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

/** One standard fee, by kind and length (for the "from $60" list). */
export interface StandardFee {
  kind: 'online' | 'phone';
  lengthMinutes: number;
  feeCents: number;
}

/** The /book modal; the maintenance code field only when the person is not linked yet. */
export function bookModal(config: Config, lang: Lang, opts: { linked: boolean; standardFees: StandardFee[] }): ModalView {
  const ctx = { lang, config };
  const kinds = (['online', 'phone'] as const).map((k) => ({ text: kindName(ctx, k), value: k }));
  const lengths = [...new Set([...config.sessionKinds.online.lengths, ...config.sessionKinds.phone.lengths])].map((l) => ({ text: ts(lang, 'unit.minutes', { n: l }), value: String(l) }));
  const blocks: Block[] = [
    select('kind', ts(lang, 'modal.kind'), kinds, 'online'),
    select('length', ts(lang, 'modal.length'), lengths, lengths[0]!.value),
    textInput('when', ts(lang, 'label.when'), { optional: true, placeholder: ts(lang, 'modal.whenPlaceholder'), hint: ts(lang, 'modal.whenHint') }),
    { type: 'input', block_id: 'date', optional: true, label: plain(ts(lang, 'modal.date')), element: { type: 'datepicker', action_id: 'value' } } as Block,
    { type: 'input', block_id: 'time', optional: true, label: plain(ts(lang, 'modal.time')), element: { type: 'timepicker', action_id: 'value' } } as Block,
  ];
  if (!opts.linked) {
    blocks.push(textInput('code', ts(lang, 'modal.code'), { optional: true, max: 64, hint: ts(lang, 'modal.codeHint') }));
    blocks.push(standardFeeCheckbox(config, lang, opts.standardFees));
  }
  blocks.push(textInput('description', ts(lang, 'modal.description'), { optional: true, multiline: true, max: 1000 }));
  return modal(lang, VIEWS.book, 'book', blocks, { submit: 'book' });
}

/** "Book at the standard fee ($75)", or "(from $60)" with each fee listed when they differ by kind and length. */
function standardFeeCheckbox(config: Config, lang: Lang, fees: StandardFee[]): Block {
  const cur = config.vendor.currency;
  const amounts = [...new Set(fees.map((f) => f.feeCents))].sort((a, b) => a - b);
  const text = ts(lang, 'modal.standardFee', { count: amounts.length === 0 ? 'none' : amounts.length === 1 ? 'one' : 'other', amount: amounts.length ? money(lang, amounts[0]!, cur) : '' });
  const ctx = { lang, config };
  const list = fees.map((f) => ts(lang, 'modal.feeItem', { name: kindName(ctx, f.kind), minutes: f.lengthMinutes, amount: money(lang, f.feeCents, cur) })).join(ts(lang, 'list.comma'));
  return {
    type: 'input',
    block_id: 'standard_fee',
    optional: true,
    label: plain(ts(lang, 'modal.noCode')),
    ...(amounts.length > 1 ? { hint: plain(ts(lang, 'modal.standardFees', { list }).slice(0, MODAL_LIMITS.hint)) } : {}),
    element: {
      type: 'checkboxes',
      action_id: 'value',
      options: [{ text: plain(text), value: 'yes' }],
    },
  } as Block;
}

/** Asked when a booking needs a maintenance code (the person is not linked). metadata: the slot. */
export function codeModal(config: Config, lang: Lang, fee: StandardFee, metadata: string): ModalView {
  return modal(lang, VIEWS.code, 'code', [section(ts(lang, 'modal.codeIntro')), textInput('code', ts(lang, 'modal.code'), { optional: true, max: 64 }), standardFeeCheckbox(config, lang, [fee])], { submit: 'book', metadata });
}

/** Reschedule: a new time in words. metadata: {bookingId, kind, lengthMinutes}. `current`: the booking as plain text. */
export function moveModal(lang: Lang, current: string, metadata: string): ModalView {
  return modal(lang, VIEWS.move, 'move', [section(ts(lang, 'move.current', { current })), textInput('when', ts(lang, 'prompt.newTime'), { placeholder: ts(lang, 'modal.newTimePlaceholder') })], { submit: 'move', metadata });
}

/** Staff: the reason the customer will read, for a decline or a staff cancel. */
export function reasonModal(lang: Lang, which: 'decline' | 'staff_cancel', metadata: string): ModalView {
  const callbackId = which === 'decline' ? VIEWS.decline : VIEWS.staffCancel;
  return modal(lang, callbackId, which, [section(ts(lang, 'modal.reasonPrompt', { which })), textInput('reason', ts(lang, 'modal.reason'), { multiline: true, max: 500 })], { submit: 'send', metadata });
}

/** A read-only modal showing a message (results, history). */
export function messageModal(lang: Lang, title: ModalTitle, msg: SlackMessage): ModalView {
  return modal(lang, undefined, title, msg.blocks.filter((b) => b.type !== 'actions'), { close: 'close' });
}

/** A modal whose blocks keep their buttons (slots to pick after a submission). */
export function choiceModal(lang: Lang, title: ModalTitle, msg: SlackMessage, metadata: string): ModalView {
  return modal(lang, undefined, title, msg.blocks, { close: 'close', metadata });
}
