/**
 * `npm run bench`: latency of the battle map's endpoints over HTTP on
 * loopback against a freshly seeded database; writes bench/reports/<date>.json
 * and bench/reports/latest.json.
 */
import { createTRPCClient, httpLink } from '@trpc/client';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '../server/routers/_app.ts';
import { ROOT, startTestServer } from '../tests/support/test-server.ts';
import { measure } from './measure.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const server = await startTestServer();
try {
  const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc` })] });
  let geojsonBytes = 0;
  let mapBytes = 0;
  const geojson = await measure('GET /api/estates/1/stairwells.geojson', RUNS, async () => {
    const res = await fetch(`${server.url}/api/estates/1/stairwells.geojson`);
    geojsonBytes = (await res.arrayBuffer()).byteLength;
  });
  const map = await measure('tRPC estate.map', RUNS, async () => {
    const data = await trpc.estate.map.query({ estateId: 1 });
    mapBytes = Buffer.byteLength(JSON.stringify({ result: { data } }));
  });
  const detail = await measure('tRPC stairwell.detail', RUNS, () => trpc.stairwell.detail.query({ stairwellId: 40 }));
  const report = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
    runs: RUNS,
    results: [
      { ...geojson, payloadBytes: geojsonBytes },
      { ...map, payloadBytes: mapBytes },
      detail,
    ],
  };
  const dir = join(ROOT, 'bench', 'reports');
  mkdirSync(dir, { recursive: true });
  const text = JSON.stringify(report, null, 2) + '\n';
  writeFileSync(join(dir, `${report.date.slice(0, 19).replace(/:/g, '')}.json`), text);
  writeFileSync(join(dir, 'latest.json'), text);
  for (const r of report.results)
    console.log(`${r.name.padEnd(42)} median ${r.medianMs.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms${'payloadBytes' in r ? `  ${(r.payloadBytes / 1024).toFixed(1)} KiB` : ''}`);
  console.log(`report: bench/reports/latest.json`);
} finally {
  await server.close();
}
