/** The time rules every requested start passes before availability is looked at. */
import type { Config, SessionKind } from '../config/schema.js';
import { bookingBounds } from '../availability/openings.js';

export type StartProblem =
  | { kind: 'in_past' }
  | { kind: 'too_soon'; earliest: string }
  | { kind: 'too_far'; latest: string }
  | { kind: 'invalid_input'; problems: string[] };

export function checkStart(config: Config, q: { kind: SessionKind; lengthMinutes: number; startsAt: Date; now: Date }): StartProblem | null {
  const lengths = config.sessionKinds[q.kind].lengths;
  if (!lengths.includes(q.lengthMinutes)) {
    return { kind: 'invalid_input', problems: [`lengthMinutes: ${config.sessionKinds[q.kind].label} lasts ${lengths.join(' or ')} minutes`] };
  }
  if (q.startsAt.getTime() % (5 * 60_000) !== 0) {
    return { kind: 'invalid_input', problems: ['startsAt: sessions start on a 5-minute mark'] };
  }
  if (q.startsAt.getTime() <= q.now.getTime()) return { kind: 'in_past' };
  const { earliest, latest } = bookingBounds(config, q.now);
  if (q.startsAt < earliest) return { kind: 'too_soon', earliest: earliest.toISOString() };
  if (q.startsAt > latest) return { kind: 'too_far', latest: latest.toISOString() };
  return null;
}
