/**
 * What a button asks for, as a value, and the one codec that writes it into a platform's button id
 * (Slack action_id/value, Discord custom_id, the console's data attributes) and reads it back.
 *
 *   sk:<action>[:<bookingId>[:<arg>]]   on top of bots/shared/button-id.ts (≤ 100 characters)
 *
 * A button that acts on a booking as it showed it (the cancel question's Yes, a staff card's Approve,
 * Decline and Cancel) carries the booking's sequence as its arg (`sk:cancel-yes:<id>:<sequence>`), so
 * core can refuse when the booking changed since. Decline and Cancel ask for a reason first: the
 * platform's modal carries the sequence on to the submit.
 *
 * A slot (a time not booked yet) travels as `2026-12-01T20:00Z|online|60[|p][|q<key>][|@author]`: minutes
 * precision, `p` to book at the standard fee, `q` the key of the quote shown with it (core books
 * nothing if the price changed since), and the platform user the buttons belong to when a
 * message is shown in a shared place (a Discord thread).
 */
import type { SessionKind } from '../../../core/config/schema.js';
import { decodeButtonId, encodeButtonId } from '../button-id.js';

export interface Slot {
  startsAt: string;
  kind: SessionKind;
  lengthMinutes: number;
  /** Book at the standard fee (no maintenance code, or free sessions suspended). */
  payStandardFee?: boolean;
  /** The key of the quote shown with the offer. */
  quoteKey?: string;
  /** The person the buttons belong to (a message others can see). */
  author?: string;
}

export type Intent =
  /** Book this slot (confirm a proposal, or pick an offered time). */
  | { do: 'book'; slot: Slot }
  /** Other free times near this slot. */
  | { do: 'more'; slot: Slot }
  /** Enter a maintenance code, then book this slot. */
  | { do: 'code'; slot: Slot }
  /** Customer: ask to cancel (the confirm step). */
  | { do: 'cancel'; bookingId: string }
  /**
   * Customer: yes, cancel. `sequence`: the booking's sequence when the question was asked, so core
   * cancels nothing if the booking changed since. Absent on buttons drawn before it was carried
   * (`sk:cancel-yes:<id>`): those still cancel, unchecked.
   */
  | { do: 'cancel-yes'; bookingId: string; sequence?: number }
  | { do: 'keep'; bookingId: string }
  /** Customer: ask for a new time. */
  | { do: 'move'; bookingId: string }
  /** Customer: move to this listed time. */
  | { do: 'move-to'; bookingId: string; startsAt: string }
  | { do: 'calendar'; bookingId: string }
  /** Staff. `sequence`: the booking's as the card showed it (see cancel-yes); absent on older cards. */
  | { do: 'approve'; bookingId: string; sequence?: number }
  | { do: 'decline'; bookingId: string; sequence?: number }
  /** `outsideHours`: staff confirmed a time outside the assignee's hours. */
  | { do: 'squeeze'; bookingId: string; staffId: string; startsAt: string; outsideHours?: true }
  | { do: 'joined'; bookingId: string; via: 'online' | 'phone' }
  /** Staff: cancel a session (asks for a reason first). `sequence`: as for approve. */
  | { do: 'staff-cancel'; bookingId: string; sequence?: number }
  | { do: 'history'; bookingId: string }
  /** Staff: record the reinstatement payment of this booking's company. */
  | { do: 'reinstate'; bookingId: string }
  /** Customer: request the emergency again at the standard fee. The description is not in the id: a platform carries it beside it (Slack: the button's value) or asks again. */
  | { do: 'emergency-pay'; description?: string }
  /** Customer of a suspended company: pay the reinstatement fee online (answers with the Pay link). */
  | { do: 'pay-reinstatement' };

export type IntentName = Intent['do'];

export const INTENT_NAMES: readonly IntentName[] = ['book', 'more', 'code', 'cancel', 'cancel-yes', 'keep', 'move', 'move-to', 'calendar', 'approve', 'decline', 'squeeze', 'joined', 'staff-cancel', 'history', 'reinstate', 'emergency-pay', 'pay-reinstatement'];

/** An instant to the minute, "2026-12-01T20:00Z". Core's instants are already UTC ISO strings: those are cut, not parsed. */
const minute = (iso: string) => (CANONICAL_UTC.test(iso) ? `${iso.slice(0, 16)}Z` : `${new Date(iso).toISOString().slice(0, 16)}Z`);
const CANONICAL_UTC = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

export function encodeSlot(s: Slot): string {
  return `${minute(s.startsAt)}|${s.kind}|${s.lengthMinutes}${s.payStandardFee ? '|p' : ''}${s.quoteKey ? `|q${s.quoteKey}` : ''}${s.author ? `|@${s.author}` : ''}`;
}

export function decodeSlot(arg: string | undefined): Slot | null {
  if (!arg) return null;
  const [at, kind, len, ...rest] = arg.split('|');
  const d = new Date(at ?? '');
  const lengthMinutes = Number(len);
  if (!at?.endsWith('Z') || Number.isNaN(d.getTime()) || (kind !== 'online' && kind !== 'phone') || !Number.isInteger(lengthMinutes) || lengthMinutes <= 0) return null;
  const slot: Slot = { startsAt: d.toISOString(), kind, lengthMinutes };
  let i = 0;
  if (rest[i] === 'p') {
    slot.payStandardFee = true;
    i++;
  }
  if (rest[i] && /^q[0-9a-z]{1,24}$/.test(rest[i]!)) {
    slot.quoteKey = rest[i]!.slice(1);
    i++;
  }
  if (rest[i]?.startsWith('@') && /^@[A-Za-z0-9_-]{1,32}$/.test(rest[i]!)) {
    slot.author = rest[i]!.slice(1);
    i++;
  }
  return i === rest.length ? slot : null;
}

export function encodeIntent(i: Intent): string {
  switch (i.do) {
    case 'book':
    case 'more':
    case 'code':
      return encodeButtonId({ action: i.do, arg: encodeSlot(i.slot) });
    case 'squeeze':
      return encodeButtonId({ action: i.do, bookingId: i.bookingId, arg: `${i.staffId}|${minute(i.startsAt)}${i.outsideHours ? '|o' : ''}` });
    case 'move-to':
      return encodeButtonId({ action: i.do, bookingId: i.bookingId, arg: minute(i.startsAt) });
    case 'joined':
      return encodeButtonId({ action: i.do, bookingId: i.bookingId, arg: i.via });
    case 'cancel-yes':
    case 'approve':
    case 'decline':
    case 'staff-cancel':
      return encodeButtonId({ action: i.do, bookingId: i.bookingId, ...(i.sequence !== undefined ? { arg: String(i.sequence) } : {}) });
    case 'emergency-pay':
    case 'pay-reinstatement':
      return encodeButtonId({ action: i.do });
    case 'cancel':
    case 'keep':
    case 'move':
    case 'calendar':
    case 'history':
    case 'reinstate':
      return encodeButtonId({ action: i.do, bookingId: i.bookingId });
    default: {
      const never: never = i;
      throw new Error(`unencoded intent ${JSON.stringify(never)}`);
    }
  }
}

/** A booking's sequence as written in an id: digits, no leading zero (one value, one id). */
const SEQUENCE = /^(?:0|[1-9]\d{0,8})$/;

/**
 * A sequence as an id's arg (a button's, or a platform modal's that carried it on): undefined when
 * absent (an id from before it was carried: act unchecked), null when malformed (a stale or forged id).
 */
export function readSequence(arg: string | undefined): number | undefined | null {
  if (arg === undefined) return undefined;
  return SEQUENCE.test(arg) ? Number(arg) : null;
}

const isIso = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/.test(s) && !Number.isNaN(Date.parse(s));

/** Reads an id back; anything encodeIntent could not have written gives null. */
export function decodeIntent(raw: unknown): Intent | null {
  const id = decodeButtonId(raw);
  if (!id) return null;
  const name = id.action as IntentName;
  const b = id.bookingId;
  switch (name) {
    case 'book':
    case 'more':
    case 'code': {
      const slot = b === undefined ? decodeSlot(id.arg) : null;
      return slot ? { do: name, slot } : null;
    }
    case 'squeeze': {
      const [staffId, at, ...rest] = (id.arg ?? '').split('|');
      const outside = rest.length === 1 && rest[0] === 'o';
      if (!b || !staffId || !isIso(at) || (rest.length > 0 && !outside)) return null;
      return { do: name, bookingId: b, staffId, startsAt: new Date(at).toISOString(), ...(outside ? { outsideHours: true as const } : {}) };
    }
    case 'move-to':
      return b && isIso(id.arg) ? { do: name, bookingId: b, startsAt: new Date(id.arg).toISOString() } : null;
    case 'joined':
      return b && (id.arg === 'online' || id.arg === 'phone') ? { do: name, bookingId: b, via: id.arg } : null;
    case 'cancel-yes':
    case 'approve':
    case 'decline':
    case 'staff-cancel': {
      if (!b) return null;
      const sequence = readSequence(id.arg);
      if (sequence === null) return null;
      return sequence === undefined ? { do: name, bookingId: b } : { do: name, bookingId: b, sequence };
    }
    case 'emergency-pay':
    case 'pay-reinstatement':
      return b === undefined && id.arg === undefined ? { do: name } : null;
    case 'cancel':
    case 'keep':
    case 'move':
    case 'calendar':
    case 'history':
    case 'reinstate':
      return b && id.arg === undefined ? { do: name, bookingId: b } : null;
    default:
      return null;
  }
}
