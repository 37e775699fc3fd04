/** Saves screenshots of /wall for review: `npx tsx tests/browser/capture-wall.ts [out.png] [WxH] [path]`. */
import { launchBrowser, waitForMapIdle } from '../support/browser.ts';
import { startTestServer } from '../support/test-server.ts';

const [out = 'tests/artifacts/wall.png', size = '1920x1080', path = '/wall'] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number) as [number, number];
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('console', (m) => m.type() === 'error' && console.error('page:', m.text()));
  await page.goto(server.url + path);
  await waitForMapIdle(page);
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await server.close();
}
