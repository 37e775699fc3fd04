import type { ThresholdTest } from '../../geo/consent/index.ts';
import { doorLabel } from '../../geo/estate/index.ts';
import type { Db } from '../db/database.ts';
import { loadStairwellState } from './stairwell-states.ts';

/**
 * A stairwell's panel: the floor × room grid of statuses, the consent
 * evaluation test by test, and the to-do list as rooms. Statuses and areas
 * only: no names, phones, ages or notes.
 */
export async function stairwellDetail(db: Db, stairwellId: number) {
  const s = await loadStairwellState(db, stairwellId);
  const roomOf = new Map(s.flats.map((f) => [String(f.id), f]));
  const c = s.consent;
  const tests: { key: string; test: ThresholdTest }[] = c.complete
    ? Object.entries(c.tests).map(([key, test]) => ({ key, test }))
    : [];
  return {
    id: s.row.id,
    estateId: s.row.estateId,
    doorNumber: s.row.doorNumber,
    label: doorLabel(s.row.doorNumber),
    buildingCode: s.buildingCode,
    stage: s.row.stage,
    colorKey: s.colorKey,
    color: s.color,
    flats: s.flats.map((f) => ({
      id: f.id,
      floor: f.floor,
      room: f.room,
      status: f.status,
      areaM2: f.areaCentiM2 === null ? null : f.areaCentiM2 / 100,
      sharesVoter: s.flats.some((o) => o.id !== f.id && o.voterId === f.voterId),
    })),
    evaluation: c.complete
      ? {
          complete: true as const,
          result: c.result,
          tests,
          progress: c.progress,
          forecastPassed: c.forecastPassed,
          todo: (c.result.flatsToPass ?? []).map((id) => {
            const f = roomOf.get(id);
            return { flatId: Number(id), room: f?.room ?? id, floor: f?.floor ?? 0, status: f?.status ?? 'unvisited' };
          }),
        }
      : {
          complete: false as const,
          missingAreaRooms: c.missingAreaFlatIds.map((id) => roomOf.get(id)?.room ?? id),
        },
    upperFloorElders: s.upperFloorElders,
  };
}
export type StairwellDetail = Awaited<ReturnType<typeof stairwellDetail>>;
