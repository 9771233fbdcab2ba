/**
 * The console in a real headless Chromium (Debian's `chromium`, driven by playwright-core), playing
 * README's story from a fresh database as a newcomer would, whatever the real day: started on a Friday
 * at 22:00 and on a Sunday, the first step reaches a confirmation. Mid-story the server restarts and the
 * page finds the clock and the feed where they were; "+1 hour" skips across a session show the
 * reminder, the cutoff notice and the no-show close in order, each at its own time. At 390 px wide the
 * panes become tabs. Skipped, with a message saying why, where Chromium or playwright-core is missing.
 * UPDATE_SCREENSHOT=1 also writes docs/console.png and docs/console-narrow.png.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole, type RunningConsole } from './console-support.js';
import { chromiumMissing, sharedChromium } from '../support/chromium.js';
import { runFolder } from '../support/run-folders.js';

/** The slice of playwright-core this test uses (typed here so typecheck passes without the package). */
interface Locator {
  filter(o: { hasText: string | RegExp }): Locator;
  isVisible(): Promise<boolean>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  count(): Promise<number>;
  last(): Locator;
  first(): Locator;
  getByRole(role: 'button', o: { name: string; exact?: boolean }): Locator;
  locator(selector: string): Locator;
  click(): Promise<void>;
  fill(text: string): Promise<void>;
  press(key: string): Promise<void>;
  textContent(): Promise<string | null>;
  allTextContents(): Promise<string[]>;
  waitFor(o?: { state?: 'visible' | 'attached'; timeout?: number }): Promise<void>;
}
interface Page extends Pick<Locator, 'getByRole' | 'locator'> {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  close(): Promise<void>;
  waitForSelector(selector: string, o?: { timeout?: number }): Promise<unknown>;
  waitForFunction(fn: string, arg?: unknown, o?: { timeout?: number }): Promise<unknown>;
  screenshot(o: { path: string; fullPage?: boolean }): Promise<unknown>;
}
interface Browser {
  newPage(o?: { viewport?: { width: number; height: number } }): Promise<Page>;
}
const missing = await chromiumMissing();
if (missing) console.warn(`[slotkeeper] console browser test SKIPPED: ${missing}.`);

const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');
/** docs/ when asked, else a folder of this run's (removed when the run ends: test/support/run-folders.ts). */
const shotPath = (name: string) => (process.env.UPDATE_SCREENSHOT ? path.join(docs, name) : path.join(runFolder('slotkeeper-test-'), name));
/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string) => {
  const b = readFileSync(file);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

/** Real times a newcomer might start at: the simulated clock must still open on a working morning. */
const FRIDAY_NIGHT = '2026-11-28T03:00:00Z'; // Fri 27 Nov, 22:00 New York
const SUNDAY = '2026-11-29T17:00:00Z'; // Sun 29 Nov, 12:00 New York

/** The worker's Chromium (test/support/chromium.ts); each story closes the pages it opened. */
const launch = () => sharedChromium<Browser>();

/** The helpers every story uses, on one page. */
function pageHelpers(page: () => Page) {
  const customerMessages = () => page().locator('[data-testid=customer-feed] [data-testid=message]');
  const staffMessages = () => page().locator('[data-testid=staff-feed] [data-testid=message]');
  const waitForText = (where: () => Locator, text: string | RegExp) => where().filter({ hasText: text }).last().waitFor({ timeout: 15_000 });
  const now = () => page().locator('[data-testid=now]').textContent();
  const waitForNow = (text: string) => page().waitForFunction(`document.querySelector('[data-testid=now]').textContent === ${JSON.stringify(text)}`, undefined, { timeout: 15_000 });
  const type = async (text: string) => {
    const input = page().locator('[data-testid=customer-input]');
    await input.fill(text);
    await input.press('Enter');
  };
  /** README's first step: type the command, press Confirm, see the confirmation. */
  const firstStep = async () => {
    await type('/book tomorrow 3pm');
    await waitForText(customerMessages, 'When: Tue 1 Dec, 15:00 Chicago (16:00 New York)');
    await customerMessages().filter({ hasText: 'Online session, 30 minutes' }).last().getByRole('button', { name: 'Confirm', exact: true }).click();
    await waitForText(customerMessages, 'Your session is booked.');
  };
  const open = async (url: string) => {
    await page().goto(url.replace('localhost', '127.0.0.1'));
    await page().waitForSelector('body[data-ready=true]', { timeout: 15_000 });
  };
  return { customerMessages, staffMessages, waitForText, now, waitForNow, type, firstStep, open };
}

describe.skipIf(missing !== null)('the console page in headless Chromium: README\'s story started on a Sunday', () => {
  let c: RunningConsole;
  let browser: Browser;
  let page: Page;
  const h = pageHelpers(() => page);

  beforeAll(async () => {
    c = await runConsole({ now: SUNDAY });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await page?.close();
    await c?.stop();
    c?.remove();
  });

  it('opens on Monday morning, books, confirms, shows the reminder after skipping ahead, and cancels', async () => {
    await h.open(c.console.url);
    expect(await h.now()).toBe('Mon 30 Nov, 09:00 New York');
    expect(await page.locator('[data-testid=note]').textContent()).toBe('Simulated time starts at a working morning, Mon 30 Nov, 09:00 New York, so "/book tomorrow 3pm" finds staff at work whatever the real day.');
    expect(await page.locator('[data-testid=customer-situation]').textContent()).toBe('Acme Crating: maintenance plan, sessions are free. Times in America/Chicago.');
    // The staff channel already shows the seeded no-shows of Cedar Pallets.
    await h.waitForText(h.staffMessages, 'Free sessions are now suspended');

    await h.firstStep();
    const confirmation = h.customerMessages().filter({ hasText: 'Your session is booked.' }).last();
    expect(await confirmation.textContent()).toContain('You can cancel or reschedule until Tue 1 Dec, 13:55 Chicago.');
    expect(await confirmation.locator('button').allTextContents()).toEqual(['Reschedule', 'Cancel', 'Add to calendar']);
    expect(await confirmation.locator('a.button').allTextContents()).toEqual(['Join', 'Manage booking']);
    expect(await confirmation.locator('a').first().textContent()).toMatch(/^http:\/\/localhost:3000\/j\//);

    await page.getByRole('button', { name: 'to the next reminder' }).click();
    await h.waitForNow('Mon 30 Nov, 16:00 New York');
    await h.waitForText(h.customerMessages, 'Reminder: your session starts in 24 hours.');
    const shot = shotPath('console.png');
    await page.screenshot({ path: shot });
    expect(pngSize(shot)).toEqual({ width: 1440, height: 900 });

    await h.customerMessages().filter({ hasText: 'Reminder: your session starts in 24 hours.' }).last().getByRole('button', { name: 'Cancel', exact: true }).click();
    await h.waitForText(h.customerMessages, 'Cancel your online session on Tue 1 Dec, 15:00–15:30 Chicago');
    await h.customerMessages().filter({ hasText: 'Cancel your online session' }).last().getByRole('button', { name: 'Yes, cancel' }).click();
    await h.waitForText(h.customerMessages, 'Keep this message: it is your confirmation.');
    await h.waitForText(h.staffMessages, 'Cancelled by the customer');
    // The reminder's buttons are gone, as Slack edits its messages: it says why.
    await h.waitForText(h.customerMessages, 'This session was cancelled, so these buttons were removed.');
    expect(await h.customerMessages().filter({ hasText: 'This session was cancelled, so these buttons were removed.' }).first().locator('button').allTextContents()).toEqual([]);
  });
});

describe.skipIf(missing !== null)('the console page in headless Chromium: README\'s story started on a Friday at 22:00', () => {
  let c: RunningConsole;
  let browser: Browser;
  let page: Page;
  const h = pageHelpers(() => page);

  beforeAll(async () => {
    c = await runConsole({ now: FRIDAY_NIGHT });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await page?.close();
    await c?.stop();
    c?.remove();
  });

  it('reaches a confirmation at the first step, on Monday morning', async () => {
    await h.open(c.console.url);
    expect(await h.now()).toBe('Mon 30 Nov, 09:00 New York');
    await h.firstStep();
    await page.getByRole('button', { name: 'to the next reminder' }).click();
    await h.waitForNow('Mon 30 Nov, 16:00 New York');
    await h.waitForText(h.customerMessages, 'Reminder: your session starts in 24 hours.');
  });

  it('restarts the server mid-story and finds the clock and the feed where they were', async () => {
    const before = { now: await h.now(), customer: await h.customerMessages().allTextContents(), staff: await h.staffMessages().allTextContents() };
    const port = c.console.port;
    await c.stop();
    // Started again a day later in real time, on the same database and address.
    c = await runConsole({ dir: c.dir, now: '2026-11-29T03:00:00Z', port });
    await page.reload();
    await page.waitForSelector('body[data-ready=true]', { timeout: 15_000 });
    expect(await h.now()).toBe(before.now);
    expect(await page.locator('[data-testid=note]').textContent()).toBe('Simulated time resumed where this database left off: Mon 30 Nov, 16:00 New York.');
    expect(await h.customerMessages().allTextContents()).toEqual(before.customer);
    expect(await h.staffMessages().allTextContents()).toEqual(before.staff);
    // The session is still ahead, with its Cancel button; new replies land at the bottom.
    expect(await h.customerMessages().filter({ hasText: 'Reminder: your session starts in 24 hours.' }).last().locator('button').allTextContents()).toEqual(['Reschedule', 'Cancel', 'Add to calendar']);
    await h.type('/sessions');
    await h.waitForText(h.customerMessages, 'Your upcoming sessions');
    const texts = await h.customerMessages().allTextContents();
    expect(texts.slice(0, before.customer.length)).toEqual(before.customer);
  });

  it('skips "+1 hour" across the session: the reminder, the cutoff notice and the no-show close, in order, each at its own time', async () => {
    // Up to Tue 12:00 New York (nothing happens before), then an hour at a time past the close.
    for (let i = 0; i < 20; i++) await c.api('POST', '/api/skip', { to: 'plus60', pane: 'customer', user: 'ana' });
    await page.reload();
    await page.waitForSelector('body[data-ready=true]', { timeout: 15_000 });
    expect(await h.now()).toBe('Tue 1 Dec, 12:00 New York');
    const seen = await h.customerMessages().count();
    for (const next of ['13:00', '14:00', '15:00', '16:00', '17:00']) {
      await page.getByRole('button', { name: '+1 hour' }).click();
      await h.waitForNow(`Tue 1 Dec, ${next} New York`);
    }
    await h.waitForText(h.customerMessages, 'Nobody from your company joined online');
    const metas = await h.customerMessages().locator('.meta').allTextContents();
    const texts = await h.customerMessages().locator('.text').allTextContents();
    const later = texts.slice(seen).map((t, i) => `${metas[seen + i]} | ${t}`);
    expect(later).toEqual([
      // the 2-hour reminder as it reads once the session closed (edited, as Slack edits it)
      expect.stringMatching(/^Slotkeeper · Tue 1 Dec, 13:00 Chicago \| 🔒 Online session \(30 minutes\) with Alice Moreno.*This session is over, so these buttons were removed\./),
      expect.stringMatching(/^Slotkeeper · Tue 1 Dec, 15:10 Chicago \| 🚪 Your online session on Tue 1 Dec, 15:00–15:30 Chicago was closed\./),
    ]);
    await h.waitForText(h.staffMessages, 'No-show closed: Ana Ruiz');
    const staffMeta = await h.staffMessages().filter({ hasText: 'No-show closed: Ana Ruiz' }).last().locator('.meta').textContent();
    expect(staffMeta).toBe('Slotkeeper · Tue 1 Dec, 16:10 New York');
    // The line under the customer pane follows: Acme Crating now has a no-show.
    await page.waitForFunction(`document.querySelector('[data-testid=customer-situation]').textContent.includes('no-shows 1 of 2')`, undefined, { timeout: 15_000 });
  });

  it('at 390 px wide shows one pane at a time, switched with tabs, the feed using most of the height', async () => {
    const narrow = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await narrow.goto(c.console.url.replace('localhost', '127.0.0.1'));
      await narrow.waitForSelector('body[data-ready=true]', { timeout: 15_000 });
      expect(await narrow.locator('[data-testid=tab-customer]').isVisible()).toBe(true);
      expect(await narrow.locator('[data-testid=customer-feed]').isVisible()).toBe(true);
      expect(await narrow.locator('[data-testid=staff-feed]').isVisible()).toBe(false);
      const feed = (await narrow.locator('[data-testid=customer-feed]').boundingBox())!;
      expect(feed.width).toBeGreaterThan(340);
      expect(feed.height).toBeGreaterThan(844 * 0.4);
      const shot = shotPath('console-narrow.png');
      await narrow.screenshot({ path: shot });
      expect(pngSize(shot)).toEqual({ width: 390, height: 844 });
      await narrow.locator('[data-testid=tab-staff]').click();
      expect(await narrow.locator('[data-testid=staff-feed]').isVisible()).toBe(true);
      expect(await narrow.locator('[data-testid=customer-feed]').isVisible()).toBe(false);
      expect((await narrow.locator('[data-testid=staff-feed]').boundingBox())!.height).toBeGreaterThan(844 * 0.4);
    } finally {
      await narrow.close();
    }
  });
});
