/**
 * The action ids of every Slack button (the `action` part of bots/shared/button-id.ts) and modal
 * callback ids, plus the codecs for the arguments some buttons carry.
 */
import type { SessionKind } from '../../core/config/schema.js';

export const ACTIONS = {
  /** Confirm a proposed time, or pick one of the offered slots: arg = startsAt|kind|length. */
  book: 'book',
  /** Customer: ask to cancel (shows the confirm step). */
  cancel: 'cancel',
  /** Customer: the confirm step's "Yes, cancel". */
  cancelYes: 'cancel-yes',
  /** Customer: the confirm step's "Keep it". */
  keep: 'keep',
  /** Open the reschedule modal. */
  move: 'move',
  /** Reply with a Google Calendar link for the booking. */
  calendar: 'calendar',
  /** Staff: approve / decline (reason modal) / squeeze an emergency in (arg = staffId|startsAt). */
  approve: 'approve',
  decline: 'decline',
  squeeze: 'squeeze',
  /** Staff (App Home): customer joined (arg = online|phone), cancel with reason, history. */
  joined: 'joined',
  staffCancel: 'staff-cancel',
  history: 'history',
  /** Request an emergency at the standard fee (arg = pay; the button's value carries the description). */
  emergency: 'emergency',
  /** Staff (no-show note): record the reinstatement payment of the booking's company. */
  reinstate: 'reinstate',
} as const;

export type ActionName = (typeof ACTIONS)[keyof typeof ACTIONS];

export const VIEWS = {
  book: 'book-modal',
  code: 'code-modal',
  move: 'move-modal',
  decline: 'decline-modal',
  staffCancel: 'staff-cancel-modal',
} as const;

export interface SlotChoice {
  startsAt: string;
  kind: SessionKind;
  lengthMinutes: number;
  /** Book at the standard fee (no maintenance code, or free sessions suspended). */
  payStandardFee?: boolean;
}

/**
 * "2026-12-01T20:00Z|online|60", and "…|60|p" to book at the standard fee: minutes precision keeps
 * the id short (sessions start on 5-minute marks).
 */
export function encodeSlot(s: SlotChoice): string {
  return `${new Date(s.startsAt).toISOString().slice(0, 16)}Z|${s.kind}|${s.lengthMinutes}${s.payStandardFee ? '|p' : ''}`;
}

export function decodeSlot(arg: string | undefined): SlotChoice | null {
  if (!arg) return null;
  const [at, kind, len, pay, ...rest] = arg.split('|');
  const d = new Date(at ?? '');
  const lengthMinutes = Number(len);
  if (Number.isNaN(d.getTime()) || (kind !== 'online' && kind !== 'phone') || !Number.isInteger(lengthMinutes)) return null;
  if (rest.length || (pay !== undefined && pay !== 'p')) return null;
  return { startsAt: d.toISOString(), kind, lengthMinutes, ...(pay === 'p' ? { payStandardFee: true } : {}) };
}

export function encodeSqueeze(staffId: string, startsAt: string): string {
  return `${staffId}|${new Date(startsAt).toISOString().slice(0, 16)}Z`;
}

export function decodeSqueeze(arg: string | undefined): { staffId: string; startsAt: string } | null {
  const [staffId, at] = (arg ?? '').split('|');
  const d = new Date(at ?? '');
  if (!staffId || Number.isNaN(d.getTime())) return null;
  return { staffId, startsAt: d.toISOString() };
}
