import type { TRPCClientError } from '@trpc/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { canvasserStairwells, canvassers, consentEvents, flats, stairwells } from '../support/tables.ts';
import type { AppRouter } from '../../server/routers/_app.ts';
import { clientApi, verifyWrittenVotes } from '../support/evidence.ts';
import { clientWithCookie, signIn, type Client } from '../support/sign-in.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { first } from '../../server/db/database.ts';

let server: TestServer;
let c01: Client;
let viewer: Client;
let planner: Client;
let own: { stairwellId: number; doorNumber: string };
let other: { stairwellId: number };

beforeAll(async () => {
  server = await startTestServer();
  const passwords = {
    c01: await addUser(server.db, 'wang', 'canvasser', 'C01'),
    viewer: await addUser(server.db, 'guest', 'viewer'),
    planner: await addUser(server.db, 'li', 'planner'),
  };
  c01 = await signIn(server.url, 'wang', passwords.c01);
  viewer = await signIn(server.url, 'guest', passwords.viewer);
  planner = await signIn(server.url, 'li', passwords.planner);
  const mine = (await server.db
    .select({ stairwellId: stairwells.id, doorNumber: stairwells.doorNumber })
    .from(canvasserStairwells)
    .innerJoin(canvassers, eq(canvassers.id, canvasserStairwells.canvasserId))
    .innerJoin(stairwells, eq(stairwells.id, canvasserStairwells.stairwellId))
    .where(eq(canvassers.externalId, 'C01')));
  own = mine.find((s) => s.doorNumber === '长风二村 1号')!;
  other = { stairwellId: (await first(server.db.select({ id: stairwells.id }).from(stairwells).where(eq(stairwells.doorNumber, '长风二村 40号'))))!.id };
});
afterAll(() => server.close());

const codeOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as TRPCClientError<AppRouter>).data?.code;
const unvisitedFlat = async (stairwellId: number) => (await server.db.select().from(flats).where(eq(flats.stairwellId, stairwellId))).find((f) => f.status === 'unvisited' || f.status === 'undecided')!;
let serial = 0;
const visit = (flatId: number, expectedVersion: number, status: 'signed' | 'undecided' | 'intent' = 'signed') => ({
  flatId,
  expectedVersion,
  clientId: `test-visit-${++serial}-${flatId}`,
  outcome: 'talked' as const,
  status,
  concerns: [],
  compensation: [],
});

describe('people and roles', () => {
  it('refuses a wrong password and, after five, makes the name wait', async () => {
    const anon = clientWithCookie(server.url, () => '');
    for (let i = 0; i < 5; i++) expect(await codeOf(anon.auth.login.mutate({ username: 'wang', password: 'nope' }))).toBe('UNAUTHORIZED');
    expect(await codeOf(anon.auth.login.mutate({ username: 'wang', password: 'nope' }))).toBe('TOO_MANY_REQUESTS');
  });

  it('lists a canvasser’s own stairwells only, and lets them read those registers with names', async () => {
    const mine = await c01.canvass.myStairwells.query();
    expect(mine.map((s) => s.doorNumber).sort()).toEqual(['长风二村 1号', '长风二村 2号', '长风二村 3号', '长风二村 4号', '长风二村 5号']);
    const register = await c01.canvass.register.query({ stairwellId: own.stairwellId });
    expect(register.register).toHaveLength(24);
    expect(register.register[0]!.voterName).toBeTruthy();
    expect(await codeOf(c01.canvass.register.query({ stairwellId: other.stairwellId }))).toBe('FORBIDDEN');
  });

  it('refuses a canvasser editing another’s stairwell, and a viewer editing anything', async () => {
    const f = await unvisitedFlat(other.stairwellId);
    expect(await codeOf(c01.canvass.recordVisit.mutate(visit(f.id, f.version)))).toBe('FORBIDDEN');
    expect(await codeOf(viewer.canvass.recordVisit.mutate(visit(f.id, f.version)))).toBe('FORBIDDEN');
    expect(await codeOf(viewer.canvass.register.query({ stairwellId: own.stairwellId }))).toBe('FORBIDDEN');
    expect(await codeOf(clientWithCookie(server.url, () => '').canvass.myStairwells.query())).toBe('UNAUTHORIZED');
  });

  it('gives a viewer and the wall no personal fields on the wire', async () => {
    const responses = [
      await viewer.estate.map.query({ estateId: 1 }),
      await viewer.stairwell.detail.query({ stairwellId: own.stairwellId }),
      await viewer.live.recent.query({ estateId: 1, limit: 50 }),
      await viewer.live.leaderboard.query({ estateId: 1 }),
    ];
    const wire = JSON.stringify(responses);
    expect(wire).not.toMatch(/voterName|phone|aged80plus|aged60to79|"note"|1000000\d{4}/);
  });
});

describe('recording visits', () => {
  it('writes the flat and its consent event together, and refuses a stale version with the current value', async () => {
    const f = await unvisitedFlat(own.stairwellId);
    const before = (await server.db.select().from(consentEvents).where(eq(consentEvents.flatId, f.id))).length;
    const done = await c01.canvass.recordVisit.mutate(visit(f.id, f.version, 'intent'));
    expect(done).toMatchObject({ applied: true, status: 'intent', version: f.version + 1 });
    expect(await server.db.select().from(consentEvents).where(eq(consentEvents.flatId, f.id))).toHaveLength(before + 1);
    const stale = (await planner.canvass.recordVisit.mutate(visit(f.id, f.version)).catch((e: unknown) => e)) as TRPCClientError<AppRouter>;
    expect(stale.data?.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/现在是口头同意（版本 \d+）.*it is now Verbal yes \(version \d+\)/);
    expect((await first(server.db.select().from(flats).where(eq(flats.id, f.id))))!.status).toBe('intent');
  });

  it('applies a visit sent twice (an offline retry) exactly once', async () => {
    const f = await unvisitedFlat(own.stairwellId);
    const input = visit(f.id, f.version, 'intent');
    const first = await c01.canvass.recordVisit.mutate(input);
    const again = await c01.canvass.recordVisit.mutate(input);
    expect(first.applied).toBe(true);
    expect(again).toMatchObject({ applied: false, duplicate: true });
    const events = (await server.db.select().from(consentEvents).where(eq(consentEvents.flatId, f.id)));
    expect(events.filter((e) => e.toStatus === 'intent' && e.visitId !== null)).toHaveLength(1);
  });

  it('flags a visit recorded far from the door, and it does not count until accepted', async () => {
    const f = await unvisitedFlat(own.stairwellId);
    const far = await c01.canvass.recordVisit.mutate({ ...visit(f.id, f.version), position: { lat: 31.25, lng: 121.45 } });
    expect(far.flag).toMatch(/m from the door/);
    const flagged = await planner.canvass.flaggedVisits.query();
    expect(flagged.some((v) => v.doorNumber === own.doorNumber)).toBe(true);
    const board = () => planner.live.leaderboard.query({ estateId: 1 });
    const before = (await board()).canvassers.reduce((s, c) => s + c.signatures, 0);
    await planner.canvass.reviewVisit.mutate({ visitId: flagged[0]!.id, accept: true });
    const after = (await board()).canvassers.reduce((s, c) => s + c.signatures, 0);
    expect(after).toBe(before + 1);
  });

  it('checks stage changes against the consent rule on signed votes', async () => {
    const map = await planner.estate.map.query({ estateId: 1 });
    const open = map.layers.stairwells.features.find((s) => s.properties.stage === 'canvassing' && !s.properties.passed)!;
    const refused = (await planner.stages.set.mutate({ stairwellId: open.properties.id, to: 'consent_passed' }).catch((e: unknown) => e)) as TRPCClientError<AppRouter>;
    expect(refused.data?.code).toBe('PRECONDITION_FAILED');
    const ready = map.layers.stairwells.features.find((s) => s.properties.stage === 'canvassing' && s.properties.passed)!;
    // The rule passes, but no written vote has been verified yet.
    expect(await codeOf(planner.stages.set.mutate({ stairwellId: ready.properties.id, to: 'consent_passed' }))).toBe('PRECONDITION_FAILED');
    expect(await verifyWrittenVotes(clientApi(planner), ready.properties.id, new Date())).toBeGreaterThan(0);
    await expect(planner.stages.set.mutate({ stairwellId: ready.properties.id, to: 'consent_passed' })).resolves.toMatchObject({ to: 'consent_passed' });
    expect(await codeOf(c01.stages.set.mutate({ stairwellId: ready.properties.id, to: 'agreement_signed' }))).toBe('FORBIDDEN');
  });
});
