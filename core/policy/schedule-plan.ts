/**
 * What a confirmed booking schedules: reminders (24 h and 2 h before by default), the end of the
 * change window (to take the buttons off earlier messages) and the no-show check (10 min after start).
 * A reminder whose time has already passed when the booking is made is not planned: a booking made
 * 3 hours ahead gets the 2-hour reminder only.
 */
import type { Config } from '../config/schema.js';
import type { JobType } from '../model.js';

const MIN = 60_000;

export function plannedReminders(startsAt: Date, now: Date, minutesBefore: number[]): { minutesBefore: number; dueAt: Date }[] {
  return [...minutesBefore]
    .sort((a, b) => b - a)
    .map((m) => ({ minutesBefore: m, dueAt: new Date(startsAt.getTime() - m * MIN) }))
    .filter((r) => r.dueAt.getTime() > now.getTime());
}

/**
 * `earlierChangeButtons`: earlier messages about this booking offered Cancel (a paid request approved
 * after its cutoff). Only then does a booking confirmed already past the cutoff need the end of the
 * change window at once; otherwise its confirmation says so itself (a squeeze-in, a booking made
 * close to its start) and a second notice would only repeat it.
 */
export function plannedJobs(startsAt: Date, now: Date, policy: Config['policy'], opts: { earlierChangeButtons?: boolean } = {}): { type: JobType; dueAt: Date }[] {
  const jobs: { type: JobType; dueAt: Date }[] = [];
  const cutoff = new Date(startsAt.getTime() - policy.cancelCutoffMinutes * MIN);
  // At the cutoff itself a change is still allowed (change-window.ts), so its buttons still need taking off.
  if (cutoff.getTime() >= now.getTime()) jobs.push({ type: 'cutoff_passed', dueAt: new Date(cutoff.getTime() + 1000) });
  else if (opts.earlierChangeButtons) jobs.push({ type: 'cutoff_passed', dueAt: now });
  jobs.push({ type: 'no_show_check', dueAt: new Date(startsAt.getTime() + policy.noShowCloseMinutes * MIN) });
  return jobs;
}

/** A reminder found due late (the bot was down) is still worth sending only while the session is ahead. */
export function reminderStillUseful(startsAt: Date, now: Date): boolean {
  return now.getTime() < startsAt.getTime();
}

/**
 * A reminder found due only after a later one's time (the 24-hour reminder, with the bot down until
 * the 2-hour one was due too) is superseded: the later reminder says it, so this one is not sent.
 */
export function reminderSuperseded(startsAt: Date, now: Date, minutesBefore: number, configured: number[]): boolean {
  return configured.some((m) => m < minutesBefore && startsAt.getTime() - m * MIN <= now.getTime());
}

/** A reminder sent more than this late says how long is really left, not the planned lead. */
export const REMINDER_LATE_MINUTES = 5;

/**
 * The lead a reminder tells ("starts in …"): the planned one, or, when it goes out late, the time
 * really left: in whole hours from 90 minutes up, else in 5 minutes (in minutes under 10).
 */
export function reminderLead(startsAt: Date, now: Date, minutesBefore: number): number {
  const left = (startsAt.getTime() - now.getTime()) / MIN;
  if (left >= minutesBefore - REMINDER_LATE_MINUTES) return minutesBefore;
  if (left >= 90) return Math.round(left / 60) * 60;
  if (left >= 10) return Math.round(left / 5) * 5;
  return Math.max(1, Math.round(left));
}
