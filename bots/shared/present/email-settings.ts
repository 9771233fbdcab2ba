/** What /email and the staff calendar feed command answer, in the person's language (issue 14). */
import { t } from './i18n.js';
import { cmd, say, type PresentContext } from './booking.js';
import type { Line } from './model.js';
import type { Presentation, R } from './results.js';

/** `/email [address] [chat|email|both]`, `/email remove`: what the text asks for (shared by every platform). */
export function parseEmailArgs(text: string): { email?: string | null; via?: 'chat' | 'email' | 'both' } {
  const out: { email?: string | null; via?: 'chat' | 'email' | 'both' } = {};
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const w = word.toLowerCase();
    if (w === 'chat' || w === 'email' || w === 'both') out.via = w;
    else if (w === 'remove' || w === 'clear' || w === 'off') out.email = null;
    else out.email = word.replace(/^<mailto:([^|>]+)(\|[^>]*)?>$/, '$1');
  }
  return out;
}

function assertNever(x: never): never {
  throw new Error(`unpresented result: ${JSON.stringify(x)}`);
}

export function presentEmailSettings(ctx: PresentContext, r: R<'setEmail'>): Presentation {
  const L = ctx.lang;
  const usage: Line = { text: t(L, 'email.usage', { cmd: cmd('/email you@example.com both') }), style: 'muted' };
  switch (r.kind) {
    case 'email_settings': {
      const lines: Line[] = [];
      if (r.changed) lines.push({ text: t(L, 'email.saved') });
      if (!r.mailEnabled) lines.push({ text: t(L, 'email.mailOff') });
      else {
        if (!r.sendsTo) lines.push({ text: t(L, 'email.noAddress', { cmd: cmd('/email you@example.com') }) });
        lines.push({ text: t(L, 'email.status', { effective: r.effective, address: r.sendsTo ?? '' }) });
      }
      lines.push(usage);
      return { message: { visibility: 'person', sections: [lines], buttons: [], summary: lines[0]!.text, locale: L } };
    }
    case 'email_invalid':
      return { message: say(ctx, 'person', t(L, 'email.invalid', { address: r.email })) };
    case 'email_needs_address':
      return { message: say(ctx, 'person', t(L, 'email.needsAddress', { cmd: cmd('/email you@example.com both') })) };
    case 'invalid_input':
      return { message: say(ctx, 'person', t(L, 'result.invalid', { problems: r.problems.join('; ') })) };
    default:
      return assertNever(r);
  }
}

export function presentCalendarFeed(ctx: PresentContext, r: R<'staffCalendarFeed'>): Presentation {
  const L = ctx.lang;
  switch (r.kind) {
    case 'feed_url':
      return { message: say(ctx, 'person', t(L, 'calendarFeed.url', { url: { t: 'link', url: r.url } })) };
    case 'feed_revoked':
      return { message: say(ctx, 'person', t(L, 'calendarFeed.revoked', { count: r.count })) };
    case 'not_allowed':
      return { message: say(ctx, 'person', t(L, 'calendarFeed.staffOnly')) };
    case 'invalid_input':
      return { message: say(ctx, 'person', t(L, 'result.invalid', { problems: r.problems.join('; ') })) };
    default:
      return assertNever(r);
  }
}
