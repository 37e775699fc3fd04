import { TRPCError } from '@trpc/server';
import { count, eq } from 'drizzle-orm';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { consentEvents, flats, phaseScenarios, stageEvents, stairwells, visits } from '../support/tables.ts';
import { DEFAULT_PLAN_PARAMS } from '../../server/planning/plan-params.ts';
import { callerAs } from '../support/caller.ts';
import { fingerprint } from '../support/hostile-corpus.ts';
import { sessionCookieFor } from '../support/sign-in.ts';
import { ROOT, startTestServer, type TestServer } from '../support/test-server.ts';
import { first } from '../../server/db/database.ts';
import { cliEnv } from '../support/run-cli.ts';
import { ON_POSTGRES } from '../support/test-database.ts';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await sessionCookieFor(server.url, 'root', await addUser(server.db, 'root', 'admin'));
});
afterAll(() => server.close());

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(e)}`);
  return { code: e.code, message: e.message };
};
const planCall = (moves: unknown) => `${server.url}/trpc/plan.compute?input=${encodeURIComponent(JSON.stringify({ estateId: 1, params: DEFAULT_PLAN_PARAMS, moves }))}`;

describe('what a hostile visitor tried, refused', () => {
  it('plan.compute from an <img> (no session) is refused before any planning; a planner moving to phase 1e9 or an unknown stairwell gets a 400 naming the move', async () => {
    const before = process.memoryUsage().heapUsed;
    const img = await fetch(planCall([{ stairwellId: 1, toPhase: 1_000_000_000 }]));
    expect(img.status).toBe(401);
    const planner = await callerAs(server.db, 'planner');
    expect(await refusal(planner.plan.compute({ estateId: 1, params: DEFAULT_PLAN_PARAMS, moves: [{ stairwellId: 1, toPhase: 1_000_000_000 }] }))).toMatchObject({ code: 'BAD_REQUEST' });
    const plannable = (await planner.plan.compute({ estateId: 1, params: DEFAULT_PLAN_PARAMS, moves: [] })).sites.length;
    const beyond = await refusal(planner.plan.compute({ estateId: 1, params: DEFAULT_PLAN_PARAMS, moves: [{ stairwellId: (await planner.plan.compute({ estateId: 1, params: DEFAULT_PLAN_PARAMS, moves: [] })).sites[0]!.stairwellId, toPhase: plannable }] }));
    expect(beyond.code).toBe('BAD_REQUEST');
    expect(beyond.message).toContain(`moves.0.toPhase: expected a phase from 0 to ${plannable - 1}`);
    expect(await refusal(planner.plan.compute({ estateId: 1, params: DEFAULT_PLAN_PARAMS, moves: [{ stairwellId: 999_999, toPhase: 0 }] }))).toEqual({
      code: 'BAD_REQUEST',
      message: '第 1 项调整：本小区没有编号为 999999 的门洞（moves.0.stairwellId: no stairwell 999999 in this estate）',
    });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('an anonymous plan.save or plan.remove is refused and the planner’s scenario stays', async () => {
    const planner = await callerAs(server.db, 'planner');
    const { scenarioId } = await planner.plan.save({ estateId: 1, name: '规划方案', params: DEFAULT_PLAN_PARAMS, moves: [] });
    const post = (path: string, body: unknown) => fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('plan.save', { estateId: 1, name: '规划方案', params: { ...DEFAULT_PLAN_PARAMS, crews: 1 }, moves: [] })).status).toBe(401);
    expect((await post('plan.remove', { estateId: 1, scenarioId })).status).toBe(401);
    expect((await first(server.db.select().from(phaseScenarios).where(eq(phaseScenarios.id, scenarioId))))?.params).toEqual(DEFAULT_PLAN_PARAMS);
  });

  it('a visit dated 9999 or 1970 is refused naming recordedAt, and the progress chart keeps answering', async () => {
    const planner = await callerAs(server.db, 'planner');
    const flat = (await first(server.db.select().from(flats).where(eq(flats.status, 'unvisited'))))!;
    const visit = (recordedAt: string) =>
      planner.canvass.recordVisit({ flatId: flat.id, expectedVersion: flat.version, clientId: `far-${recordedAt}`, recordedAt, outcome: 'talked', status: 'signed', concerns: [], compensation: [] });
    for (const at of ['9999-12-31T23:59:59+08:00', '1970-01-01T00:00:00Z']) {
      const r = await refusal(visit(at));
      expect(r.code).toBe('BAD_REQUEST');
      expect(r.message).toMatch(/recordedAt：日期应在 \d{4}-\d\d-\d\d 至 \d{4}-\d\d-\d\d 之间/);
    }
    expect((await first(server.db.select({ n: count() }).from(visits).where(eq(visits.flatId, flat.id))))!.n).toBe(0);
    const progress = await fetch(`${server.url}/trpc/history.progress?input=${encodeURIComponent(JSON.stringify({ estateId: 1 }))}`);
    expect(progress.status).toBe(200);
  });

  it('a cross-site form posting text/plain to the register is refused while an admin is signed in; nothing changes', async () => {
    const before = await fingerprint(server);
    const form = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/estates/1/register`, { method: 'POST', headers: { cookie: admin, 'content-type': 'text/plain', ...headers }, body: '门牌号,楼层,室号,面积,表决人编号,姓名,电话,人数,60-79岁,80岁以上,状态\n长风二村 1号,1,101,50,V1,x,1,1,0,0,signed' });
    const sameSite = await form({ 'sec-fetch-site': 'same-site', origin: 'http://evil.lan:8080' });
    expect(sameSite.status).toBe(403);
    expect(await sameSite.text()).toMatch(/拒绝来自其他网站的写入请求/);
    expect((await form({ origin: 'http://evil.lan:8080' })).status).toBe(403);
    // Even without the browser's headers, a form's content type is not an upload type.
    expect((await form({})).status).toBe(415);
    const trpc = await fetch(`${server.url}/trpc/plan.remove`, { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body: '{"estateId":1,"scenarioId":1}' });
    expect(trpc.status).toBe(403);
    expect(await fingerprint(server)).toBe(before);
  });

  it('caps tRPC bodies at 1 MB and batches at 20 calls (10 without signing in)', async () => {
    const huge = await fetch(`${server.url}/trpc/plan.save`, { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ estateId: 1, name: 'x'.repeat(2_000_000) }) });
    expect(huge.status).toBe(413);
    const paths = new Array(60).fill('plan.defaults').join(',');
    const batch = (headers: Record<string, string> = {}) => fetch(`${server.url}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`, { headers });
    expect((await batch()).status).toBe(429);
    expect((await batch({ cookie: admin })).status).toBe(400);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('sends security headers on pages and API answers', async () => {
    for (const path of ['/', '/trpc/estate.list', '/api/estates']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
      expect(res.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('answers bad %-encoding, an unknown stairwell and a missing visit with 4xx, never 500', async () => {
    expect((await fetch(`${server.url}/api/estates/%E0%A4%A/stairwells.geojson`)).status).toBe(400);
    const badName = await fetch(`${server.url}/api/estates/1/register?dryRun=1`, { method: 'POST', headers: { cookie: admin, 'content-type': 'text/csv', 'x-file-name': '%E0%A4%A.csv' }, body: 'a,b\n' });
    expect(badName.status).toBe(400);
    const planner = await callerAs(server.db, 'planner');
    expect((await refusal(planner.canvass.setCosts({ stairwellId: 4242, coefficients: [0, 0, 10, 20, 30, 40], liftCostYuan: 600_000 }))).code).toBe('NOT_FOUND');
    expect(await refusal(planner.canvass.reviewVisit({ visitId: 987_654, accept: true }))).toEqual({ code: 'NOT_FOUND', message: '没有编号为 987654 的走访记录（no visit with id 987654）' });
    expect(server.logs).toEqual([]);
  });

  it('refuses a GeoJSON nested 100,000 deep with a sentence before any parser recurses', async () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`) as unknown;
    const staff = await callerAs(server.db, 'admin');
    const preview = await staff.admin.previewEstate({ geojson: deep });
    expect(preview).toMatchObject({ ok: false, problems: [expect.stringMatching(/nests more than 32 levels/)] });
    expect(await staff.admin.importEstate({ geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: deep }, properties: {} }] } })).toMatchObject({ ok: false });
  });

  it('setting a stage to the stage it has appends no event', async () => {
    const planner = await callerAs(server.db, 'planner');
    const s = (await first(server.db.select().from(stairwells)))!;
    const before = (await first(server.db.select({ n: count() }).from(stageEvents)))!.n;
    expect(await planner.stages.set({ stairwellId: s.id, to: s.stage })).toMatchObject({ changed: false });
    expect((await first(server.db.select({ n: count() }).from(stageEvents)))!.n).toBe(before);
  });

  // SQLite's online backup; on PostgreSQL, pg_dump is PostgreSQL's (tests/server/postgres.test.ts checks that the CLI says so).
  it.skipIf(ON_POSTGRES)('a backup from the shell while 400 visits are written fails none of them (write transactions wait for the lock)', { timeout: 60_000 }, async () => {
    const planner = await callerAs(server.db, 'planner');
    // One flat per voter: a voter's other flats change with the first, which would make the second a stale edit.
    const voters = new Set<number>();
    const open = (await server.db.select().from(flats).where(eq(flats.status, 'unvisited'))).filter((f) => !voters.has(f.voterId) && voters.add(f.voterId)).slice(0, 400);
    const backup = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli', 'backup.ts'), join(server.file!, '..', 'backups')], { env: cliEnv(server), cwd: ROOT });
    const exited = new Promise<number | null>((resolve) => backup.on('exit', resolve));
    const results = await Promise.allSettled(
      open.map(async (f, i) => {
        await new Promise((r) => setTimeout(r, i * 3));
        return planner.canvass.recordVisit({ flatId: f.id, expectedVersion: f.version, clientId: `during-backup-${f.id}`, outcome: 'talked', status: 'undecided', concerns: [], compensation: [] });
      }),
    );
    expect(await exited).toBe(0);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual([]);
    expect((await first(server.db.select({ n: count() }).from(consentEvents).where(eq(consentEvents.toStatus, 'undecided'))))!.n).toBeGreaterThanOrEqual(400);
  });
});
