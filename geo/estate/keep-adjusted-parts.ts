import type { LngLat } from '../geometry/local-frame.ts';
import type { PolygonGeometry } from './geometry-schemas.ts';
import { doorProblems, siteProblems, type StairwellParts } from './stairwell-parts-problems.ts';

export type Part = 'door' | 'elevatorSite';

export interface PartsOnReimport {
  doorNumber: string;
  /** The stairwell's footprint in the new file. */
  footprint: PolygonGeometry;
  buildings: StairwellParts['buildings'];
  boundary: PolygonGeometry;
  /** As the new file has them; `derived` lists what it did not give (placed by the parser, or no site). */
  file: { door: LngLat; elevatorSite: PolygonGeometry | null; derived: readonly Part[] };
  stored: { door: LngLat; elevatorSite: PolygonGeometry | null; doorAdjusted: boolean; siteAdjusted: boolean };
}

export interface PartsToStore {
  door: LngLat;
  elevatorSite: PolygonGeometry | null;
  doorAdjusted: boolean;
  siteAdjusted: boolean;
  /** A planner's placement kept because the file gave none. */
  kept: Part[];
  /** A planner's placement that no longer fits the new footprint, replaced by the file's. */
  dropped: Part[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Where a re-imported stairwell's door and elevator site go. A position the
 * file gives wins. Where the file is silent, a planner's placement (adjusted
 * in /admin) stays, if it still fits the new footprint; else the file's
 * placement is used and the loss reported. A placement stays "adjusted" only
 * while it is the one the planner made.
 *
 * @example keepAdjustedParts({ …, file: { derived: ['door'], … }, stored: { doorAdjusted: true, … } }).kept // ['door']
 */
export function keepAdjustedParts(p: PartsOnReimport): PartsToStore {
  const kept: Part[] = [];
  const dropped: Part[] = [];
  const context = { doorNumber: p.doorNumber, footprint: p.footprint, buildings: p.buildings, boundary: p.boundary };

  let door = p.file.door;
  if (p.stored.doorAdjusted && p.file.derived.includes('door')) {
    if (doorProblems({ ...context, door: p.stored.door }).length === 0) {
      door = p.stored.door;
      kept.push('door');
    } else dropped.push('door');
  }
  let elevatorSite = p.file.elevatorSite;
  const storedSite = p.stored.elevatorSite;
  if (p.stored.siteAdjusted && storedSite && p.file.derived.includes('elevatorSite')) {
    if (siteProblems({ ...context, elevatorSite: storedSite }).length === 0) {
      elevatorSite = storedSite;
      kept.push('elevatorSite');
    } else dropped.push('elevatorSite');
  }
  return {
    door,
    elevatorSite,
    doorAdjusted: p.stored.doorAdjusted && same(door, p.stored.door),
    siteAdjusted: p.stored.siteAdjusted && same(elevatorSite, storedSite),
    kept,
    dropped,
  };
}
