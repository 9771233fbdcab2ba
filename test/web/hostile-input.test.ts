/**
 * Odd and hostile requests to the web routes, over HTTP on both databases: each gets a plain answer
 * (never a 5xx) and changes nothing it should not. NUL characters in a link (PostgreSQL cannot store
 * one), a cookie of another site that is not valid percent-encoding, a time in the reschedule form
 * that is not one the page offered, and bodies larger than the route takes.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { companyWithPlan, linkedCustomer } from '../support/core-harness.js';
import { startWebServer, type WebServer } from '../../bots/shared/web-server.js';
import { webRoutes } from '../../bots/shared/web-routes.js';
import { createLogger } from '../../bots/shared/logger.js';
import type { BookingCard } from '../../core/notifications/types.js';
import { START, book } from '../core/helpers.js';

forEachDatabase('hostile input to the web routes', (t) => {
  let web: WebServer;
  let base: string;
  let card: BookingCard;
  beforeEach(async () => {
    // Payments on, with a verifier that refuses every signature: the size check comes first.
    const payments = { verify: () => { throw new Error('no signature is valid here'); } };
    web = await startWebServer(webRoutes({ core: t.h.core, healthy: async () => true, payments }), { port: 0, logger: createLogger({ level: 'silent' }) });
    base = `http://127.0.0.1:${web.port}`;
    card = await book(t.h, await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h)), START);
  });
  afterEach(async () => web.close());

  const managePath = () => new URL(card.manageUrl!).pathname;
  const stored = () => t.db.prisma.booking.findUniqueOrThrow({ where: { id: card.bookingId } });
  /** The page's CSRF cookie and form value, as a browser would hold them after opening the link. */
  async function openPage(cookie?: string): Promise<{ status: number; csrf: string; cookie: string }> {
    const res = await fetch(`${base}${managePath()}`, cookie ? { headers: { cookie } } : {});
    const html = await res.text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const set = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    return { status: res.status, csrf, cookie: set };
  }
  const post = (path: string, cookie: string, form: Record<string, string>) =>
    fetch(`${base}${managePath()}/${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie },
      body: new URLSearchParams(form).toString(),
    });

  it('a NUL character in a manage, join or calendar link is "not found", not a server error', async () => {
    for (const path of ['/m/ab%00cd', '/m/ab%00cd/calendar.ics', '/j/ab%00cd', '/cal/ab%00cd.ics']) {
      const res = await fetch(`${base}${path}`);
      expect([path, res.status]).toEqual([path, 404]);
    }
    expect((await fetch(`${base}${managePath()}`)).status).toBe(200);
  });

  it('another site\'s cookie that is not valid percent-encoding is ignored: the page opens and the cancel works', async () => {
    const page = await openPage('theme=100%');
    expect(page.status).toBe(200);
    const res = await post('cancel', `_ga=50%; ${page.cookie}`, { csrf: page.csrf });
    expect(res.status).toBe(303);
    expect((await stored()).status).toBe('cancelled');
  });

  it('a time the page did not offer (31 November, a time without its zone) is asked for again and moves nothing', async () => {
    const page = await openPage();
    for (const startsAt of ['2026-11-31T16:00:00.000Z', '2026-12-02T15:00:00', 'tomorrow']) {
      const res = await post('reschedule', page.cookie, { csrf: page.csrf, startsAt });
      expect([startsAt, res.status]).toEqual([startsAt, 400]);
      expect(await res.text()).toContain('Pick one of the open times first.');
    }
    expect(await stored()).toMatchObject({ status: 'confirmed', startsAt: START });
    // a time the page offered still moves it
    const res = await post('reschedule', page.cookie, { csrf: page.csrf, startsAt: '2026-12-02T15:00:00.000Z' });
    expect(res.status).toBe(303);
    expect((await stored()).startsAt).toEqual(new Date('2026-12-02T15:00:00.000Z'));
  });

  it('a body larger than the route takes is answered 413 in plain words, after it was sent, and changes nothing', async () => {
    const hook = await fetch(`${base}/stripe/webhook`, { method: 'POST', headers: { 'stripe-signature': 't=1,v1=x' }, body: 'x'.repeat(3 * 1024 * 1024) });
    expect(hook.status).toBe(413);
    expect(await hook.json()).toEqual({ error: 'the body is over 1 MB' });
    const page = await openPage();
    const form = await post('cancel', page.cookie, { csrf: page.csrf, padding: 'x'.repeat(200 * 1024) });
    expect(form.status).toBe(413);
    expect(await form.text()).toContain('This request did not come from the booking page.');
    expect((await stored()).status).toBe('confirmed');
    expect((await fetch(`${base}${managePath()}`)).status).toBe(200);
  });
});
