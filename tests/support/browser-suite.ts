import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/**
 * A browser test file's set-up, the same for every file: the real server on
 * a free loopback port with a fresh seeded database, and Chromium, started
 * side by side before the file's tests and closed after them. `use` hands
 * both to the file (set-up of its own follows in a later beforeAll).
 */
export function serverAndBrowser(use: (server: TestServer, browser: Browser) => void, options: { server?: Parameters<typeof startTestServer>[0]; chromium?: string[] } = {}): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [s, b] = await Promise.allSettled([startTestServer(options.server), launchBrowser(options.chromium)]);
    if (s.status === 'fulfilled') server = s.value;
    if (b.status === 'fulfilled') browser = b.value;
    if (s.status === 'rejected') throw s.reason;
    if (b.status === 'rejected') throw b.reason;
    use(server!, browser!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
