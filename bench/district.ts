import { createTRPCClient, httpLink } from '@trpc/client';
import { statSync } from 'node:fs';
import { tileAt } from '../geo/district/index.ts';
import { parseEstateGeoJSON } from '../geo/estate/index.ts';
import { FENGHE_PLAN, fengheCampaignPlan, generateCampaign, generateLayout } from '../geo/synthetic/index.ts';
import { importEstate } from '../server/import/import-estate.ts';
import type { AppRouter } from '../server/routers/_app.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { startTestServer, type TestServer } from '../tests/support/test-server.ts';
import { measure, summarise } from './measure.ts';

/**
 * SPEC §9's district: `estates` Fenghe-like estates on a 600 m grid, each with
 * its synthetic register and 60 days of events, imported through the same code
 * a committee's files use; then the subdistrict overview and one estate's map
 * over HTTP, and the overview drawn in headless Chromium.
 */
export async function districtScale(estates: number, runs: number, dialect: 'sqlite' | 'postgres' = 'sqlite', opts: { browser?: boolean } = {}) {
  const server = await startTestServer({ seed: false, dialect });
  try {
    const side = Math.ceil(Math.sqrt(estates));
    const loadStart = performance.now();
    let flats = 0;
    for (let e = 0; e < estates; e++) {
      const plan = {
        ...FENGHE_PLAN,
        name: `第${e + 1}小区`,
        doorPrefix: `街道${e + 1}村`,
        centre: [FENGHE_PLAN.centre[0] + (e % side) * 0.0063, FENGHE_PLAN.centre[1] + Math.floor(e / side) * 0.0054] as [number, number],
      };
      const fc = generateLayout(plan);
      const parsed = parseEstateGeoJSON(fc);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const campaign = generateCampaign({ ...fengheCampaignPlan(parsed.layout.stairwells.map((s) => s.doorNumber)), seed: 1000 + e });
      flats += campaign.register.length;
      await importEstate(server.db, { slug: plan.name, layout: parsed.layout, campaign, schematic: true });
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const dbBytes = await databaseBytes(server);

    const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc` })] });
    const overviewUrl = `${server.url}/api/district/overview.json`;
    const fetchOverview = async () => (await (await fetch(overviewUrl)).json()) as unknown;
    const overviewBytes = Buffer.byteLength(await (await fetch(overviewUrl)).text());
    // What a client pays: the request, the 2 MB body, and parsing it.
    const overview = await measure(`GET /api/district/overview.json (${estates} estates)`, runs, fetchOverview);
    // After a write (a household's status changes in one estate, as when a visit is recorded): only that estate is evaluated again.
    const [flat] = (await server.sql<{ id: number }>("SELECT id FROM flats WHERE status IN ('undecided', 'intent') ORDER BY id LIMIT 1")) as [{ id: number }];
    const cold = await measure(`GET /api/district/overview.json after a write (${estates} estates)`, runs, async () => {
      await server.sql("UPDATE flats SET status = CASE status WHEN 'undecided' THEN 'intent' ELSE 'undecided' END, version = version + 1 WHERE id = ?", flat.id);
      await fetchOverview();
    });
    // A browser revalidating an unchanged overview (the /district page every minute).
    const etag = (await fetch(overviewUrl)).headers.get('etag') ?? '';
    const revalidate = await measure(`GET /api/district/overview.json revalidated, unchanged (${estates} estates)`, runs, () => fetch(overviewUrl, { headers: { 'if-none-match': etag } }));
    // What /district now loads: the summary, then the tiles of its view (one estate at z14, the whole district at z11).
    const summary = await measure(`GET /api/district/summary.json (${estates} estates)`, runs, async () => (await fetch(`${server.url}/api/district/summary.json`)).json());
    const middleOfGrid: [number, number] = [FENGHE_PLAN.centre[0] + (side / 2) * 0.0063, FENGHE_PLAN.centre[1] + (side / 2) * 0.0054];
    const tileOf = (z: number) => `${z}/${tileAt(middleOfGrid, z).join('/')}`;
    const tileBytes: Record<string, number> = {};
    const tiles = [];
    for (const z of [11, 14]) {
      const url = `${server.url}/api/district/tiles/${tileOf(z)}.pbf`;
      tileBytes[`z${z}`] = (await (await fetch(url)).arrayBuffer()).byteLength;
      tiles.push(await measure(`GET /api/district/tiles/${tileOf(z)}.pbf (${estates} estates)`, runs, async () => (await fetch(url)).arrayBuffer()));
    }
    const middle = Math.ceil(estates / 2);
    const map = await measure(`tRPC estate.map (estate ${middle} of ${estates})`, runs, () => trpc.estate.map.query({ estateId: middle }));

    const draws: number[] = [];
    let drawn = 0;
    const browser = opts.browser === false ? null : await launchBrowser();
    if (browser) {
      try {
        for (let i = 0; i < 4; i++) {
          const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
          const page = await context.newPage();
          await page.goto(`${server.url}/district`);
          const r = await page.evaluate(async () => {
            while (!(window.liftmap?.idle() === true)) await new Promise((res) => requestAnimationFrame(res));
            return { ms: performance.now(), n: window.liftmap.renderedStairwellIds().length };
          });
          if (i > 0) draws.push(r.ms);
          drawn = r.n;
          await context.close();
        }
      } finally {
        await browser.close();
      }
    }
    return {
      dialect,
      estates,
      stairwells: estates * 80,
      flats,
      loadSeconds: Math.round(loadSeconds),
      databaseBytes: dbBytes,
      overview: { ...overview, payloadBytes: overviewBytes },
      overviewAfterWrite: cold,
      overviewRevalidated: revalidate,
      summary,
      tiles: tiles.map((t, i) => ({ ...t, payloadBytes: Object.values(tileBytes)[i] ?? 0 })),
      estateMap: map,
      districtPage: browser ? { ...summarise('/district navigation → map idle', draws), stairwellsRendered: drawn } : null,
    };
  } finally {
    await server.close();
  }
}

/** The database's size on disk: the SQLite file after a checkpoint, or PostgreSQL's own count of the database. */
export async function databaseBytes(server: TestServer): Promise<number> {
  if (server.file) {
    await server.sql('PRAGMA wal_checkpoint(TRUNCATE)');
    return statSync(server.file).size;
  }
  const [row] = await server.sql<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
  return Number(row!.bytes);
}
