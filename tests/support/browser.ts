import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless and offline-minded; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** Waits until the battle map has drawn its stairwells and gone idle. */
export async function waitForMapIdle(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(() => window.liftmap?.idle() === true, undefined, { timeout: timeoutMs, polling: 100 });
}
