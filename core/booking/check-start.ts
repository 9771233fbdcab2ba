/** The time rules every requested start passes before availability is looked at. */
import type { Config, SessionKind } from '../config/schema.js';
import { bookingBounds } from '../availability/openings.js';

export type StartProblem =
  | { kind: 'in_past' }
  | { kind: 'too_soon'; earliest: string }
  | { kind: 'too_far'; latest: string }
  | { kind: 'invalid_input'; problems: string[] };

/**
 * A wrong length as an input problem (invalid_input problems are the developer-facing English of
 * zod's messages): "Online session lasts 30 or 60 minutes", with the vendor's label when it set one.
 */
export function lengthProblem(config: Config, kind: SessionKind): string {
  const name = config.sessionKinds[kind].label ?? `${kind[0]!.toUpperCase()}${kind.slice(1)} session`;
  return `lengthMinutes: ${name} lasts ${config.sessionKinds[kind].lengths.join(' or ')} minutes`;
}

export function checkStart(config: Config, q: { kind: SessionKind; lengthMinutes: number; startsAt: Date; now: Date }): StartProblem | null {
  const lengths = config.sessionKinds[q.kind].lengths;
  if (!lengths.includes(q.lengthMinutes)) {
    return { kind: 'invalid_input', problems: [lengthProblem(config, q.kind)] };
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
