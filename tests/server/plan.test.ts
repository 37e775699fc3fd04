import type { TRPCClientError } from '@trpc/client';
import type { Client } from '../support/sign-in.ts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../../server/routers/_app.ts';
import { signInAs } from '../support/sign-in.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let trpc: Client;
beforeAll(async () => {
  server = await startTestServer();
  trpc = await signInAs(server.url, server.db, 'planner');
});
afterAll(() => server.close());

describe('phasing plans through tRPC', () => {
  it('plans the stairwells that passed or still can, and leaves out the rest with a reason', async () => {
    const params = await trpc.plan.defaults.query();
    const plan = await trpc.plan.compute.query({ estateId: 1, params, moves: [] });
    expect(plan.violations).toEqual([]);
    const scheduled = plan.phases.flatMap((p) => p.stairwellIds);
    expect(scheduled.length + plan.unscheduled.length + plan.excluded.length).toBe(80);
    // The three pilot lifts are built already; six stairwells cannot pass; one lacks an area.
    expect(plan.excluded.map((e) => e.reason).sort()).toEqual([...Array<string>(3).fill('built'), ...Array<string>(6).fill('impossible'), 'incomplete']);
    expect(plan.phases.every((p) => p.stairwellIds.length <= params.crews && p.parkingLost.length <= params.maxParkingLossPerPhase)).toBe(true);
    expect(plan.phases[0]!.startDate >= params.startDate).toBe(true);
    expect(plan.score.weightedCompletion).toBeLessThan(plan.naiveScore.weightedCompletion);
    expect(plan.geometry.hulls.features).toHaveLength(plan.phases.length);
  });

  it('re-plans with more crews into fewer phases', async () => {
    const params = await trpc.plan.defaults.query();
    const four = await trpc.plan.compute.query({ estateId: 1, params: { ...params, crews: 4 }, moves: [] });
    const eight = await trpc.plan.compute.query({ estateId: 1, params: { ...params, crews: 8 }, moves: [] });
    expect(eight.phases.length).toBeLessThan(four.phases.length);
  });

  it('shows which constraint a manual move breaks and how the scores change', async () => {
    const params = await trpc.plan.defaults.query();
    const plan = await trpc.plan.compute.query({ estateId: 1, params, moves: [] });
    // Move a stairwell that narrows a lane into a phase where that lane is already narrowed.
    const phase = plan.phases.find((p) => p.lanes.length > 0)!;
    const lane = phase.lanes[0]!;
    const other = plan.sites.find((s) => s.narrowsLanes.includes(lane) && s.phase !== phase.index)!;
    const moved = await trpc.plan.compute.query({ estateId: 1, params, moves: [{ stairwellId: other.stairwellId, toPhase: phase.index }] });
    expect(moved.violations.map((v) => v.kind)).toContain('lane_conflict');
    expect(moved.plannerScore).toEqual(plan.score);
    expect(moved.sites.find((s) => s.stairwellId === other.stairwellId)?.phase).toBe(phase.index);
  });

  it('saves, lists, exports and deletes a scenario', async () => {
    const params = await trpc.plan.defaults.query();
    const { scenarioId } = await trpc.plan.save.mutate({ estateId: 1, name: '方案A', params, moves: [] });
    expect((await trpc.plan.list.query({ estateId: 1 })).map((s) => s.name)).toEqual(['方案A']);
    const xlsx = await fetch(`${server.url}/api/plans/${scenarioId}.xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['批次 Phases', '门洞 Stairwells', '参数 Parameters', '约束 Constraints']);
    expect(book.getWorksheet('约束 Constraints')!.getCell('B2').value).toBe('所有约束均满足 Every constraint holds');
    // Set up to print: A4 landscape, one page wide, the header row on every page and frozen on screen.
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    // Columns as wide as their text (CJK counted double), and stages in Chinese.
    const stairwellSheet = book.getWorksheet('门洞 Stairwells')!;
    expect(stairwellSheet.getColumn(1).width).toBeGreaterThanOrEqual('长风二村 12号'.length + 4);
    expect(stairwellSheet.getColumn(7).values.slice(2)).not.toContain('consent_passed');
    expect(stairwellSheet.getColumn(7).values).toContain('征询通过');
    const saved = await trpc.plan.get.query({ scenarioId });
    expect(book.getWorksheet('批次 Phases')!.rowCount).toBe(saved.plan.phases.length + 1);
    const geo = (await (await fetch(`${server.url}/api/plans/${scenarioId}.geojson`)).json()) as GeoJSON.FeatureCollection;
    expect(geo.features.length).toBe(saved.plan.sites.length);
    await trpc.plan.remove.mutate({ estateId: 1, scenarioId });
    expect(await trpc.plan.list.query({ estateId: 1 })).toEqual([]);
    expect((await fetch(`${server.url}/api/plans/${scenarioId}.xlsx`)).status).toBe(404);
  });

  it('flags a scenario that breaks a constraint when it is saved, listed, exported and shown in /present', async () => {
    const params = await trpc.plan.defaults.query();
    const plan = await trpc.plan.compute.query({ estateId: 1, params, moves: [] });
    const phase = plan.phases.find((p) => p.lanes.length > 0)!;
    const other = plan.sites.find((s) => s.narrowsLanes.includes(phase.lanes[0]!) && s.phase !== phase.index)!;
    const saved = await trpc.plan.save.mutate({ estateId: 1, name: '草稿：车道冲突', params, moves: [{ stairwellId: other.stairwellId, toPhase: phase.index }] });
    expect(saved.violations).toBeGreaterThan(0);
    expect((await trpc.plan.list.query({ estateId: 1 })).find((s) => s.id === saved.scenarioId)!.violations).toBe(saved.violations);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await fetch(`${server.url}/api/plans/${saved.scenarioId}.xlsx`)).arrayBuffer());
    expect(book.worksheets[0]!.name).toBe('⚠ 违反约束 Constraints broken');
    expect(book.worksheets[0]!.rowCount).toBe(saved.violations + 1);
    const broken = book.worksheets[0]!.getColumn(2).values.slice(2).map(String);
    expect(broken.some((v) => v.startsWith('同一消防通道多处收窄 '))).toBe(true);
    // /present shows the latest saved scenario: this one, flagged.
    const deck = await trpc.present.deck.query({ estateId: 1 });
    expect(deck.phasing).toMatchObject({ scenarioName: '草稿：车道冲突', violations: saved.violations, adopted: false });
    await trpc.plan.remove.mutate({ estateId: 1, scenarioId: saved.scenarioId });
  });

  it('refuses bad parameters naming the field', async () => {
    const params = await trpc.plan.defaults.query();
    const error = (await trpc.plan.compute.query({ estateId: 1, params: { ...params, crews: 0 }, moves: [] }).catch((e: unknown) => e)) as TRPCClientError<AppRouter>;
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('输入有误：params.crews: expected at least 1 crew');
  });
});
