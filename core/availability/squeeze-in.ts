/**
 * Emergency squeeze-in options until the request expires (see `emergencyWindow`): the earliest starts
 * at which a staff member could take the session within their hours, first respecting buffers, then
 * (if that finds nothing sooner) giving up the buffers around neighbouring sessions. Times are on a
 * 5-minute grid from `now`. A time outside hours is only ever chosen by staff, and confirmed apart
 * (`squeezeIn` answers `outside_hours_confirm`).
 */
import { DateTime } from 'luxon';
import type { Config, SessionKind } from '../config/schema.js';
import type { Tx } from '../ports/store.js';
import type { SqueezeOption } from '../notifications/types.js';
import { overlapsBusy } from './free-slots.js';
import { workingIntervals, type Interval } from './working-intervals.js';

const MIN = 60_000;
const GRID = 5 * MIN;

/** The first grid time at least 5 minutes after `now`: the earliest an emergency can start. */
function earliestStart(now: Date): Date {
  return new Date(Math.ceil((now.getTime() + 5 * MIN) / GRID) * GRID);
}

/** Runs of everyone's working time (all staff together), touching or overlapping shifts joined. */
function workingPeriods(config: Config, from: Date, to: Date): Interval[] {
  const shifts = config.staff.flatMap((s) => workingIntervals(s, from, to)).sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: Interval[] = [];
  for (const w of shifts) {
    const last = out.at(-1);
    if (last && w.start.getTime() <= last.end.getTime()) {
      if (w.end.getTime() > last.end.getTime()) last.end = w.end;
    } else out.push({ start: w.start, end: w.end });
  }
  return out;
}

export interface EmergencyWindow {
  /** When staff next work, if the request was made after hours (or too late in the day for the session to fit). */
  waitsUntil: Date | null;
  /** When the request is declined if nobody squeezed it in. */
  expiresAt: Date;
}

/**
 * How long an emergency request waits. Made in a working period (everyone's hours together) in which
 * the session still fits: until the end of the vendor's day, or of that period if it runs later.
 * Made after hours (or with too little of the period left): it waits for the next working period and
 * expires at its end. A period is read at most 24 hours on (round-the-clock hours), and with no
 * working time in the next 8 days the request expires 24 hours after it was made.
 */
export function emergencyWindow(config: Config, now: Date, lengthMinutes: number): EmergencyWindow {
  const DAY = 24 * 60 * MIN;
  const earliest = earliestStart(now).getTime();
  const fits = (p: Interval) => Math.max(p.start.getTime(), earliest) + lengthMinutes * MIN <= p.end.getTime();
  const periods = workingPeriods(config, new Date(now.getTime() - DAY), new Date(now.getTime() + 9 * DAY));
  const current = periods.find((p) => p.start.getTime() <= now.getTime() && now.getTime() < p.end.getTime());
  if (current && fits(current)) {
    const endOfDay = DateTime.fromJSDate(now, { zone: config.vendor.zone }).endOf('day').plus({ milliseconds: 1 }).toMillis();
    return { waitsUntil: null, expiresAt: new Date(Math.max(endOfDay, Math.min(current.end.getTime(), now.getTime() + DAY))) };
  }
  const next = periods.find((p) => p.start.getTime() > now.getTime() && fits(p));
  if (!next) return { waitsUntil: null, expiresAt: new Date(now.getTime() + DAY) };
  return { waitsUntil: next.start, expiresAt: new Date(Math.min(next.end.getTime(), next.start.getTime() + DAY)) };
}

export async function squeezeInOptions(
  tx: Tx,
  config: Config,
  q: { kind: SessionKind; lengthMinutes: number; now: Date; max?: number },
): Promise<SqueezeOption[]> {
  const max = q.max ?? 4;
  const start = earliestStart(q.now);
  const until = emergencyWindow(config, q.now, q.lengthMinutes).expiresAt;
  const buffer = config.sessionKinds[q.kind].bufferMinutes;
  const busy = await tx.bookings.busy(config.staff.map((s) => s.id), new Date(start.getTime() - 24 * 60 * MIN), until);
  const options: SqueezeOption[] = [];
  for (const s of config.staff) {
    const mine = busy.filter((b) => b.staffId === s.id);
    const noBuffers = mine.map((b) => ({ ...b, bufferMinutes: 0 }));
    let found = 0;
    for (const w of workingIntervals(s, start, until)) {
      for (let t = Math.ceil(w.start.getTime() / GRID) * GRID; t < w.end.getTime() && t + q.lengthMinutes * MIN <= w.reach.getTime() && found < 2; t += GRID) {
        const end = t + q.lengthMinutes * MIN;
        const plain = !overlapsBusy(t, end + buffer * MIN, mine);
        const tight = plain || !overlapsBusy(t, end, noBuffers);
        if (!tight) continue;
        options.push({
          staffId: s.id,
          staffName: s.name,
          startsAt: new Date(t).toISOString(),
          endsAt: new Date(end).toISOString(),
          bufferShortenedBy: plain ? 0 : buffer + Math.max(0, ...mine.map((b) => b.bufferMinutes)),
        });
        found++;
        // After a tight option, look for a plain one later for the same person; stop at a plain one.
        if (plain) break;
      }
    }
  }
  return options.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.bufferShortenedBy - b.bufferShortenedBy).slice(0, max);
}
