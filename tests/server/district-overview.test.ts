import Database from 'better-sqlite3';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEstateFile } from '../../server/import/import-estate-file.ts';
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

describe('estate.overview over tRPC', () => {
  it('aggregates each estate like its own map, and follows every write, from this server or another process', async () => {
    const [overview, map] = await Promise.all([trpc.estate.overview.query(), trpc.estate.map.query({ estateId: 1 })]);
    expect(overview.estates).toHaveLength(1);
    expect(overview.estates[0]!.headline).toEqual(map.headline);
    expect(overview.stairwells.features).toHaveLength(80);
    expect(overview.total.flatsSigned).toBe(map.headline.flatsSigned);

    const flat = server.sqlite.prepare("SELECT id FROM flats WHERE status = 'unvisited' LIMIT 1").get() as { id: number };
    server.sqlite.prepare("UPDATE flats SET status = 'signed' WHERE id = ?").run(flat.id);
    expect((await trpc.estate.overview.query()).total.flatsSigned).toBe(map.headline.flatsSigned + 1);

    // A CLI import or restore writes through its own connection.
    const other = new Database(server.sqlite.name);
    other.prepare("UPDATE flats SET status = 'unvisited' WHERE id = ?").run(flat.id);
    other.close();
    expect((await trpc.estate.overview.query()).total.flatsSigned).toBe(map.headline.flatsSigned);
  });

  it('follows a write in one estate of several, and leaves the others as their own maps show them', async () => {
    const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'import', name));
    const read = await readRegisterFile(fixture('register.csv'), 'register.csv');
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const created = importEstateFile(server.db, { geojson: JSON.parse(fixture('valid.geojson').toString('utf8')), register: read.rows, from: 'wgs84', reference: null, now: new Date() });
    if (created.kind !== 'created') throw new Error('expected a new estate');
    const pilot = created.estateId;

    const before = await trpc.estate.overview.query();
    expect(before.estates.map((e) => e.name)).toEqual(['风荷苑', '试点小区']);
    expect(before.stairwells.features.filter((f) => f.properties.estateId === pilot)).toHaveLength(7);
    const pilotBefore = before.estates[1]!.headline;
    expect(pilotBefore.flatsSigned).toBe(56);

    // Every household of the pilot estate's 1单元 turns against, through another connection; then 风荷苑 changes a stage.
    const other = new Database(server.sqlite.name);
    other
      .prepare("UPDATE flats SET status = 'opposed' WHERE stairwell_id = (SELECT id FROM stairwells WHERE estate_id = ? AND door_number = '试点路1号1单元')")
      .run(pilot);
    other.close();
    const passed = server.sqlite.prepare("SELECT id FROM stairwells WHERE estate_id = 1 AND stage = 'consent_passed' LIMIT 1").get() as { id: number };
    server.sqlite.prepare("UPDATE stairwells SET stage = 'agreement_signed' WHERE id = ?").run(passed.id);

    const after = await trpc.estate.overview.query();
    const [fenghe, pilotMap] = await Promise.all([trpc.estate.map.query({ estateId: 1 }), trpc.estate.map.query({ estateId: pilot })]);
    expect(after.estates.map((e) => e.headline)).toEqual([fenghe.headline, pilotMap.headline]);
    expect(after.estates[1]!.headline).toMatchObject({ flatsSigned: 48, stairwellsPassed: pilotBefore.stairwellsPassed - 1 });
    const colour = (o: typeof after, id: number) => o.stairwells.features.find((f) => f.id === id)?.properties.colorKey;
    expect(colour(before, passed.id)).toBe('consent_passed');
    expect(colour(after, passed.id)).toBe('agreement_signed');
    for (const f of pilotMap.layers.stairwells.features) expect(colour(after, f.properties.id)).toBe(f.properties.colorKey);
  });

  it('carries no personal data', async () => {
    expectNoPersonalData(JSON.stringify(await trpc.estate.overview.query()));
  });
});
