import { centroid, distance, polygon } from '@turf/turf';
import fc from 'fast-check';
import type { Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createLocalFrame, type Metres2 } from '../../../geo/geometry/index.ts';
import { allocateParking, claimantsFor, greedyParking, type Claimant, type ParkingSpace } from '../../../geo/parking/index.ts';

const frame = createLocalFrame([121.4, 31.227]);
const space = (id: string, x: number, y: number): ParkingSpace => ({
  id,
  polygon: { type: 'Polygon', coordinates: [[[x, y], [x + 5.3, y], [x + 5.3, y + 2.5], [x, y + 2.5], [x, y]].map((p) => frame.toLngLat(p as Metres2))] },
});
const door = (x: number, y: number): Point => ({ type: 'Point', coordinates: frame.toLngLat([x, y]) });
const walk = (c: Claimant, s: ParkingSpace) => distance(c.door.coordinates, centroid(polygon(s.polygon.coordinates)).geometry.coordinates, { units: 'meters' });

/** Every way to give each claimant a distinct reachable space or none: the best (count, walk). */
function bruteForce(spaces: ParkingSpace[], claimants: Claimant[], maxWalkM: number, unavailable: Set<string>) {
  let best = { count: -1, walk: Infinity };
  const used = new Set<string>();
  const go = (i: number, count: number, total: number) => {
    if (i === claimants.length) {
      if (count > best.count || (count === best.count && total < best.walk - 1e-9)) best = { count, walk: total };
      return;
    }
    go(i + 1, count, total);
    for (const s of spaces) {
      if (used.has(s.id) || unavailable.has(s.id)) continue;
      const w = walk(claimants[i]!, s);
      if (w > maxWalkM) continue;
      used.add(s.id);
      go(i + 1, count + 1, total + w);
      used.delete(s.id);
    }
  };
  go(0, 0, 0);
  return best;
}

const instance = fc.record({
  spaces: fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 6 }),
  doors: fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 3 }),
  claimants: fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 6 }),
  maxWalkM: fc.integer({ min: 5, max: 90 }),
  unavailable: fc.array(fc.nat(5), { maxLength: 3 }),
});

describe('allocateParking', () => {
  it('serves as many as brute force can and walks no further, never using an unavailable space', () => {
    fc.assert(
      fc.property(instance, (t) => {
        const spaces = t.spaces.map(([x, y], i) => space(`S${i}`, x * 1.0, y * 3.0));
        const claimants = t.claimants.map(([d, priority], i) => {
          const [x, y] = t.doors[d % t.doors.length]!;
          return { flatId: `F${i}`, door: door(x, y), priority };
        });
        const unavailable = new Set(t.unavailable.map((k) => `S${k}`));
        const result = allocateParking(spaces, claimants, { maxWalkM: t.maxWalkM, unavailable: [...unavailable] });
        const best = bruteForce(spaces, claimants, t.maxWalkM, unavailable);
        expect(result.assignments.length).toBe(best.count);
        expect(result.totalWalkM).toBeCloseTo(best.walk, 2);
        expect(new Set(result.assignments.map((a) => a.spaceId)).size).toBe(result.assignments.length);
        for (const a of result.assignments) {
          expect(unavailable.has(a.spaceId)).toBe(false);
          expect(a.walkM).toBeLessThanOrEqual(t.maxWalkM);
        }
        expect([...result.assignments.map((a) => a.flatId), ...result.waiting].sort()).toEqual(claimants.map((c) => c.flatId).sort());
      }),
      { numRuns: 300, seed: 2026 },
    );
  });

  it('serves more claimants rather than fewer closer ones', () => {
    // A is 2 m from S0 and 4 m from S1; B reaches only S0. Greedy gives S0 to A and strands B.
    const spaces = [space('S0', 0, 0), space('S1', 6, 0)];
    const claimants = [
      { flatId: 'A', door: door(5, 1.25), priority: 2 },
      { flatId: 'B', door: door(-6, 1.25), priority: 1 },
    ];
    const result = allocateParking(spaces, claimants, { maxWalkM: 10 });
    expect(result.assignments.map((a) => [a.flatId, a.spaceId])).toEqual([['A', 'S1'], ['B', 'S0']]);
    expect(greedyParking(spaces, claimants, { maxWalkM: 10 }).waiting).toEqual(['B']);
  });

  it('gives the space to the higher priority when everything else ties', () => {
    const spaces = [space('S0', 0, 0)];
    const same = door(2.65, 5);
    const result = allocateParking(spaces, [
      { flatId: 'younger', door: same, priority: 1 },
      { flatId: 'elder', door: same, priority: 5 },
    ], { maxWalkM: 20 });
    expect(result.assignments.map((a) => a.flatId)).toEqual(['elder']);
    expect(result.waiting).toEqual(['younger']);
  });

  it('leaves everyone waiting when nothing is in reach', () => {
    const result = allocateParking([space('S0', 0, 0)], [{ flatId: 'A', door: door(500, 0), priority: 0 }], { maxWalkM: 50 });
    expect(result).toEqual({ assignments: [], waiting: ['A'], totalWalkM: 0 });
  });

  it('refuses bad input naming the field', () => {
    expect(() => allocateParking([space('S0', 0, 0), space('S0', 9, 0)], [], { maxWalkM: 5 })).toThrow(/spaces\[1\].id: S0 appears twice/);
    expect(() => allocateParking([], [], { maxWalkM: -1 })).toThrow(/opts.maxWalkM/);
  });
});

describe('claimantsFor', () => {
  const base = { door: door(0, 0), aged60to79: 0, aged80plus: 0, signedAt: '2026-10-01T10:00:00+08:00' };
  it('takes signed households on the eligible floors only', () => {
    const flats = [
      { ...base, flatId: '101', floor: 1, status: 'signed' as const },
      { ...base, flatId: '102', floor: 1, status: 'intent' as const },
      { ...base, flatId: '201', floor: 2, status: 'signed' as const },
      { ...base, flatId: '301', floor: 3, status: 'signed' as const },
    ];
    expect(claimantsFor(flats, { floors: [1, 2], maxWalkM: 80 }).map((c) => c.flatId)).toEqual(['101', '201']);
    expect(claimantsFor(flats, { floors: [1], maxWalkM: 80 }).map((c) => c.flatId)).toEqual(['101']);
  });

  it('ranks elders first, then earlier signers', () => {
    const [elder, early, late] = claimantsFor(
      [
        { ...base, flatId: 'elder', floor: 1, status: 'signed', aged80plus: 1, signedAt: '2026-11-20T10:00:00+08:00' },
        { ...base, flatId: 'early', floor: 1, status: 'signed', signedAt: '2026-09-26T10:00:00+08:00' },
        { ...base, flatId: 'late', floor: 1, status: 'signed', signedAt: '2026-11-01T10:00:00+08:00' },
      ],
      { floors: [1, 2], maxWalkM: 80 },
    );
    expect(elder!.priority).toBeGreaterThan(early!.priority);
    expect(early!.priority).toBeGreaterThan(late!.priority);
  });
});
