/**
 * The platform-neutral message: what a person reads and may press, with no Slack, Discord or HTML
 * in it. Presenters (this folder) build it from a core result or notice, with the wording from the
 * catalog; each platform's renderer (bots/<platform>/render) only draws it.
 *
 * Times are values (an instant, the zone to read it in, the locale), because each platform draws
 * them its own way: Discord as `<t:…>` markup with the wall time beside it, Slack and the console as
 * text in the person's zone. Buttons are intents (bots/shared/present/intents.ts), encoded by one codec.
 */
import type { Intent } from './intents.js';

/** Where a message may be shown. */
export type Visibility =
  /** Anyone in the channel or thread may read it. */
  | 'public'
  /** Only the person who acted (Slack ephemeral, Discord ephemeral reply, the console's own pane). */
  | 'person'
  /** A direct message to the person. */
  | 'dm'
  /** The staff channel. */
  | 'staff';

export interface TimeValue {
  t: 'time';
  /** ISO instant. */
  at: string;
  /** End of a window (ISO), drawn as "15:00–16:00". */
  end?: string;
  /** The zone the reader reads it in. */
  zone: string;
  /** Also shown in the vendor's zone when it shows another wall time. */
  vendorZone?: string;
  /** Leave the city out (all but the last of a list of times in one zone). */
  noCity?: boolean;
  locale: string;
}

/** Text the renderer must keep verbatim and show as code (a maintenance code, a command). */
export interface CodeValue {
  t: 'code';
  text: string;
}

export interface LinkValue {
  t: 'link';
  url: string;
}

/** A mention of a platform user (Discord `<@id>`, Slack `<@U…>`) or, with `channel`, a channel or thread (Discord `<#id>`); a plain name elsewhere. */
export interface MentionValue {
  t: 'mention';
  platform: string;
  userId: string;
  name: string;
  channel?: boolean;
}

export type Part = string | TimeValue | CodeValue | LinkValue | MentionValue;
export type Text = Part[];

export type LineStyle = 'plain' | 'strong' | 'quote' | 'muted';

export interface Line {
  text: Text;
  style?: LineStyle;
  /** A short label before the text with its punctuation ("When:", "Quand :", from i18n `label`), drawn strong as is. */
  label?: string;
  /** Buttons about this line (a row in a list); where a platform cannot place them beside it, it names `ref` on them. */
  buttons?: Button[];
  ref?: string;
}

export interface Field {
  label: string;
  value: Text;
}

export type ButtonStyle = 'primary' | 'danger' | 'success';

export interface ActionButton {
  kind: 'action';
  label: string;
  intent: Intent;
  style?: ButtonStyle;
}

export interface LinkButton {
  kind: 'link';
  label: string;
  url: string;
  /** What the link is (lets a platform give it a stable id). */
  name: 'join' | 'calendar' | 'ics' | 'pay' | 'manage';
}

export type Button = ActionButton | LinkButton;

/** A symbol beside the title; each platform draws it (Slack emoji, Unicode elsewhere). */
export type Icon =
  | 'booked'
  | 'pending'
  | 'cancelled'
  | 'declined'
  | 'moved'
  | 'reminder'
  | 'lock'
  | 'noshow'
  | 'warning'
  | 'suspended'
  | 'reinstated'
  | 'emergency'
  | 'approval'
  | 'closed'
  | 'withdrawn'
  | 'calendar'
  | 'linked'
  | 'company'
  | 'done';

export interface Message {
  visibility: Visibility;
  icon?: Icon;
  /** The first line, drawn strong. */
  title?: Text;
  /** Body sections: each a list of lines (a platform may draw a section as one block). */
  sections: Line[][];
  fields?: Field[];
  buttons: Button[];
  /** A small line at the end (the booking reference). */
  footer?: Text;
  /** The last line, drawn strong, after everything (e.g. "Keep this message: it is your confirmation."). */
  closing?: Text;
  /** Plain one-line summary for notifications and fallbacks (no markup). */
  summary: Text;
  locale: string;
}

export const isTime = (p: Part): p is TimeValue => typeof p !== 'string' && p.t === 'time';
