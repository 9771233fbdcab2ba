/**
 * "You can cancel or reschedule up to 65 minutes prior to the scheduled start time."
 * A change is accepted while now ≤ start − cutoff; one second later it is too late.
 */
export function changeDeadline(startsAt: Date, cutoffMinutes: number): Date {
  return new Date(startsAt.getTime() - cutoffMinutes * 60_000);
}

export function canChange(now: Date, startsAt: Date, cutoffMinutes: number): boolean {
  return now.getTime() <= changeDeadline(startsAt, cutoffMinutes).getTime();
}
