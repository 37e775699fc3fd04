/**
 * `npm run bench [-- section ...]`: sections `http`, `live`, `phasing`, `parking`, `client`, `evidence`, `district`, `lifecycle`, `databases`, `city`, `chaos`, `writes` (default: all).
 * `databases` starts a throwaway PostgreSQL cluster (Debian's postgresql) and measures SQLite and PostgreSQL side by side at
 * BENCH_ESTATES (100) estates; `city` measures two app servers on one PostgreSQL, then BENCH_CITY_ESTATES (1,000) estates (~20 min).
 * Writes bench/reports/<time>.json and bench/reports/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createRng, FENGHE_PLAN, generateLayout, phasingInputFromLayout } from '../geo/synthetic/index.ts';
import { shanghaiIso } from '../geo/time/index.ts';
import { DEFAULT_PLAN_PARAMS } from '../server/planning/plan-params.ts';
import { phasingInputFor } from '../server/planning/phasing-input.ts';
import { ROOT, startTestServer } from '../tests/support/test-server.ts';
import { replayFrames } from './client.ts';
import { clientSideBySide } from './client-field.ts';
import { ensureClientBuilt } from '../server/build/client-build.ts';
import { startPgCluster } from '../tests/support/pg-cluster.ts';
import { districtScale } from './district.ts';
import { evidenceCost } from './evidence.ts';
import { chaos } from './chaos.ts';
import { lifecycleScale } from './lifecycle.ts';
import { writesSideBySide } from './writes.ts';
import { httpLatency } from './http.ts';
import { liveLatency, liveTwoServers, liveUnderLoad } from './live.ts';
import { parkingComparison, parkingMovesBetweenPhases, parkingTimes } from './parking.ts';
import { againstNaive, optimalityGap, runningTimes } from './phasing.ts';

const wanted = new Set(process.argv.slice(2));
const kibText = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
const run = (section: string) => wanted.size === 0 || wanted.has(section);
/** The bench's own clock: the report's date and the day the demo history is anchored to. */
const startedAt = new Date();
const report: Record<string, unknown> = {
  date: startedAt.toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
};

// The client as npm start would serve it, built before any server here reads its files.
await ensureClientBuilt(ROOT, join(ROOT, 'dist', 'client'), (line) => console.log(line));
// The seeded history ends yesterday, so the wall's week (leaderboard, feed) has entries.
const server = await startTestServer({ anchorDay: shanghaiIso(startedAt).slice(0, 10) });
try {
  if (run('http')) {
    const results = await httpLatency(server, Number(process.env.BENCH_RUNS ?? 200));
    report.http = results;
    for (const r of results)
      console.log(`${r.name.padEnd(42)} median ${r.medianMs.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms${'payloadBytes' in r ? `  ${(r.payloadBytes / 1024).toFixed(1)} KiB` : ''}`);
  }
  if (run('live')) {
    const live = await liveLatency(server, 50);
    console.log(`${live.name}: median ${live.medianMs.toFixed(1)} ms, p99 ${live.p99Ms.toFixed(1)} ms, max ${live.maxMs.toFixed(1)} ms`);
    const load = await liveUnderLoad({ walls: 20, writers: Number(process.env.BENCH_WRITERS ?? 200), probes: 60 });
    console.log(
      `${load.name}: median ${load.medianMs.toFixed(1)} ms, p99 ${load.p99Ms.toFixed(1)} ms, max ${load.maxMs.toFixed(1)} ms; acknowledged → heard median ${load.fromAck.medianMs.toFixed(1)} ms, p99 ${load.fromAck.p99Ms.toFixed(1)} ms; ${load.paced.writes} writes at ${load.paced.writesPerSecond}/s; capacity ${load.saturated.writesPerSecond} writes/s back to back; every wall heard every write: ${load.everyWallHeardAll}`,
    );
    report.live = { idle: live, underLoad: load };
  }
  if (run('phasing')) {
    const fenghe = (await phasingInputFor(server.db, 1, { ...DEFAULT_PLAN_PARAMS, crews: 6 }, startedAt)).input;
    const synthetic = phasingInputFromLayout(generateLayout(FENGHE_PLAN), createRng(7), { crews: 6, phaseDays: 70, maxParkingLossPerPhase: 12, maxReadyDay: 120 });
    const naive = [againstNaive('Fenghe register (stairwells that passed or still can)', fenghe), againstNaive('Fenghe layout, random weights and ready days', synthetic)];
    for (const n of naive)
      console.log(`planner vs naive, ${n.name}: Σw·C ${n.planner.weightedCompletion} vs ${n.naive.weightedCompletion} (${n.weightedWaitingSavedPercent}% less), peak parking ${n.planner.peakParkingLost} vs ${n.naive.peakParkingLost}`);
    const times = await runningTimes({ 1: 30, 10: 10, 100: 5 });
    for (const t of times) console.log(`${t.name.padEnd(42)} median ${t.medianMs.toFixed(1)} ms  p99 ${t.p99Ms.toFixed(1)} ms`);
    const gap = await optimalityGap([10, 16, 24], [1, 2, 3], Number(process.env.BENCH_MILP_SECONDS ?? 120));
    console.log(`optimality gap vs HiGHS: mean ${gap.meanGapPercent}%, max ${gap.maxGapPercent}% over ${gap.provedOptimal} proved optima; planner infeasible ${gap.plannerInfeasible}`);
    report.phasing = { againstNaive: naive, runningTimes: times, optimalityGap: gap };
  }
  if (run('parking')) {
    const comparison = await parkingComparison(server.db);
    for (const c of comparison)
      console.log(`parking ${c.name}: served ${c.served.optimal} vs greedy ${c.served.greedy}, walking ${c.totalWalkM.optimal} m vs ${c.totalWalkM.greedy} m`);
    const times = await parkingTimes();
    for (const t of times) console.log(`${t.name.padEnd(48)} median ${t.medianMs.toFixed(1)} ms  p99 ${t.p99Ms.toFixed(1)} ms`);
    const moves = await parkingMovesBetweenPhases(server.db, startedAt);
    console.log(`parking moves between phases (Fenghe default plan): ${moves.kept.moves} keeping spaces vs ${moves.afresh.moves} solving each phase afresh (phase 1: ${moves.kept.firstPhaseMoves} vs ${moves.afresh.firstPhaseMoves}); served ${moves.kept.servedEveryState.join('/')} vs ${moves.afresh.servedEveryState.join('/')}`);
    report.parking = { optimalVsGreedy: comparison, runningTimes: times, movesBetweenPhases: moves };
  }
  if (run('client')) {
    // Side by side: the commit "In the field" started from and this checkout, each built and started as npm start runs it.
    const baseline = process.env.BENCH_CLIENT_BASELINE ?? '6bf4ea5';
    const sides = await clientSideBySide(baseline, Number(process.env.BENCH_LOADS ?? 5));
    for (const [side, r] of Object.entries(sides)) {
      const b = r.wall.firstLoadUntilMapDrawn!;
      console.log(`${side}: /wall map drawn median ${r.wall.mapDrawn.medianMs.toFixed(0)} ms (min ${r.wall.mapDrawn.minMs.toFixed(0)}, max ${r.wall.mapDrawn.maxMs.toFixed(0)}), everything drawn median ${r.wall.allDrawn.medianMs.toFixed(0)} ms`);
      console.log(`${side}: /wall until its map is drawn: ${b.requests} files, ${b.transferredKiB} KiB over the wire, ${b.gzipKiB} KiB gzip, ${b.brotliKiB} KiB brotli; /canvass ${r.canvass.firstLoad.transferredKiB} KiB over the wire (${r.canvass.firstLoad.gzipKiB} gzip, ${r.canvass.firstLoad.brotliKiB} brotli)`);
      console.log(`${side}: stage change → recoloured on an open wall median ${r.recolour.medianMs.toFixed(0)} ms, p99 ${r.recolour.p99Ms.toFixed(0)} ms over ${r.recolour.runs}`);
      console.log(`${side}: district tile again median ${r.tiles.again.medianMs.toFixed(1)} ms; first after a write median ${r.tiles.afterWrite.medianMs.toFixed(1)} ms, p99 ${r.tiles.afterWrite.p99Ms.toFixed(1)} ms`);
      console.log(`${side}: /present A4 PDF exported in ${(r.presentPdf.ms / 1000).toFixed(1)} s (${kibText(r.presentPdf.bytes)})`);
      if (r.presentPrint) console.log(`${side}: /present printed deck (searchable text): print dialog after ${(r.presentPrint.readyMs / 1000).toFixed(1)} s, PDF saved after ${(r.presentPrint.withPdfMs / 1000).toFixed(1)} s (${kibText(r.presentPrint.bytes)})`);
    }
    const replay = await replayFrames(server, 60);
    console.log(`${replay.frame.name}: median ${replay.frame.medianMs.toFixed(1)} ms, p99 ${replay.frame.p99Ms.toFixed(1)} ms, max ${replay.frame.maxMs.toFixed(1)} ms (${replay.changes} colour changes); redraw without change median ${replay.repaint.medianMs.toFixed(1)} ms`);
    report.client = { baseline, sides, replay };
  }
  if (run('evidence')) {
    // After the client section: it signs flats, which would change the walls it measures.
    const e = await evidenceCost(server, Number(process.env.BENCH_EVIDENCE_RUNS ?? 30));
    for (const r of e.recordVisit) console.log(`${r.name.padEnd(42)} median ${r.medianMs.toFixed(1)} ms  p99 ${r.p99Ms.toFixed(1)} ms`);
    console.log(`evidence stored per vote: ${Object.entries(e.storedBytesPerVote).map(([m, b]) => `${m} ${(b / 1024).toFixed(1)} KiB`).join(', ')}`);
    report.evidence = e;
  }
  if (run('district')) {
    const d = await districtScale(Number(process.env.BENCH_ESTATES ?? 100), Number(process.env.BENCH_DISTRICT_RUNS ?? 20));
    const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
    console.log(`district: ${d.estates} estates, ${d.stairwells} stairwells, ${d.flats} flats imported in ${d.loadSeconds} s; database ${mib(d.databaseBytes)}`);
    console.log(`${d.overview.name}: median ${d.overview.medianMs.toFixed(1)} ms, p99 ${d.overview.p99Ms.toFixed(1)} ms, ${mib(d.overview.payloadBytes)}`);
    console.log(`${d.overviewAfterWrite.name}: median ${d.overviewAfterWrite.medianMs.toFixed(1)} ms, p99 ${d.overviewAfterWrite.p99Ms.toFixed(1)} ms`);
    console.log(`${d.overviewRevalidated.name}: median ${d.overviewRevalidated.medianMs.toFixed(1)} ms`);
    console.log(`${d.estateMap.name}: median ${d.estateMap.medianMs.toFixed(1)} ms, p99 ${d.estateMap.p99Ms.toFixed(1)} ms`);
    if (d.districtPage) console.log(`${d.districtPage.name}: median ${d.districtPage.medianMs.toFixed(0)} ms, ${d.districtPage.stairwellsRendered} stairwells rendered`);
    report.district = d;
  }
  if (run('databases')) {
    const cluster = await startPgCluster();
    process.env.LIFTMAP_TEST_PG_BASE = cluster.base;
    try {
      const estates = Number(process.env.BENCH_ESTATES ?? 100);
      const runs = Number(process.env.BENCH_DISTRICT_RUNS ?? 20);
      const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
      const side: Record<string, unknown> = {};
      for (const dialect of ['sqlite', 'postgres'] as const) {
        const d = await districtScale(estates, runs, dialect, { browser: false });
        const load = await liveUnderLoad({ walls: 20, writers: Number(process.env.BENCH_WRITERS ?? 200), probes: 60, dialect });
        console.log(
          `${dialect}: ${d.stairwells} stairwells imported in ${d.loadSeconds} s, ${mib(d.databaseBytes)}; overview median ${d.overview.medianMs.toFixed(1)} ms, after a write ${d.overviewAfterWrite.medianMs.toFixed(1)} ms; estate map median ${d.estateMap.medianMs.toFixed(1)} ms; summary ${d.summary.medianMs.toFixed(1)} ms; tiles ${d.tiles.map((t) => `${t.medianMs.toFixed(1)} ms (${(t.payloadBytes / 1024).toFixed(0)} KiB)`).join(', ')}; 200 writers: sent → 20 walls p99 ${load.p99Ms.toFixed(1)} ms, commit → heard p99 ${load.fromAck.p99Ms.toFixed(1)} ms, capacity ${load.saturated.writesPerSecond} writes/s`,
        );
        side[dialect] = { district: d, underLoad: load };
      }
      report.databases = side;
    } finally {
      cluster.stop();
    }
  }
  if (run('city')) {
    const cluster = await startPgCluster();
    process.env.LIFTMAP_TEST_PG_BASE = cluster.base;
    try {
      const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
      const side: Record<string, unknown> = {};
      const two = await liveTwoServers({ walls: 20, writers: Number(process.env.BENCH_WRITERS ?? 200), probes: 60 });
      console.log(`${two.name}: sent → heard p99 ${two.p99Ms.toFixed(1)} ms, commit → heard p99 ${two.fromAck.p99Ms.toFixed(1)} ms, capacity ${two.saturated.writesPerSecond} writes/s; every wall heard every write: ${two.everyWallHeardAll}`);
      side.twoServers = two;
      const cityEstates = Number(process.env.BENCH_CITY_ESTATES ?? 1000);
      if (cityEstates > 0) {
        const city = await districtScale(cityEstates, 5, 'postgres', { browser: false });
        console.log(
          `city on postgres: ${city.stairwells} stairwells, ${city.flats} flats imported in ${city.loadSeconds} s, ${mib(city.databaseBytes)}; overview median ${city.overview.medianMs.toFixed(0)} ms (${mib(city.overview.payloadBytes)}), after a write ${city.overviewAfterWrite.medianMs.toFixed(0)} ms; estate map median ${city.estateMap.medianMs.toFixed(1)} ms`,
        );
        side.city = city;
      }
      report.city = side;
    } finally {
      cluster.stop();
    }
  }
  if (run('lifecycle')) {
    const l = await lifecycleScale(Number(process.env.BENCH_RUNS ?? 200) / 4, startedAt);
    for (const r of [l.before, l.after])
      console.log(`${r.name.padEnd(48)} median ${r.medianMs.toFixed(1)} ms  p99 ${r.p99Ms.toFixed(1)} ms  ${kibText(r.payloadBytes)}  (${r.liftsInService} lifts in service)`);
    console.log(`  history behind "after": ${l.history.lifts} lifts, ${l.history.visits} visits, ${l.history.faults} faults`);
    report.lifecycle = l;
  }
  if (run('writes')) {
    // The commit the issue "Never down" started from, unless told otherwise.
    const baseline = process.env.BENCH_BASELINE ?? 'abe2917';
    const cluster = process.env.BENCH_WRITES_POSTGRES === '0' ? null : await startPgCluster();
    try {
      const w = await writesSideBySide(baseline, cluster?.base ?? null);
      console.log(`floor: ${w.floor.commitsPerSecond} durable one-row SQLite commits/s back to back (the server's pragmas: WAL, synchronous FULL); ${w.floor.withSynchronousNormal}/s with synchronous NORMAL`);
      for (const [name, r] of Object.entries(w.sqlite))
        console.log(
          `SQLite, ${name}: ${r.visitsPerSecond} visits/s back to back (200 phones), ${r.cpuMsPerVisit} ms CPU per visit (server at ${r.serverCores} cores, the benchmark's loop late by p99 ${r.clientLoopP99Ms} ms); at ${r.evening.visitsPerSecond} visits/s sent → heard on all 20 walls p50 ${r.evening.heardOnAll20WallsMs.p50} ms, p99 ${r.evening.heardOnAll20WallsMs.p99} ms; failed ${r.failed}`,
        );
      for (const [name, r] of Object.entries(w.postgres ?? {}))
        console.log(`PostgreSQL, ${name}: ${r.visitsPerSecond} visits/s over two app servers and ${r.estates} estates; ${r.changesMissedByWalls} of ${r.changes} changes missed by ${r.walls} walls; failed ${r.failed}`);
      report.writes = w;
    } finally {
      cluster?.stop();
    }
  }
  if (run('chaos')) {
    const c = await chaos(Number(process.env.BENCH_CHAOS_SECONDS ?? 300));
    console.log(
      `chaos for ${c.seconds} s: exited during the run ${c.exitedDuringRun}, exit code ${c.exitCode}; ${c.visits.acknowledged} visits (${c.visits.perSecond}/s), acknowledged lost ${c.acknowledgedLost}; requests failed ${c.requestsFailed.total}; walls missed ${c.walls.changesMissed} of ${c.walls.changes} changes over ${c.walls.reconnects} connections (${c.walls.resyncs} resyncs); /healthz p50 ${c.healthz.p50Ms} ms, p99 ${c.healthz.p99Ms} ms, max ${c.healthz.maxMs} ms; the benchmark's own loop late by p99 ${c.clientLoopDelay.p99Ms.toFixed(0)} ms`,
    );
    for (const [name, o] of Object.entries(c.hostile)) console.log(`  ${name}: ${o.sent} sent, answered ${JSON.stringify(o.statuses)}, failed ${o.failed}`);
    report.chaos = c;
  }
} finally {
  await server.close();
}
const dir = join(ROOT, 'bench', 'reports');
mkdirSync(dir, { recursive: true });
const text = JSON.stringify(report, null, 2) + '\n';
writeFileSync(join(dir, `${String(report.date).slice(0, 19).replace(/:/g, '')}.json`), text);
writeFileSync(join(dir, 'latest.json'), text);
console.log('report: bench/reports/latest.json');
