/**
 * Text clean-up around chrono: choosing its language, patching what some languages lack,
 * and the small patterns parseWhen reads itself (lengths, fillers, next/this/last).
 */
// Each language from its own entry point: the package's root loads all sixteen of its languages (325
// files opened at every start of the program, against 140 for these six).
import * as en from 'chrono-node/en';
import * as de from 'chrono-node/de';
import * as fr from 'chrono-node/fr';
import * as es from 'chrono-node/es';
import * as pt from 'chrono-node/pt';
import * as nl from 'chrono-node/nl';
import { addDays, ymd, type PlainDate } from './calendar.js';

export type Lang = 'en' | 'de' | 'fr' | 'es' | 'pt' | 'nl';
export const PARSERS: Record<Lang, en.Chrono> = {
  en: en.casual,
  de: de.casual,
  fr: fr.casual,
  es: es.casual,
  pt: pt.casual,
  nl: nl.casual,
};
/** English with the day before the month (3/4 is 3 April), for day-first locales. */
export const EN_DAY_FIRST = en.GB;

export function languageOf(locale: string | undefined): Lang {
  const l = (locale ?? 'en').slice(0, 2).toLowerCase();
  return l in PARSERS ? (l as Lang) : 'en';
}


export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
export const LENGTH = /(?<![\p{L}\d])(?:for|für|pour|por|durante|voor)\s+(\d+(?:[.,]\d+)?|an?|one|half an?|eine[n]?|une?)\s*(minutes?|mins?|m|hours?|hrs?|h|minuten|stunden?|heures?|horas?|minutos?|uur)(?![\p{L}\d])/iu;
export const MAYBE_LENGTH = /(?:for|für|pour|por|durante|voor)\s/i;
export const HOUR_UNIT = /(?<![\p{L}])(hours?|hrs?|minutes?|mins?|stunden?|minuten?|heures?|horas?|minutos?|uur|h)(?![\p{L}])/iu;
export const FRENCH_H = /(?<![\p{L}\d])(\d{1,2})\s?h(?:\s?(\d{2}))?(?![\p{L}\d])/giu;
export const EN_BARE_HOUR = /\b(\d{4}-\d{2}-\d{2}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}|today|tomorrow|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?)\s+(\d{1,2}(?::\d{2})?)(?!\s*(?:am|pm|a\.m|p\.m|[/.:\d]|st|nd|rd|th))/i;
export const EN_ABOUT = /(?<!\b(?:in|for|within)\s+)\b(?:at\s+)?(?:around|about|approx(?:imately)?|roughly)\s+(\d)/gi;
export const NEXT = /(?<![\p{L}])(next|nächste[nmrs]?|naechste[nmrs]?|kommende[nmrs]?|prochaine?|próxim[oa]|proxim[oa]|que viene|que vem|volgende|aanstaande)(?![\p{L}])/iu;
export const THIS = /(?<![\p{L}])(this|diese[nmrs]?|ce|cette|este|esta|deze)(?![\p{L}])/iu;
export const LAST = /(?<![\p{L}])(last|letzte[nmrs]?|vergangene[nmrs]?|dernier|dernière|pasado|passad[oa]|vorige|afgelopen)(?![\p{L}])/iu;
export const SLASH = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/])/;
export const MAYBE_DAY_AFTER = /tomorrow|morgen|demain|ma[ñn]ana|amanh/i;
export const DAY_AFTER_TOMORROW = /(?<![\p{L}])(?:the day after tomorrow|day after tomorrow|übermorgen|après-demain|apres-demain|pasado mañana|pasado manana|depois de amanhã|depois de amanha|overmorgen)(?![\p{L}])/iu;
/** Words that may surround a fixed-reading phrase on its own ("around noon please"). */
export const FILLER = /(?<![\p{L}])(?:please|pls|around|about|at|on|the|in|bitte|gegen|um|am|s'il vous plaît|vers|à|le|la|por favor|a las|a|el|de|por volta|às|op|om|rond|graag|[,.!?])(?![\p{L}])/giu;
/** Words left unread that need no other language: fillers, and next/this words parseWhen reads around chrono's match. */
export const UNREAD_OK = new RegExp(`${FILLER.source}|(?<![\\p{L}])(?:next|nächste[nmrs]?|kommende[nmrs]?|prochaine?|próxim[oa]|proxim[oa]|que viene|que vem|volgende|this|diese[nmrs]?)(?![\\p{L}])`, 'giu');
/**
 * Time words that must not be left unread: "a week from friday" read as just "friday" would be
 * silently wrong. Unread, they make the text unparseable.
 */
export const STRAY_TIME_WORD = /(?<![\p{L}])(?:weeks?|months?|years?|fortnight|days?|ago|later|earlier|hours?|minutes?|mins?|hrs?|wochen?|tagen?|monate?|semaines?|jours?|mois|semanas?|d[ií]as?|meses|dagen|weken|maanden)(?![\p{L}])/iu;
export const DOTTED_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?!\d)/g;
export const ZERO_PADDED = /(?<!\d)0\d[:h.]\d\d/;
/** A zone as chrono may read it: an upper-case abbreviation ("JST") or a numeric offset ("+0530", "-03:00"). */
export const ZONE_TOKEN = /(?<![A-Za-z])[A-Z]{3,5}(?![A-Za-z])|[+-]\d{2}:?\d{2}(?!\d)/;
/** Dutch writes day and part of day as one word ("morgenochtend", "vrijdagmiddag"): split before anything else reads it. */
export const NL_COMPOUND = /(morgen|vandaag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(ochtend|middag|avond|nacht)/gi;
export const DAY_FIRST_LOCALES = /^(en-(GB|IE|AU|NZ|IN|ZA))/i;

export function cut(text: string, index: number, length: number): string {
  return (text.slice(0, index) + ' ' + text.slice(index + length)).replace(/\s+/g, ' ').trim();
}

export function lengthOf(m: RegExpExecArray): number {
  const raw = m[1]!.toLowerCase();
  const n = /^half/.test(raw) ? 0.5 : /^(an?|one|eine?n?|une?)$/.test(raw) ? 1 : Number(raw.replace(',', '.'));
  const unit = m[2]!.toLowerCase();
  const hours = /^(h|hours?|hrs?|stunden?|heures?|horas?|uur)$/.test(unit);
  return Math.round(n * (hours ? 60 : 1));
}

function hToColon(all: string, h: string, m: string | undefined, offset: number, whole: string): string {
  return /(?:in|dans|en|em|over|binnen|within)\s*$/i.test(whole.slice(0, offset)) ? all : `${h}:${m ?? '00'}`;
}

export function normalise(text: string, lang: Lang, today: PlainDate): string {
  // "the day after tomorrow" is read before this (repair.ts takeDate).
  let s = text;
  if (lang === 'en') {
    // "around 10" / "about 3": chrono reads only "at 10".
    if (/around|about|approx|roughly/i.test(s)) s = s.replace(EN_ABOUT, 'at $1');
    return s.replace(EN_BARE_HOUR, '$1 at $2');
  }
  if (lang !== 'pt' && lang !== 'es') return s.replace(DOTTED_DATE, '$1/$2');
  // "15h" / "15h30" (Portuguese, Spanish) → "15:00" / "15:30"; French chrono reads "15h" itself.
  if (/\dh/i.test(s)) s = s.replace(FRENCH_H, hToColon);
  // "3.4." (German/Dutch day.month.) → "3/4", which chrono reads day-first in these languages.
  return s.replace(DOTTED_DATE, '$1/$2');
}

