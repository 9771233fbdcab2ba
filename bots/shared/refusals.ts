/**
 * The sentences every adapter says when a request cannot be used as sent: a stale or unknown button,
 * an unknown command, text over the length limit, a command option missing or of the wrong type.
 * One place, so the wording (and its translation, when the catalogs arrive) carries over.
 */

import { MAX_REQUEST_CHARS } from '../../core/booking/understand-request.js';

/** The most characters of free text one request may carry: /book text, a booking-channel message. */
export { MAX_REQUEST_CHARS };

export const NO_LONGER_AVAILABLE = 'This button is no longer available. Please start again (for example with /book or /sessions).';

export function unknownCommand(name: string): string {
  return `Slotkeeper does not know the command ${name.slice(0, 40)}.`;
}

/** Text over the limit: how long it was, what the limit is, and what to do. */
export function tooLong(chars: number, limit = MAX_REQUEST_CHARS): string {
  return `That message is ${chars.toLocaleString('en-US')} characters long; Slotkeeper reads up to ${limit.toLocaleString('en-US')}. Please say when you would like the session in a shorter message, e.g. "tomorrow at 3pm".`;
}

/** A command whose option was missing or of the wrong type (a forged or outdated command). */
export function expectedOptions(command: string, expected: string[]): string {
  return `/${command} was sent without what it needs: ${expected.join('; ')}. Please try the command again from Discord's command list.`;
}
