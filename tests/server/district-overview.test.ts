import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEstateFile } from '../../server/import/import-estate-file.ts';
import type { DistrictOverview } from '../../server/queries/district-overview.ts';
import type { AppRouter } from '../../server/routers/_app.ts';
import { readRegisterFile } from '../../server/register/read-register-file.ts';
import { expectNoPersonalData } from '../support/personal-data.ts';
import { ROOT, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let trpc: ReturnType<typeof createTRPCClient<AppRouter>>;
beforeAll(async () => {
  server = await startTestServer();
  trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc` })] });
});
afterAll(() => server.close());

const fetchOverview = async () => {
  const res = await fetch(`${server.url}/api/district/overview.json`);
  expect(res.status).toBe(200);
  return (await res.json()) as DistrictOverview;
};

describe('GET /api/district/overview.json', () => {
  it('aggregates each estate like its own map, and follows every write, from this server or another process', async () => {
    const [overview, map] = await Promise.all([fetchOverview(), trpc.estate.map.query({ estateId: 1 })]);
    expect(overview.estates).toHaveLength(1);
    expect(overview.estates[0]!.headline).toEqual(map.headline);
    expect(overview.stairwells.features).toHaveLength(80);
    expect(overview.total.flatsSigned).toBe(map.headline.flatsSigned);

    const [flat] = (await server.sql<{ id: number }>("SELECT id FROM flats WHERE status = 'unvisited' ORDER BY id LIMIT 1")) as [{ id: number }];
    await server.sql("UPDATE flats SET status = 'signed' WHERE id = ?", flat.id);
    expect((await fetchOverview()).total.flatsSigned).toBe(map.headline.flatsSigned + 1);

    // A CLI import or restore writes through its own connection.
    await server.sqlElsewhere("UPDATE flats SET status = 'unvisited' WHERE id = ?", flat.id);
    expect((await fetchOverview()).total.flatsSigned).toBe(map.headline.flatsSigned);
  });

  it('follows a write in one estate of several, and leaves the others as their own maps show them', async () => {
    const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'import', name));
    const read = await readRegisterFile(fixture('register.csv'), 'register.csv');
    if (!read.ok) throw new Error(read.problems.map((p) => p.en).join('\n'));
    const created = await importEstateFile(server.db, { geojson: JSON.parse(fixture('valid.geojson').toString('utf8')), register: read.rows, from: 'wgs84', reference: null, now: new Date() });
    if (created.kind !== 'created') throw new Error('expected a new estate');
    const pilot = created.estateId;

    const before = await fetchOverview();
    expect(before.estates.map((e) => e.name)).toEqual(['风荷苑', '试点小区']);
    expect(before.stairwells.features.filter((f) => f.properties.estateId === pilot)).toHaveLength(7);
    const pilotBefore = before.estates[1]!.headline;
    expect(pilotBefore.flatsSigned).toBe(56);

    // Every household of the pilot estate's 1单元 turns against, through another connection; then 风荷苑 changes a stage.
    await server.sqlElsewhere("UPDATE flats SET status = 'opposed' WHERE stairwell_id = (SELECT id FROM stairwells WHERE estate_id = ? AND door_number = '试点路1号1单元')", pilot);
    const [passed] = (await server.sql<{ id: number }>("SELECT id FROM stairwells WHERE estate_id = 1 AND stage = 'consent_passed' ORDER BY id LIMIT 1")) as [{ id: number }];
    await server.sql("UPDATE stairwells SET stage = 'agreement_signed' WHERE id = ?", passed.id);

    const after = await fetchOverview();
    const [fenghe, pilotMap] = await Promise.all([trpc.estate.map.query({ estateId: 1 }), trpc.estate.map.query({ estateId: pilot })]);
    expect(after.estates.map((e) => e.headline)).toEqual([fenghe.headline, pilotMap.headline]);
    expect(after.estates[1]!.headline).toMatchObject({ flatsSigned: 48, });
    expect(after.estates[1]!.headline.campaign.ruleMet + after.estates[1]!.headline.campaign.confirmed).toBe(pilotBefore.campaign.ruleMet + pilotBefore.campaign.confirmed - 1);
    const colour = (o: typeof after, id: number) => o.stairwells.features.find((f) => f.id === id)?.properties.colorKey;
    expect(colour(before, passed.id)).toBe('consent_passed');
    expect(colour(after, passed.id)).toBe('agreement_signed');
    for (const f of pilotMap.layers.stairwells.features) expect(colour(after, f.properties.id)).toBe(f.properties.colorKey);
  });

  it('answers an unchanged overview with 304 Not Modified, and a changed one in full', async () => {
    const first = await fetch(`${server.url}/api/district/overview.json`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-z]+-[\w-]{16}"$/);
    expect((await fetch(`${server.url}/api/district/overview.json`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    await server.sql('UPDATE flats SET residents = residents + 1 WHERE id = 1');
    const changed = await fetch(`${server.url}/api/district/overview.json`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('carries no personal data', async () => {
    expectNoPersonalData(await (await fetch(`${server.url}/api/district/overview.json`)).text());
  });
});
