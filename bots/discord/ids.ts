/**
 * Custom ids of the Discord buttons and modals, on top of the shared `sk:<action>:<bookingId>:<arg>`
 * codec. A proposal (a time not booked yet) travels in the arg as `kind.length.unix[.q<quote key>].author[.s]`:
 * `o`/`p`, minutes, start in epoch seconds, the Discord user the buttons belong to, and `s` when the
 * person chose the standard fee. Everything fits Discord's 100-character limit.
 */
import { decodeButtonId, encodeButtonId, type ButtonId } from '../shared/button-id.js';
import { encodeIntent } from '../shared/present/intents.js';
import type { SessionKind } from '../../core/config/schema.js';

export const A = {
  book: 'bk', // book this proposal
  more: 'more', // other times near this proposal
  code: 'code', // open the code modal for this proposal
  codeModal: 'codem',
  // Buttons about a booking are the shared intents (bots/shared/present/intents.ts), so a notice drawn
  // by the shared presenter and a reply drawn here carry the same ids.
  cancel: 'cancel', // ask to confirm the cancel
  cancelYes: 'cancel-yes',
  keep: 'keep', // "Keep it" under the cancel question
  move: 'move', // open the reschedule modal
  moveModal: 'mvm',
  moveTo: 'move-to', // reschedule to a listed slot (arg: ISO minute)
  calendar: 'calendar',
  approve: 'approve',
  decline: 'decline',
  declineModal: 'dcm',
  squeeze: 'squeeze', // arg: staffId|ISO minute
  joined: 'joined', // arg: online | phone
  staffCancel: 'staff-cancel',
  staffCancelModal: 'scxm',
  history: 'history',
  reinstate: 'reinstate',
  emergencyModal: 'emm', // the emergency's description, asked again for "Request at $X"
} as const;

export const prefix = (action: string) => `sk:${action}`;

export interface Proposal {
  kind: SessionKind;
  lengthMinutes: number;
  startsAt: Date;
  author: string;
  payStandardFee: boolean;
  /** The key of the quote shown with the proposal (`.q<key>`): core books nothing if the price changed since. */
  quoteKey?: string;
}

export function proposalArg(p: Proposal): string {
  return [p.kind === 'online' ? 'o' : 'p', p.lengthMinutes, Math.floor(p.startsAt.getTime() / 1000), ...(p.quoteKey ? [`q${p.quoteKey}`] : []), p.author, ...(p.payStandardFee ? ['s'] : [])].join('.');
}

export function readProposal(arg: string | undefined): Proposal | null {
  const m = /^([op])\.(\d{1,4})\.(\d{1,12})(?:\.q([0-9a-z]{1,24}))?\.(\d{1,25})(\.s)?$/.exec(arg ?? '');
  if (!m) return null;
  return { kind: m[1] === 'o' ? 'online' : 'phone', lengthMinutes: Number(m[2]), startsAt: new Date(Number(m[3]) * 1000), author: m[5]!, payStandardFee: !!m[6], ...(m[4] ? { quoteKey: m[4] } : {}) };
}

export const proposalId = (action: string, p: Proposal) => encodeButtonId({ action, arg: proposalArg(p) });
export const bookingId = (action: string, id: string, arg?: string) => encodeButtonId({ action, bookingId: id, ...(arg ? { arg } : {}) });
export const readId = (customId: string): ButtonId | null => decodeButtonId(customId);

/** Reschedule to this listed time: the shared `move-to` intent. */
export const moveToId = (id: string, startsAt: string) => encodeIntent({ do: 'move-to', bookingId: id, startsAt });
