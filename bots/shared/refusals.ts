/**
 * The sentences every adapter says when a request cannot be used as sent: a stale or unknown button,
 * an unknown command, text over the length limit, a command option missing or of the wrong type.
 * One place, worded in the catalogs (bots/shared/present/catalog), in the reader's language: an
 * adapter that does not know the person yet (Slack acks an unknown command before any users.info)
 * passes the vendor's.
 */

import { MAX_REQUEST_CHARS } from '../../core/booking/understand-request.js';
import { ts, type Lang } from './present/i18n.js';

/** The most characters of free text one request may carry: /book text, a booking-channel message. */
export { MAX_REQUEST_CHARS };

export function noLongerAvailable(lang: Lang = 'en'): string {
  return ts(lang, 'refusal.noLongerAvailable', { book: '/book', sessions: '/sessions' });
}

/** The English sentence (kept for callers that have no language at hand). */
export const NO_LONGER_AVAILABLE = noLongerAvailable('en');

export function unknownCommand(name: string, lang: Lang = 'en'): string {
  return ts(lang, 'refusal.unknownCommand', { name: name.slice(0, 40) });
}

/** Text over the limit: how long it was, what the limit is, and what to do. */
export function tooLong(chars: number, limit = MAX_REQUEST_CHARS, lang: Lang = 'en'): string {
  return ts(lang, 'refusal.tooLong', { chars, limit });
}

/** A command whose option was missing or of the wrong type (a forged or outdated command). */
export function expectedOptions(command: string, expected: string[], lang: Lang = 'en'): string {
  return ts(lang, 'refusal.expectedOptions', { command: `/${command}`, expected: expected.join('; ') });
}
