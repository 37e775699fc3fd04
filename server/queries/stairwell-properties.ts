import { doorLabel, mapLabel } from '../../geo/estate/index.ts';
import { MAP_PALETTE } from '../../geo/palette/index.ts';
import type { StairwellState } from './stairwell-states.ts';

/**
 * The whitelisted, flat (QGIS-friendly) properties of a stairwell feature:
 * door number, stage, colour and the consent evaluation. No personal data.
 */
export function stairwellProperties(s: StairwellState) {
  const c = s.consent;
  const result = c.complete ? c.result : null;
  return {
    id: s.row.id,
    doorNumber: s.row.doorNumber,
    label: doorLabel(s.row.doorNumber),
    /** What the map draws inside the stairwell: 45号 → 45. */
    mapLabel: mapLabel(s.row.doorNumber),
    buildingId: s.row.buildingId,
    buildingCode: s.buildingCode,
    stage: s.row.stage,
    colorKey: s.colorKey,
    color: s.color,
    textColor: MAP_PALETTE[s.colorKey].text,
    complete: c.complete,
    passed: result?.passed ?? false,
    stillPossible: result?.stillPossible ?? null,
    participationMet: result?.participationMet ?? null,
    agreementMet: result?.agreementMet ?? null,
    progress: c.complete ? Math.round(c.progress * 1000) / 1000 : null,
    votersTotal: result?.voters.total ?? null,
    votersParticipating: result?.voters.participating ?? null,
    votersAgreeing: result?.voters.agreeing ?? null,
    areaTotalM2: result?.area.total ?? null,
    areaParticipatingM2: result?.area.participating ?? null,
    areaAgreeingM2: result?.area.agreeing ?? null,
    flatsToPassCount: result?.flatsToPass?.length ?? null,
    flatCount: s.flats.length,
    flatsSigned: c.flatsSigned,
    upperFloorElders: s.upperFloorElders,
  };
}
export type StairwellProperties = ReturnType<typeof stairwellProperties>;
