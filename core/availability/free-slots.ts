/**
 * Free start times for one staff member: slots every `stepMinutes` from the start of each working
 * interval (a shift), that start inside it and end by its `reach` (a session may run on into a shift
 * that touches it, e.g. across local midnight), and whose time plus buffer does not overlap another booking's time
 * plus buffer. Pure: the caller supplies working intervals and busy intervals.
 */
import type { Interval } from './working-intervals.js';

export interface Busy {
  start: Date;
  end: Date;
  bufferMinutes: number;
}

const MIN = 60_000;

export function overlapsBusy(start: number, endWithBuffer: number, busy: readonly Busy[]): boolean {
  for (const b of busy) {
    if (start < b.end.getTime() + b.bufferMinutes * MIN && b.start.getTime() < endWithBuffer) return true;
  }
  return false;
}

export function freeSlots(input: {
  /** Shifts; without `reach` a session must end inside its own shift. */
  working: readonly (Interval & { reach?: Date })[];
  busy: readonly Busy[];
  lengthMinutes: number;
  bufferMinutes: number;
  stepMinutes: number;
  notBefore: Date;
  notAfter: Date;
  limit?: number;
}): Date[] {
  // Busy time as [start, end + its buffer] in ms, by start.
  const busy = input.busy.map((b) => ({ s: b.start.getTime(), e: b.end.getTime() + b.bufferMinutes * MIN })).sort((a, b) => a.s - b.s);
  return freeStarts({
    working: input.working,
    starts: busy.map((b) => b.s),
    ends: busy.map((b) => b.e),
    lengthMinutes: input.lengthMinutes,
    bufferMinutes: input.bufferMinutes,
    stepMinutes: input.stepMinutes,
    notBefore: input.notBefore.getTime(),
    notAfter: input.notAfter.getTime(),
    limit: input.limit,
  }).map((t) => new Date(t));
}

/**
 * `freeSlots` on numbers, for the availability search: busy time as epoch ms, `starts` ascending and
 * `ends[i]` the end plus buffer of the booking starting at `starts[i]`, looked at from index `first`.
 */
export function freeStarts(input: {
  working: readonly (Interval & { reach?: Date })[];
  starts: readonly number[];
  ends: readonly number[];
  first?: number;
  lengthMinutes: number;
  bufferMinutes: number;
  stepMinutes: number;
  notBefore: number;
  notAfter: number;
  limit?: number;
}): number[] {
  const { starts, ends, lengthMinutes, bufferMinutes, stepMinutes, notBefore, notAfter } = input;
  const working = [...input.working].sort((a, b) => a.start.getTime() - b.start.getTime());
  const n = starts.length;
  // Candidate starts only ever increase, so a moving pointer skips everything that ended before the
  // candidate: one pass instead of slots × busy.
  let lo = Math.max(0, input.first ?? 0);
  // Overlapping shifts would offer a start twice (and move the pointer back): each start only once, in order.
  let tried = -Infinity;
  const out: number[] = [];
  for (const w of working) {
    const reach = (w.reach ?? w.end).getTime();
    const end = w.end.getTime();
    for (let s = w.start.getTime(); s < end && s + lengthMinutes * MIN <= reach; s += stepMinutes * MIN) {
      if (s < notBefore || s <= tried) continue;
      tried = s;
      if (s > notAfter) return out;
      const endWithBuffer = s + (lengthMinutes + bufferMinutes) * MIN;
      while (lo < n && ends[lo]! <= s) lo++;
      let taken = false;
      for (let j = lo; j < n && starts[j]! < endWithBuffer; j++) {
        if (ends[j]! > s) {
          taken = true;
          break;
        }
      }
      if (taken) continue;
      out.push(s);
      if (input.limit && out.length >= input.limit) return out;
    }
  }
  return out;
}
