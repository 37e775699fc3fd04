import { chromium, type Browser, type Page } from 'playwright-core';
import { addUser } from '../../server/auth/manage-users.ts';
import type { Db } from '../../server/db/open-database.ts';
import type { Role } from '../../geo/access/roles.ts';
import { sessionCookieFor } from './sign-in.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless and offline-minded; never a downloaded browser. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', ...extraArgs],
  });
}

/**
 * Waits until an async check in the page (IndexedDB, the service worker) is true.
 * `page.waitForFunction` does not await a promise: an async predicate counts as
 * true at once, which let the offline test reload before the copies it waited for were stored.
 */
export async function waitInPage(page: Page, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate(check))) {
    if (Date.now() > until) throw new Error(`waited ${timeoutMs} ms in the page for: ${check.toString().slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the battle map has drawn its stairwells and gone idle. */
export async function waitForMapIdle(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(() => window.liftmap?.idle() === true, undefined, { timeout: timeoutMs, polling: 100 });
}

/** A page signed in as a new planner (a session cookie set before the first load), for staff screens such as /plan. */
export async function plannerPage(browser: Browser, url: string, db: Db, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  return await staffPage(browser, url, db, 'planner', `planner-${Math.random().toString(36).slice(2, 8)}`, viewport);
}

/** A page of a new account with `role`, signed in through auth.login (its own browser context). */
export async function staffPage(browser: Browser, url: string, db: Db, role: Role, username: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const [name, value] = (await sessionCookieFor(url, username, await addUser(db, username, role))).split('=');
  const context = await browser.newContext({ viewport });
  await context.addCookies([{ name: name!, value: value!, url }]);
  return context.newPage();
}

/** A voter's finger across the signature pad of the open visit form: a wavy stroke of 30 points. */
export async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.5);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(box.x + box.width * (0.1 + (0.8 * i) / 30), box.y + box.height * (0.5 + 0.3 * Math.sin(i / 3)));
  await page.mouse.up();
}
