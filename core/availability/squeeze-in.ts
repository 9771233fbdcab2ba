/**
 * Emergency squeeze-in options for the rest of today: the earliest starts at which a staff member
 * could take the session, first respecting buffers, then (if that finds nothing sooner) giving up
 * the buffers around neighbouring sessions. Times are on a 5-minute grid from `now`.
 */
import { DateTime } from 'luxon';
import type { Config, SessionKind } from '../config/schema.js';
import type { Tx } from '../ports/store.js';
import type { SqueezeOption } from '../notifications/types.js';
import { overlapsBusy } from './free-slots.js';
import { workingIntervals } from './working-intervals.js';

const MIN = 60_000;
const GRID = 5 * MIN;

export async function squeezeInOptions(
  tx: Tx,
  config: Config,
  q: { kind: SessionKind; lengthMinutes: number; now: Date; max?: number },
): Promise<SqueezeOption[]> {
  const max = q.max ?? 4;
  const start = new Date(Math.ceil((q.now.getTime() + 5 * MIN) / GRID) * GRID);
  const endOfDay = DateTime.fromJSDate(q.now, { zone: config.vendor.zone }).endOf('day').toJSDate();
  const buffer = config.sessionKinds[q.kind].bufferMinutes;
  const busy = await tx.bookings.busy(config.staff.map((s) => s.id), new Date(start.getTime() - 24 * 60 * MIN), endOfDay);
  const options: SqueezeOption[] = [];
  for (const s of config.staff) {
    const mine = busy.filter((b) => b.staffId === s.id);
    const noBuffers = mine.map((b) => ({ ...b, bufferMinutes: 0 }));
    let found = 0;
    for (const w of workingIntervals(s, start, endOfDay)) {
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
