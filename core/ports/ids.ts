import { randomBytes, randomInt } from 'node:crypto';

/** Random identifiers core needs: join tokens, conference PINs, meeting rooms, claim tokens. */
export interface Ids {
  /** An unguessable URL-safe token (join links, claim tokens). */
  token(): string;
  /** A numeric PIN of the given number of digits. */
  pin(digits: number): string;
  /** A long unguessable token for links that act on a booking (self-service page, calendar file, feeds). */
  linkToken(): string;
  /** A short reference a person can read out on the phone, e.g. "SK-7KQ4M". */
  reference(): string;
}

const REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export const randomIds: Ids = {
  token: () => randomBytes(18).toString('base64url'),
  pin: (digits) => Array.from({ length: digits }, () => String(randomInt(10))).join(''),
  linkToken: () => randomBytes(32).toString('base64url'),
  reference: () => 'SK-' + Array.from({ length: 5 }, () => REF_ALPHABET[randomInt(REF_ALPHABET.length)]).join(''),
};

/** Predictable ids for tests and the demo. */
export function sequentialIds(prefix = 't'): Ids {
  let n = 0;
  let links = 0;
  return {
    // A counter of its own, so adding link tokens did not move the other sequences tests rely on.
    linkToken: () => `${prefix}link${++links}`,
    token: () => `${prefix}tok${++n}`,
    pin: (digits) => String(++n).padStart(digits, '0').slice(-digits),
    reference: () => `SK-${prefix.toUpperCase()}${String(++n).padStart(5, '0')}`,
  };
}
