import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../server/routers/_app.ts';
import type { TestServer } from '../tests/support/test-server.ts';
import { measure } from './measure.ts';

/** Median and p99 latency of the battle map's endpoints over loopback, with payload sizes. */
export async function httpLatency(server: TestServer, runs: number) {
  const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc` })] });
  let geojsonBytes = 0;
  let mapBytes = 0;
  const geojson = await measure('GET /api/estates/1/stairwells.geojson', runs, async () => {
    const res = await fetch(`${server.url}/api/estates/1/stairwells.geojson`);
    geojsonBytes = (await res.arrayBuffer()).byteLength;
  });
  const map = await measure('tRPC estate.map', runs, async () => {
    const data = await trpc.estate.map.query({ estateId: 1 });
    mapBytes = Buffer.byteLength(JSON.stringify({ result: { data } }));
  });
  const detail = await measure('tRPC stairwell.detail', runs, () => trpc.stairwell.detail.query({ stairwellId: 40 }));
  return [
    { ...geojson, payloadBytes: geojsonBytes },
    { ...map, payloadBytes: mapBytes },
    detail,
  ];
}
