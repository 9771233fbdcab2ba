/**
 * The self-service routes beside /j/<token>: the booking page (/m/<token>), its Cancel and Reschedule
 * forms (POST only), its calendar file (/m/<token>/calendar.ics), and the staff calendar feeds
 * (/cal/<token>.ics). Every change goes through the same core use cases as chat, acting as the booker,
 * so the same rules (the 65-minute cutoff) and the same confirmations apply.
 *
 * CSRF: the page sets a random `sk_csrf` cookie (HttpOnly, SameSite=Strict, path /m/) and puts the same
 * value in each form; a POST must carry both, equal, and must not say it comes from another site
 * (Origin / Sec-Fetch-Site). A cross-site form post has no cookie (SameSite=Strict) and is refused.
 */
import { readBody } from './web-body.js';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../../core/index.js';
import type { OpenManageLinkResult } from '../../core/booking/manage-link.js';
import { bookingIcs, feedIcs } from './email/ics.js';
import { at, linkProblemPage, managePage } from './manage-page.js';
import { resolveLang, ts, type Lang } from './present/i18n.js';
import type { WebRoute } from './web-routes.js';

const COOKIE = 'sk_csrf';
const MAX_BODY = 8 * 1024;
const OPEN_TIMES_DAYS = 14;
const OPEN_TIMES_LIMIT = 12;

function html(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    // The token is in the URL: never sent to other sites; same-origin keeps the Origin header on our own forms.
    'referrer-policy': 'same-origin',
    ...headers,
  });
  res.end(body);
}

/** The request's cookies; one that is not valid percent-encoding (another site's on this host, or forged) is left out. */
function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    try {
      out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // not ours: ours are plain tokens
    }
  }
  return out;
}

/** The instant a form posted, only in the exact form the page wrote it (`toISOString`): "31 Nov" never rolls over to 1 Dec. */
function postedInstant(text: string | null): Date | null {
  if (!text) return null;
  const d = new Date(text);
  return !Number.isNaN(d.getTime()) && d.toISOString() === text ? d : null;
}

/** The form posted; null when it is not a form; `too_large` past MAX_BODY (our pages post a few hundred bytes). */
async function readForm(req: IncomingMessage): Promise<URLSearchParams | null | 'too_large'> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return null;
  const body = await readBody(req, MAX_BODY);
  return body.kind === 'too_large' ? 'too_large' : new URLSearchParams(body.bytes.toString('utf8'));
}

function sameValue(a: string | undefined | null, b: string | undefined | null): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** A POST that is not from our own page: another site's Origin, a cross-site fetch, or no matching CSRF token. */
function crossSite(req: IncomingMessage, form: URLSearchParams, publicBaseUrl: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return true;
    }
    const ours = new Set([req.headers.host, new URL(publicBaseUrl).host].filter(Boolean));
    if (!ours.has(host)) return true;
  } else if (origin === 'null') return true;
  return !sameValue(cookies(req)[COOKIE], form.get('csrf'));
}

export function manageRoutes(deps: { core: Core }): WebRoute[] {
  const { core } = deps;
  const secure = core.config.publicBaseUrl.startsWith('https:');
  /** Pages with no booking to read a language from (a forged link, a refused POST): the vendor's. */
  const vendorLang = resolveLang(core.config.vendor?.locale);
  const langOf = (r: { locale: string | null }): Lang => resolveLang(r.locale, vendorLang);

  function csrfFor(req: IncomingMessage): { value: string; header: Record<string, string> } {
    const existing = cookies(req)[COOKIE];
    if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return { value: existing, header: {} };
    const value = randomBytes(24).toString('base64url');
    return { value, header: { 'set-cookie': `${COOKIE}=${value}; Path=/m/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}` } };
  }

  async function open(token: string): Promise<OpenManageLinkResult | { kind: 'invalid_input' }> {
    return core.openManageLink({ token });
  }

  function problem(res: ServerResponse, r: { kind: string }): void {
    if (r.kind === 'expired') return html(res, 410, linkProblemPage(vendorLang, 'expired'));
    return html(res, 404, linkProblemPage(vendorLang, 'not_found'));
  }

  async function show(req: IncomingMessage, res: ServerResponse, token: string, said?: { tone: 'ok' | 'error'; text: string | ((lang: Lang) => string) }, code = 200): Promise<void> {
    const r = await open(token);
    if (r.kind !== 'manage') return problem(res, r);
    const status = said ? { tone: said.tone, text: typeof said.text === 'string' ? said.text : said.text(langOf(r)) } : undefined;
    const csrf = csrfFor(req);
    let slots: Array<{ startsAt: string; endsAt: string }> = [];
    const card = r.booking;
    if (r.canChange) {
      const now = core.clock.now();
      const found = await core.findOpenings({
        caller: r.caller,
        kind: card.kind,
        lengthMinutes: card.lengthMinutes,
        from: now,
        to: new Date(now.getTime() + OPEN_TIMES_DAYS * 86_400_000),
        limit: OPEN_TIMES_LIMIT,
      });
      if (found.kind === 'openings') slots = found.slots.filter((s) => s.startsAt !== card.startsAt);
    }
    html(res, code, managePage({ card, vendorName: r.vendorName, canChange: r.canChange, csrf: csrf.value, slots, base: `/m/${encodeURIComponent(token)}`, lang: langOf(r) }, status), csrf.header);
  }

  /** Checks the POST, then runs the change as the booker; answers with the page and what happened. */
  async function change(req: IncomingMessage & { params?: Record<string, string> }, res: ServerResponse, what: 'cancel' | 'reschedule'): Promise<void> {
    const token = req.params?.token ?? '';
    const form = await readForm(req);
    // Larger than any form of ours: not from the booking page either, said the same way.
    if (form === 'too_large') return html(res, 413, linkProblemPage(vendorLang, 'forbidden'), { connection: 'close' });
    if (!form || crossSite(req, form, core.config.publicBaseUrl)) return html(res, 403, linkProblemPage(vendorLang, 'forbidden'));
    const r = await open(token);
    if (r.kind !== 'manage') return problem(res, r);
    const zone = r.booking.zone;
    const L = langOf(r);
    const base = `/m/${encodeURIComponent(token)}`;
    if (what === 'cancel') {
      // The booking as the page showed it (its sequence): changed since (moved in chat), nothing is cancelled.
      const sequence = form.get('sequence');
      const c = await core.cancelBooking({ caller: r.caller, bookingId: r.booking.bookingId, ...(sequence && /^\d{1,9}$/.test(sequence) ? { expectedSequence: Number(sequence) } : {}) });
      switch (c.kind) {
        case 'cancelled':
          res.writeHead(303, { location: `${base}?done=cancelled`, 'cache-control': 'no-store' });
          return void res.end();
        case 'too_late':
          return show(req, res, token, { tone: 'error', text: ts(L, 'manage.tooLate', { what: 'cancel', time: at(L, c.cutoff, c.zone) }) }, 409);
        case 'not_active':
          return show(req, res, token, { tone: 'error', text: ts(L, 'manage.cannot', { what: 'cancel' }) }, 409);
        case 'changed':
          return show(req, res, token, { tone: 'error', text: ts(L, 'manage.changed') }, 409);
        default:
          return html(res, 404, linkProblemPage(L, 'not_found'));
      }
    }
    const startsAt = form.get('startsAt');
    const instant = postedInstant(startsAt);
    if (!startsAt || !instant) return show(req, res, token, { tone: 'error', text: ts(L, 'manage.pickFirst') }, 400);
    const m = await core.rescheduleBooking({ caller: r.caller, bookingId: r.booking.bookingId, startsAt: instant });
    switch (m.kind) {
      case 'rescheduled':
        res.writeHead(303, { location: `${base}?done=rescheduled`, 'cache-control': 'no-store' });
        return void res.end();
      case 'too_late':
        return show(req, res, token, { tone: 'error', text: ts(L, 'manage.tooLate', { what: 'reschedule', time: at(L, m.cutoff, m.zone) }) }, 409);
      case 'slot_taken':
      case 'outside_hours':
        return show(req, res, token, { tone: 'error', text: ts(L, 'manage.notFree', { time: at(L, startsAt, zone) }) }, 409);
      case 'not_active':
        return show(req, res, token, { tone: 'error', text: ts(L, 'manage.cannot', { what: 'reschedule' }) }, 409);
      case 'not_found':
      case 'not_allowed':
        return html(res, 404, linkProblemPage(L, 'not_found'));
      default:
        return show(req, res, token, { tone: 'error', text: ts(L, 'manage.cannotBook') }, 409);
    }
  }

  const DONE = new Set(['cancelled', 'rescheduled']);

  return [
    {
      method: 'GET',
      path: '/m/:token',
      async handler(req, res) {
        const done = new URL(req.url ?? '/', 'http://x').searchParams.get('done') ?? '';
        await show(req, res, req.params?.token ?? '', DONE.has(done) ? { tone: 'ok', text: (lang) => ts(lang, 'manage.done', { what: done }) } : undefined);
      },
    },
    { method: 'POST', path: '/m/:token/cancel', handler: (req, res) => change(req, res, 'cancel') },
    { method: 'POST', path: '/m/:token/reschedule', handler: (req, res) => change(req, res, 'reschedule') },
    {
      method: 'GET',
      path: '/m/:token/calendar.ics',
      async handler(req, res) {
        const r = await open(req.params?.token ?? '');
        if (r.kind !== 'manage' || !r.booking.startsAt) return problem(res, r.kind === 'manage' ? { kind: 'not_found' } : r);
        const gone = r.booking.status === 'cancelled' || r.booking.status === 'declined';
        const body = bookingIcs(core.config, r.booking, { method: gone ? 'CANCEL' : 'REQUEST', stamp: core.clock.now(), lang: langOf(r) });
        res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${r.booking.reference}.ics"`, 'cache-control': 'no-store' });
        res.end(body);
      },
    },
    {
      method: 'GET',
      path: '/cal/:file',
      async handler(req, res) {
        const file = req.params?.file ?? '';
        const r = file.endsWith('.ics') ? await core.readStaffFeed({ token: file.slice(0, -4) }) : { kind: 'not_found' as const };
        if (r.kind !== 'feed') {
          res.writeHead(404, { 'content-type': 'text/plain' });
          return void res.end('Not found');
        }
        res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'no-store' });
        res.end(feedIcs(core.config, r.staffName, r.bookings, core.clock.now(), vendorLang));
      },
    },
  ];
}
