/**
 * A local fake of the Stripe API on 127.0.0.1: enough of /v1/checkout/sessions for the real `stripe`
 * SDK (pointed here with its host/port/protocol options). Records every request (form-decoded).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeStripe {
  port: number;
  /** Checkout Sessions created, by id, with the decoded form fields. */
  sessions: Map<string, Record<string, string>>;
  /** The next create answers this HTTP status (e.g. 500) instead. */
  failNext(status: number): void;
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const sessions = new Map<string, Record<string, string>>();
  let seq = 0;
  let fail: number | null = null;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const send = (status: number, obj: object) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${seq}` });
        res.end(JSON.stringify(obj));
      };
      if (!/^Bearer sk_test_/.test(req.headers.authorization ?? '')) return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
        if (fail !== null) {
          const status = fail;
          fail = null;
          return send(status, { error: { type: 'api_error', message: 'fake failure' } });
        }
        const form = Object.fromEntries(new URLSearchParams(body));
        const id = `cs_test_${++seq}`;
        sessions.set(id, form);
        return send(200, {
          id, object: 'checkout.session', mode: 'payment', status: 'open', payment_status: 'unpaid',
          url: `https://checkout.stripe.test/c/pay/${id}`,
          amount_total: Number(form['line_items[0][price_data][unit_amount]']), currency: form['line_items[0][price_data][currency]'],
          client_reference_id: form.client_reference_id ?? null, expires_at: Number(form.expires_at),
        });
      }
      send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${req.url})` } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    sessions,
    failNext: (status) => void (fail = status),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
