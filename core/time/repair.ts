/**
 * Repairs before chrono reads the text (issue 13): shorthand and typos (words.ts), clock words
 * ("quarter to 11", "halb zehn", "half 3"), ranges ("between 2 and 4", "after 3pm"), ordinal days
 * ("the 21st", "am 21."), "a week from today" and "next week tuesday".
 *
 * Everything here is gated by cheap checks: most texts need none of it, and the whole of parseWhen
 * must stay within 1.5× chrono's own cost.
 */
import { addDays, isoWeekday, ymd, type PlainDate } from './calendar.js';
import type { Lang } from './text.js';
import type { WhenCorrection, WhenHint } from './types.js';
import { PHRASES, WEEK_PHRASES } from './phrases.js';
import { DAY_TARGETS, MARKERS, NOT_TYPOS, NUMBER_WORDS, SHORTHANDS, TYPO_TARGETS, WEEKDAYS } from './words.js';

// ---------------------------------------------------------------- words: shorthand, typos, markers

const F_CLOCK = 1;
const F_RANGE = 2;
const F_NUMWORD = 4;

/** Words that switch on the (costlier) clock-word and range passes. */
const FLAG_WORDS = new Map<string, number>();
for (const w of ['quarter', 'half', 'halb', 'viertel', 'dreiviertel', 'kwart', 'media', 'cuarto', 'demie', 'quart', 'meia', 'quinze', 'fifteen', 'thirty', 'forty', "o'clock", 'oclock']) FLAG_WORDS.set(w, F_CLOCK);
for (const w of ['between', 'zwischen', 'entre', 'tussen', 'after', 'nach', 'ab', 'après', 'apres', 'después', 'despues', 'depois', 'partir', 'vanaf', 'na', 'before', 'vor', 'avant', 'antes', 'anytime', 'sometime']) FLAG_WORDS.set(w, (FLAG_WORDS.get(w) ?? 0) | F_RANGE);
for (const w of Object.keys(NUMBER_WORDS)) FLAG_WORDS.set(w, (FLAG_WORDS.get(w) ?? 0) | F_NUMWORD);

const LANGS: Lang[] = ['en', 'de', 'fr', 'es', 'pt', 'nl'];
const MARKER_OF = new Map<string, number>();
(Object.keys(MARKERS) as Array<keyof typeof MARKERS>).forEach((l) => {
  for (const w of MARKERS[l]) MARKER_OF.set(w, (MARKER_OF.get(w) ?? 0) | (1 << LANGS.indexOf(l)));
});

/** Every word some table knows: never taken for a typo. */
const KNOWN = new Set<string>([...NOT_TYPOS, ...FLAG_WORDS.keys(), ...Object.keys(WEEKDAYS), ...Object.keys(NUMBER_WORDS), ...MARKER_OF.keys()]);
for (const p of [...PHRASES, ...WEEK_PHRASES]) for (const w of p.words) for (const t of w.toLowerCase().split(/[^\p{L}]+/u)) if (t) KNOWN.add(t);
for (const l of LANGS) {
  for (const w of TYPO_TARGETS[l]) KNOWN.add(w);
  for (const [k, v] of Object.entries(SHORTHANDS[l])) KNOWN.add(k).add(v);
}

interface Target {
  word: string;
  first: string;
}
const TARGETS: Record<Lang, Target[]> = {} as Record<Lang, Target[]>;
for (const l of LANGS) {
  const words = l === 'en' ? TYPO_TARGETS.en : [...TYPO_TARGETS.en, ...TYPO_TARGETS[l]];
  TARGETS[l] = words.map((word) => ({ word, first: word[0]! }));
}

export interface FixedWords {
  text: string;
  /** "tomorow" read as "tomorrow" */
  corrections: WhenCorrection[];
  /** Set when a word looks like a misspelled day we cannot correct with confidence. */
  refused?: WhenHint;
  /** A bit set over LANGS of the languages whose words the text shows; 0 for most texts. */
  markers: number;
  /** How many of each language's words (index as LANGS), when `markers` is not 0. */
  counts?: number[];
  flags: number;
}

/** Letters (any script), digits and the apostrophe / hyphen inside a word: one cheap scan, no regex. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && c !== 0x2013 && c !== 0x2014 && c !== 0xa0);
}

/** One pass over the words: shorthand written out, typos corrected (and said), markers and flags noted. */
export function fixWords(text: string, lang: Lang): FixedWords {
  const out: FixedWords = { text, corrections: [], markers: 0, flags: 0 };
  let s = '';
  let last = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isWordChar(c)) j++;
      else if ((c === 39 || c === 0x2019 || c === 45) && j + 1 < n && isWordChar(text.charCodeAt(j + 1))) j += 2;
      else break;
    }
    const rep = word(text, i, j, lang, out);
    if (rep !== undefined) {
      s += text.slice(last, i) + rep;
      last = j;
    }
    i = j;
  }
  if (last) out.text = s + text.slice(last);
  if (/\d[ap]/i.test(out.text)) out.text = out.text.replace(AMPM_SHORT, '$1$2m');
  return out;
}

/** What one word becomes (undefined: unchanged); notes flags, markers, corrections and refusals in `out`. */
function word(text: string, i: number, j: number, lang: Lang, out: FixedWords): string | undefined {
  const raw = text.slice(i, j);
  const t = raw.toLowerCase();
  mark(out, t);
  let rep = SHORTHANDS[lang][t] ?? (lang === 'en' ? undefined : SHORTHANDS.en[t]);
  const f = FLAG_WORDS.get(rep ?? t);
  if (f) out.flags |= f;
  if (rep === undefined && lang === 'en' && t.length >= 3 && t.length <= 4 && !KNOWN.has(t) && !HAS_DIGIT.test(t)) {
    // Short English words: only "next" and "today" are checked ("nex", "tody"), one edit away and with
    // the same first letter; dropped, they would change the day.
    const w = shortTarget(t);
    if (w) {
      rep = w;
      out.corrections.push({ typed: raw, read: w });
    }
  } else if (rep === undefined && t.length >= 5 && !KNOWN.has(t) && !HAS_DIGIT.test(t)) {
    const typo = correct(t, lang);
    if (typo) {
      if (typo.refused) {
        out.refused ??= typo.refused;
      } else {
        rep = typo.word;
        out.corrections.push({ typed: raw, read: typo.word });
        mark(out, typo.word!);
      }
    }
  }
  return rep;
}
const HAS_DIGIT = /\d/;
const SHORT_TARGETS = ['next', 'today'];
function shortTarget(t: string): string | undefined {
  for (const x of SHORT_TARGETS) if (x[0] === t[0] && distance(t, x, 1) <= 1) return x;
  return undefined;
}
/** "3p", "10a", "11:30a" → "3pm", "10am", "11:30am". */
const AMPM_SHORT = /(\d)([ap])(?![\p{L}\d])/giu;

function mark(out: FixedWords, t: string): void {
  const mk = MARKER_OF.get(t);
  if (!mk) return;
  out.markers |= mk;
  const counts = (out.counts ??= [0, 0, 0, 0, 0, 0]);
  for (let k = 1; k < LANGS.length; k++) if (mk & (1 << k)) counts[k]!++;
}

/** The target a misspelled word means, or a refusal when it is close to a day word but not certainly one. */
function correct(t: string, lang: Lang): { word: string; refused?: undefined } | { refused: WhenHint; word?: undefined } | null {
  let best = 3;
  let found: string[] = [];
  for (const target of TARGETS[lang]) {
    const w = target.word;
    if (Math.abs(w.length - t.length) > 2) continue;
    // Misspellings keep the first letter, or swap the first two.
    if (target.first !== t[0] && !(w[0] === t[1] && w[1] === t[0])) continue;
    const d = distance(t, w, best);
    if (d < best) {
      best = d;
      found = [w];
    } else if (d === best && !found.includes(w)) found.push(w);
  }
  if (best > 2 || found.length === 0) return null;
  const name = (w: string) => (lang === 'en' || TYPO_TARGETS.en.includes(w) ? cap(w) : w);
  if (found.length > 1) return { refused: { code: 'which_day', typed: t, options: found.map(name) } };
  const word = found[0]!;
  if (best === 1 || t.length >= 7) return { word };
  if (DAY_TARGETS.has(word)) return { refused: { code: 'did_you_mean', typed: t, word: name(word) } };
  return null;
}

function cap(w: string): string {
  return w[0]!.toUpperCase() + w.slice(1);
}

const ROW_A = new Array<number>(32).fill(0);
const ROW_B = new Array<number>(32).fill(0);
const ROW_C = new Array<number>(32).fill(0);
/** Optimal-string-alignment distance (adjacent swaps count 1), giving up above `max`. */
function distance(a: string, b: string, max: number): number {
  if (a.length > 30 || b.length > 30) return max + 1;
  let prev2 = ROW_A;
  let prev = ROW_B;
  let cur = ROW_C;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]!;
}

/** The languages other than `lang` whose words the text shows, the one with most words first. */
export function markerLangs(w: FixedWords, lang: Lang): Lang[] {
  const out: Lang[] = [];
  for (let i = 1; i < LANGS.length; i++) if (w.markers & (1 << i) && LANGS[i] !== lang) out.push(LANGS[i]!);
  if (out.length > 1) out.sort((a, b) => w.counts![LANGS.indexOf(b)]! - w.counts![LANGS.indexOf(a)]!);
  return out;
}

export function hasFlag(w: FixedWords, flag: 'clock' | 'range' | 'number'): boolean {
  return (w.flags & (flag === 'clock' ? F_CLOCK : flag === 'range' ? F_RANGE : F_NUMWORD)) !== 0;
}

// ---------------------------------------------------------------- clock words

const NUM = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';

function num(s: string): number {
  const n = NUMBER_WORDS[s.toLowerCase()];
  return n ?? Number(s);
}
/** The hour before: "halb zehn" is 9:30, "quarter to 1" is 12:45; a 24-hour hour stays 24-hour. */
function before(h: number): number {
  return h > 12 ? h - 1 : ((h + 10) % 12) + 1;
}
function hm(h: number, m: number): string {
  return `${h}:${m < 10 ? '0' : ''}${m}`;
}

type ClockRule = [RegExp, (h: number) => string];
const rule = (re: string, f: (h: number) => string): ClockRule => [new RegExp(re, 'giu'), f];
const plus = (m: number) => (h: number) => hm(h, m);
const minusQuarter = (h: number) => hm(before(h), 45);
const halfBefore = (h: number) => hm(before(h), 30);

const EN_CLOCK: ClockRule[] = [
  rule(`${B}quarter\\s+(?:past|after)\\s+${NUM}${E}`, plus(15)),
  rule(`${B}half\\s+(?:past|after)\\s+${NUM}${E}`, plus(30)),
  rule(`${B}(?:a\\s+)?quarter\\s+(?:to|of|till|til)\\s+${NUM}${E}`, minusQuarter),
  rule(`${B}${NUM}\\s+fifteen${E}`, plus(15)),
  rule(`${B}${NUM}\\s+thirty${E}`, plus(30)),
  rule(`${B}${NUM}\\s+forty[-\\s]?five${E}`, plus(45)),
  rule(`${B}${NUM}\\s*o'?clock${E}`, plus(0)),
];
/** British "half nine" = 9:30 (after the rules above, which take "half past"). */
const EN_HALF = rule(`${B}half\\s+${NUM}${E}(?!\\s*(?:an?\\s+)?(?:hours?|hrs?|h)${E})`, plus(30));
/** Dutch "half drie" / "half 3" = 2:30. */
const NL_HALF = rule(`${B}half\\s+${NUM}${E}(?!\\s*(?:uur|hours?)${E})`, halfBefore);
const DE_CLOCK: ClockRule[] = [
  rule(`${B}halb\\s+${NUM}${E}`, halfBefore),
  rule(`${B}viertel\\s+nach\\s+${NUM}${E}`, plus(15)),
  rule(`${B}(?:viertel\\s+vor|dreiviertel)\\s+${NUM}${E}`, minusQuarter),
];
const NL_CLOCK: ClockRule[] = [
  rule(`${B}kwart\\s+over\\s+${NUM}${E}`, plus(15)),
  rule(`${B}kwart\\s+voor\\s+${NUM}${E}`, minusQuarter),
  rule(`${B}half\\s+over\\s+${NUM}${E}`, plus(30)),
];
const ES_CLOCK: ClockRule[] = [
  rule(`${B}${NUM}\\s+y\\s+media${E}`, plus(30)),
  rule(`${B}${NUM}\\s+y\\s+cuarto${E}`, plus(15)),
  rule(`${B}${NUM}\\s+menos\\s+(?:el\\s+)?cuarto${E}`, minusQuarter),
];
const FR_CLOCK: ClockRule[] = [
  rule(`${B}${NUM}\\s*(?:h|heures?)\\s+et\\s+demie${E}`, plus(30)),
  rule(`${B}${NUM}\\s*(?:h|heures?)\\s+et\\s+quart${E}`, plus(15)),
  rule(`${B}${NUM}\\s*(?:h|heures?)\\s+moins\\s+(?:le\\s+)?quart${E}`, minusQuarter),
];
const PT_CLOCK: ClockRule[] = [
  rule(`${B}${NUM}\\s*(?:h|horas?)?\\s+e\\s+meia${E}`, plus(30)),
  rule(`${B}${NUM}\\s*(?:h|horas?)?\\s+e\\s+quinze${E}`, plus(15)),
  rule(`${B}quinze\\s+para\\s+(?:as\\s+|às\\s+|a\\s+)?${NUM}${E}`, minusQuarter),
];
const ALL_CLOCK = [...EN_CLOCK, ...DE_CLOCK, ...NL_CLOCK, ...ES_CLOCK, ...FR_CLOCK, ...PT_CLOCK];
/** A number word where a clock time goes: "at three", "um drei", "a las cuatro". */
const AT_NUMBER = new RegExp(`${B}(at|around|about|by|@|um|om|à|a\\s+las|las|às|as)\\s+${NUM}${E}`, 'giu');
const NUMBER_AMPM = new RegExp(`${B}${NUM}\\s*(am|pm|a\\.m\\.|p\\.m\\.)`, 'giu');

function clockReplace(re: RegExp, f: (h: number) => string, s: string): string {
  re.lastIndex = 0;
  if (!re.test(s)) return s;
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const h = num(m[1]!);
    if (h < 1 || h > 24) continue;
    out += s.slice(last, m.index) + f(h);
    last = m.index + m[0].length;
  }
  return out + s.slice(last);
}

/** Clock words to "H:MM". `dutchHalf`: "half 3" is 2:30 (Dutch), else 3:30 (British). */
export function clockWords(s: string, dutchHalf: boolean): string {
  let out = s;
  for (const [re, f] of ALL_CLOCK) out = clockReplace(re, f, out);
  out = dutchHalf ? clockReplace(NL_HALF[0], NL_HALF[1], out) : clockReplace(EN_HALF[0], EN_HALF[1], out);
  return out;
}

/** Number words as digits where a clock time goes ("at three" → "at 3"). */
export function numberWords(s: string): string {
  let out = s;
  AT_NUMBER.lastIndex = 0;
  out = out.replace(AT_NUMBER, numberAfterWord);
  NUMBER_AMPM.lastIndex = 0;
  return out.replace(NUMBER_AMPM, numberBeforeAmpm);
}
function numberAfterWord(_all: string, w: string, n: string): string {
  return `${w} ${num(n)}`;
}
function numberBeforeAmpm(_all: string, n: string, ap: string): string {
  return `${num(n)}${ap}`;
}

// ---------------------------------------------------------------- ranges: between, after, before

export interface ClockValue {
  h: number;
  m: number;
  /** am / pm written, or a 24-hour value (> 12, zero-padded, or with h / Uhr / uur). */
  fixed: 'am' | 'pm' | '24' | null;
}
export type RangeSpec = { kind: 'between'; from: ClockValue; to: ClockValue } | { kind: 'after'; at: ClockValue } | { kind: 'before'; at: ClockValue };

const ART = '(?:(?:las|les|as|às|den|the|a)\\s+)?';
const NOON = '(noon|midday|mittag|midi|mediodía|mediodia|meio-dia|middag)';
// German "am" before a day ("zwischen 10 und 12 am Donnerstag") is "on", not a.m.
const T = `(?:${NOON}|(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(am(?!\\s+(?:${Object.keys(WEEKDAYS).join('|')}|\\d))|pm|a\\.m\\.|p\\.m\\.|h|uhr|uur|hrs)?)`;
const ANY = '(?:(?:any\\s*time|anytime|sometime|some\\s+time|whenever|jederzeit|n\'importe\\s+quand|cualquier\\s+hora|qualquer\\s+hora)\\s+)?';
const BETWEEN = new RegExp(`${B}${ANY}(?:between|zwischen|entre|tussen)\\s+${ART}${T}\\s*(?:and|und|et|y|e|en|-|–|to)\\s*${ART}${T}${E}`, 'iu');
const AFTER = new RegExp(`${B}${ANY}(?:after|nach|ab|après|apres|después\\s+de|despues\\s+de|a\\s+partir\\s+de|depois\\s+d[ae]s?|a\\s+partir\\s+das|na|vanaf)\\s+${ART}${T}${E}`, 'iu');
const BEFORE = new RegExp(`${B}${ANY}(?:before|vor|avant|antes\\s+de|antes\\s+das|voor)\\s+${ART}${T}${E}`, 'iu');

function clockValue(m: RegExpExecArray, i: number): ClockValue | null {
  if (m[i]) return { h: 12, m: 0, fixed: '24' };
  const h = Number(m[i + 1]);
  const min = m[i + 2] ? Number(m[i + 2]) : 0;
  const suffix = (m[i + 3] ?? '').toLowerCase().replace(/\./g, '');
  if (h > 24 || min > 59) return null;
  if (suffix === 'am' || suffix === 'pm') return h >= 1 && h <= 12 ? { h, m: min, fixed: suffix } : null;
  const fixed = h > 12 || h === 0 || m[i + 1]!.startsWith('0') ? '24' : null;
  return { h, m: min, fixed };
}

/** A range in the text ("between 2 and 4", "after 3pm", "ab 15 Uhr"), and the text without it. */
export function takeRange(s: string): { rest: string; range: RangeSpec } | null {
  let m = BETWEEN.exec(s);
  if (m) {
    const from = clockValue(m, 1);
    const to = clockValue(m, 5);
    if (!from || !to) return null;
    return { rest: cutOut(s, m), range: { kind: 'between', from, to } };
  }
  m = AFTER.exec(s);
  if (m) {
    const at = clockValue(m, 1);
    return at ? { rest: cutOut(s, m), range: { kind: 'after', at } } : null;
  }
  m = BEFORE.exec(s);
  if (m) {
    const at = clockValue(m, 1);
    return at ? { rest: cutOut(s, m), range: { kind: 'before', at } } : null;
  }
  return null;
}

function cutOut(s: string, m: RegExpExecArray): string {
  return (s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
}

/** Minutes since midnight for a clock value; a bare hour takes the reading inside working hours (the earlier when both). */
export function rangeMinutes(v: ClockValue, wh: { start: number; end: number }): number | null {
  if (v.fixed === '24') return v.h * 60 + v.m;
  if (v.fixed === 'am') return (v.h % 12) * 60 + v.m;
  if (v.fixed === 'pm') return ((v.h % 12) + 12) * 60 + v.m;
  const am = (v.h % 12) * 60 + v.m;
  const pm = am + 12 * 60;
  if (am >= wh.start && am <= wh.end) return am;
  if (pm >= wh.start && pm <= wh.end) return pm;
  return null;
}

/** The window a range means, in minutes since midnight; null when a bare hour cannot be placed. */
export function rangeWindow(r: RangeSpec, wh: { start: number; end: number }): { from: number; to: number; label: string } | null {
  if (r.kind === 'after') {
    const from = rangeMinutes(r.at, wh);
    return from === null ? null : { from, to: 24 * 60, label: 'after' };
  }
  if (r.kind === 'before') {
    const to = rangeMinutes(r.at, wh);
    return to === null ? null : { from: 0, to, label: 'before' };
  }
  let from: number | null;
  let to: number | null;
  if (r.from.fixed === null && r.to.fixed !== null && r.to.fixed !== '24') {
    // "between 2 and 4pm": the first takes the second's am/pm when that keeps it earlier.
    to = rangeMinutes(r.to, wh)!;
    const same = rangeMinutes({ ...r.from, fixed: r.to.fixed }, wh)!;
    from = same < to ? same : same - 12 * 60;
  } else {
    from = rangeMinutes(r.from, wh);
    if (from === null) return null;
    if (r.to.fixed === null) {
      // The end follows the start: "between 10 and 12" → 10:00–12:00, "between 1 and 3" → 13:00–15:00.
      const am = (r.to.h % 12) * 60 + r.to.m;
      to = am > from ? am : am + 12 * 60 > from ? am + 12 * 60 : null;
    } else to = rangeMinutes(r.to, wh);
  }
  if (from === null || to === null || from < 0 || to <= from || to > 24 * 60) return null;
  return { from, to, label: 'between' };
}

// ---------------------------------------------------------------- dates: ordinals, "a week from", "next week tuesday"

const WD_NAMES = Object.keys(WEEKDAYS).sort((a, b) => b.length - a.length).join('|');
const WD = `(${WD_NAMES})\\.?`;
const EN_MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const ORDINAL: Record<Lang, RegExp> = {
  en: new RegExp(`${B}(?:${WD},?\\s+)?(?:on\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)${E}(?!\\s+(?:of\\s+)?${EN_MONTH})`, 'iu'),
  de: new RegExp(`${B}(?:${WD},?\\s+)?(?:am|den|zum)\\s+(\\d{1,2})(?:\\.|${E})(?![\\d/:])(?!\\s*(?:uhr|h)${E})(?!\\s*(?:jan|feb|mär|mar|apr|mai|jun|jul|aug|sep|okt|nov|dez)\\p{L}*)`, 'iu'),
  fr: new RegExp(`${B}(?:${WD}\\s+)?le\\s+(\\d{1,2})(?:er|e)?${E}(?![/:h.]\\d)(?!\\s*h${E})(?!\\s*(?:janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec)\\p{L}*)`, 'iu'),
  es: new RegExp(`${B}(?:(?:el\\s+)?${WD}\\s+)?(?:el\\s+)?(?:(?:d[ií]a\\s+)|el\\s+)(\\d{1,2})${E}(?![/:h.]\\d)(?!\\s+de\\s+\\p{L})`, 'iu'),
  pt: new RegExp(`${B}(?:${WD}[,\\s]+)?(?:n?o\\s+)?dia\\s+(\\d{1,2})${E}(?![/:h.]\\d)(?!\\s+de\\s+\\p{L})`, 'iu'),
  nl: new RegExp(`${B}(?:${WD}\\s+)?(?:op\\s+)?de\\s+(\\d{1,2})(?:e|ste|de)${E}`, 'iu'),
};
const ORDINAL_GATE: Record<Lang, RegExp> = {
  en: /\d(?:st|nd|rd|th)\b/i,
  de: /(?:am|den|zum) \d/i,
  fr: /le \d/i,
  es: /(?:el|d[ií]a) \d/i,
  pt: /dia \d/i,
  nl: /de \d{1,2}(?:e|ste|de)\b/i,
};
const MONTH_BEFORE = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|avril|juin|juillet|août|enero|febrero|marzo|abril|mayo|junio|julio|agosto|janeiro|fevereiro|março|maio|junho|julho|maart|mei)[a-zäéû]*\.?\s*$/i;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The next date with that day of the month, today included. */
export function nextDayOfMonth(today: PlainDate, day: number): PlainDate | null {
  if (day < 1 || day > 31) return null;
  let { year, month } = today;
  if (day < today.day) month++;
  for (let i = 0; i < 13; i++, month++) {
    if (month > 12) {
      month = 1;
      year++;
    }
    if (day <= daysIn(year, month)) return { year, month, day };
  }
  return null;
}

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A date every chrono language reads cheaply: "21 Dec 2026" in English (an ISO date costs chrono 3×), "21/12/2026" day first elsewhere. */
export function dateText(d: PlainDate, lang: Lang): string {
  return lang === 'en' ? `${d.day} ${MON[d.month - 1]} ${d.year}` : `${d.day}/${d.month}/${d.year}`;
}


/** "a week from today", "2 weeks from friday", British "a week today" / "a week on friday". */
const WEEK_FROM = new RegExp(`${B}(a|one|1|two|2|three|3)\\s+weeks?\\s+(?:(?:from|after|on)\\s+)?(today|tomorrow|now|${WD_NAMES})${E}`, 'iu');
const NEXT_WEEK_WD: Array<[RegExp, string]> = [
  [new RegExp(`${B}next\\s+week\\s+(?:on\\s+)?${WD}${E}`, 'giu'), 'next $1'],
  [new RegExp(`${B}${WD}\\s+(?:of\\s+)?next\\s+week${E}`, 'giu'), 'next $1'],
  [new RegExp(`${B}(?:nächste|nächsten|kommende|kommenden)\\s+woche\\s+(?:am\\s+)?${WD}${E}`, 'giu'), 'nächsten $1'],
  [new RegExp(`${B}${WD}\\s+(?:nächste|kommende)\\s+woche${E}`, 'giu'), 'nächsten $1'],
  [new RegExp(`${B}volgende\\s+week\\s+${WD}${E}`, 'giu'), 'volgende $1'],
  [new RegExp(`${B}${WD}\\s+volgende\\s+week${E}`, 'giu'), 'volgende $1'],
  [new RegExp(`${B}${WD}\\s+(?:de\\s+)?la\\s+semaine\\s+prochaine${E}`, 'giu'), '$1 prochain'],
  [new RegExp(`${B}(?:el\\s+)?${WD}\\s+de\\s+la\\s+(?:semana\\s+que\\s+viene|próxima\\s+semana)${E}`, 'giu'), 'el próximo $1'],
  [new RegExp(`${B}(?:la\\s+)?(?:semana\\s+que\\s+viene|próxima\\s+semana)\\s+(?:el\\s+)?${WD}${E}`, 'giu'), 'el próximo $1'],
  [new RegExp(`${B}${WD}\\s+(?:da|na)\\s+(?:semana\\s+que\\s+vem|próxima\\s+semana)${E}`, 'giu'), 'próxima $1'],
];
/** Portuguese "terça que vem às 10": chrono reads the day and the time apart; "próxima terça às 10" it reads whole. */
const PT_QUE_VEM = new RegExp(`${B}${WD}(?:-feira)?\\s+que\\s+vem${E}`, 'giu');
const WEEK_WORD = /week|woche|semaine|semana/i;

/** "next week tuesday" → "next tuesday" (and the same in the other languages); Portuguese "terça que vem" → "próxima terça". */
export function rewriteWeeks(s: string): string {
  let out = s;
  if (/que vem/i.test(out)) {
    PT_QUE_VEM.lastIndex = 0;
    out = out.replace(PT_QUE_VEM, 'próxima $1');
  }
  if (WEEK_WORD.test(out)) {
    for (const [re, to] of NEXT_WEEK_WD) {
      re.lastIndex = 0;
      out = out.replace(re, to);
    }
  }
  return out;
}

export interface TakenDate {
  date: PlainDate;
  rest: string;
  /** A weekday and a day of the month that disagree ("Monday the 8th" when the 8th is a Tuesday). */
  conflict?: WhenHint;
}

const MAYBE_DAY_AFTER = /tomorrow|morgen|demain|ma[ñn]ana|amanh/i;
const DAY_AFTER_TOMORROW = /(?<![\p{L}])(?:the day after tomorrow|day after tomorrow|übermorgen|après-demain|apres-demain|pasado mañana|pasado manana|depois de amanhã|depois de amanha|overmorgen)(?![\p{L}])/iu;

/**
 * A day the text names in a way chrono does not read (or reads dearly): an ordinal day ("the 21st",
 * "am 21.", "le 21", "el 21", "dia 21", "de 21e"), "a week from today", "the day after tomorrow".
 * The date is ours; chrono reads only the rest ("at 1pm"), which is cheaper than reading the date too.
 */
export function takeDate(s: string, langs: readonly Lang[], today: PlainDate): TakenDate | null {
  if (MAYBE_DAY_AFTER.test(s)) {
    const m = DAY_AFTER_TOMORROW.exec(s);
    if (m) return { date: addDays(today, 2), rest: cutOut(s, m) };
  }
  if (WEEK_WORD.test(s)) {
    const w = WEEK_FROM.exec(s);
    if (w) {
      const n = num(w[1]!) || 1;
      const base = w[2]!.toLowerCase();
      let d = today;
      if (base === 'tomorrow') d = addDays(today, 1);
      else if (WEEKDAYS[base]) d = addDays(today, (WEEKDAYS[base]! - isoWeekday(today) + 7) % 7);
      return { date: addDays(d, 7 * n), rest: cutOut(s, w) };
    }
  }
  if (!HAS_DIGIT.test(s)) return null;
  for (let i = 0; i < langs.length; i++) {
    const l = langs[i]!;
    if (!ORDINAL_GATE[l].test(s)) continue;
    const m = ORDINAL[l].exec(s);
    if (!m || MONTH_BEFORE.test(s.slice(0, m.index))) continue;
    const date = nextDayOfMonth(today, Number(m[2]));
    if (!date) return null;
    const wd = m[1] ? WEEKDAYS[m[1].toLowerCase()] : undefined;
    const conflict: WhenHint | undefined = wd !== undefined && wd !== isoWeekday(date) ? { code: 'weekday_mismatch', date: ymd(date), weekday: isoWeekday(date), named: wd } : undefined;
    return { date, rest: cutOut(s, m), ...(conflict ? { conflict } : {}) };
  }
  return null;
}
