/**
 * Button/action ids shared by Slack (action_id, value) and Discord (custom_id).
 *
 *   sk:<action>                     e.g. sk:refresh
 *   sk:<action>:<bookingId>         e.g. sk:cancel:bk_01H…
 *   sk:<action>:<bookingId>:<arg>   e.g. sk:move:bk_01H…:2026-12-01T09%3A00   (arg is URI-encoded)
 *   sk:<action>::<arg>              an arg without a booking
 *
 * At most 100 characters (Discord's custom_id limit; Slack allows 255).
 */

export const BUTTON_ID_PREFIX = 'sk';
export const BUTTON_ID_MAX_LENGTH = 100;

export interface ButtonId {
  action: string;
  bookingId?: string;
  arg?: string;
}

const ACTION = /^[a-z][a-z0-9_-]{0,31}$/;
const BOOKING_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class ButtonIdError extends Error {
  override name = 'ButtonIdError';
}

/** Builds the id. Throws ButtonIdError for inputs that cannot round-trip: that is a bug in the caller. */
export function encodeButtonId(id: ButtonId): string {
  if (!ACTION.test(id.action)) throw new ButtonIdError(`button action must match ${ACTION}: ${JSON.stringify(id.action)}`);
  if (id.bookingId !== undefined && !BOOKING_ID.test(id.bookingId)) {
    throw new ButtonIdError(`button bookingId must match ${BOOKING_ID}`);
  }
  let out = `${BUTTON_ID_PREFIX}:${id.action}`;
  if (id.arg !== undefined) {
    if (id.arg === '') throw new ButtonIdError('button arg must not be empty (leave it undefined)');
    out += `:${id.bookingId ?? ''}:${encodeURIComponent(id.arg)}`;
  } else if (id.bookingId !== undefined) {
    out += `:${id.bookingId}`;
  }
  if (out.length > BUTTON_ID_MAX_LENGTH) {
    throw new ButtonIdError(`button id is ${out.length} characters, over the ${BUTTON_ID_MAX_LENGTH} limit`);
  }
  return out;
}

/** Reads an id back; anything that encodeButtonId could not have produced gives null. */
export function decodeButtonId(raw: unknown): ButtonId | null {
  if (typeof raw !== 'string' || raw.length > BUTTON_ID_MAX_LENGTH) return null;
  const parts = raw.split(':');
  if (parts.length < 2 || parts.length > 4 || parts[0] !== BUTTON_ID_PREFIX) return null;
  const [, action, bookingId, encodedArg] = parts;
  if (action === undefined || !ACTION.test(action)) return null;
  const result: ButtonId = { action };
  if (parts.length === 3) {
    if (bookingId === undefined || !BOOKING_ID.test(bookingId)) return null;
    result.bookingId = bookingId;
  }
  if (parts.length === 4) {
    if (bookingId === undefined || (bookingId !== '' && !BOOKING_ID.test(bookingId))) return null;
    if (encodedArg === undefined || encodedArg === '') return null;
    let arg: string;
    try {
      arg = decodeURIComponent(encodedArg);
    } catch {
      return null;
    }
    // Only the canonical encoding is accepted, so one value has exactly one id.
    if (encodeURIComponent(arg) !== encodedArg) return null;
    if (bookingId !== '') result.bookingId = bookingId;
    result.arg = arg;
  }
  return result;
}
