import Database from 'better-sqlite3';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../../server/routers/_app.ts';
import { expectNoPersonalData } from '../support/personal-data.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

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

  it('carries no personal data', async () => {
    expectNoPersonalData(JSON.stringify(await trpc.estate.overview.query()));
  });
});
