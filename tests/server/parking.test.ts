import type { Client } from '../support/sign-in.ts';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeParking } from '../../server/parking/compute-parking.ts';
import { signInAs } from '../support/sign-in.ts';
import { FENGHE_DIR, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let trpc: Client;
beforeAll(async () => {
  server = await startTestServer();
  trpc = await signInAs(server.url, server.db, 'planner');
});
afterAll(() => server.close());

const rules = { estateId: 1, floors: [1, 2], maxWalkM: 80, scenarioId: null };

describe('priority parking through tRPC', () => {
  it('allocates the current state to signed households on floors 1–2 when no plan is saved', async () => {
    const parking = await trpc.parking.compute.query(rules);
    const signedLow = readFileSync(join(FENGHE_DIR, 'register.csv'), 'utf8')
      .split('\n')
      .filter((l) => /^长风二村 \d+号,[12],/.test(l) && l.split(',')[10] === 'signed').length;
    expect(parking.claimantCount).toBe(signedLow);
    expect(parking.states.map((s) => s.key)).toEqual(['now']);
    const now = parking.states[0]!;
    expect(now.assignments.length + now.waiting.length).toBe(signedLow);
    expect(now.assignments.every((a) => a.floor <= 2 && a.walkM <= 80)).toBe(true);
    expect(new Set(now.assignments.map((a) => a.spaceCode)).size).toBe(now.assignments.length);
    expect(parking.zones.features.length).toBeGreaterThan(0);
    expect(JSON.stringify(parking)).not.toMatch(/voterName|phone|1000000/);
  });

  it('reallocates per phase of the saved plan: spaces out of use are never assigned, and moves are listed', async () => {
    const params = await trpc.plan.defaults.query();
    const { scenarioId } = await trpc.plan.save.mutate({ estateId: 1, name: '停车测试', params, moves: [] });
    const parking = await trpc.parking.compute.query({ ...rules, scenarioId });
    const plan = await trpc.plan.get.query({ scenarioId });
    expect(parking.states.map((s) => s.key)).toEqual(['now', ...plan.plan.phases.map((p) => `phase-${p.index + 1}`), 'after']);
    for (const state of parking.states) {
      const out = new Set(state.unavailable);
      expect(state.assignments.some((a) => out.has(a.spaceCode))).toBe(false);
    }
    const during = parking.states.filter((s) => s.key.startsWith('phase-'));
    expect(during.some((s) => s.moves.length > 0)).toBe(true);
    const book = new ExcelJS.Workbook();
    const xlsx = await fetch(`${server.url}/api/estates/1/parking.xlsx?scenario=${scenarioId}`);
    expect(xlsx.status).toBe(200);
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets).toHaveLength(parking.states.length);
    expect(book.worksheets[0]!.getRow(2).getCell(2).value).toMatch(/^长风二村 \d+号$/);
  });

  it('moves as few households as possible between phases, serving as many as solving each phase afresh', async () => {
    const params = await trpc.plan.defaults.query();
    const { scenarioId } = await trpc.plan.save.mutate({ estateId: 1, name: '少搬车位', params, moves: [] });
    const input = { ...rules, scenarioId };
    const kept = await computeParking(server.db, input);
    const afresh = await computeParking(server.db, input, { fewestMoves: false });
    const moves = (p: typeof kept) => p.states.map((s) => s.moves.length);
    kept.states.forEach((s, i) => {
      // Most served first: the same number served in every state.
      expect(s.assignments.length, s.key).toBe(afresh.states[i]!.assignments.length);
      expect(s.moves.length, s.key).toBeLessThanOrEqual(afresh.states[i]!.moves.length);
    });
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(moves(kept))).toBeLessThan(sum(moves(afresh)));
  });

  it('refuses bad rules naming the field', async () => {
    const res = await fetch(`${server.url}/api/estates/1/parking.xlsx?maxWalkM=1`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('maxWalkM');
  });
});
