/**
 * A booking occupies its staff member's time from its start to its end, counted in 5-minute cells.
 * The database keeps one row per (staff, cell) under a unique key, so two sessions of one staff
 * member that overlap can never both be stored, whatever races between requests. Buffers between
 * sessions are kept by the availability code, not by cells, so that staff can give them up to
 * squeeze in an emergency.
 */
export const CELL_MS = 5 * 60_000;

export function occupiedCells(start: Date, end: Date): Date[] {
  const from = Math.floor(start.getTime() / CELL_MS) * CELL_MS;
  const cells: Date[] = [];
  for (let t = from; t < end.getTime(); t += CELL_MS) cells.push(new Date(t));
  return cells;
}
