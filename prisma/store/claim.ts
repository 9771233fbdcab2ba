/**
 * The claim both queues use: pick due, unclaimed (or lease-expired) rows, then mark them with this
 * sweep's token by a conditional update. A row another sweeper took between the two steps no longer
 * matches the update's condition, so each row goes to exactly one sweeper; a sweeper that dies after
 * claiming leaves a lease that expires, and the row is claimed again (never lost).
 * The first step and the read back run as raw SQL where the store has it (`dueWhere` and `CLAIM_ORDER`
 * in hot-reads.ts, held to this condition by hot-reads.test.ts).
 */
export function dueAndUnclaimed(now: Date) {
  return {
    status: 'pending',
    dueAt: { lte: now },
    OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
  };
}

/** Splits ids into slices small enough for one statement on every database (SQLite: 999 parameters). */
export function idSlices(ids: string[], size = 500): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
