/**
 * The words around a time in a booking request: which kind of session ("phone", "online") and how
 * long ("30 min", "1h", "an hour"). What is left is the time text for parseWhen.
 */
import type { SessionKind } from '../config/schema.js';

const PHONE = /\b(phone|call|conference\s+call|telefon|telefoon|téléphone|telephone|teléfono|telefone|anruf)\b/i;
const ONLINE = /\b(online|screen[-\s]?share|video|zoom|remote|en\s+ligne|en\s+línea)\b/i;
// "in 2 hours" / "within 30 minutes" is a time, not a length: not taken here.
const LENGTH_MIN = /(?<!\b(?:in|within|dans|en|em|over|binnen)\s+)\b(?:for\s+)?(\d{1,3})\s*(?:m|min|mins|minutes?|minuten|minuti|minutos)\b/i;
const LENGTH_HOURS = /(?<!\b(?:in|within|dans|en|em|over|binnen)\s+)\b(?:for\s+)?(\d(?:[.,]5)?)\s*(?:h|hr|hrs|hours?|stunden?|heures?|horas?|uur)\b/i;
const AN_HOUR = /\b(?:for\s+)?(an|one)\s+hour\b/i;
const HALF_HOUR = /\b(?:for\s+)?(half\s+an\s+hour|a\s+half\s+hour)\b/i;
const FILLER = /\b(?:can\s+i|could\s+i|i'?d\s+like\s+to|i\s+want\s+to|please|book|booking|a|an|session|appointment|slot)\b/gi;

export interface RequestWords {
  kind: SessionKind | null;
  lengthMinutes: number | null;
  timeText: string;
}

export function splitRequest(text: string, allowedLengths: number[]): RequestWords {
  let rest = ` ${text} `;
  let kind: SessionKind | null = null;
  if (PHONE.test(rest)) {
    kind = 'phone';
    rest = rest.replace(PHONE, ' ');
  } else if (ONLINE.test(rest)) {
    kind = 'online';
    rest = rest.replace(ONLINE, ' ');
  }
  let lengthMinutes: number | null = null;
  const take = (re: RegExp, minutes: (m: RegExpMatchArray) => number) => {
    const m = rest.match(re);
    if (m && lengthMinutes === null) {
      lengthMinutes = minutes(m);
      rest = rest.replace(re, ' ');
    }
  };
  take(HALF_HOUR, () => 30);
  take(AN_HOUR, () => 60);
  take(LENGTH_MIN, (m) => Number(m[1]));
  take(LENGTH_HOURS, (m) => Math.round(Number(m[1]!.replace(',', '.')) * 60));
  // A bare trailing number that is an allowed length ("/book tomorrow 3pm phone 60").
  const bare = rest.match(/\s(\d{2,3})\s*$/);
  if (lengthMinutes === null && bare && allowedLengths.includes(Number(bare[1]))) {
    lengthMinutes = Number(bare[1]);
    rest = rest.slice(0, bare.index);
  }
  const timeText = rest.replace(FILLER, ' ').replace(/[?!]+/g, ' ').replace(/\s+/g, ' ').trim();
  return { kind, lengthMinutes, timeText };
}

/** The allowed length nearest to what was asked (the shorter one on a tie), or the shortest. */
export function fitLength(asked: number | null | undefined, allowed: number[]): number {
  const sorted = [...allowed].sort((a, b) => a - b);
  if (!asked) return sorted[0]!;
  return sorted.reduce((best, l) => (Math.abs(l - asked) < Math.abs(best - asked) ? l : best), sorted[0]!);
}
