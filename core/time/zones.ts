/**
 * Zone names people type, and what we take them to mean.
 *
 * Choices (the text is often loose about daylight time, so we are too):
 * - A regional abbreviation maps to the IANA zone of its region, not to a fixed offset:
 *   people write "EST" all year round and mean "New York time", so "3pm EST" in July
 *   is read as 15:00 EDT. Same for CET/CEST, PST/PDT, AEST/AEDT, NZST/NZDT.
 * - CST is US Central (America/Chicago), not China Standard Time.
 * - IST is India (Asia/Kolkata), not Irish or Israel Standard Time.
 * - BST is British Summer Time (Europe/London), not Bangladesh.
 * - GMT and UTC are both UTC, fixed (a Londoner who means "London time" writes "UK time" or "London").
 * - BRT is Brasília time (America/Sao_Paulo, no DST since 2019).
 * - "UTC+2", "UTC-03:30", "GMT+5:30" are fixed offsets; "14:00Z" is UTC.
 * - Zones chrono knows and this table does not ("JST", "+0900") are read at the fixed offset chrono gives.
 * - Any valid IANA name typed in the text ("Europe/London") is used as is.
 */
import { FixedOffsetZone, IANAZone } from 'luxon';

export const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  EST: 'America/New_York',
  EDT: 'America/New_York',
  ET: 'America/New_York',
  EASTERN: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  CT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  MT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  PACIFIC: 'America/Los_Angeles',
  CET: 'Europe/Berlin',
  CEST: 'Europe/Berlin',
  MEZ: 'Europe/Berlin',
  MESZ: 'Europe/Berlin',
  GMT: 'UTC',
  UTC: 'UTC',
  Z: 'UTC',
  BST: 'Europe/London',
  UK: 'Europe/London',
  IST: 'Asia/Kolkata',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
  BRT: 'America/Sao_Paulo',
};

export interface ZoneInText {
  /** IANA name or fixed offset name ("UTC+2") that luxon understands. */
  zone: string;
  /** The text with the zone mention removed. */
  rest: string;
}

const OFFSET = /(?<![\p{L}\d])(?:UTC|GMT)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?(?![\p{L}\d])/iu;
const IANA = /(?<![\p{L}\d/])([A-Z][A-Za-z_]+(?:\/[A-Za-z_+-]+){1,2})(?![\p{L}\d/])/u;
// Abbreviations are matched in upper case only ("PT", "ET", not "pt"/"et" which are words),
// except the spelled-out words, matched case-insensitively, optionally followed by "time".
const ABBR = new RegExp(
  `(?<![\\p{L}\\d])(${Object.keys(ZONE_ABBREVIATIONS)
    .filter((k) => k.length <= 4)
    .join('|')})(?![\\p{L}\\d])(?:\\s+time)?`,
  'u',
);
const MAYBE_ZONE = /[A-Z/]/;
const MAYBE_ZONE_WORD = /eastern|pacific|uk|utc|gmt/i;
/** "14:00Z": ISO-style Zulu right after a time. */
const ZULU = /\dZ(?![\p{L}\d])/u;
const WORDS = /(?<![\p{L}\d])(eastern|pacific|uk)\s+time(?![\p{L}\d])/iu;

function cut(text: string, index: number, length: number): string {
  return (text.slice(0, index) + ' ' + text.slice(index + length)).replace(/\s+/g, ' ').trim();
}

/** Find an explicit zone in the text. Returns null when there is none. */
export function findZoneInText(text: string): ZoneInText | null {
  // Every zone mention has a capital letter, a slash, a "Z" or a word like "pacific"; most texts have none.
  if (!MAYBE_ZONE.test(text) && !MAYBE_ZONE_WORD.test(text)) return null;
  const off = /utc|gmt/i.test(text) ? OFFSET.exec(text) : null;
  if (off) {
    const sign = off[1] === '+' ? 1 : -1;
    const minutes = sign * (Number(off[2]) * 60 + Number(off[3] ?? 0));
    if (Math.abs(minutes) <= 14 * 60) {
      return { zone: FixedOffsetZone.instance(minutes).name, rest: cut(text, off.index, off[0].length) };
    }
  }
  const iana = text.includes('/') ? IANA.exec(text) : null;
  if (iana && iana[1] && isKnownZone(iana[1])) {
    return { zone: iana[1], rest: cut(text, iana.index, iana[0].length) };
  }
  const word = MAYBE_ZONE_WORD.test(text) ? WORDS.exec(text) : null;
  if (word && word[1]) {
    return { zone: ZONE_ABBREVIATIONS[word[1].toUpperCase()]!, rest: cut(text, word.index, word[0].length) };
  }
  const zulu = ZULU.exec(text);
  if (zulu) return { zone: 'UTC', rest: (text.slice(0, zulu.index + 1) + text.slice(zulu.index + 2)).trim() };
  const abbr = /[A-Z]/.test(text) ? ABBR.exec(text) : null;
  if (abbr && abbr[1]) {
    // A lone "Z" only counts right after a time ("14:00Z").
    if (abbr[1] === 'Z' && !/\d\s*$/.test(text.slice(0, abbr.index))) return null;
    return { zone: ZONE_ABBREVIATIONS[abbr[1]]!, rest: cut(text, abbr.index, abbr[0].length) };
  }
  return null;
}

const validity = new Map<string, boolean>();

/** True when luxon can use the name as a zone (IANA or fixed offset). Cached: luxon builds an Intl formatter per check. */
export function isKnownZone(zone: string): boolean {
  let ok = validity.get(zone);
  if (ok === undefined) {
    ok = /^UTC(?:[+-]\d{1,2}(?::\d{2})?)?$/.test(zone) || IANAZone.isValidZone(zone);
    if (validity.size < 1000) validity.set(zone, ok);
  }
  return ok;
}
