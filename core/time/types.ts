/** What parseWhen returns: a discriminated union on `kind` (see README.md). */
import type { WorkingHours } from './phrases.js';

export type { WorkingHours };

export interface ParseWhenOptions {
  /** The reference instant (from the clock port): core never reads the system clock. */
  now: Date;
  /** The person's IANA zone (Slack profile, saved Discord zone, else the vendor's). */
  zone: string;
  /** The vendor's zone, shown in the readback when it differs; defaults to `zone`. */
  vendorZone?: string;
  /** The person's locale ("de-DE", "fr", "pt-BR"…); English when absent or unsupported. */
  locale?: string;
  /** Minutes since local midnight; default 09:00–17:00. */
  workingHours?: WorkingHours;
}

export type ZoneSource = 'text' | 'person';

/**
 * What the reader should know about how the text was read, as a code with values: core words nothing;
 * the presenter says it in the person's language. Dates are ISO (YYYY-MM-DD), times HH:MM.
 */
export type WhenNote =
  /** A zone named in the text ("3pm EST"), not the person's: "read as New York time, as written". */
  | { code: 'zone_from_text'; zone: string }
  /** A bare time already past today ("at 9" at 11:00): "2026-12-01 is over, so the next day". */
  | { code: 'rolled_to_next_day'; date: string }
  /** "3/4" read day-first because the month-first reading has passed: "read as 3 Apr, since 4 Mar has passed". */
  | { code: 'other_date_order'; read: string; passed: string }
  /** A wall time the clocks going back make happen twice: the first was taken. `offset`: "UTC-04:00". */
  | { code: 'repeated_time'; time: string; date: string; offset: string };

/** A word read as another ("tomorow" as "tomorrow"): said with every readback, never booked unseen. */
export interface WhenCorrection {
  typed: string;
  read: string;
}

/** Why a text was not understood, as a code with values (the presenter adds examples that work). */
export type WhenHint =
  /** Nothing in it reads as a time. */
  | { code: 'no_time' }
  /** A long message with no sentence holding a time. */
  | { code: 'no_time_in_message' }
  | { code: 'too_long'; max: number }
  /** A range with bare hours that working hours cannot settle ("between 7 and 8"). */
  | { code: 'am_or_pm' }
  | { code: 'two_days' }
  /** A month or a year with no day in it ("next month", "next year 3pm"): today would be silently wrong. */
  | { code: 'no_day' }
  /** "Monday the 8th" when the 8th is a Tuesday. Weekdays ISO (1 Monday … 7 Sunday). */
  | { code: 'weekday_mismatch'; date: string; weekday: number; named: number }
  /** A misspelled word as close to two words ("tusrday": Tuesday or Thursday). */
  | { code: 'which_day'; typed: string; options: string[] }
  /** A word two edits from a day word and too short to be sure ("tmorow"). */
  | { code: 'did_you_mean'; typed: string; word: string };

interface Located {
  /** The zone the text was read in. */
  zone: string;
  zoneSource: ZoneSource;
  /** Words read as something else ("tomorow" as "tomorrow"): presenters say them with every readback. */
  corrections?: WhenCorrection[];
}

export interface ExactWhen extends Located {
  kind: 'exact';
  start: Date;
  lengthMinutes?: number;
  readback: string;
  notes?: WhenNote[];
}

export interface WindowWhen extends Located {
  kind: 'window';
  from: Date;
  to: Date;
  readback: string;
  label?: string;
  lengthMinutes?: number;
  notes?: WhenNote[];
}

export interface WhenOption {
  start: Date;
  readback: string;
  /** What tells the readings apart, as a value: a date (YYYY-MM-DD, for "3/4") or a time (HH:MM, for "at 7"). */
  label: string;
}

export interface AmbiguousWhen extends Located {
  kind: 'ambiguous';
  options: WhenOption[];
  lengthMinutes?: number;
}

export interface InPastWhen extends Located {
  kind: 'in_past';
  start: Date;
  readback: string;
}

export interface UnparseableWhen {
  kind: 'unparseable';
  hint: WhenHint;
}

export interface NonexistentTimeWhen extends Located {
  kind: 'nonexistent_time';
  /** The local wall time asked for, e.g. "2027-03-14 02:30". */
  requested: string;
  nearest: [Date, Date];
  nearestReadbacks: [string, string];
}

export interface RepeatedTimeWhen extends Located {
  kind: 'repeated_time';
  /** The first occurrence (before the clocks go back). */
  start: Date;
  readback: string;
  note: Extract<WhenNote, { code: 'repeated_time' }>;
  lengthMinutes?: number;
}

export type WhenResult =
  | ExactWhen
  | WindowWhen
  | AmbiguousWhen
  | InPastWhen
  | UnparseableWhen
  | NonexistentTimeWhen
  | RepeatedTimeWhen;

export type WhenKind = WhenResult['kind'];
