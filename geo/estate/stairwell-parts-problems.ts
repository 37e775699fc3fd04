import { area, booleanPointInPolygon, featureCollection, intersect, pointToPolygonDistance, polygon as turfPolygon } from '@turf/turf';
import type { LngLat } from '../geometry/local-frame.ts';
import type { PolygonGeometry } from './geometry-schemas.ts';
import { selfCrossing } from './shape-problems.ts';

/** How far a door may sit from its stairwell's walls: digitising slack, not another doorway. */
export const DOOR_MAX_FROM_WALL_M = 3;
/** How far an elevator site may stand from its stairwell: the link corridor to the landing. */
export const SITE_MAX_GAP_M = 3;
/** Overlap with a building allowed for an elevator site: it stands outside, against the wall. */
export const SITE_MAX_OVERLAP_M2 = 0.5;
/** A shaft with its link corridor: 8–14 m² usually (SPEC §7); outside this it is a drawing error. */
export const SITE_AREA_M2 = { min: 4, max: 30 } as const;

export interface StairwellParts {
  doorNumber: string;
  footprint: PolygonGeometry;
  door: LngLat;
  elevatorSite: PolygonGeometry | null;
  /** Every building of the estate, the stairwell's own included. */
  buildings: readonly { code: string; footprint: PolygonGeometry }[];
  boundary: PolygonGeometry;
}

const metres = { units: 'meters' } as const;

/** The shortest distance between two polygons that do not overlap, metres (0 when they touch or overlap). */
function gapM(a: PolygonGeometry, b: PolygonGeometry): number {
  const corners = (p: PolygonGeometry) => (p.coordinates[0] ?? []).slice(0, -1);
  const d = [...corners(a).map((c) => pointToPolygonDistance(c, b, metres)), ...corners(b).map((c) => pointToPolygonDistance(c, a, metres))];
  return Math.max(0, Math.min(...d));
}

/** A door point away from its stairwell's walls. */
export function doorProblems(p: Omit<StairwellParts, 'elevatorSite'>): string[] {
  const fromWall = pointToPolygonDistance(p.door, p.footprint, metres);
  return fromWall > DOOR_MAX_FROM_WALL_M
    ? [`${p.doorNumber}: the door is ${fromWall.toFixed(1)} m from the stairwell; place it on the stairwell's wall (at most ${DOOR_MAX_FROM_WALL_M} m away)`]
    : [];
}

/** An elevator site that is not a simple polygon, too small or large, detached from its stairwell, on a building or outside the estate. */
export function siteProblems(p: Omit<StairwellParts, 'door' | 'elevatorSite'> & { elevatorSite: PolygonGeometry }): string[] {
  const site = p.elevatorSite;
  const crossing = selfCrossing(site, `${p.doorNumber} elevator site`);
  if (crossing.length) return crossing;
  const problems: string[] = [];
  const siteM2 = area(turfPolygon(site.coordinates));
  if (siteM2 < SITE_AREA_M2.min || siteM2 > SITE_AREA_M2.max)
    problems.push(`${p.doorNumber}: the elevator site is ${siteM2.toFixed(1)} m²; a shaft with its link corridor takes ${SITE_AREA_M2.min}–${SITE_AREA_M2.max} m²`);
  const gap = gapM(site, p.footprint);
  if (gap > SITE_MAX_GAP_M)
    problems.push(`${p.doorNumber}: the elevator site stands ${gap.toFixed(1)} m from its stairwell; it must adjoin it (at most ${SITE_MAX_GAP_M} m away)`);
  for (const b of p.buildings) {
    const overlap = intersect(featureCollection([turfPolygon(site.coordinates), turfPolygon(b.footprint.coordinates)]));
    const overlapM2 = overlap ? area(overlap) : 0;
    if (overlapM2 > SITE_MAX_OVERLAP_M2)
      problems.push(`${p.doorNumber}: the elevator site covers ${overlapM2.toFixed(1)} m² of building ${b.code}; it stands outside, against the wall`);
  }
  const outside = (site.coordinates[0] ?? []).find((c) => !booleanPointInPolygon(c, turfPolygon(p.boundary.coordinates)));
  if (outside) problems.push(`${p.doorNumber}: the elevator site reaches outside the estate's boundary at (${outside[0].toFixed(7)}, ${outside[1].toFixed(7)})`);
  return problems;
}

/**
 * What is wrong with a stairwell's door point and elevator site as a
 * planner placed them (`doorProblems`, `siteProblems`); empty when they can
 * be stored.
 *
 * @example stairwellPartsProblems({ ...parts, door: tenMetresOut }) // ['长风二村 1号: the door is 10.0 m from the stairwell; …']
 */
export function stairwellPartsProblems(p: StairwellParts): string[] {
  const site = p.elevatorSite;
  return [...doorProblems(p), ...(site ? siteProblems({ ...p, elevatorSite: site }) : [])];
}
