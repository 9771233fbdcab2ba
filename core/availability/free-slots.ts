/**
 * Free start times for one staff member: slots every `stepMinutes` from the start of each working
 * interval, that fit inside it, and whose time plus buffer does not overlap another booking's time
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
  working: readonly Interval[];
  busy: readonly Busy[];
  lengthMinutes: number;
  bufferMinutes: number;
  stepMinutes: number;
  notBefore: Date;
  notAfter: Date;
  limit?: number;
}): Date[] {
  const { lengthMinutes, bufferMinutes, stepMinutes } = input;
  const busy = [...input.busy].sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: Date[] = [];
  for (const w of input.working) {
    for (let s = w.start.getTime(); s + lengthMinutes * MIN <= w.end.getTime(); s += stepMinutes * MIN) {
      if (s < input.notBefore.getTime()) continue;
      if (s > input.notAfter.getTime()) return out;
      if (overlapsBusy(s, s + (lengthMinutes + bufferMinutes) * MIN, busy)) continue;
      out.push(new Date(s));
      if (input.limit && out.length >= input.limit) return out;
    }
  }
  return out;
}
