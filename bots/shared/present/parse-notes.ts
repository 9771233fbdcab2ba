/**
 * The time parser's notes, corrections and hints (core/time: codes with values), worded in the
 * reader's language: "Read as New York time, as written.", "read 'tomorow' as tomorrow", and why a
 * text was not understood, with examples that the parser reads in that language.
 */
import { cityOf, type WhenCorrection, type WhenHint, type WhenNote } from '../../../core/time/index.js';
import type { LengthNote } from '../../../core/booking/understand-request.js';
import type { SessionKind } from '../../../core/config/schema.js';
import { duration, planDate, ts, type Lang } from './i18n.js';

const INTL_TAG: Record<Lang, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', pt: 'pt-BR', nl: 'nl-NL' };
const weekdayFormats = new Map<Lang, Intl.DateTimeFormat>();

/** An ISO weekday (1 Monday … 7 Sunday) by name: "Tuesday", "Dienstag", "mardi". */
export function weekdayName(lang: Lang, isoWeekday: number): string {
  let f = weekdayFormats.get(lang);
  if (!f) weekdayFormats.set(lang, (f = new Intl.DateTimeFormat(INTL_TAG[lang], { weekday: 'long', timeZone: 'UTC' })));
  // 1–7 January 2024 ran Monday to Sunday.
  return f.format(new Date(Date.UTC(2024, 0, isoWeekday, 12)));
}

/** An ambiguous reading's label: a date (YYYY-MM-DD) in the language ("4 Mar 2027", "4. März 2027"), a time as it is. */
export const optionLabel = (lang: Lang, label: string): string => (/^\d{4}-\d\d-\d\d$/.test(label) ? planDate(lang, label) : label);

/** One note as a sentence. */
export function noteText(lang: Lang, note: WhenNote): string {
  switch (note.code) {
    case 'zone_from_text':
      return ts(lang, 'parse.zoneFromText', { city: cityOf(note.zone) });
    case 'rolled_to_next_day':
      return ts(lang, 'parse.nextDay', { date: planDate(lang, note.date) });
    case 'other_date_order':
      return ts(lang, 'parse.otherDateOrder', { read: planDate(lang, note.read), passed: planDate(lang, note.passed) });
    case 'repeated_time':
      return ts(lang, 'parse.repeatedTime', { time: note.time, date: planDate(lang, note.date), offset: note.offset });
  }
}

/**
 * A length named but not offered, and what is shown instead: "45 minutes isn't offered: phone sessions
 * are 30 minutes or 1 hour. Showing 30 minutes instead." A length of 0 or below is said to be none.
 */
export function lengthNoteText(lang: Lang, note: LengthNote, kind: SessionKind): string {
  const offered = note.offered.map((l) => duration(lang, l));
  const list = offered.length > 1 ? `${offered.slice(0, -1).join(ts(lang, 'list.comma'))}${ts(lang, 'parse.or')}${offered.at(-1)}` : offered[0]!;
  const args = { kind, offered: list, used: duration(lang, note.used) };
  if (note.asked <= 0) return ts(lang, 'parse.lengthNonsense', { ...args, asked: ts(lang, 'unit.minutes', { n: note.asked }) });
  return ts(lang, 'parse.lengthNotOffered', { ...args, asked: duration(lang, note.asked) });
}

/** A readback with the words read as others: "Tue 1 Dec, 14:00 New York; read 'tomorow' as tomorrow". */
export function readbackText(lang: Lang, readback: string, corrections: WhenCorrection[] | undefined): string {
  if (!corrections?.length) return readback;
  return ts(lang, 'parse.corrected', { readback, corrections: correctionsText(lang, corrections) });
}

export const correctionsText = (lang: Lang, corrections: WhenCorrection[]): string => corrections.map((c) => ts(lang, 'parse.correction', { typed: c.typed, read: c.read })).join(ts(lang, 'list.comma'));

/** Why the text was not understood, then examples that work in this language. */
export function hintText(lang: Lang, hint: WhenHint): string {
  const examples = ts(lang, 'parse.examples');
  const why = problem(lang, hint);
  return why ? `${why} ${examples}` : examples;
}

function problem(lang: Lang, hint: WhenHint): string | null {
  switch (hint.code) {
    case 'no_time':
      return null;
    case 'no_time_in_message':
      return ts(lang, 'parse.noTimeInMessage');
    case 'too_long':
      return ts(lang, 'parse.tooLong', { max: hint.max });
    case 'am_or_pm':
      return ts(lang, 'parse.amOrPm');
    case 'two_days':
      return ts(lang, 'parse.twoDays');
    case 'no_day':
      return ts(lang, 'parse.noDay');
    case 'weekday_mismatch':
      return ts(lang, 'parse.weekdayMismatch', { date: planDate(lang, hint.date), weekday: weekdayName(lang, hint.weekday), named: weekdayName(lang, hint.named) });
    case 'which_day':
      return ts(lang, 'parse.whichDay', { typed: hint.typed, options: hint.options.join(ts(lang, 'parse.or')) });
    case 'did_you_mean':
      return ts(lang, 'parse.didYouMean', { typed: hint.typed, word: hint.word });
  }
}
