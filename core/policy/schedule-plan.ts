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

export function plannedJobs(startsAt: Date, now: Date, policy: Config['policy']): { type: JobType; dueAt: Date }[] {
  const jobs: { type: JobType; dueAt: Date }[] = [];
  const cutoff = new Date(startsAt.getTime() - policy.cancelCutoffMinutes * MIN);
  // Already past the cutoff (a booking or squeeze-in close to its start): take the buttons off now.
  jobs.push({ type: 'cutoff_passed', dueAt: cutoff.getTime() > now.getTime() ? new Date(cutoff.getTime() + 1000) : now });
  jobs.push({ type: 'no_show_check', dueAt: new Date(startsAt.getTime() + policy.noShowCloseMinutes * MIN) });
  return jobs;
}

/** A reminder found due late (the bot was down) is still worth sending only while the session is ahead. */
export function reminderStillUseful(startsAt: Date, now: Date): boolean {
  return now.getTime() < startsAt.getTime();
}
