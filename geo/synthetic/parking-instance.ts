import type { Point, Polygon } from 'geojson';
import type { Claimant, ParkingSpace } from '../parking/parking-types.ts';
import { generateLayout } from './generate-layout.ts';
import type { LayoutPlan } from './layout-plan.ts';
import { createRng } from './rng.ts';

/**
 * A parking instance from `estates` Fenghe-like estates on a 600 m grid: all
 * their spaces and `claimants` low-floor households at random doors with
 * random priorities, for benchmarks and tests.
 */
export function parkingInstance(seed: number, estates: number, claimants: number, base: LayoutPlan): { spaces: ParkingSpace[]; claimants: Claimant[] } {
  const rng = createRng(seed);
  const side = Math.ceil(Math.sqrt(estates));
  const spaces: ParkingSpace[] = [];
  const doors: Point[] = [];
  for (let e = 0; e < estates; e++) {
    const centre: [number, number] = [base.centre[0] + (e % side) * 0.0063, base.centre[1] + Math.floor(e / side) * 0.0054];
    for (const f of generateLayout({ ...base, centre }).features) {
      const p = f.properties ?? {};
      if (p.kind === 'parking') spaces.push({ id: `E${e + 1}/${String(p.spaceId)}`, polygon: f.geometry as Polygon });
      if (p.kind === 'stairwell' && Array.isArray(p.door)) doors.push({ type: 'Point', coordinates: p.door as [number, number] });
    }
  }
  return {
    spaces,
    claimants: Array.from({ length: claimants }, (_, i) => ({ flatId: `F${i + 1}`, door: rng.pick(doors), priority: rng.int(0, 20) })),
  };
}
