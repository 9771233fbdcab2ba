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

interface Located {
  /** The zone the text was read in. */
  zone: string;
  zoneSource: ZoneSource;
  /** Words read as something else, also appended to every readback: "read 'tomorow' as tomorrow". */
  corrections?: string[];
}

export interface ExactWhen extends Located {
  kind: 'exact';
  start: Date;
  lengthMinutes?: number;
  readback: string;
  notes?: string[];
}

export interface WindowWhen extends Located {
  kind: 'window';
  from: Date;
  to: Date;
  readback: string;
  label?: string;
  lengthMinutes?: number;
  notes?: string[];
}

export interface WhenOption {
  start: Date;
  readback: string;
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
  hint: string;
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
  note: string;
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
