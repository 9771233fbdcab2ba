/**
 * The self-service page behind a booking's link, in a real headless Chromium (Debian's `chromium`,
 * driven by playwright-core): view, cancel, reschedule, refused inside the change window with the cutoff
 * stated, expired and forged links, a cross-site POST refused, and a phone-sized screen. The same core
 * use cases as chat do the work, so the database and the outbox are checked too.
 * Skipped, with a message saying why, where Chromium or playwright-core is missing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ical from 'node-ical';
import { sqliteTestDb, type TestDatabase } from '../support/test-database.js';
import { harness, companyWithPlan, customer, linkedCustomer, staffAlice, type Harness } from '../support/core-harness.js';
import { startWebServer, type WebServer } from '../../bots/shared/web-server.js';
import { webRoutes } from '../../bots/shared/web-routes.js';
import { createLogger } from '../../bots/shared/logger.js';
import type { BookingCard } from '../../core/notifications/types.js';
import { chromiumMissing, sharedChromium } from '../support/chromium.js';

interface Locator {
  click(): Promise<void>;
  check(): Promise<void>;
  count(): Promise<number>;
  first(): Locator;
  textContent(): Promise<string | null>;
  getAttribute(name: string): Promise<string | null>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
}
interface Response {
  status(): number;
}
interface Page {
  goto(url: string): Promise<Response | null>;
  locator(selector: string): Locator;
  getByRole(role: 'button' | 'link', o: { name: string }): Locator;
  waitForURL(pattern: RegExp | string, o?: { timeout?: number }): Promise<void>;
  waitForLoadState(state?: 'load' | 'networkidle'): Promise<void>;
  evaluate<T>(fn: string): Promise<T>;
  url(): string;
  content(): Promise<string>;
  close(): Promise<void>;
}
interface Context {
  newPage(): Promise<Page>;
  clearCookies(): Promise<void>;
  close(): Promise<void>;
}
interface Browser {
  newContext(o?: { viewport?: { width: number; height: number }; isMobile?: boolean; hasTouch?: boolean }): Promise<Context>;
}
const missing = await chromiumMissing();
if (missing) console.warn(`[slotkeeper] self-service browser test SKIPPED: ${missing}.`);

const START = new Date('2026-12-01T20:00:00Z'); // Tue 1 Dec 15:00 New York; the cutoff is 13:55
const text = async (p: Page) => (await p.locator('body').textContent()) ?? '';

describe.skipIf(missing !== null)('the self-service page in headless Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  let db: TestDatabase;
  let h: Harness;
  let web: WebServer;
  let ctx: Context;
  let page: Page;
  let card: BookingCard;
  let base: string;

  beforeAll(async () => {
    // The worker's Chromium (test/support/chromium.ts), one context and page for the file: a new
    // context per test cost Chromium about twice the CPU of the visit itself. Each test starts with no
    // cookies (cookies do not tell ports apart, so the last test's CSRF cookie would reach this one's
    // server) and navigates the page itself.
    browser = await sharedChromium<Browser>();
    ctx = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    page = await ctx.newPage();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  beforeEach(async () => {
    db = await sqliteTestDb();
    h = harness(db);
    web = await startWebServer(webRoutes({ core: h.core, healthy: async () => true }), { port: 0, logger: createLogger({ level: 'silent' }) });
    base = `http://127.0.0.1:${web.port}`;
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h), 'America/Chicago');
    const r = await h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: START });
    if (r.kind !== 'booked') throw new Error(r.kind);
    card = r.booking;
    await ctx.clearCookies();
  });
  afterEach(async () => {
    await web.close();
    await db.close();
  });

  const pageUrl = () => `${base}${new URL(card.manageUrl!).pathname}`;
  const booking = () => db.prisma.booking.findUniqueOrThrow({ where: { id: card.bookingId } });
  const outboxTypes = async () => (await db.prisma.notification.findMany({ where: { bookingId: card.bookingId }, orderBy: { createdAt: 'asc' } })).map((n) => n.type);

  it('shows the booking in the booker\'s zone with the change window, the calendar file and open times', async () => {
    expect(card.manageUrl).toMatch(/^http:\/\/localhost:3000\/m\/[\w-]+$/);
    const res = await page.goto(pageUrl());
    expect(res!.status()).toBe(200);
    const body = await text(page);
    expect(body).toContain('Online session, 30 minutes');
    expect(body).toContain('Tue 1 Dec, 14:00–14:30 Chicago (15:00–15:30 New York)');
    expect(body).toContain('You can cancel or reschedule until Tue 1 Dec, 12:55 Chicago.');
    expect(body).toContain(card.reference);
    expect(await page.getByRole('button', { name: 'Cancel this session' }).count()).toBe(1);
    expect(await page.locator('input[name=startsAt]').count()).toBeGreaterThan(3);
    // the "Add to calendar" link serves the booking's calendar file
    const href = await page.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href');
    const ics = await (await fetch(`${base}${new URL(href!).pathname}`)).text();
    const ev = Object.values(ical.sync.parseICS(ics)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    expect(ev.uid).toBe(`${card.bookingId}@localhost`);
    expect(ev.start.toISOString()).toBe(START.toISOString());
  });

  it('cancels with a POST from the page, through core: the booking is cancelled and the confirmation queued', async () => {
    await page.goto(pageUrl());
    await page.getByRole('button', { name: 'Cancel this session' }).click();
    await page.waitForURL(/\?done=cancelled$/);
    const body = await text(page);
    expect(body).toContain('Your session is cancelled.');
    expect(body).toContain('Cancelled');
    expect(await page.getByRole('button', { name: 'Cancel this session' }).count()).toBe(0);
    expect((await booking()).status).toBe('cancelled');
    expect(await outboxTypes()).toEqual(expect.arrayContaining(['booking_cancelled', 'staff_booking_cancelled']));
    const audit = await db.prisma.auditEntry.findFirstOrThrow({ where: { entityId: card.bookingId, action: 'cancelled' } });
    expect(audit).toMatchObject({ actorKind: 'member', platform: 'slack' });
    // a GET never cancels anything: the cancel address takes POST only
    expect((await fetch(`${pageUrl()}/cancel`)).status).toBe(405);
  });

  it('a cancel from a page opened before the session was moved (in chat) cancels nothing, and shows it as it is now', async () => {
    await page.goto(pageUrl());
    expect(await text(page)).toContain('Tue 1 Dec, 14:00–14:30 Chicago');
    const caller = { platform: 'slack' as const, userId: 'U1' };
    expect((await h.core.rescheduleBooking({ caller, bookingId: card.bookingId, startsAt: new Date('2026-12-02T20:00:00Z') })).kind).toBe('rescheduled');
    await page.getByRole('button', { name: 'Cancel this session' }).click();
    await page.waitForLoadState('load');
    const body = await text(page);
    expect(body).toContain('This session changed after the page was opened, so nothing was cancelled. It is shown below as it is now.');
    expect(body).toContain('Wed 2 Dec, 14:00–14:30 Chicago');
    expect(await booking()).toMatchObject({ status: 'confirmed', startsAt: new Date('2026-12-02T20:00:00Z') });
    expect(await outboxTypes()).not.toContain('booking_cancelled');
    // The page now carries the booking as it is: its Cancel cancels.
    await page.getByRole('button', { name: 'Cancel this session' }).click();
    await page.waitForURL(/\?done=cancelled$/);
    expect((await booking()).status).toBe('cancelled');
  });

  it('reschedules to a chosen open time: same rules, new time, confirmation queued', async () => {
    await page.goto(pageUrl());
    const first = page.locator('input[name=startsAt]').first();
    const chosen = (await first.getAttribute('value'))!;
    await first.check();
    await page.getByRole('button', { name: 'Move my session' }).click();
    await page.waitForURL(/\?done=rescheduled$/);
    expect(await text(page)).toContain('Your session is moved.');
    const b = await booking();
    expect(b.startsAt!.toISOString()).toBe(chosen);
    expect(b.status).toBe('confirmed');
    expect(b.sequence).toBeGreaterThan(0);
    expect(await outboxTypes()).toContain('booking_rescheduled');
  });

  it('refuses inside 65 minutes with the cutoff stated, and offers no buttons once the window has closed', async () => {
    await page.goto(pageUrl());
    // the page was opened in time; the customer presses Cancel 60 minutes before the start
    h.clock.set(new Date(START.getTime() - 60 * 60_000));
    await page.getByRole('button', { name: 'Cancel this session' }).click();
    await page.waitForLoadState();
    const body = await text(page);
    expect(body).toContain('Too late to cancel online: changes were possible until Tue 1 Dec, 12:55 Chicago.');
    expect((await booking()).status).toBe('confirmed');
    expect(await page.getByRole('button', { name: 'Cancel this session' }).count()).toBe(0);
    await page.goto(pageUrl());
    expect(await text(page)).toContain('It is too close to the start to cancel or reschedule online: changes were possible until Tue 1 Dec, 12:55 Chicago.');
    expect(await page.locator('form').count()).toBe(0);
  });

  it('an expired link (the session is over) and a forged one are refused', async () => {
    h.clock.set(new Date(START.getTime() + 30 * 60_000));
    const expired = await page.goto(pageUrl());
    expect(expired!.status()).toBe(410);
    expect(await text(page)).toContain('This link has expired');
    const forged = await page.goto(`${base}/m/${'A'.repeat(43)}`);
    expect(forged!.status()).toBe(404);
    expect(await text(page)).toContain('Link not valid');
    // a forged token cannot cancel either
    expect((await fetch(`${base}/m/${'A'.repeat(43)}/cancel`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'csrf=x' })).status).toBe(403);
  });

  it('speaks the booking member\'s language: a German booker reads the page and the refusal in German, times in Berlin', async () => {
    const de = { ...customer('U2', 'Europe/Berlin'), locale: 'de-DE' };
    expect((await h.core.linkCompany({ caller: de, code: 'ACME-2026' })).kind).toBe('linked');
    const start = new Date('2026-12-02T15:00:00Z'); // Wed 2 Dec 16:00 Berlin, 10:00 New York
    const r = await h.core.bookSession({ caller: de, kind: 'phone', lengthMinutes: 30, startsAt: start });
    if (r.kind !== 'booked') throw new Error(r.kind);
    const url = `${base}${new URL(r.booking.manageUrl!).pathname}`;
    expect((await page.goto(url))!.status()).toBe(200);
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('de');
    const body = await text(page);
    expect(body).toContain('Crate Pro Support: Ihr Telefontermin');
    expect(body).toContain('Telefontermin, 30 Minuten');
    expect(body).toContain('Mi 2 Dez, 16:00–16:30 Berlin (10:00–10:30 New York)');
    expect(body).toContain('Gebucht');
    expect(body).toContain('Sie können bis Mi 2 Dez, 14:55 Berlin stornieren oder verschieben.');
    expect(body).not.toMatch(/\b(Cancel|Reschedule|Booked|Reference|Status)\b/);
    expect(await page.getByRole('button', { name: 'Meinen Termin verschieben' }).count()).toBe(1);
    // pressed 60 minutes before the start: refused in German, with the cutoff in Berlin time
    h.clock.set(new Date(start.getTime() - 60 * 60_000));
    await page.getByRole('button', { name: 'Diesen Termin stornieren' }).click();
    await page.waitForLoadState();
    expect(await text(page)).toContain('Zu spät, um online zu stornieren: Änderungen waren bis Mi 2 Dez, 14:55 Berlin möglich.');
    expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: r.booking.bookingId } })).status).toBe('confirmed');
  });

  it('follows the person\'s /language choice over their platform locale: an English-locale booker who chose Dutch reads Dutch', async () => {
    h.clock.set('2026-11-30T12:00:00Z');
    const nl = { ...customer('U3', 'Europe/Amsterdam'), locale: 'en-US' };
    expect((await h.core.linkCompany({ caller: nl, code: 'ACME-2026' })).kind).toBe('linked');
    expect((await h.core.setLanguage({ caller: nl, language: 'nl' })).kind).toBe('language_saved');
    const r = await h.core.bookSession({ caller: nl, kind: 'phone', lengthMinutes: 30, startsAt: new Date('2026-12-03T15:00:00Z') });
    if (r.kind !== 'booked') throw new Error(r.kind);
    expect((await page.goto(`${base}${new URL(r.booking.manageUrl!).pathname}`))!.status()).toBe(200);
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('nl');
    expect(await text(page)).not.toMatch(/\b(Cancel|Reschedule|Booked)\b/);
  });

  it('refuses a cross-site POST: another site\'s form that targets the cancel URL changes nothing', async () => {
    await page.goto(pageUrl()); // the person has the page open: the CSRF cookie is set
    const target = `${pageUrl()}/cancel`;
    const evil: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><form id="f" method="post" action="${target}"><input name="csrf" value="guess"></form><script>document.getElementById('f').submit()</script>`);
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (evil.address() as AddressInfo).port;
      await page.goto(`http://localhost:${port}/`);
      await page.waitForURL(/\/cancel$/);
      expect(await text(page)).toContain('Not accepted');
      expect((await booking()).status).toBe('confirmed');
    } finally {
      await new Promise<void>((r) => evil.close(() => r()));
    }
    // and a same-origin POST without the page's token is refused as well
    const noToken = await fetch(`${pageUrl()}/cancel`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'csrf=' });
    expect(noToken.status).toBe(403);
    expect((await booking()).status).toBe('confirmed');
  });

  it('fits a phone screen (360 px): no sideways scrolling, full-width buttons big enough to tap', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const p = await phone.newPage();
      await p.goto(pageUrl());
      expect(await p.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      const cancel = await p.getByRole('button', { name: 'Cancel this session' }).boundingBox();
      expect(cancel!.width).toBeGreaterThan(300);
      expect(cancel!.height).toBeGreaterThanOrEqual(44);
      const slot = await p.locator('.slots label').first().boundingBox();
      expect(slot!.x + slot!.width).toBeLessThanOrEqual(360);
    } finally {
      await phone.close();
    }
  });

  it('serves a staff member\'s private calendar feed until they revoke it', async () => {
    const r = await h.core.staffCalendarFeed({ caller: staffAlice });
    if (r.kind !== 'feed_url') throw new Error(r.kind);
    const path = new URL(r.url).pathname;
    expect(path).toMatch(/^\/cal\/[\w-]+\.ics$/);
    const feed = await (await fetch(`${base}${path}`)).text();
    const events = Object.values(ical.sync.parseICS(feed)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    expect(events.map((e) => e.uid)).toEqual([`${card.bookingId}@localhost`]);
    expect(feed).toContain('METHOD:PUBLISH');
    // the same URL again while it lives; a customer cannot get one
    expect(await h.core.staffCalendarFeed({ caller: staffAlice })).toMatchObject({ url: r.url, created: false });
    expect(await h.core.staffCalendarFeed({ caller: { platform: 'slack', userId: 'U1' } })).toEqual({ kind: 'not_allowed' });
    expect(await h.core.staffCalendarFeed({ caller: staffAlice, action: 'revoke' })).toEqual({ kind: 'feed_revoked', count: 1 });
    expect((await fetch(`${base}${path}`)).status).toBe(404);
  });
});
