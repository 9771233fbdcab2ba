/**
 * The words around a time in a booking request: which kind of session ("phone", "call", "screen
 * share") and how long ("30 min", "1h", "for an hour"). What is left is the time text for parseWhen.
 *
 * `readRequest` is the one function every way of asking goes through (typed /book text, the /book
 * modal's "when" field, a booking-channel message, the console, `npm run when`), so they agree.
 */
import type { SessionKind } from '../config/schema.js';
import { parseWhen } from '../time/index.js';
import type { ParseWhenOptions, WhenResult } from '../time/index.js';

// A word that can only mean the telephone beats an online word; "call" alone is weaker than both
// ("a zoom call" is online, "a phone call" and "a call" are phone).
const PHONE = /(?<![\p{L}])(phone|phone\s+call|telephone|by\s+phone|give\s+(?:us|me)\s+a\s+ring|ring\s+(?:me|us)(?:\s+back)?|telefon(?:isch)?|telefoon(?:tje)?|téléphone|teléfono|telefone|anruf(?:en)?|rückruf|bellen)(?![\p{L}])/iu;
const ONLINE = /(?<![\p{L}])(online|screen[-\s]?share|screenshare|screen[-\s]?sharing|video(?:\s+call)?|zoom(?:\s+call)?|teams(?:\s+call)?|google\s+meet|webex|remote(?:\s+session)?|en\s+ligne|en\s+línea|videollamada|videochamada|bildschirm(?:freigabe)?|partage\s+d'écran)(?![\p{L}])/iu;
const CALL = /(?<![\p{L}])(call(?:\s+me)?(?:\s+back)?|callback|llamada|llamar(?:me)?|appel(?:er)?|ligação|ligacao|ligar|chamada|gesprek)(?![\p{L}])/iu;
// "in 2 hours" / "within 30 minutes" is a time, not a length: not taken here.
// A number after a clock word is a time, not a length: "om 3 uur" (3 o'clock), "à 9h", "um 10".
const NOT_LENGTH = '(?<!(?<![\\p{L}])(?:in|within|dans|en|em|over|binnen|at|om|um|à|às|as|las|vers|gegen|rond|tegen|tot|bis|until|till|before|after|between|and|und|et|y|e|tussen|zwischen|entre|ab|na|nach|après|apres|depois\\s+das|después\\s+de\\s+las)\\s+)';
// A minus sign stays with its number ("-30 minutes" is a length of -30, not 30): understandRequest asks it back.
const LENGTH_MIN = new RegExp(`${NOT_LENGTH}(?<![\\p{L}\\d])(?:for\\s+)?([-−]?\\d{1,3})\\s*(?:m|min|mins|minutes?|minuten|minuti|minutos)(?![\\p{L}\\d])`, 'iu');
const LENGTH_HOURS = new RegExp(`${NOT_LENGTH}(?<![\\p{L}\\d])(?:for\\s+)?([-−]?\\d(?:[.,]5)?)\\s*(?:h|hr|hrs|hours?|stunden?|heures?|horas?|uur)(?![\\p{L}\\d])(?!\\s*\\d)`, 'iu');
// "an hour and a half", "2 hours and a half", "1 hour and 30 minutes", "1h 30m": hours and minutes together.
const HOURS_AND_HALF = new RegExp(`${NOT_LENGTH}(?<![\\p{L}\\d])(?:for\\s+)?(an|one|\\d)\\s+hours?\\s+and\\s+a\\s+half(?![\\p{L}])`, 'iu');
const HOURS_AND_MIN = new RegExp(`${NOT_LENGTH}(?<![\\p{L}\\d])(?:for\\s+)?(an|one|\\d)\\s*(?:h|hr|hrs|hours?)\\s*(?:and\\s+)?(\\d{1,2})\\s*(?:m|min|mins|minutes?)(?![\\p{L}\\d])`, 'iu');
const AN_HOUR = /(?<![\p{L}])(?<!(?:in|within|dans|en|em|over|binnen)\s+)(?:(?:for\s+)?(?:an|one|a\s+full)\s+hour|(?:für|pour|por|durante|voor)\s+(?:eine|une|una|uma|een)\s+(?:stunde|heure|hora|uur))(?![\p{L}])/iu;
const HALF_HOUR = /(?<![\p{L}])(?:for\s+)?(half\s+an\s+hour|a\s+half\s+hour|half\s+hour|eine\s+halbe\s+stunde|une\s+demi-heure|media\s+hora|meia\s+hora|een\s+half\s+uur|half\s+uur)(?![\p{L}])/iu;
const FILLER = /(?<![\p{L}'’])(?:can\s+i|could\s+i|can\s+we|could\s+we|can\s+you|could\s+you|can\s+someone|could\s+someone|i'?d\s+like(?:\s+to)?|id\s+like(?:\s+to)?|i\s+want(?:\s+to)?|i\s+need|we\s+need|need|get|have|do(?!\s+dia)|hey|hi|hello|ok|okay|so|please|pls|plz|thanks|thx|book(?:\s+me)?|booking|schedule|set\s+up|an?(?!\s+(?:week|day|month|fortnight|couple|few|hour|minute|quarter)s?(?![\p{L}]))|session|appointment|slot|is\s+there\s+anything|anything|any\s+slots?|free|available|works?|would\s+work|lets\s+say|let'?s\s+say|maybe|umm+|uhm*|uh+|me|us)(?![\p{L}'’])/giu;

export interface RequestWords {
  kind: SessionKind | null;
  lengthMinutes: number | null;
  timeText: string;
}

export function splitRequest(text: string, allowedLengths: number[]): RequestWords {
  let rest = ` ${text} `;
  let kind: SessionKind | null = null;
  if (PHONE.test(rest)) kind = 'phone';
  else if (ONLINE.test(rest)) kind = 'online';
  else if (CALL.test(rest)) kind = 'phone';
  rest = rest.replace(PHONE, ' ').replace(ONLINE, ' ').replace(CALL, ' ');
  let lengthMinutes: number | null = null;
  const take = (re: RegExp, minutes: (m: RegExpMatchArray) => number) => {
    const m = rest.match(re);
    if (m && lengthMinutes === null) {
      lengthMinutes = minutes(m);
      rest = rest.replace(re, ' ');
    }
  };
  const hours = (w: string) => (/^\d$/.test(w) ? Number(w) : 1);
  take(HOURS_AND_HALF, (m) => hours(m[1]!) * 60 + 30);
  take(HOURS_AND_MIN, (m) => hours(m[1]!) * 60 + Number(m[2]));
  take(HALF_HOUR, () => 30);
  take(AN_HOUR, () => 60);
  const num = (t: string) => Number(t.replace('−', '-').replace(',', '.'));
  take(LENGTH_MIN, (m) => num(m[1]!));
  take(LENGTH_HOURS, (m) => Math.round(num(m[1]!) * 60));
  // A bare trailing number that is an allowed length ("/book tomorrow 3pm phone 60").
  const bare = rest.match(/\s(\d{2,3})\s*$/);
  if (lengthMinutes === null && bare && allowedLengths.includes(Number(bare[1]))) {
    lengthMinutes = Number(bare[1]);
    rest = rest.slice(0, bare.index);
  }
  const timeText = rest.replace(FILLER, ' ').replace(/[?!]+/g, ' ').replace(/\s+/g, ' ').trim();
  return { kind, lengthMinutes, timeText };
}

export interface ReadRequest extends RequestWords {
  when: WhenResult;
}

/** A whole request, read: the kind and length words taken out, the rest read as a time. */
export function readRequest(text: string, allowedLengths: number[], options: ParseWhenOptions): ReadRequest {
  const words = splitRequest(text, allowedLengths);
  return { ...words, when: parseWhen(words.timeText, options) };
}

/** The allowed length nearest to what was asked (the shorter one on a tie), or the shortest. */
export function fitLength(asked: number | null | undefined, allowed: number[]): number {
  const sorted = [...allowed].sort((a, b) => a - b);
  if (!asked) return sorted[0]!;
  return sorted.reduce((best, l) => (Math.abs(l - asked) < Math.abs(best - asked) ? l : best), sorted[0]!);
}
