import type { Browser, Download, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAP_PALETTE } from '../../geo/palette/index.ts';
import { waitForMapIdle } from '../support/browser.ts';
import { signInAs, type Client } from '../support/sign-in.ts';
import { stateFromDatabase } from '../support/history-sql.ts';
import { expectNoPersonalData } from '../support/personal-data.ts';
import { pdfPageTexts, printedSpelling } from '../support/pdf-text.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
let trpc: Client;
const ARTIFACTS = join(ROOT, 'tests', 'artifacts', 'present');
/** Everything /present read from the server during these tests. */
const wire: string[] = [];

serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(async () => {
  trpc = await signInAs(server.url, server.db, 'planner');
  // A saved plan, so the deck has its phasing and parking slides.
  await trpc.plan.save.mutate({ estateId: 1, name: '方案甲', params: await trpc.plan.defaults.query(), moves: [] });
  mkdirSync(ARTIFACTS, { recursive: true });
});

const SLIDES = ['today', 'progress', 'replay', 'closest', 'phasing', 'parking', 'people', 'next'];

async function openPresent(hash = '', viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  page.on('response', (r) => {
    if (r.url().includes('/trpc/')) wire.push(r.url(), '');
    if (r.url().includes('/trpc/')) void r.text().then((t) => wire.push(t), () => undefined);
  });
  await page.goto(`${server.url}/present${hash}`);
  await page.getByTestId('present-stage').waitFor();
  return page;
}

const slideOf = (page: Page) => page.getByTestId('present-stage').getAttribute('data-slide');

async function saved(download: Download, name: string): Promise<Buffer> {
  const path = join(ARTIFACTS, name);
  copyFileSync(await download.path(), path);
  return readFileSync(path);
}

/** Pixels within 6 of a palette colour, per colour. */
function paletteHits(png: PNG, colours: string[]): number[] {
  const want = colours.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  const hits = colours.map(() => 0);
  for (let i = 0; i < png.data.length; i += 4 * 3) {
    want.forEach((c, k) => {
      if (Math.abs(png.data[i]! - c[0]!) <= 6 && Math.abs(png.data[i + 1]! - c[1]!) <= 6 && Math.abs(png.data[i + 2]! - c[2]!) <= 6) hits[k]!++;
    });
  }
  return hits;
}

describe('/present in Chromium', () => {
  it('turns slides with arrows, PageUp/PageDown, space, Home and End, and keeps the slide in the URL', async () => {
    const page = await openPresent();
    expect(await slideOf(page)).toBe('today');
    await expect(page.getByTestId('present-pager').textContent()).resolves.toBe(`1 / ${SLIDES.length}`);
    const seen = [await slideOf(page)];
    for (const key of ['PageDown', 'ArrowRight', ' ', 'ArrowDown', 'PageDown', 'ArrowRight', 'ArrowRight']) {
      await page.keyboard.press(key);
      seen.push(await slideOf(page));
    }
    expect(seen).toEqual(SLIDES);
    await page.keyboard.press('ArrowRight'); // past the end stays on the end
    expect(await slideOf(page)).toBe('next');
    expect(new URL(page.url()).hash).toBe(`#${SLIDES.length}`);
    await page.keyboard.press('PageUp');
    expect(await slideOf(page)).toBe('people');
    // The people behind the doors: branch work and promises in counts, never a name.
    await expect(page.getByTestId('branch-figures').textContent()).resolves.toMatch(/临时党支部\d+亮身份党员\d+1\+2\+N 服务队\d+/);
    await expect(page.getByTestId('promise-figures').textContent()).resolves.toContain('室外晾衣架');
    await page.keyboard.press('ArrowLeft');
    expect(await slideOf(page)).toBe('parking');
    await page.keyboard.press('ArrowLeft');
    expect(await slideOf(page)).toBe('phasing');
    await page.keyboard.press('Home');
    expect(await slideOf(page)).toBe('today');
    await page.keyboard.press('End');
    expect(await slideOf(page)).toBe('next');
    await expect(page.getByTestId('next-steps').textContent()).resolves.toMatch(/第 1 批计划 \d{4}-\d\d-\d\d 开工/);

    await page.goto(`${server.url}/present#3`);
    await page.getByTestId('present-stage').waitFor();
    expect(await slideOf(page)).toBe('replay');
    await page.close();
  });

  it('replays the map to the chosen day exactly as the database stood at its end', async () => {
    const replay = await trpc.history.replay.query({ estateId: 1 });
    const page = await openPresent('#3');
    await waitForMapIdle(page);
    const box = () => page.locator('.slide-replay .slide-map-box').boundingBox();
    const legendAt = async () => ({ items: await page.locator('.slide-replay .present-legend li').count(), box: await box() });
    const first = await legendAt();
    for (const k of [0, 20, replay.days.length - 1]) {
      const day = replay.days[k]!;
      await page.getByTestId('replay-slider').fill(String(k));
      await page.waitForFunction((date) => document.querySelector('[data-testid="replay-date"]')?.getAttribute('data-date') === date, day.date);
      await expect(page.getByTestId('replay-confirmed').textContent()).resolves.toBe(`${day.stairwellsConfirmed} / 80`);
      await expect(page.getByTestId('replay-rule-met').textContent()).resolves.toBe(`${day.stairwellsRuleMet}`);
      await expect(page.getByTestId('replay-signed').textContent()).resolves.toBe(`${day.flatsSigned.toLocaleString('en-US')} / 1,920`);
      const expected = await stateFromDatabase(server, day.date);
      const shown = await page.evaluate((ids) => ids.map((id) => window.liftmap!.stateOf('stairwells', id)?.color), [...expected.keys()]);
      expect(shown, day.date).toEqual([...expected.values()].map((s) => MAP_PALETTE[s.colorKey].color));
      // The legend lists the whole replay's colours from day 1: it never grows, the map never resizes.
      expect(await legendAt(), day.date).toEqual(first);
    }
    // The date is the largest thing on the slide.
    const size = await page.getByTestId('replay-date').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(72);

    await page.getByTestId('replay-slider').fill('0');
    await page.getByTestId('replay-play').click();
    await page.waitForFunction(() => Number(document.querySelector<HTMLInputElement>('[data-testid="replay-slider"]')!.value) >= 3);
    await page.getByTestId('replay-play').click();
    await page.close();
  });

  it('exports the slide as PNG at 1920×1080 and 3840×2160, map and figures drawn', async () => {
    const page = await openPresent('#1');
    await waitForMapIdle(page);
    for (const [button, width, height] of [['export-png', 1920, 1080], ['export-png-4k', 3840, 2160]] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
      expect(download.suggestedFilename()).toMatch(/^风荷苑-汇报-01-today(-4K)?\.png$/);
      const png = PNG.sync.read(await saved(download, download.suggestedFilename()));
      expect([png.width, png.height]).toEqual([width, height]);
      // The stairwells in their consent colours: a blank or black map has none of these.
      const hits = paletteHits(png, [MAP_PALETTE.p75.color, MAP_PALETTE.passed.color, MAP_PALETTE.consent_passed.color]);
      for (const h of hits) expect(h).toBeGreaterThan((width * height) / 3 / 4000);
    }
    await expect(page.getByTestId('export-status').textContent()).resolves.toContain('已导出');
    await page.close();
  });

  it('exports the whole deck as an A4 and an A3 landscape PDF, one page per slide, and comes back to the slide it was on', async () => {
    const page = await openPresent('#2');
    const replay = await trpc.history.replay.query({ estateId: 1 });
    // What the stage shows while it is drawn for paper: light, the replay at its last day, no controls.
    await page.evaluate(() => {
      const seen: { slide: string; background: string; date: string | null; controls: boolean }[] = [];
      (window as unknown as { printSeen: typeof seen }).printSeen = seen;
      setInterval(() => {
        const stage = document.querySelector<HTMLElement>('[data-testid="present-stage"]');
        if (stage?.dataset.print !== 'true') return;
        seen.push({
          slide: stage.dataset.slide ?? '',
          background: getComputedStyle(stage).backgroundColor,
          date: stage.querySelector('[data-testid="replay-date"]')?.getAttribute('data-date') ?? null,
          controls: stage.querySelector('[data-testid="replay-play"], [data-testid="replay-slider"]') !== null,
        });
      }, 20);
    });
    for (const [paper, box] of [['a4', [841.89, 595.28]], ['a3', [1190.55, 841.89]]] as const) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 80_000 }), page.getByTestId(`export-pdf-${paper}`).click()]);
      expect(download.suggestedFilename()).toBe(`风荷苑-汇报-${paper.toUpperCase()}.pdf`);
      const pdf = await saved(download, download.suggestedFilename());
      const text = pdf.toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      expect(text.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(SLIDES.length);
      const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(boxes).toHaveLength(SLIDES.length);
      for (const [w, h] of boxes) expect([Math.round(w! * 100) / 100, Math.round(h! * 100) / 100]).toEqual(box);
      // One print-resolution image per page.
      const widths = [...text.matchAll(/\/Subtype \/Image[\s\S]*?\/Width (\d+)/g)].map((m) => Number(m[1]));
      expect(widths).toHaveLength(SLIDES.length);
      for (const w of widths) expect(w).toBeGreaterThanOrEqual(paper === 'a4' ? 3300 : 4700);
    }
    const seen = await page.evaluate(() => (window as unknown as { printSeen: { slide: string; background: string; date: string | null; controls: boolean }[] }).printSeen);
    expect(new Set(seen.map((s) => s.slide))).toEqual(new Set(SLIDES));
    expect(new Set(seen.map((s) => s.background))).toEqual(new Set(['rgb(255, 255, 255)']));
    const replayed = seen.filter((s) => s.slide === 'replay');
    expect(new Set(replayed.map((s) => s.date))).toEqual(new Set([replay.days.at(-1)!.date]));
    expect(replayed.some((s) => s.controls)).toBe(false);
    // Back on screen: the dark stage again.
    await expect(page.getByTestId('present-stage').getAttribute('data-print')).resolves.toBe('false');
    expect(await slideOf(page)).toBe('progress');
    await page.close();
  });

  it('prints the deck one slide per landscape A4 page, a PDF whose text can be searched, and comes back to its slide', async () => {
    const page = await openPresent('#3');
    // Headless Chromium has no print dialog: the page's call is counted, then the page printed as "save as PDF" prints it.
    await page.evaluate(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => void ((window as unknown as { printCalls: number }).printCalls += 1);
    });
    const started = Date.now();
    await page.getByTestId('print-deck-button').click();
    await page.waitForFunction(() => (window as unknown as { printCalls: number }).printCalls === 1, undefined, { timeout: 60_000 });
    expect(await page.getByTestId('print-deck').getAttribute('data-pages')).toBe(String(SLIDES.length));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const seconds = (Date.now() - started) / 1000;
    writeFileSync(join(ARTIFACTS, '风荷苑-汇报-打印.pdf'), pdf);
    const texts = await pdfPageTexts(pdf);
    expect(texts).toHaveLength(SLIDES.length);
    // How the printed font spells these characters in a PDF's text (a page in a context of its own, as the helper needs).
    const context = await browser.newContext();
    const probe = await context.newPage();
    await probe.goto(`${server.url}/present`);
    const fold = await printedSpelling(probe, '风荷苑门洞征询进度加装电梯');
    await context.close();
    // Every page has text a reader can search: the estate's name and door numbers, not only pictures.
    for (const [i, text] of texts.entries()) {
      expect(text.length, `page ${i + 1}`).toBeGreaterThan(20);
      expect(fold(text), `page ${i + 1}`).toContain('风荷苑');
    }
    expect(texts.some((t) => /\d+号/.test(t))).toBe(true);
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(new Set(boxes.map((b) => b.join('x')))).toEqual(new Set(['842x595']));
    expectNoPersonalData(texts.join('\n'));
    writeFileSync(join(ARTIFACTS, 'present-print-seconds.txt'), `${seconds.toFixed(1)}\n`);
    // Back on screen: the dark stage, the slide it was on.
    await expect(page.getByTestId('present-stage').getAttribute('data-print')).resolves.toBe('false');
    expect(await slideOf(page)).toBe('replay');
    await page.screenshot({ path: join(ARTIFACTS, 'present-print-first-page.png'), clip: { x: 0, y: 0, width: 1920, height: 1080 } });
    await page.close();
  });

  for (const viewport of [{ width: 1920, height: 1080 }, { width: 3840, height: 2160 }]) {
    it(`fits the stage to a ${viewport.width}×${viewport.height} screen with slide text at meeting size and nothing cut off`, async () => {
      const page = await openPresent('#1', viewport);
      for (const slide of SLIDES) {
        expect(await slideOf(page)).toBe(slide);
        if (await page.locator('.present-stage .battle-map').count()) await waitForMapIdle(page);
        const report = await page.evaluate(() => {
          const stage = document.querySelector<HTMLElement>('.present-stage')!;
          const box = stage.getBoundingClientRect();
          const scale = box.width / 1920;
          const problems: string[] = [];
          let smallest = Infinity;
          for (const el of stage.querySelectorAll<HTMLElement>('h2, p, li, dt, dd, th, td, button, b, span, strong')) {
            if (!el.textContent?.trim() || el.closest('.chart')) continue;
            const r = el.getBoundingClientRect();
            if (r.width === 0) continue;
            smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
            if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) problems.push(`${el.textContent} outside the slide`);
            if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow === 'hidden') problems.push(`${el.textContent} cut off`);
            // Clipped by a parent that hides overflow.
            for (let p = el.parentElement; p && p !== stage; p = p.parentElement) {
              if (getComputedStyle(p).overflow !== 'hidden') continue;
              const pr = p.getBoundingClientRect();
              // An inline box is as tall as its font's glyphs, taller than its line: check it across only.
              const inline = getComputedStyle(el).display === 'inline';
              if ((!inline && r.bottom > pr.bottom + 1) || r.right > pr.right + 1) problems.push(`${el.textContent} clipped`);
              break;
            }
          }
          return { scale, smallest, problems, slide: stage.dataset.slide };
        });
        expect(report.problems, `${report.slide} at ${viewport.width}`).toEqual([]);
        expect(report.smallest, report.slide).toBeGreaterThanOrEqual(28);
        await page.keyboard.press('PageDown');
      }
      await page.screenshot({ path: join(ARTIFACTS, `next-${viewport.width}.png`) });
      await page.close();
    });
  }

  it('reads nothing personal from the server', () => {
    expect(wire.length).toBeGreaterThan(0);
    expectNoPersonalData(wire.join('\n'));
  });
});
