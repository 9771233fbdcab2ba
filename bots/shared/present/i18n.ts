/**
 * Message catalogs and formatting for the person's language. ICU MessageFormat through FormatJS
 * `intl-messageformat` (plurals, selects; compiled once per locale and key and cached); money with
 * `Intl.NumberFormat` (cached per locale and currency); times stay values (see model.ts).
 */
import { minorDigits } from '../../../core/policy/pricing.js';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Part, Text } from './model.js';
import { en, type CatalogKey } from './catalog/en.js';
import { de } from './catalog/de.js';
import { fr } from './catalog/fr.js';
import { es } from './catalog/es.js';
import { pt } from './catalog/pt.js';
import { nl } from './catalog/nl.js';

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'nl'] as const;
export type Lang = (typeof LANGUAGES)[number];

export type Catalog = Record<CatalogKey, string>;
export const CATALOGS: Record<Lang, Catalog> = { en, de, fr, es, pt, nl };

/** The BCP 47 tag Intl formats numbers with for each language. */
const INTL_TAG: Record<Lang, string> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', pt: 'pt-BR', nl: 'nl-NL' };

/** "de-DE", "de_DE", "pt-BR", "fr" → a language we have; anything else (or nothing) → `fallback`. */
export function resolveLang(locale: string | null | undefined, fallback: Lang = 'en'): Lang {
  const l = (locale ?? '').slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(l) ? (l as Lang) : fallback;
}

export const isLang = (x: unknown): x is Lang => typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);

/** A narrow no-break space (U+202F). */
export const NNBSP = '\u202F';

/**
 * French typography, applied once to the catalog's sentences (never to what people typed): a narrow
 * no-break space before ; : ! ? whatever space (or none) the translator typed. "Quand :" cannot
 * break before its colon on any platform. A colon inside a word or a time (http:, 15:00) is left alone.
 */
export const frenchSpacing = (pattern: string): string => pattern.replace(/(\S)[ \u00A0\u202F]?([;:!?])(?=[\s}]|$)/g, `$1${NNBSP}$2`);

const TYPOGRAPHY: Record<Lang, (pattern: string) => string> = { en: (x) => x, de: (x) => x, fr: frenchSpacing, es: (x) => x, pt: (x) => x, nl: (x) => x };

/** A catalog sentence compiled once per language: its format, the arguments a select switches on, and for a sentence without arguments its text. */
interface Compiled {
  format: IntlMessageFormat;
  selects: Set<string>;
  fixed: Text | null;
}

const compiled = Object.fromEntries(LANGUAGES.map((l) => [l, new Map<CatalogKey, Compiled>()])) as Record<Lang, Map<CatalogKey, Compiled>>;

type AstElement = { type: number; value?: unknown; options?: Record<string, { value: AstElement[] }>; children?: AstElement[] };

/** The arguments a message uses: all of them, or only those a `select` switches on. */
export function argumentsOf(ast: AstElement[], onlySelect = false, out = new Set<string>()): Set<string> {
  for (const el of ast) {
    // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag (intl-messageformat's TYPE enum).
    if (typeof el.value === 'string' && [1, 2, 3, 4, 5, 6, 8].includes(el.type) && (!onlySelect || el.type === 5)) out.add(el.value);
    for (const o of Object.values(el.options ?? {})) argumentsOf(o.value, onlySelect, out);
    if (el.children) argumentsOf(el.children, onlySelect, out);
  }
  return out;
}

export const messageArguments = (message: string, locale = 'en'): Set<string> => argumentsOf(new IntlMessageFormat(message, locale).getAst() as AstElement[]);

function compiledFor(lang: Lang, key: CatalogKey): Compiled {
  const byKey = compiled[lang];
  let c = byKey.get(key);
  if (!c) {
    // A key missing from a catalog falls back to English (the catalog test fails on it, so it never ships).
    const own = CATALOGS[lang][key];
    const format = own === undefined ? new IntlMessageFormat(en[key], INTL_TAG.en) : new IntlMessageFormat(TYPOGRAPHY[lang](own), INTL_TAG[lang]);
    const ast = format.getAst() as AstElement[];
    c = { format, selects: argumentsOf(ast, true), fixed: argumentsOf(ast).size === 0 ? textOf(format.format()) : null };
    byKey.set(key, c);
  }
  return c;
}

/** What IntlMessageFormat gives, as parts: strings merged, empty ones dropped, numbers as strings. */
function textOf(out: unknown): Text {
  if (typeof out === 'string') return out === '' ? [] : [out];
  const merged: Part[] = [];
  const add = (p: Part | number) => {
    if (typeof p === 'string' && typeof merged[merged.length - 1] === 'string') merged[merged.length - 1] = (merged[merged.length - 1] as string) + p;
    else if (p !== '') merged.push(typeof p === 'number' ? String(p) : p);
  };
  for (const p of (Array.isArray(out) ? out : [out]) as (Part | number | Part[])[]) {
    if (Array.isArray(p)) for (const q of p) add(q);
    else add(p);
  }
  return merged;
}

export type Values = Record<string, string | number | Exclude<Part, string> | Text | null | undefined>;

/** A catalog sentence as parts: strings merged, time/code/link values left as values for the renderer. */
export function t(lang: Lang, key: CatalogKey, values?: Values): Text {
  const c = compiledFor(lang, key);
  // A sentence without arguments is formatted once (a copy each time: callers may add to it).
  if (c.fixed) return c.fixed.slice();
  // An empty value selects `_empty` where a select switches on it (ICU has no empty-string case); elsewhere it is empty.
  let clean: Record<string, unknown> | undefined;
  for (const k in values) {
    const v = values[k];
    if (v === null || v === undefined || v === '') (clean ??= { ...values })[k] = c.selects.has(k) ? '_empty' : '';
  }
  return textOf(c.format.format((clean ?? values ?? {}) as Record<string, string>));
}

/** The sentence as plain text (for labels, where a platform allows no markup). */
export function ts(lang: Lang, key: CatalogKey, values?: Values): string {
  return plain(t(lang, key, values));
}

/** Parts as plain text, times written out with the given writer. */
export function plain(text: Text, time: (p: Extract<Part, { t: 'time' }>) => string = () => ''): string {
  return text.map((p) => (typeof p === 'string' ? p : p.t === 'time' ? time(p) : p.t === 'code' ? p.text : p.t === 'link' ? p.url : p.name)).join('');
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "$75", "$12.50", "75 $" (de), "75,00 $US" … for the language: whole amounts without cents. */
export function money(lang: Lang, cents: number, currency: string): string {
  // `cents`: the currency's minor unit, as core (toCents) and the payment provider count it (¥1 is 1, $1 is 100).
  const digits = minorDigits(currency);
  const unit = 10 ** digits;
  const whole = cents % unit === 0;
  const id = `${lang}|${currency}|${whole}`;
  let f = moneyFormats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(INTL_TAG[lang], { style: 'currency', currency, minimumFractionDigits: whole ? 0 : digits, maximumFractionDigits: digits });
    moneyFormats.set(id, f);
  }
  return f.format(cents / unit);
}


const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/**
 * A plan's last day ("2027-12-31") as the date itself, the same for everyone whatever their zone:
 * "31 Dec 2027", "31. Dez. 2027".
 */
export function planDate(lang: Lang, isoDate: string): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_TAG[lang] === 'en-US' ? 'en-GB' : INTL_TAG[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(lang, f);
  }
  return f.format(d);
}

/** A line's label with its punctuation, as the language writes it: "When:", "Quand :". Renderers draw it as is. */
export const label = (lang: Lang, key: CatalogKey, values: Values = {}): string => ts(lang, 'label.colon', { label: ts(lang, key, values) });

/** A length of time: "1 hour", "90 minutes", "2 Stunden". */
export function duration(lang: Lang, minutes: number): string {
  return minutes % 60 === 0 ? ts(lang, 'unit.hours', { n: minutes / 60 }) : ts(lang, 'unit.minutes', { n: minutes });
}
