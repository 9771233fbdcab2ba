/**
 * Custom ids of the Discord buttons and modals. Buttons are the shared intents
 * (bots/shared/present/intents.ts: `sk:book::<slot>`, `sk:cancel:<bookingId>` …), so a message drawn
 * from the shared presenter and a handler here read the same ids; an id of an earlier version
 * (`sk:bk::o.30.…`) matches no handler or decodes to nothing, and is answered "no longer available".
 * Modals are Discord's own: they reopen what a button asked for, under an action of their own.
 */
import { decodeButtonId, encodeButtonId, type ButtonId } from '../shared/button-id.js';

export const A = {
  // Buttons: the shared intents' names.
  cancel: 'cancel', // ask to confirm the cancel
  cancelYes: 'cancel-yes',
  keep: 'keep', // "Keep it" under the cancel question
  move: 'move', // open the reschedule modal
  moveTo: 'move-to', // reschedule to a listed slot (arg: ISO minute)
  calendar: 'calendar',
  approve: 'approve',
  decline: 'decline',
  squeeze: 'squeeze', // arg: staffId|ISO minute
  joined: 'joined', // arg: online | phone
  staffCancel: 'staff-cancel',
  history: 'history',
  reinstate: 'reinstate',
  // Modals.
  codeModal: 'codem', // the maintenance code, then book the slot in the arg
  moveModal: 'mvm',
  declineModal: 'dcm',
  staffCancelModal: 'scxm',
  emergencyModal: 'emm', // the emergency's description, asked again for "Request at $X"
} as const;

export const prefix = (action: string) => `sk:${action}`;

export const bookingId = (action: string, id: string, arg?: string) => encodeButtonId({ action, bookingId: id, ...(arg ? { arg } : {}) });
export const readId = (customId: string): ButtonId | null => decodeButtonId(customId);
