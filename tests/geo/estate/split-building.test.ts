import { area, booleanWithin, buffer, featureCollection, polygon, union } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitBuilding, type PolygonGeometry } from '../../../geo/estate/index.ts';
import { expectGolden } from '../../support/golden.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'split-building');

describe('splitBuilding', () => {
  const building = JSON.parse(readFileSync(join(FIXTURES, 'in', 'rotated-68x11.geojson'), 'utf8')) as Feature<Polygon>;
  const slices = splitBuilding(building.geometry as PolygonGeometry, 4);

  it('cuts a rotated block into equal slices across its long side (golden file)', () => {
    expectGolden(join(FIXTURES, 'out', 'rotated-68x11.geojson'), {
      type: 'FeatureCollection',
      features: slices.map((geometry, i) => ({ type: 'Feature', properties: { slice: i + 1 }, geometry })),
    });
  });

  it('gives slices of equal area that lie inside the block and together cover it', () => {
    const total = area(building);
    // Coordinates are rounded to ~1 cm, so "inside" allows 2 cm.
    const around = buffer(building, 0.02, { units: 'meters' })!;
    for (const s of slices) {
      expect(area(polygon(s.coordinates)) / total).toBeCloseTo(0.25, 3);
      expect(booleanWithin(polygon(s.coordinates), around)).toBe(true);
    }
    const merged = union(featureCollection(slices.map((s) => polygon(s.coordinates))));
    expect(area(merged!) / total).toBeCloseTo(1, 3);
  });
});

describe('golden files', () => {
  it('fail when missing instead of being written silently', () => {
    expect(() => expectGolden(join(FIXTURES, 'out', 'no-such-golden.geojson'), { type: 'FeatureCollection', features: [] })).toThrow(/missing golden file/);
  });
});
