import type { Opening } from '../availability/openings.js';

/** A proposed time as results carry it (ISO instants; adapters format them in the person's zone). */
export interface SlotView {
  startsAt: string;
  endsAt: string;
}

export function slotViews(openings: Opening[]): SlotView[] {
  return openings.map((o) => ({ startsAt: o.start.toISOString(), endsAt: o.end.toISOString() }));
}
