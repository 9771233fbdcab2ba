/**
 * The claim both queues use: pick due, unclaimed (or lease-expired) rows, then mark them with this
 * sweep's token by a conditional update. A row another sweeper took between the two steps no longer
 * matches the update's condition, so each row goes to exactly one sweeper; a sweeper that dies after
 * claiming leaves a lease that expires, and the row is claimed again (never lost).
 */
export function dueAndUnclaimed(now: Date) {
  return {
    status: 'pending',
    dueAt: { lte: now },
    OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
  };
}
