import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/browser-suite.ts';
import { staffPage } from '../support/browser.ts';
import type { TestServer } from '../support/test-server.ts';

let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));

describe('a tab says which estate and which screen it is', () => {
  it('titles every screen with the estate (or the stairwell) and the screen, in the screen’s language', async () => {
    const [s] = await server.sql<{ id: number; door: string }>("SELECT id, door_number AS door FROM stairwells WHERE stage = 'consent_passed' ORDER BY id LIMIT 1");
    const page = await staffPage(browser, server.url, server.db, 'planner', 'titles');
    const expected: [string, string][] = [
      ['/wall', '风荷苑 · 作战图大屏 · 加梯作战图'],
      ['/admin', '风荷苑 · 工作台 · 加梯作战图'],
      ['/plan', '风荷苑 · 施工分期 · 加梯作战图'],
      ['/plan?view=parking', '风荷苑 · 停车安排 · 加梯作战图'],
      ['/plan?view=programme', '风荷苑 · 施工计划 · 加梯作战图'],
      ['/present', '风荷苑 · 动员会演示 · 加梯作战图'],
      ['/district', '街道总览 · 加梯作战图'],
      [`/papers/${s!.id}/result`, `风荷苑 ${s!.door} · 征询结果公告 · 加梯作战图`],
      [`/stairwell/${s!.id}`, `风荷苑 ${s!.door} · 门洞公示 · 加梯作战图`],
    ];
    for (const [path, title] of expected) {
      await page.goto(`${server.url}${path}`);
      await page.waitForFunction((t) => document.title === t, title, { timeout: 15_000 }).catch(() => undefined);
      expect(await page.title(), path).toBe(title);
    }
    await page.close();
  });
});
