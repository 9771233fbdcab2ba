import type { SessionKind } from '../../../core/config/schema.js';
import type { Core } from '../../../core/index.js';
import { ACTIONS, encodeSlot, type SlotChoice } from '../action-ids.js';
import { at, minutesText, money } from './format.js';
import { actions, button, context, esc, section, type Block, type ButtonElement, type SlackMessage } from './kit.js';

type Understood = Awaited<ReturnType<Core['understandRequest']>>;
type Quote = Extract<Understood, { kind: 'proposal' }>['quote'];
export type SlotLike = { startsAt: string };

export function quoteLine(q: Quote): string {
  switch (q.kind) {
    case 'priced':
      if (q.priceCents === 0) return 'Covered by your maintenance plan.';
      return `Price: ${money(q.priceCents, q.currency)}${q.basis === 'plan_discount' ? ' (maintenance plan discount)' : ''}. Paid sessions are not refundable.${q.needsApproval ? '\nThis booking needs staff approval: the time is held until they decide.' : ''}`;
    case 'not_linked':
      return `You are not linked to a company yet. Confirm to enter your maintenance code, or book now at the standard fee of ${money(q.feeCents, q.currency)}.`;
    case 'suspended':
      return `Free sessions for your company are suspended; you can book this session at the standard fee of ${money(q.feeCents, q.currency)} (a ${money(q.reinstatementCents, q.currency)} payment reinstates free sessions).`;
  }
}

/** "Book at $75": books the slot at the standard fee (no code needed, and past a suspension). */
export function payButton(slot: SlotChoice, feeCents: number, currency: string, style?: 'primary'): ButtonElement {
  return button(`Book at ${money(feeCents, currency)}`, { action: ACTIONS.book, arg: encodeSlot({ ...slot, payStandardFee: true }) }, style);
}

/** Buttons that book one of several times (nearest free slots, a window's slots). */
export function slotButtons(slots: SlotLike[], zone: string, kind: SessionKind, lengthMinutes: number, label?: (s: SlotLike) => string): ButtonElement[] {
  return slots.slice(0, 10).map((s) =>
    button(label ? label(s) : at(s.startsAt, zone), { action: ACTIONS.book, arg: encodeSlot({ startsAt: s.startsAt, kind, lengthMinutes }) }),
  );
}

export function proposalMessage(r: Extract<Understood, { kind: 'proposal' }>, kindLabel: string): SlackMessage {
  const blocks: Block[] = [
    section(`*${kindLabel}*, ${minutesText(r.lengthMinutes)}\n*When:* ${esc(r.readback)}\n${quoteLine(r.quote)}`),
    ...(r.notes.length ? [context(...r.notes.map(esc))] : []),
    ...actions(
      r.quote.kind === 'suspended'
        ? [payButton({ startsAt: r.startsAt, kind: r.sessionKind, lengthMinutes: r.lengthMinutes }, r.quote.feeCents, r.quote.currency, 'primary')]
        : [
            button(r.quote.kind === 'priced' && r.quote.needsApproval ? 'Request this time' : 'Confirm', { action: ACTIONS.book, arg: encodeSlot({ startsAt: r.startsAt, kind: r.sessionKind, lengthMinutes: r.lengthMinutes }) }, 'primary'),
            ...(r.quote.kind === 'not_linked' ? [payButton({ startsAt: r.startsAt, kind: r.sessionKind, lengthMinutes: r.lengthMinutes }, r.quote.feeCents, r.quote.currency)] : []),
          ],
    ),
  ];
  return { text: `${kindLabel} ${r.readback}: confirm?`, blocks };
}

export function slotsMessage(intro: string, slots: SlotLike[], zone: string, kind: SessionKind, lengthMinutes: number, extra?: string): SlackMessage {
  if (slots.length === 0) {
    const text = `${intro}\nThere is no free time near it. Try another day with \`/book\`.`;
    return { text, blocks: [section(text)] };
  }
  return {
    text: intro,
    blocks: [section(`${intro}${extra ? `\n${extra}` : ''}\nPick a time:`), ...actions(slotButtons(slots, zone, kind, lengthMinutes))],
  };
}

export function textMessage(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}
