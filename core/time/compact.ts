/**
 * The compact notation of corpus.ts and held-out.ts, for tests: a result as one line, so a failure
 * shows the expected and the actual reading side by side.
 *   "exact 2026-12-02 15:00 +60 @America/New_York phone fixed"
 */
import { DateTime } from 'luxon';
import type { WhenResult } from './types.js';

const wall = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm');

export function compact(r: WhenResult, extra: { lengthMinutes?: number | null; sessionKind?: string | null } = {}): string {
  const fixed = 'corrections' in r && r.corrections?.length ? ' fixed' : '';
  const kind = extra.sessionKind ? ` ${extra.sessionKind}` : '';
  const len = extra.lengthMinutes ?? ('lengthMinutes' in r ? r.lengthMinutes : undefined);
  return reading(r, len ?? undefined) + kind + fixed;
}

function reading(r: WhenResult, lengthMinutes: number | undefined): string {
  const zoneTag = (zone: string) => ('zoneSource' in r && r.zoneSource === 'text' ? ` @${zone}` : '');
  const plus = lengthMinutes ? ` +${lengthMinutes}` : '';
  switch (r.kind) {
    case 'exact':
      return `exact ${wall(r.start, r.zone)}${plus}${zoneTag(r.zone)}`;
    case 'window':
      return `window ${wall(r.from, r.zone)} → ${wall(r.to, r.zone)}${plus}${zoneTag(r.zone)}`;
    case 'ambiguous':
      return `ambiguous ${r.options.map((o) => wall(o.start, r.zone)).join(' | ')}${zoneTag(r.zone)}`;
    case 'in_past':
      return `in_past ${wall(r.start, r.zone)}${zoneTag(r.zone)}`;
    case 'nonexistent_time':
      return `nonexistent ${r.nearest.map((d) => wall(d, r.zone)).join(' | ')}${zoneTag(r.zone)}`;
    case 'repeated_time':
      return `repeated ${wall(r.start, r.zone)}${zoneTag(r.zone)}`;
    case 'unparseable':
      return 'unparseable';
  }
}
