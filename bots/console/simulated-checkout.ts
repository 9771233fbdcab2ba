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
import { money as moneyIn } from '../shared/present/i18n.js';
import { cardKindName } from '../shared/present/booking.js';

const at = (d: Date, zone: string) => formatInstant(d, zone);
const money = (cents: number, currency: string) => moneyIn('en', cents, currency);

/** Checkout ids of the simulation: recognisable in the database and the audit. */
export const SIMULATED_PREFIX = 'sim_cs_';

/** The gateway core is given in console mode: the "hosted page" is the console's own /checkout/<id>. */
export function simulatedPayments(baseUrl: string | (() => string)): PaymentGateway {
  const base = () => (typeof baseUrl === 'string' ? baseUrl : baseUrl()).replace(/\/$/, '');
  return {
    provider: 'simulated',
    async openCheckout(_req: CheckoutRequest): Promise<OpenedCheckout> {
      const id = `${SIMULATED_PREFIX}${randomBytes(12).toString('base64url')}`;
      return { id, url: `${base()}/checkout/${id}` };
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

function page(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Simulated checkout · Slotkeeper console</title>
<style>body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:32em;margin:1.5em auto;padding:0 1em;color:#1d1d1f;line-height:1.45}
.sim{background:#fff4ce;border:2px dashed #b58900;padding:.6em .8em;border-radius:6px;font-weight:600}
.box{border:1px solid #ddd;border-radius:8px;padding:1em;margin:1em 0}.amount{font-size:2em;font-weight:700;margin:.2em 0}
button{font-size:1em;padding:.7em 1.2em;border-radius:6px;border:0;margin:.3em .5em .3em 0;cursor:pointer}
.pay{background:#0b57d0;color:#fff}.cancel{background:#eee}.muted{color:#666;font-size:.9em}</style></head>
<body><p class="sim" role="note">SIMULATED CHECKOUT: no money moves and no card is asked for. This page stands in for Stripe Checkout in the console; with Stripe keys set, customers pay on Stripe's own page.</p>
${body}
<p class="muted"><a href="/">Back to the console</a></p></body></html>`);
}

interface View {
  status: 'open' | 'paid' | 'expired';
  purpose: 'session_fee' | 'reinstatement';
  what: string;
  amount: string;
  holdEnds: string | null;
}

/** The checkout as the page shows it, from the database (it survives a console restart). */
async function viewOf(deps: CheckoutRouteDeps, id: string): Promise<View | null> {
  if (!id.startsWith(SIMULATED_PREFIX)) return null;
  return deps.store.transaction(async (tx) => {
    const c = await tx.checkouts.get(id);
    if (!c) return null;
    const zone = deps.config.vendor.zone;
    let what: string;
    let holdEnds: string | null = null;
    if (c.purpose === 'reinstatement') {
      const company = c.companyId ? await tx.companies.get(c.companyId) : null;
      what = `Reinstatement of online session support${company ? ` for ${company.name}` : ''}`;
    } else {
      const b = c.bookingId ? await tx.bookings.get(c.bookingId) : null;
      const kind = b ? cardKindName('en', { kind: b.kind, kindLabel: deps.config.sessionKinds[b.kind].label ?? null }) : 'Session';
      what = b ? `${kind}, ${b.lengthMinutes} min${b.startsAt ? `, ${at(b.startsAt, zone)}` : ''} (booking ${b.reference})` : 'Session fee';
      holdEnds = at(new Date(c.createdAt.getTime() + deps.config.payment.holdMinutes * 60_000), zone);
    }
    return { status: c.status, purpose: c.purpose, what, amount: money(c.amountCents, c.currency), holdEnds };
  });
}

function checkoutPage(id: string, v: View, token: string, note: 'cancelled' | null): string {
  const head = `<div class="box"><div>${esc(v.what)}</div><div class="amount">${esc(v.amount)}</div>${v.purpose === 'session_fee' ? '<div class="muted">Paid sessions are not refundable.</div>' : ''}</div>`;
  if (v.status === 'paid') return `${head}<h1>Paid</h1><p>The payment is recorded (simulated: nothing was charged). The confirmation is in the console's chat.</p>`;
  if (v.status === 'expired') return `${head}<h1>This checkout has expired</h1><p>The hold ended and the time was released. Nothing was charged. Book again from the console's chat.</p>`;
  const said = note === 'cancelled' ? `<p><strong>Payment not completed.</strong> Nothing was charged.${v.holdEnds ? ` Your time stays held until ${esc(v.holdEnds)}; you can still pay until then.` : ''}</p>` : '';
  const hold = v.holdEnds ? `<p>Your time is held until <strong>${esc(v.holdEnds)}</strong> (simulated time). If payment has not arrived by then, the hold is released.</p>` : '';
  const form = (what: 'pay' | 'cancel', label: string, cls: string) =>
    `<form method="post" action="/checkout/${encodeURIComponent(id)}" style="display:inline"><input type="hidden" name="token" value="${esc(token)}"><input type="hidden" name="do" value="${what}"><button class="${cls}" type="submit">${esc(label)}</button></form>`;
  return `${head}${said}${hold}${form('pay', `Pay ${v.amount} (simulated)`, 'pay')}${form('cancel', 'Cancel', 'cancel')}`;
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

export function checkoutRoutes(deps: CheckoutRouteDeps): WebRoute[] {
  const notFound = (res: ServerResponse) => page(res, 404, '<h1>No such checkout</h1><p>This checkout does not exist. Book again from the console\'s chat.</p>');
  return [
    {
      method: 'GET',
      path: '/checkout/:id',
      async handler(req, res) {
        const id = req.params?.id ?? '';
        const v = await viewOf(deps, id);
        if (!v) return notFound(res);
        const cancelled = new URL(req.url ?? '/', 'http://localhost').searchParams.has('cancelled');
        page(res, 200, checkoutPage(id, v, deps.token, cancelled ? 'cancelled' : null));
      },
    },
    {
      method: 'POST',
      path: '/checkout/:id',
      async handler(req, res) {
        const id = req.params?.id ?? '';
        const form = await readForm(req);
        if (!form || !postAllowed(req, form.get('token'), deps)) {
          return page(res, 403, '<h1>Refused</h1><p>A payment can only be made from this checkout page itself. Open it again from the console\'s chat.</p>');
        }
        const action = form.get('do');
        if (action !== 'pay' && action !== 'cancel') return page(res, 400, '<h1>Bad request</h1><p>Press Pay or Cancel on the checkout page.</p>');
        const checkout = id.startsWith(SIMULATED_PREFIX) ? await deps.store.transaction((tx) => tx.checkouts.get(id)) : null;
        if (!checkout) return notFound(res);
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
        res.writeHead(303, { location: `/checkout/${encodeURIComponent(id)}${action === 'cancel' ? '?cancelled=1' : ''}`, 'cache-control': 'no-store' });
        res.end();
      },
    },
  ];
}
