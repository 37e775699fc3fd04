import { bbox } from '@turf/turf';
import { doorLabel, labelScale, mapLabel } from '../../geo/estate/index.ts';
import { HEALTH_PALETTE, MAP_PALETTE } from '../../geo/palette/index.ts';
import type { LiftHealth } from '../../geo/lifecycle/index.ts';
import type { StairwellState } from './stairwell-states.ts';

/**
 * The whitelisted, flat (QGIS-friendly) properties of a stairwell feature:
 * door number, stage, colour and the consent evaluation. No personal data.
 */
export function stairwellProperties(s: StairwellState, health: LiftHealth | null = null) {
  const c = s.consent;
  const result = c.complete ? c.result : null;
  return {
    id: s.row.id,
    doorNumber: s.row.doorNumber,
    label: doorLabel(s.row.doorNumber),
    /** What the map draws inside the stairwell: 45号 → 45. */
    mapLabel: mapLabel(s.row.doorNumber),
    /** How much smaller the label is drawn so it fits across its stairwell (1 for Fenghe's numbers). */
    mapLabelScale: mapLabelScale(s),
    buildingId: s.row.buildingId,
    buildingCode: s.buildingCode,
    stage: s.row.stage,
    colorKey: s.colorKey,
    // What the map draws: a lift in service in its health colour, else its stage or progress colour.
    color: health ? HEALTH_PALETTE[health].color : s.color,
    textColor: health ? HEALTH_PALETTE[health].text : MAP_PALETTE[s.colorKey].text,
    /** A lift in service: its health (the wall colours it by this), else null. */
    health,
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

/** labelScale for the stairwell's east–west extent, where a horizontal label lies. */
function mapLabelScale(s: StairwellState): number {
  const [w, south, e, n] = bbox({ type: 'Feature', geometry: s.row.footprint, properties: {} });
  const lat = (south + n) / 2;
  const widthM = (e - w) * 111_320 * Math.cos((lat * Math.PI) / 180);
  return labelScale(mapLabel(s.row.doorNumber), widthM, lat);
}
