/**
 * The console in a real headless Chromium (Debian's `chromium`, driven by playwright-core): book in
 * plain language, confirm, skip ahead to the reminder, cancel; asserting what the page shows.
 * Skipped, with a message saying why, where Chromium or playwright-core is missing.
 * UPDATE_SCREENSHOT=1 also writes docs/console.png.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole, type RunningConsole } from './console-support.js';

/** The slice of playwright-core this test uses (typed here so typecheck passes without the package). */
interface Locator {
  filter(o: { hasText: string }): Locator;
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
  waitForSelector(selector: string, o?: { timeout?: number }): Promise<unknown>;
  waitForFunction(fn: string, arg?: unknown, o?: { timeout?: number }): Promise<unknown>;
  screenshot(o: { path: string; fullPage?: boolean }): Promise<unknown>;
}
interface Browser {
  newPage(o?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}
interface PlaywrightCore {
  chromium: { launch(o: { executablePath: string; headless: boolean; args?: string[] }): Promise<Browser> };
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const moduleName = 'playwright-core';
const playwright = (await import(moduleName).catch(() => null)) as PlaywrightCore | null;
const missing = !existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install -y chromium, or set CHROMIUM_PATH)` : !playwright ? 'playwright-core is not installed' : null;
if (missing) console.warn(`[slotkeeper] console browser test SKIPPED: ${missing}.`);

const docsPng = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'console.png');

describe.skipIf(missing !== null)('the console page in headless Chromium', () => {
  let c: RunningConsole;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    c = await runConsole();
    browser = await playwright!.chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await c?.stop();
    c?.remove();
  });

  const customerMessages = () => page.locator('[data-testid=customer-feed] [data-testid=message]');
  const staffMessages = () => page.locator('[data-testid=staff-feed] [data-testid=message]');
  const waitForText = (where: () => Locator, text: string) => where().filter({ hasText: text }).last().waitFor({ timeout: 10_000 });

  it('books, confirms, shows the reminder after skipping ahead, and cancels', async () => {
    await page.goto(c.console.url.replace('localhost', '127.0.0.1'));
    await page.waitForSelector('body[data-ready=true]', { timeout: 10_000 });
    expect(await page.locator('[data-testid=now]').textContent()).toBe('Mon 30 Nov, 09:00 New York');
    // The staff channel already shows the seeded no-shows of Cedar Pallets.
    await waitForText(staffMessages, 'Free sessions are now suspended');

    const input = page.locator('[data-testid=customer-input]');
    await input.fill('/book tomorrow 3pm');
    await input.press('Enter');
    await waitForText(customerMessages, 'Online session, 30 minutes: Tue 1 Dec, 15:00 Chicago.');
    await customerMessages().filter({ hasText: 'Press Confirm to book it.' }).last().getByRole('button', { name: 'Confirm', exact: true }).click();

    await waitForText(customerMessages, 'Your session is booked.');
    const confirmation = customerMessages().filter({ hasText: 'Your session is booked.' }).last();
    expect(await confirmation.textContent()).toContain('You can cancel or reschedule until Tue 1 Dec, 13:55 Chicago.');
    expect(await confirmation.locator('button').allTextContents()).toEqual(['Join', 'Reschedule', 'Cancel']);
    expect(await confirmation.locator('a').first().textContent()).toMatch(/^http:\/\/localhost:3000\/j\//);

    await page.getByRole('button', { name: 'to the next reminder' }).click();
    await page.waitForFunction("document.querySelector('[data-testid=now]').textContent === 'Mon 30 Nov, 16:00 New York'", undefined, { timeout: 10_000 });
    await waitForText(customerMessages, 'Reminder: your session starts in 24 hours.');
    const shot = process.env.UPDATE_SCREENSHOT ? docsPng : path.join(mkdtempSync(path.join(tmpdir(), 'slotkeeper-shot-')), 'console.png');
    await page.screenshot({ path: shot });
    expect(existsSync(shot)).toBe(true);

    await customerMessages().filter({ hasText: 'Reminder: your session starts in 24 hours.' }).last().getByRole('button', { name: 'Cancel', exact: true }).click();
    await waitForText(customerMessages, 'Cancel your Online session on Tue 1 Dec, 15:00–15:30 Chicago');
    await customerMessages().filter({ hasText: 'Cancel your Online session' }).last().getByRole('button', { name: 'Yes, cancel' }).click();
    await waitForText(customerMessages, 'is cancelled. Keep this message: it is your confirmation.');
    await waitForText(staffMessages, 'Cancelled by the customer');
    // The reminder's buttons are gone, as Slack edits its messages.
    expect(await customerMessages().filter({ hasText: 'Reminder: your session starts in 24 hours.' }).last().locator('button').allTextContents()).toEqual([]);

  });
});
