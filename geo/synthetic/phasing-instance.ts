import type { FeatureCollection, LineString, Polygon } from 'geojson';
import { constructionZone } from '../phasing/construction-zone.ts';
import type { PhasingInput } from '../phasing/phasing-types.ts';
import { generateLayout } from './generate-layout.ts';
import type { LayoutPlan } from './layout-plan.ts';
import { createRng, type Rng } from './rng.ts';

export interface InstanceOptions {
  crews: number;
  phaseDays: number;
  maxParkingLossPerPhase: number;
  /** Ready days are drawn from 0..maxReadyDay. */
  maxReadyDay: number;
}

/** A phasing input from an estate layout: zones around its elevator sites, its lanes and parking; random weights and ready days. */
export function phasingInputFromLayout(layout: FeatureCollection, rng: Rng, opts: InstanceOptions, prefix = ''): PhasingInput {
  const building = new Map<string, string>();
  const input: PhasingInput = { stairwells: [], fireLanes: [], parkingSpaces: [], ...opts };
  for (const f of layout.features) {
    const p = f.properties ?? {};
    if (p.kind === 'stairwell') building.set(String(p.doorNumber), `${prefix}${String(p.buildingCode)}`);
  }
  for (const f of layout.features) {
    const p = f.properties ?? {};
    if (p.kind === 'elevator_site')
      input.stairwells.push({
        id: `${prefix}${String(p.doorNumber)}`,
        buildingId: building.get(String(p.doorNumber)) ?? 'unknown',
        readyDay: rng.int(0, opts.maxReadyDay),
        zone: constructionZone(f.geometry as Polygon),
        weight: Math.round((rng.int(0, 12) + rng.int(0, 3) * 3 + 0.1) * 10) / 10,
      });
    else if (p.kind === 'fire_lane')
      input.fireLanes.push({ id: `${prefix}${String(p.name)}`, line: f.geometry as LineString, roadWidthM: Number(p.roadWidthM), clearWidthM: Number(p.clearWidthM ?? 4) });
    else if (p.kind === 'parking') input.parkingSpaces.push({ id: `${prefix}${String(p.spaceId)}`, polygon: f.geometry as Polygon });
  }
  return input;
}

/** A random small estate of `stairwells` stairwells (two rows, a fire lane between), for exact comparisons. */
export function randomSmallInstance(seed: number, stairwells: number, opts: InstanceOptions): PhasingInput {
  const rng = createRng(seed);
  const counts: number[] = [];
  for (let left = stairwells; left > 0; ) {
    const n = Math.min(left, rng.int(2, 4));
    counts.push(n);
    left -= n;
  }
  const half = Math.ceil(counts.length / 2);
  const plan: LayoutPlan = {
    name: `random-${seed}`,
    doorPrefix: 'R',
    centre: [121.4 + rng.next() * 0.01, 31.22 + rng.next() * 0.01],
    rows: [counts.slice(0, half), counts.slice(half)].filter((r) => r.length > 0),
    fireLaneAfterRow: rng.chance(0.5) ? 0 : -1,
  };
  return phasingInputFromLayout(generateLayout(plan), rng, opts);
}

/** The district of SPEC §9: `estates` copies of a Fenghe-like estate on a 600 m grid, one phasing input. */
export function districtInstance(seed: number, estates: number, base: LayoutPlan, opts: InstanceOptions): PhasingInput {
  const rng = createRng(seed);
  const side = Math.ceil(Math.sqrt(estates));
  const merged: PhasingInput = { stairwells: [], fireLanes: [], parkingSpaces: [], ...opts };
  for (let e = 0; e < estates; e++) {
    const centre: [number, number] = [base.centre[0] + (e % side) * 0.0063, base.centre[1] + Math.floor(e / side) * 0.0054];
    const part = phasingInputFromLayout(generateLayout({ ...base, centre }), rng, opts, `E${e + 1}/`);
    merged.stairwells.push(...part.stairwells);
    merged.fireLanes.push(...part.fireLanes);
    merged.parkingSpaces.push(...part.parkingSpaces);
  }
  return merged;
}
