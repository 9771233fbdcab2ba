/**
 * A booking occupies its staff member's time from its start to its end, counted in 5-minute cells.
 * The database keeps one row per (staff, cell) under a unique key, so two sessions of one staff
 * member that overlap can never both be stored, whatever races between requests. The buffer after a
 * session claims cells too (kind `buffer`), so two concurrent bookings back to back cannot both skip
 * it; staff squeezing in an emergency give up the buffer cells in its way.
 */
export const CELL_MS = 5 * 60_000;

export function occupiedCells(start: Date, end: Date): Date[] {
  const from = Math.floor(start.getTime() / CELL_MS) * CELL_MS;
  const cells: Date[] = [];
  for (let t = from; t < end.getTime(); t += CELL_MS) cells.push(new Date(t));
  return cells;
}

/** The cells of the buffer kept after a session ending at `end`. */
export function bufferCells(end: Date, bufferMinutes: number): Date[] {
  return bufferMinutes > 0 ? occupiedCells(end, new Date(end.getTime() + bufferMinutes * 60_000)) : [];
}
