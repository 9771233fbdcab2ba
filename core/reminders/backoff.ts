/** Retry delays for failed deliveries and jobs: 15 s, 30 s, 1 min, … capped at 1 h; give up after 10 tries. */
export const MAX_ATTEMPTS = 10;

export function backoffMs(attempts: number): number {
  return Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}
