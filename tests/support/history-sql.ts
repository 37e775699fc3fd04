import type { TestServer } from './test-server.ts';
import { evaluateStairwell, type HouseholdStatus } from '../../geo/consent/index.ts';
import { mapColorKey, type MapColorKey } from '../../geo/palette/index.ts';
import type { Stage } from '../../geo/stages/stages.ts';

/** The map at the end of `date`, straight from SQL: each flat's last status and each stairwell's last stage by then. */
export async function stateFromDatabase(server: Pick<TestServer, 'sql'>, date: string): Promise<Map<number, { colorKey: MapColorKey; passed: boolean }>> {
  const end = `${date}T23:59:59+08:00`;
  const flats = await server.sql<{ id: number; stairwellId: number; voterId: number; area: number | null; status: HouseholdStatus | null }>(
    `SELECT f.id, f.stairwell_id AS "stairwellId", f.voter_id AS "voterId", f.area_centi_m2 AS area,
            (SELECT e.to_status FROM consent_events e WHERE e.flat_id = f.id AND e.at <= ? ORDER BY e.at DESC, e.id DESC LIMIT 1) AS status
     FROM flats f`,
    end,
  );
  const stages = new Map(
    (
      await server.sql<{ id: number; stage: Stage | null }>(
        `SELECT s.id, (SELECT e.to_stage FROM stage_events e WHERE e.stairwell_id = s.id AND e.at <= ? ORDER BY e.at DESC, e.id DESC LIMIT 1) AS stage FROM stairwells s`,
        end,
      )
    ).map((r) => [r.id, r.stage ?? 'canvassing']),
  );
  const result = new Map<number, { colorKey: MapColorKey; passed: boolean }>();
  for (const [stairwellId, stage] of stages) {
    const e = evaluateStairwell(
      flats
        .filter((f) => f.stairwellId === stairwellId)
        .map((f) => ({ flatId: String(f.id), voterId: String(f.voterId), areaM2: f.area === null ? null : f.area / 100, status: f.status ?? 'unvisited' })),
    );
    result.set(stairwellId, { colorKey: mapColorKey(stage, e.bin), passed: e.complete && e.result.passed });
  }
  return result;
}
