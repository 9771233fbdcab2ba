/**
 * What a time typed so far would give, one short line per choice (Discord's /book autocomplete, which
 * answers as the person types): sent, a choice keeps what was typed unless it is a reading to pick.
 */
import { ts } from './i18n.js';
import { readbackText } from './parse-notes.js';
import type { PresentContext } from './booking.js';
import type { R } from './results.js';

export interface PreviewChoice {
  label: string;
  /** The text sent with the choice; none: what was typed. */
  value?: string;
}

export function presentPreview(ctx: PresentContext, r: R<'understandRequest'>): PreviewChoice[] {
  const L = ctx.lang;
  switch (r.kind) {
    case 'proposal':
      return [{ label: ts(L, 'preview.free', { readback: readbackText(L, r.readback, r.corrections) }) }];
    case 'unavailable':
      return [{ label: ts(L, 'preview.unavailable', { readback: readbackText(L, r.readback, r.corrections), reason: r.reason }) }];
    case 'choose':
      return [{ label: ts(L, 'preview.choose', { readback: readbackText(L, r.readback, r.corrections), n: r.slots.length }) }];
    case 'ambiguous':
      return r.options.map((o) => ({ label: o.readback, value: o.readback }));
    case 'in_past':
      return [{ label: ts(L, 'preview.inPast', { readback: readbackText(L, r.readback, r.corrections) }) }];
    case 'nonexistent_time':
      return r.nearest.map((n) => ({ label: n.readback, value: n.readback }));
    case 'unparseable':
    case 'invalid_input': {
      const [a = '', b = ''] = previewExamples(ctx);
      return [{ label: ts(L, 'preview.notYet', { a, b }) }];
    }
    default: {
      const never: never = r;
      throw new Error(`unpresented result: ${JSON.stringify(never)}`);
    }
  }
}

/** Times to start from before anything is typed, in the person's language (each one the time parser reads). */
export const previewExamples = (ctx: PresentContext): string[] => ts(ctx.lang, 'preview.examples').split('|');
