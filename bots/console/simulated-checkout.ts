/**
 * The console's simulated checkout: online payment without a Stripe account. The console's core gets
 * a payment gateway that opens "checkouts" on a page the console itself serves (/checkout/<id>),
 * clearly labelled as simulated. Its Pay button hands core the same event the Stripe webhook does
 * (`checkout_completed`, through core.handlePaymentEvent): the held booking is confirmed, or the
 * suspension lifted, and the payment recorded. Cancel behaves like Stripe's: nothing is charged and
 * the time stays held until the hold ends (skip ahead to watch it end). No card data is asked for.
 */
import { sameOriginWrite } from './same-origin.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Core } from '../../core/index.js';
import type { Config } from '../../core/config/schema.js';
import type { CheckoutRequest, OpenedCheckout, PaymentGateway } from '../../core/ports/payments.js';
import type { Store } from '../../core/ports/store.js';
import type { Clock } from '../../core/ports/clock.js';
import type { WebRoute } from '../shared/web-routes.js';
import { hostName } from '../shared/web-server.js';
import { formatInstant } from '../../core/time/index.js';
import { duration, isLang, money, resolveLang, ts, type Lang } from '../shared/present/i18n.js';
import { cardKindName } from '../shared/present/booking.js';
import { languageOf } from '../../core/companies/set-language.js';

/** Checkout ids of the simulation: recognisable in the database and the audit. */
export const SIMULATED_PREFIX = 'sim_cs_';

/** The gateway core is given in console mode: the "hosted page" is the console's own /checkout/<id>. */
export function simulatedPayments(baseUrl: string | (() => string)): PaymentGateway {
  const base = () => (typeof baseUrl === 'string' ? baseUrl : baseUrl()).replace(/\/$/, '');
  return {
    provider: 'simulated',
    async openCheckout(req: CheckoutRequest): Promise<OpenedCheckout> {
      const id = `${SIMULATED_PREFIX}${randomBytes(12).toString('base64url')}`;
      // Like Stripe's `locale`: the page opens in the payer's language.
      return { id, url: `${base()}/checkout/${id}?lang=${resolveLang(req.locale)}` };
    },
  };
}

export interface CheckoutRouteDeps {
  core: Core;
  store: Store;
  config: Config;
  clock: Clock;
  /** Delivers what the payment queued (the confirmation) at once, as the console does after every action. */
  sweep: () => Promise<void>;
  /** The console's write token: the page's forms carry it. */
  token: string;
  allowHost: (host: string) => boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function page(res: ServerResponse, status: number, L: Lang, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
  res.end(checkoutShell(L, body));
}

/** The whole page around a body: the "simulated" banner on top, in the page's language. */
export function checkoutShell(L: Lang, body: string): string {
  return `<!doctype html><html lang="${L}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(ts(L, 'checkout.simTitle'))}</title>
<style>body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:32em;margin:1.5em auto;padding:0 1em;color:#1d1d1f;line-height:1.45}
.sim{background:#fff4ce;border:2px dashed #b58900;padding:.6em .8em;border-radius:6px;font-weight:600}
.box{border:1px solid #ddd;border-radius:8px;padding:1em;margin:1em 0}.amount{font-size:2em;font-weight:700;margin:.2em 0}
button{font-size:1em;padding:.7em 1.2em;border-radius:6px;border:0;margin:.3em .5em .3em 0;cursor:pointer}
.pay{background:#0b57d0;color:#fff}.cancel{background:#eee}.muted{color:#666;font-size:.9em}</style></head>
<body><p class="sim" role="note">${esc(ts(L, 'checkout.simNote'))}</p>
${body}
<p class="muted"><a href="/">${esc(ts(L, 'checkout.back'))}</a></p></body></html>`;
}

/** A titled page with one sentence. */
export const checkoutNotice = (L: Lang, title: 'checkout.notFoundTitle' | 'checkout.refusedTitle' | 'checkout.badTitle', body: 'checkout.notFoundBody' | 'checkout.refusedBody' | 'checkout.badBody') =>
  `<h1>${esc(ts(L, title))}</h1><p>${esc(ts(L, body))}</p>`;

export interface CheckoutView {
  status: 'open' | 'paid' | 'expired';
  purpose: 'session_fee' | 'reinstatement';
  what: string;
  amount: string;
  holdEnds: string | null;
}

/**
 * The page's language: the one the checkout was opened in (`?lang=`, the payer's, as core chose it),
 * else the booking member's, else the vendor's.
 */
async function viewOf(deps: CheckoutRouteDeps, id: string, asked: string | null): Promise<{ view: CheckoutView; lang: Lang } | null> {
  if (!id.startsWith(SIMULATED_PREFIX)) return null;
  const vendorLang = resolveLang(deps.config.vendor.locale);
  return deps.store.transaction(async (tx) => {
    const c = await tx.checkouts.get(id);
    if (!c) return null;
    let what: string;
    let holdEnds: string | null = null;
    let L: Lang = isLang(asked) ? asked : vendorLang;
    if (c.purpose === 'reinstatement') {
      const company = c.companyId ? await tx.companies.get(c.companyId) : null;
      what = company ? ts(L, 'checkout.reinstatement', { planKind: deps.config.fees.plan.kind, company: company.name }) : ts(L, 'checkout.fee', { planKind: deps.config.fees.plan.kind, purpose: c.purpose });
    } else {
      const b = c.bookingId ? await tx.bookings.get(c.bookingId) : null;
      const member = b ? await tx.members.get(b.memberId) : null;
      if (!isLang(asked)) L = resolveLang(languageOf(member), vendorLang);
      // Times in the payer's zone, as the chat shows them.
      const zone = member?.zone ?? deps.config.vendor.zone;
      const at = (d: Date) => formatInstant(d, zone, { locale: L });
      what = b
        ? ts(L, 'checkout.simSession', { name: cardKindName(L, { kind: b.kind, kindLabel: deps.config.sessionKinds[b.kind].label ?? null }), length: duration(L, b.lengthMinutes), when: b.startsAt ? at(b.startsAt) : null, reference: b.reference })
        : ts(L, 'checkout.fee', { planKind: deps.config.fees.plan.kind, purpose: c.purpose });
      holdEnds = at(new Date(c.createdAt.getTime() + deps.config.payment.holdMinutes * 60_000));
    }
    return { view: { status: c.status, purpose: c.purpose, what, amount: money(L, c.amountCents, c.currency), holdEnds }, lang: L };
  });
}

/** A sentence with one value in bold, wherever the language puts it. */
const bold = (sentence: string, value: string) => esc(sentence).replace(esc(value), `<strong>${esc(value)}</strong>`);

/** The checkout page's body for a checkout in this state (pure: the console test and the catalog test draw it). */
export function checkoutPage(L: Lang, id: string, v: CheckoutView, token: string, note: 'cancelled' | null): string {
  const head = `<div class="box"><div>${esc(v.what)}</div><div class="amount">${esc(v.amount)}</div>${v.purpose === 'session_fee' ? `<div class="muted">${esc(ts(L, 'price.notRefundable'))}</div>` : ''}</div>`;
  if (v.status === 'paid') return `${head}<h1>${esc(ts(L, 'checkout.paidTitle'))}</h1><p>${esc(ts(L, 'checkout.paidBody'))}</p>`;
  if (v.status === 'expired') return `${head}<h1>${esc(ts(L, 'checkout.expiredTitle'))}</h1><p>${esc(ts(L, 'checkout.expiredBody'))}</p>`;
  const said =
    note === 'cancelled'
      ? `<p><strong>${esc(ts(L, 'checkout.notCompleted'))}</strong> ${esc(ts(L, 'checkout.nothingCharged'))}${v.holdEnds ? ` ${esc(ts(L, 'checkout.stillHeld', { time: v.holdEnds }))}` : ''}</p>`
      : '';
  const hold = v.holdEnds ? `<p>${bold(ts(L, 'checkout.heldUntil', { time: v.holdEnds }), v.holdEnds)}</p>` : '';
  const form = (what: 'pay' | 'cancel', label: string, cls: string) =>
    `<form method="post" action="/checkout/${encodeURIComponent(id)}?lang=${L}" style="display:inline"><input type="hidden" name="token" value="${esc(token)}"><input type="hidden" name="do" value="${what}"><button class="${cls}" type="submit">${esc(label)}</button></form>`;
  return `${head}${said}${hold}${form('pay', ts(L, 'checkout.payButton', { amount: v.amount }), 'pay')}${form('cancel', ts(L, 'button.cancel'), 'cancel')}`;
}

const MAX_FORM = 4096;

async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_FORM) return null;
    chunks.push(c as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Only the console's own page may pay: a same-origin write with the page's token, to a known host. */
function postAllowed(req: IncomingMessage, given: string | null, deps: CheckoutRouteDeps): boolean {
  return deps.allowHost(hostName(req)) && sameOriginWrite(req, given, deps.token, deps.allowHost);
}

/** The `?lang=` a checkout link carries, if it names one of our languages. */
const askedLang = (req: IncomingMessage): string | null => new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang');

export function checkoutRoutes(deps: CheckoutRouteDeps): WebRoute[] {
  const vendorLang = resolveLang(deps.config.vendor.locale);
  const langOf = (req: IncomingMessage): Lang => {
    const asked = askedLang(req);
    return isLang(asked) ? asked : vendorLang;
  };
  const notFound = (req: IncomingMessage, res: ServerResponse) => page(res, 404, langOf(req), checkoutNotice(langOf(req), 'checkout.notFoundTitle', 'checkout.notFoundBody'));
  return [
    {
      method: 'GET',
      path: '/checkout/:id',
      async handler(req, res) {
        const id = req.params?.id ?? '';
        const found = await viewOf(deps, id, askedLang(req));
        if (!found) return notFound(req, res);
        const cancelled = new URL(req.url ?? '/', 'http://localhost').searchParams.has('cancelled');
        page(res, 200, found.lang, checkoutPage(found.lang, id, found.view, deps.token, cancelled ? 'cancelled' : null));
      },
    },
    {
      method: 'POST',
      path: '/checkout/:id',
      async handler(req, res) {
        const id = req.params?.id ?? '';
        const form = await readForm(req);
        if (!form || !postAllowed(req, form.get('token'), deps)) {
          return page(res, 403, langOf(req), checkoutNotice(langOf(req), 'checkout.refusedTitle', 'checkout.refusedBody'));
        }
        const action = form.get('do');
        if (action !== 'pay' && action !== 'cancel') return page(res, 400, langOf(req), checkoutNotice(langOf(req), 'checkout.badTitle', 'checkout.badBody'));
        const checkout = id.startsWith(SIMULATED_PREFIX) ? await deps.store.transaction((tx) => tx.checkouts.get(id)) : null;
        if (!checkout) return notFound(req, res);
        if (action === 'pay' && checkout.status === 'open') {
          // Exactly what the Stripe webhook hands core for checkout.session.completed.
          await deps.core.handlePaymentEvent({
            id: `sim_evt_${randomBytes(12).toString('base64url')}`,
            type: 'checkout_completed',
            providerType: 'checkout.session.completed',
            checkoutId: checkout.id,
            paymentId: `sim_pi_${randomBytes(12).toString('base64url')}`,
            amountCents: checkout.amountCents,
            currency: checkout.currency,
          });
          await deps.sweep();
        }
        // Cancel, as on Stripe: nothing happens to the hold; the page says so.
        // Back to the page, in the language it was shown in.
        const query = new URLSearchParams();
        if (action === 'cancel') query.set('cancelled', '1');
        if (isLang(askedLang(req))) query.set('lang', askedLang(req)!);
        res.writeHead(303, { location: `/checkout/${encodeURIComponent(id)}${query.size ? `?${query}` : ''}`, 'cache-control': 'no-store' });
        res.end();
      },
    },
  ];
}
