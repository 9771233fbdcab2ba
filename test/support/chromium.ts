/**
 * One headless Chromium per test worker, shared by the browser suites (the console page, the
 * self-service page): each suite opens its own context or page and closes it; the browser is closed
 * when the worker exits (playwright-core ends the browsers it launched). Starting Chromium costs
 * about a second of CPU, once instead of once per suite.
 * Resolves to null when Chromium or playwright-core is missing, with the reason.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const moduleName = 'playwright-core';

interface Launcher<B> {
  chromium: { launch(o: { executablePath: string; headless: boolean; args?: string[] }): Promise<B> };
}

let launched: Promise<unknown> | null = null;

/** Why the browser suites cannot run here, or null. */
export async function chromiumMissing(): Promise<string | null> {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  return (await import(moduleName).catch(() => null)) ? null : 'playwright-core is not installed';
}

/** The worker's browser, typed by the suite with the slice of playwright-core it uses. */
export function sharedChromium<B>(): Promise<B> {
  launched ??= (async () => {
    const playwright = (await import(moduleName)) as Launcher<B>;
    return playwright.chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
  })();
  return launched as Promise<B>;
}
