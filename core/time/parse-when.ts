/**
 * parseWhen: free text ("tomorrow at 3", "Fri afternoon", "morgen um 15 Uhr") → a time the scheduler can book.
 *
 * chrono-node reads the words; zones, DST and calendar arithmetic are done here, on plain calendar dates
 * and on zone offsets from offsets.ts (luxon's zone data, surveyed once per zone and year).
 * chrono is given the person's *wall clock* as a UTC instant (offset 0), so its fields come back as
 * local wall-clock fields; we then place them in the zone ourselves, which is where DST gaps and
 * overlaps are detected. Rules are documented in README.md.
 */
import { FixedOffsetZone } from 'luxon';
import { formatInstant, formatWindow } from './format.js';
import { findPhrase, findWeek, type Phrase, type WorkingHours } from './phrases.js';
import { offsetAt, offsetLabel, wallClock } from './offsets.js';
import { findZoneInText, isKnownZone } from './zones.js';
import { addDays, hhmm, isoWeekday, place, placeEdge, withYear, ymd, type PlainDate } from './calendar.js';
import {
  CONTROL, STRAY_TIME_WORD, UNREAD_OK, ZONE_TOKEN, NL_COMPOUND, DAY_FIRST_LOCALES, EN_DAY_FIRST, FILLER, HOUR_UNIT, LAST, LENGTH, MAYBE_LENGTH, NEXT, PARSERS, SLASH, THIS, ZERO_PADDED,
  cut, languageOf, lengthOf, normalise, type Lang,
} from './text.js';
import type { ParseWhenOptions, WhenCorrection, WhenNote, WhenOption, WhenResult, ZoneSource } from './types.js';
import { fastRead, type Parsed } from './fast.js';
import { clockWords, fixWords, hasFlag, markerLangs, numberWords, rangeWindow, rewriteWeeks, takeDate, takeRange, type FixedWords } from './repair.js';

export const MAX_INPUT_LENGTH = 200;
export const DEFAULT_WORKING_HOURS: WorkingHours = { start: 9 * 60, end: 17 * 60 };

export { languageOf };

interface Ctx {
  now: Date;
  /** The person's wall clock now, as a Date whose UTC fields are local. */
  nowLocal: Date;
  today: PlainDate;
  zone: string;
  zoneSource: ZoneSource;
  person: string;
  vendor: string;
  locale: string;
  wh: WorkingHours;
  lengthMinutes?: number;
  notes: WhenNote[];
  /** "between 2 and 4", "after 3pm": a window of the day, in minutes since midnight. */
  range?: { from: number; to: number; label: string };
  /** A day we read ourselves ("the 21st", "a week from today", "übermorgen"). */
  date?: PlainDate;
}

type TimeSpec =
  | { kind: 'at'; minutes: number; open: boolean; hint?: Phrase }
  | { kind: 'window'; from: number; to: number; label: string }
  | { kind: 'day' };

/** Whether the date was given or must be found forward: a day, a week, or not at all. */
type Roll = 'none' | 'day' | 'week';

export function parseWhen(text: string, options: ParseWhenOptions): WhenResult {
  return read(text, options);
}

/** Every result read from corrected words carries the corrections ("tomorow" as "tomorrow"); presenters say them. */
function corrected(r: WhenResult, corrections: WhenCorrection[]): WhenResult {
  return r.kind === 'unparseable' ? r : { ...r, corrections };
}

/** `forcedZone`: a zone chrono found in the text and our table lacks; the second pass reads the text in it. */
function read(text: string, options: ParseWhenOptions, forcedZone?: string): WhenResult {
  if (typeof text !== 'string' || text.length > MAX_INPUT_LENGTH || CONTROL.test(text)) {
    return { kind: 'unparseable', hint: { code: 'too_long', max: MAX_INPUT_LENGTH } };
  }
  // Bad options are bugs in the caller, not things to tell the person.
  if (!isKnownZone(options.zone)) throw new Error(`parseWhen: unknown zone "${options.zone}"`);
  if (options.vendorZone !== undefined && !isKnownZone(options.vendorZone)) throw new Error(`parseWhen: unknown vendor zone "${options.vendorZone}"`);
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) throw new Error('parseWhen: `now` must be a valid Date');
  const lang = languageOf(options.locale);
  let s = text.trim().replace(/\s+/g, ' ');
  if (!s) return { kind: 'unparseable', hint: { code: 'no_time' } };
  if (lang === 'nl') s = s.replace(NL_COMPOUND, '$1 $2');
  // Shorthand written out, typos corrected (and said) or refused: never silently dropped.
  const fw = fixWords(s, lang);
  if (fw.refused) return { kind: 'unparseable', hint: fw.refused };
  s = fw.text;
  const order = languageOrder(fw, lang);
  if (hasFlag(fw, 'clock')) s = clockWords(s, lang === 'nl' || (lang !== 'de' && order.includes('nl')));
  if (hasFlag(fw, 'number')) s = numberWords(s);
  const r = readWords(s, text, options, lang, order, hasFlag(fw, 'range'), forcedZone);
  return fw.corrections.length ? corrected(r, fw.corrections) : r;
}

/**
 * The languages to read the text in: the person's, then English, then those whose words the text shows
 * ("mañana a las 10" from an English profile). A language with at least two words in the text, more than
 * the person's own, goes first: when it reads the whole text no other can read more, and the failing
 * passes are saved.
 */
function languageOrder(fw: FixedWords, lang: Lang): Lang[] {
  const base: Lang[] = lang === 'en' ? ['en'] : [lang, 'en'];
  if (!fw.markers) return base;
  const others = markerLangs(fw, lang);
  if (!others.length) return base;
  const counts = fw.counts!;
  const top = others[0]!;
  const idx = (l: Lang) => ['en', 'de', 'fr', 'es', 'pt', 'nl'].indexOf(l);
  if (counts[idx(top)]! >= 2 && counts[idx(top)]! > (lang === 'en' ? 0 : counts[idx(lang)]!)) return [top, ...base, ...others.slice(1)];
  return [...base, ...others];
}

function readWords(input: string, text: string, options: ParseWhenOptions, lang: Lang, order: Lang[], hasRange: boolean, forcedZone: string | undefined): WhenResult {
  let s = input;
  let zone = options.zone;
  let zoneSource: ZoneSource = 'person';
  const z = forcedZone ? null : findZoneInText(s);
  if (z) {
    zone = z.zone;
    zoneSource = 'text';
    s = z.rest;
  } else if (forcedZone) {
    zone = forcedZone;
    zoneSource = 'text';
  }
  const nowLocal = wallClock(zone, options.now.getTime());
  const ctx: Ctx = {
    now: options.now,
    nowLocal,
    today: { year: nowLocal.getUTCFullYear(), month: nowLocal.getUTCMonth() + 1, day: nowLocal.getUTCDate() },
    zone,
    zoneSource,
    person: options.zone,
    vendor: options.vendorZone ?? options.zone,
    locale: options.locale ?? 'en',
    wh: options.workingHours ?? DEFAULT_WORKING_HOURS,
    notes: [],
  };
  if (zoneSource === 'text' && zone !== options.zone) ctx.notes.push({ code: 'zone_from_text', zone });

  const len = MAYBE_LENGTH.test(s) ? LENGTH.exec(s) : null;
  if (len) {
    ctx.lengthMinutes = lengthOf(len);
    s = cut(s, len.index, len[0].length);
  }

  const rg = hasRange && s ? takeRange(s) : null;
  if (rg) {
    const w = rangeWindow(rg.range, ctx.wh);
    if (!w) return { kind: 'unparseable', hint: { code: 'am_or_pm' } };
    ctx.range = w;
    s = rg.rest;
  }

  s = rewriteWeeks(s);
  const taken = s ? takeDate(s, order, ctx.today) : null;
  if (taken) {
    if (taken.conflict) return { kind: 'unparseable', hint: taken.conflict };
    ctx.date = taken.date;
    s = taken.rest;
  }

  const week = findWeek(s);
  if (week) return weekWindow(ctx, week.weeksAhead);

  let phrase: Phrase | undefined;
  const ph = findPhrase(s);
  if (ph) {
    phrase = ph.phrase;
    s = ph.rest;
  }

  let parsed: Parsed | undefined;
  let tags: Set<string> | undefined;
  let around = '';
  if (s) {
    const fake = new Date(nowLocal.getTime() - (nowLocal.getTime() % 1000));
    const ref = { instant: fake, timezone: 0 };
    // The person's language first; English as well when that left words unread ("next tue 3pm" typed
    // by a German speaker: German chrono reads only "3pm"). The longer reading wins.
    for (let i = 0; i < order.length; i++) {
      const l = order[i]!;
      const parser = l === 'en' && DAY_FIRST_LOCALES.test(ctx.locale) ? EN_DAY_FIRST : PARSERS[l];
      const input = normalise(s, l, ctx.today);
      // The commonest shapes are read without chrono (fast.ts), to the same result.
      let found: Parsed | undefined = fastRead(input, l, ctx.today) ?? parser.parse(input, ref)[0];
      const unread = found ? cut(input, found.index, found.text.length) : input;
      // Numbers chrono did not use ("3.4. um 10" read as just "um 10") mean we did not understand the text;
      // so does a match inside a word ("morgen" in an unknown compound).
      if (found && (/\d/.test(unread) || insideWord(input, found.index, found.text.length))) found = undefined;
      // A time word left unread ("a week from friday" read as "friday") would be silently wrong.
      if (found && STRAY_TIME_WORD.test(unread)) found = undefined;
      if (found && (!parsed || found.text.length > parsed.text.length)) {
        parsed = found;
        // "next"/"this"/"last" may sit just outside what chrono read ("sexta que vem").
        around = input.slice(Math.max(0, found.index - 12), found.index + found.text.length + 12);
      }
      if (parsed && (i === order.length - 1 || unread.replace(UNREAD_OK, ' ').trim() === '')) break;
    }
    // chrono builds tags() afresh on each call, at a cost; ask only when the text could need them.
    if (parsed && HOUR_UNIT.test(parsed.text) && (tags ??= parsed.tags()).has('result/relativeDate')) {
      // "in 2 hours": elapsed time from now, whatever the clocks do meanwhile.
      const at = new Date(options.now.getTime() + (parsed.start.date().getTime() - fake.getTime()));
      return exact(ctx, at);
    }
    if (!parsed && ((!phrase && !ctx.range && !ctx.date) || s.replace(FILLER, ' ').trim() !== '')) return { kind: 'unparseable', hint: { code: 'no_time' } };
    // A day we read and a day chrono read must agree ("the 21st tomorrow").
    if (ctx.date && parsed && (parsed.start.isCertain('day') || parsed.start.isCertain('weekday'))) {
      const c = parsed.start;
      const same = c.isCertain('day') ? c.get('day') === ctx.date.day && c.get('month') === ctx.date.month : (c.get('weekday')! || 7) === isoWeekday(ctx.date);
      if (!same) return { kind: 'unparseable', hint: { code: 'two_days' } };
    }
    // "next month", "in 3 months", "next year 3pm", "next quarter": a month or a year (or a span chrono
    // reads as nothing certain), but no day to look on: chrono leaves the day implied as today's.
    if (!ctx.date && parsed && !parsed.start.isCertain('day') && !parsed.start.isCertain('weekday')) {
      const monthOrYear = parsed.start.isCertain('month') || parsed.start.isCertain('year');
      const nothing = !parsed.start.isCertain('hour') && !phrase && !ctx.range;
      if (monthOrYear || nothing) return { kind: 'unparseable', hint: { code: 'no_day' } };
    }
    // A zone chrono recognised and our table does not ("14:00Z", "+0900", "JST"): read the text at that fixed offset.
    // ("now" also comes back with a certain offset, so a zone-looking token must be in the text chrono read.)
    if (parsed && zoneSource === 'person' && parsed.start.isCertain('timezoneOffset') && ZONE_TOKEN.test(parsed.text)) {
      const off = parsed.start.get('timezoneOffset')!;
      return read(text, options, FixedOffsetZone.instance(off).name);
    }
  }

  const slashDate = parsed && SLASH.test(parsed.text) && (tags ??= parsed.tags()).has('parser/SlashDateFormatParser');
  const { date, roll, swapped } = readDate(ctx, parsed, around, !!slashDate, lang, phrase);
  const time = readTime(ctx, parsed, phrase);
  return swapped ? eitherReading(ctx, date, swapped, time) : build(ctx, date, time, roll);
}

interface DateReading {
  date: PlainDate;
  roll: Roll;
  /** The other reading of a slash date ("3/4": March 4 / 3 April). */
  swapped?: PlainDate;
}

/** The calendar day the text means, and whether it may move forward if already over. */
function readDate(ctx: Ctx, parsed: Parsed | undefined, around: string, slashDate: boolean, lang: Lang, phrase: Phrase | undefined): DateReading {
  if (ctx.date) return { date: ctx.date, roll: 'none' };
  const c = parsed?.start;
  if (c && c.isCertain('day')) {
    let date: PlainDate = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')! };
    const yearGiven = c.isCertain('year');
    if (!yearGiven) date = withYear(ctx.today, date.month, date.day);
    const sl = slashDate ? SLASH.exec(parsed!.text) : null;
    if (sl && lang === 'en' && !DAY_FIRST_LOCALES.test(ctx.locale)) {
      const a = Number(sl[1]);
      const b = Number(sl[2]);
      if (a !== b && a <= 12 && b <= 12) {
        const swapped = yearGiven ? { year: date.year, month: date.day, day: date.month } : withYear(ctx.today, date.day, date.month);
        return { date, roll: 'none', swapped };
      }
    }
    return { date, roll: 'none' };
  }
  if (c && c.isCertain('weekday')) {
    const wd = c.get('weekday')! === 0 ? 7 : c.get('weekday')!;
    const todayWd = isoWeekday(ctx.today);
    const t = around;
    // "next Friday": the Friday of next ISO week. "this Friday": of this week. "Friday": the next one, today included.
    if (NEXT.test(t)) return { date: addDays(ctx.today, 7 - todayWd + wd), roll: 'none' };
    if (LAST.test(t)) return { date: addDays(ctx.today, wd - todayWd - (wd >= todayWd ? 7 : 0)), roll: 'none' };
    if (THIS.test(t)) return { date: addDays(ctx.today, wd - todayWd), roll: 'none' };
    return { date: addDays(ctx.today, (wd - todayWd + 7) % 7), roll: 'week' };
  }
  return { date: ctx.today, roll: phrase?.today ? 'none' : 'day' };
}

/** The time of day: a clock time (maybe a bare hour), a fixed reading, or the whole day. Sets the length of "3-4pm". */
function readTime(ctx: Ctx, parsed: Parsed | undefined, phrase: Phrase | undefined): TimeSpec {
  if (ctx.range) return { kind: 'window', from: ctx.range.from, to: ctx.range.to, label: ctx.range.label };
  const c = parsed?.start;
  if (c && c.isCertain('hour')) {
    const h = c.get('hour')!;
    const m = c.get('minute') ?? 0;
    // "02:00" (leading zero) is a 24-hour clock time, never a bare hour.
    const open = !c.isCertain('meridiem') && h >= 1 && h <= 12 && !ZERO_PADDED.test(parsed!.text);
    const end = parsed!.end;
    if (end && end.isCertain('hour') && ctx.lengthMinutes === undefined) {
      let len = end.get('hour')! * 60 + (end.get('minute') ?? 0) - (h * 60 + m);
      if (len <= 0) len += 12 * 60;
      if (len > 0 && len <= 12 * 60) ctx.lengthMinutes = len;
    }
    return { kind: 'at', minutes: h * 60 + m, open, hint: phrase };
  }
  if (phrase) {
    const r = phrase.reading;
    return r.kind === 'at'
      ? { kind: 'at', minutes: r.minutes(ctx.wh), open: false }
      : { kind: 'window', from: r.from(ctx.wh), to: r.to(ctx.wh), label: phrase.id };
  }
  return { kind: 'day' };
}

/** "3/4 at 10": ask when both readings are ahead; take the one that is, when only one is. */
function eitherReading(ctx: Ctx, date: PlainDate, swapped: PlainDate, time: TimeSpec): WhenResult {
  const one = build(ctx, date, time, 'none');
  const two = build(ctx, swapped, time, 'none');
  const a = one.kind === 'in_past' ? undefined : firstInstant(one);
  const b = two.kind === 'in_past' ? undefined : firstInstant(two);
  if (a && b) {
    return {
      kind: 'ambiguous',
      zone: ctx.zone,
      zoneSource: ctx.zoneSource,
      ...(ctx.lengthMinutes !== undefined ? { lengthMinutes: ctx.lengthMinutes } : {}),
      options: [
        // Labels are values: the date each reading means (ISO), which presenters write in the reader's language.
        { start: a, readback: readback(ctx, a), label: ymd(date) },
        { start: b, readback: readback(ctx, b), label: ymd(swapped) },
      ],
    };
  }
  if (b) return withNote(two, { code: 'other_date_order', read: ymd(swapped), passed: ymd(date) });
  return one;
}

const LETTER = /\p{L}/u;
function insideWord(text: string, index: number, length: number): boolean {
  return (index > 0 && LETTER.test(text[index - 1]!)) || (index + length < text.length && LETTER.test(text[index + length]!));
}

function withNote(r: WhenResult, note: WhenNote): WhenResult {
  if (r.kind === 'exact' || r.kind === 'window') return { ...r, notes: [...(r.notes ?? []), note] };
  return r;
}

function firstInstant(r: WhenResult): Date | undefined {
  if (r.kind === 'exact' || r.kind === 'repeated_time' || r.kind === 'in_past') return r.start;
  if (r.kind === 'window') return r.from;
  if (r.kind === 'ambiguous') return r.options[0]?.start;
  return undefined;
}

function readback(ctx: Ctx, at: Date): string {
  return formatInstant(at, ctx.person, { vendorZone: ctx.vendor, locale: ctx.locale });
}

function notes(ctx: Ctx): { notes?: WhenNote[] } {
  return ctx.notes.length ? { notes: [...ctx.notes] } : {};
}

function exact(ctx: Ctx, at: Date): WhenResult {
  if (at.getTime() < ctx.now.getTime()) return inPast(ctx, at);
  return {
    kind: 'exact',
    start: at,
    ...(ctx.lengthMinutes !== undefined ? { lengthMinutes: ctx.lengthMinutes } : {}),
    zone: ctx.zone,
    zoneSource: ctx.zoneSource,
    readback: readback(ctx, at),
    ...notes(ctx),
  };
}

function inPast(ctx: Ctx, at: Date): WhenResult {
  return { kind: 'in_past', start: at, readback: readback(ctx, at), zone: ctx.zone, zoneSource: ctx.zoneSource };
}

function build(ctx: Ctx, date: PlainDate, time: TimeSpec, roll: Roll): WhenResult {
  const r = buildOnce(ctx, date, time, roll);
  if (roll === 'none' || r.kind !== 'in_past') return r;
  const step = roll === 'day' ? 1 : 7;
  if (roll === 'day') ctx.notes.push({ code: 'rolled_to_next_day', date: ymd(date) });
  return buildOnce(ctx, addDays(date, step), time, 'none');
}

function buildOnce(ctx: Ctx, date: PlainDate, time: TimeSpec, roll: Roll): WhenResult {
  if (time.kind === 'day') return windowResult(ctx, date, 0, 1440, 'day');
  if (time.kind === 'window') return windowResult(ctx, date, time.from, time.to, time.label);

  if (!time.open) return atTime(ctx, date, time.minutes);
  // A bare hour: am or pm? First a phrase ("morning"/"afternoon"), then working hours.
  const h = Math.floor(time.minutes / 60) % 12;
  const am = h * 60 + (time.minutes % 60);
  const pm = am + 12 * 60;
  const hint = time.hint?.reading;
  // "morning at 8" → 08:00; "afternoon/evening/tonight at 8" → 20:00.
  if (hint && hint.kind === 'window') return atTime(ctx, date, hint.from(ctx.wh) < 12 * 60 ? am : pm);
  // Working hours include their end ("at 5" → 17:00); the earlier reading wins when both fit.
  if (am >= ctx.wh.start && am <= ctx.wh.end) return atTime(ctx, date, am);
  if (pm >= ctx.wh.start && pm <= ctx.wh.end) return atTime(ctx, date, pm);
  const opts: WhenOption[] = [];
  const step = roll === 'day' ? 1 : roll === 'week' ? 7 : 0;
  for (const m of [am, pm]) {
    // Each reading at its next occurrence when the day was not given ("at 8" at 11:00: tomorrow 08:00 or today 20:00).
    for (const d of step ? [date, addDays(date, step)] : [date]) {
      const p = place(ctx.zone, d, m);
      const at = p.kind === 'ok' ? p.at : p.kind === 'overlap' ? p.first : p.after;
      if (at.getTime() >= ctx.now.getTime()) {
        opts.push({ start: at, readback: readback(ctx, at), label: hhmm(m) });
        break;
      }
    }
  }
  if (opts.length < 2) return atTime(ctx, date, pm);
  opts.sort((a, b) => a.start.getTime() - b.start.getTime());
  return {
    kind: 'ambiguous',
    options: opts,
    zone: ctx.zone,
    zoneSource: ctx.zoneSource,
    ...(ctx.lengthMinutes !== undefined ? { lengthMinutes: ctx.lengthMinutes } : {}),
  };
}

function atTime(ctx: Ctx, date: PlainDate, minutes: number): WhenResult {
  const p = place(ctx.zone, date, minutes);
  if (p.kind === 'ok') return exact(ctx, p.at);
  if (p.kind === 'overlap') {
    if (p.first.getTime() < ctx.now.getTime()) return exact(ctx, p.second);
    const off = `UTC${offsetLabel(offsetAt(ctx.zone, p.first.getTime()))}`;
    return {
      kind: 'repeated_time',
      start: p.first,
      readback: readback(ctx, p.first),
      note: { code: 'repeated_time', time: hhmm(minutes), date: ymd(date), offset: off },
      zone: ctx.zone,
      zoneSource: ctx.zoneSource,
      ...(ctx.lengthMinutes !== undefined ? { lengthMinutes: ctx.lengthMinutes } : {}),
    };
  }
  if (p.after.getTime() < ctx.now.getTime()) return inPast(ctx, p.after);
  return {
    kind: 'nonexistent_time',
    requested: `${ymd(date)} ${hhmm(minutes)}`,
    nearest: [p.before, p.after],
    nearestReadbacks: [readback(ctx, p.before), readback(ctx, p.after)],
    zone: ctx.zone,
    zoneSource: ctx.zoneSource,
  };
}

function windowResult(ctx: Ctx, date: PlainDate, fromMin: number, toMin: number, label: string): WhenResult {
  let from = placeEdge(ctx.zone, date, fromMin);
  const to = placeEdge(ctx.zone, date, toMin);
  if (to.getTime() <= ctx.now.getTime()) return inPast(ctx, from);
  if (from.getTime() < ctx.now.getTime()) from = ctx.now;
  return {
    kind: 'window',
    from,
    to,
    label,
    zone: ctx.zone,
    zoneSource: ctx.zoneSource,
    readback: formatWindow(from, to, ctx.person, { vendorZone: ctx.vendor, locale: ctx.locale }),
    ...(ctx.lengthMinutes !== undefined ? { lengthMinutes: ctx.lengthMinutes } : {}),
    ...notes(ctx),
  };
}

function weekWindow(ctx: Ctx, weeksAhead: number): WhenResult {
  const monday = addDays(ctx.today, 1 - isoWeekday(ctx.today) + 7 * weeksAhead);
  const from = placeEdge(ctx.zone, monday, 0);
  const to = placeEdge(ctx.zone, addDays(monday, 7), 0);
  const start = from.getTime() < ctx.now.getTime() ? ctx.now : from;
  return {
    kind: 'window',
    from: start,
    to,
    label: weeksAhead === 0 ? 'this week' : 'next week',
    zone: ctx.zone,
    zoneSource: ctx.zoneSource,
    readback: formatWindow(start, to, ctx.person, { vendorZone: ctx.vendor, locale: ctx.locale }),
    ...notes(ctx),
  };
}
