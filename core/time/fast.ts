/**
 * The commonest English shapes, read without chrono: "tomorrow at 3", "friday 10:30am", "next tue at 2pm",
 * "3pm tomorrow", "at 11", "today". After the repairs (shorthand, typos, ordinal days, ranges, clock
 * words) most texts people type come down to one of these, and chrono's full pass costs several times
 * what this does. The result has the same shape and the same certainty as chrono's, so everything
 * after it (the rules in parse-when.ts) is unchanged; anything else goes to chrono.
 */
import type { PlainDate } from './calendar.js';
import { addDays } from './calendar.js';
import type { Lang } from './text.js';

type Key = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute' | 'second' | 'millisecond' | 'meridiem' | 'timezoneOffset';

/** The part of chrono's ParsedComponents that parse-when.ts uses. */
export interface Components {
  isCertain(k: Key): boolean;
  get(k: Key): number | null;
  date(): Date;
}
/** The part of chrono's ParsedResult that parse-when.ts uses. */
export interface Parsed {
  index: number;
  text: string;
  start: Components;
  end?: Components | null;
  tags(): Set<string>;
}

const NO_TAGS = new Set<string>();
const WD: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

class FastComponents implements Components {
  constructor(
    private readonly date0: PlainDate | null,
    private readonly weekday: number | null,
    private readonly hour: number | null,
    private readonly minute: number,
    private readonly meridiem: boolean,
  ) {}
  isCertain(k: Key): boolean {
    switch (k) {
      case 'year':
      case 'month':
      case 'day':
        return this.date0 !== null;
      case 'weekday':
        return this.weekday !== null;
      case 'hour':
      case 'minute':
        return this.hour !== null;
      case 'meridiem':
        // chrono: certain when am/pm was written, or when the hour can only be afternoon (13-23).
        return this.meridiem || (this.hour !== null && this.hour > 12);
      default:
        return false;
    }
  }
  get(k: Key): number | null {
    switch (k) {
      case 'year':
        return this.date0?.year ?? null;
      case 'month':
        return this.date0?.month ?? null;
      case 'day':
        return this.date0?.day ?? null;
      case 'weekday':
        return this.weekday;
      case 'hour':
        return this.hour;
      case 'minute':
        return this.hour === null ? null : this.minute;
      case 'meridiem':
        return this.hour === null ? null : this.hour >= 12 ? 1 : 0;
      default:
        return null;
    }
  }
  date(): Date {
    const d = this.date0;
    return d ? new Date(Date.UTC(d.year, d.month - 1, d.day, this.hour ?? 12, this.minute)) : new Date(NaN);
  }
}

class FastResult implements Parsed {
  readonly index = 0;
  readonly end = null;
  constructor(
    readonly text: string,
    readonly start: FastComponents,
  ) {}
  tags(): Set<string> {
    return NO_TAGS;
  }
}

const DAY = '(today|tomorrow|(?:(?:next|this)\\s+)?(?:mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday))';
const TIME = '(at\\s+)?(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?';
/** "tomorrow", "next friday at 3pm", "tue 10:30" */
const DAY_FIRST = new RegExp(`^(?:on\\s+)?${DAY}(?:,?\\s+${TIME})?$`, 'i');
/** "at 3", "3pm tomorrow", "10:30 on friday" */
const TIME_FIRST = new RegExp(`^${TIME}(?:\\s+(?:on\\s+)?${DAY})?$`, 'i');
const MAYBE = /^(?:on |at )?(?:\d|to|ne|th|mo|tu|we|fr|sa|su)/i;

/** chrono's reading of `input` when it is one of the common shapes, else null (ask chrono). */
export function fastEnglish(input: string, today: PlainDate): Parsed | null {
  if (input.length > 32 || !MAYBE.test(input)) return null;
  let day: string | undefined;
  let at: string | undefined;
  let h: string | undefined;
  let m: string | undefined;
  let ap: string | undefined;
  let r = DAY_FIRST.exec(input);
  if (r) {
    day = r[1];
    at = r[2];
    h = r[3];
    m = r[4];
    ap = r[5];
  } else {
    r = TIME_FIRST.exec(input);
    if (!r) return null;
    at = r[1];
    h = r[2];
    m = r[3];
    ap = r[4];
    day = r[5];
    // A number alone is not a time for chrono ("3"): it needs "at", a colon or am/pm.
    if (!day && !at && !m && !ap) return null;
  }
  let hour: number | null = null;
  let minute = 0;
  if (h !== undefined) {
    hour = Number(h);
    minute = m ? Number(m) : 0;
    if (minute > 59) return null;
    if (ap) {
      if (hour < 1 || hour > 12) return null;
      const pm = ap.toLowerCase() === 'pm';
      hour = (hour % 12) + (pm ? 12 : 0);
    } else if (hour > 23) return null;
  }
  let date: PlainDate | null = null;
  let weekday: number | null = null;
  if (day) {
    const d = day.toLowerCase();
    if (d === 'today') date = today;
    else if (d === 'tomorrow') date = addDays(today, 1);
    else weekday = WD[d.slice(d.lastIndexOf(' ') + 1)] ?? null;
  }
  return new FastResult(input, new FastComponents(date, weekday, hour, minute, !!ap));
}

/**
 * The same for the other languages: "morgen um 15 Uhr", "vrijdag om 10:30", "demain à 10h30",
 * "el viernes a las 3", "amanhã às 15:00". No am/pm in these; a 13-23 hour is afternoon, as chrono says.
 */
interface Shape {
  days: Record<string, number | 'today' | 'tomorrow'>;
  /** day [at time]: groups day, hour, minute, minute (French "10h30") */
  dayFirst: RegExp;
  /** at time: groups hour, minute, minute */
  timeOnly: RegExp;
}
const SHAPES: Partial<Record<Lang, Shape>> = {};
function shape(lang: Lang, today: string[], tomorrow: string[], weekdays: Record<string, number>, article: string, at: string, time: string): void {
  const days: Record<string, number | 'today' | 'tomorrow'> = { ...weekdays };
  for (const w of today) days[w] = 'today';
  for (const w of tomorrow) days[w] = 'tomorrow';
  const names = Object.keys(days).sort((a, b) => b.length - a.length).join('|');
  SHAPES[lang] = {
    days,
    dayFirst: new RegExp(`^(?:(?:${article})\\s+)?(${names})(?:\\s+(?:${at})\\s+${time})?$`, 'i'),
    timeOnly: new RegExp(`^(?:${at})\\s+${time}$`, 'i'),
  };
}
const T24 = '(\\d{1,2})(?::(\\d{2}))?';
shape('de', ['heute'], ['morgen'], { montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonntag: 0 }, 'am', 'um', `${T24}(?:\\s*uhr)?`);
shape('nl', ['vandaag'], ['morgen'], { maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6, zondag: 0 }, 'op', 'om', `${T24}(?:\\s*uur)?`);
shape('fr', ["aujourd'hui"], ['demain'], { lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 0 }, 'le', 'à', '(\\d{1,2})(?:h(\\d{2})?|:(\\d{2}))');
shape('es', ['hoy'], ['mañana'], { lunes: 1, martes: 2, miércoles: 3, jueves: 4, viernes: 5, sábado: 6, domingo: 0 }, 'el', 'a las', T24);
shape('pt', ['hoje'], ['amanhã'], { 'segunda-feira': 1, segunda: 1, 'terça-feira': 2, terça: 2, 'quarta-feira': 3, quarta: 3, 'quinta-feira': 4, quinta: 4, 'sexta-feira': 5, sexta: 5, sábado: 6, domingo: 0 }, 'no|na', 'às', T24);

/** chrono's reading of `input` in `lang` when it is one of the common shapes, else null (ask chrono). */
export function fastRead(input: string, lang: Lang, today: PlainDate): Parsed | null {
  if (lang === 'en') return fastEnglish(input, today);
  const sh = SHAPES[lang];
  if (!sh || input.length > 40) return null;
  let day: string | undefined;
  let h: string | undefined;
  let m: string | undefined;
  let r = sh.dayFirst.exec(input);
  if (r) {
    day = r[1];
    h = r[2];
    // French writes "10h30" or "10:30": the minutes come in one group or the other.
    m = r[3] ?? r[4];
  } else {
    r = sh.timeOnly.exec(input);
    if (!r) return null;
    h = r[1];
    m = r[2] ?? r[3];
  }
  let hour: number | null = null;
  let minute = 0;
  if (h !== undefined) {
    hour = Number(h);
    minute = m ? Number(m) : 0;
    if (hour > 23 || minute > 59) return null;
  }
  let date: PlainDate | null = null;
  let weekday: number | null = null;
  if (day) {
    const d = sh.days[day.toLowerCase()];
    if (d === undefined) return null;
    if (d === 'today') date = today;
    else if (d === 'tomorrow') date = addDays(today, 1);
    else weekday = d;
  }
  return new FastResult(input, new FastComponents(date, weekday, hour, minute, false));
}
