import { area, booleanPointInPolygon, distance, polygon } from '@turf/turf';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertPosition, datumOffset, featureCollectionToWgs84, parseEstateGeoJSON } from '../../../geo/estate/index.ts';
import type { LngLat } from '../../../geo/geometry/local-frame.ts';
import { ROOT } from '../../support/test-server.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'import', `${name}.geojson`), 'utf8'));
const errorsOf = (name: string) => {
  const r = parseEstateGeoJSON(fixture(name));
  return r.ok ? [] : r.errors;
};

describe('importing an estate file rejects what would silently go wrong', () => {
  it.each([
    // A whole file in the wrong CRS is one sentence, not one line per feature.
    ['projected-3857', /^every feature's coordinates look projected, e\.g\. \(1351\d{4}(\.\d+)?, 366\d{4}(\.\d+)?\) in metres/],
    ['outside-china', /^every feature lies outside China, e\.g\. \(-3\.\d+, 51\.\d+\)/],
    ['ring-not-closed', /features\[1\] \(building\) geometry\.coordinates\.0: a ring must be closed/],
    ['ring-crosses-itself', /features\[1\] \(building\): a ring crosses itself at \(121\.\d+, 31\.\d+\)/],
    ['stairwell-outside-building', /features\[4\] \(stairwell 试点路1号3单元\): lies outside its building 1幢 \(0% inside, at least 95% expected\)/],
    ['duplicate-door-number', /features\[3\]: door number 试点路1号1单元 already used by features\[2\]/],
  ])('%s', (name, message) => {
    const errors = errorsOf(name);
    expect(errors.some((e) => message.test(e)), errors.join('\n')).toBe(true);
  });

  it('names swapped latitude and longitude as such: by feature, or in one sentence when the whole file is swapped', () => {
    const fc = fixture('valid') as { features: { geometry: { coordinates: unknown } }[] };
    const swap = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? [c[1], c[0], ...(c.slice(2) as unknown[])] : Array.isArray(c) ? c.map(swap) : c);
    fc.features[0]!.geometry.coordinates = swap(fc.features[0]!.geometry.coordinates);
    const r = parseEstateGeoJSON(fc);
    expect(r.ok ? [] : r.errors).toEqual([expect.stringMatching(/^features\[0\] \(boundary\): \(31\.\d+, 121\.\d+\) has latitude and longitude swapped/)]);
    for (const f of fc.features.slice(1)) f.geometry.coordinates = swap(f.geometry.coordinates);
    const whole = parseEstateGeoJSON(fc);
    expect(whole.ok ? [] : whole.errors).toEqual([expect.stringMatching(/^every feature has latitude and longitude swapped, e\.g\. \(31\.\d+, 121\.\d+\).*整个文件的经纬度顺序颠倒/)]);
  });

  it('accepts the valid file and splits a building given without stairwells, doors and elevator sites on the north side', () => {
    const r = parseEstateGeoJSON(fixture('valid'));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const split = r.layout.stairwells.filter((s) => s.buildingCode === '2幢');
    expect(split.map((s) => s.doorNumber)).toEqual(['2幢1单元', '2幢2单元', '2幢3单元', '2幢4单元']);
    const building = r.layout.buildings.find((b) => b.code === '2幢')!;
    const total = split.reduce((sum, s) => sum + area(polygon(s.footprint.coordinates)), 0);
    expect(total / area(polygon(building.footprint.coordinates))).toBeCloseTo(1, 3);
    const northEdge = Math.max(...building.footprint.coordinates[0]!.map((p) => p[1]));
    for (const s of split) {
      expect(Math.abs(s.door[1] - northEdge)).toBeLessThan(1e-6); // on the north wall
      const site = s.elevatorSite!.coordinates[0]!;
      expect(Math.min(...site.map((p) => p[1]))).toBeGreaterThanOrEqual(northEdge - 1e-7); // outside, to the north
      expect(area(polygon(s.elevatorSite!.coordinates))).toBeCloseTo(2.4 * 2.4, 0);
      expect(booleanPointInPolygon(s.door, polygon(building.footprint.coordinates), { ignoreBoundary: false })).toBe(true);
    }
  });
});

describe('GCJ-02 and BD-09', () => {
  const centre = (fc: unknown): LngLat => {
    const r = parseEstateGeoJSON(fc);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const ring = r.layout.boundary.coordinates[0]!;
    return [(ring[0]![0] + ring[2]![0]) / 2, (ring[0]![1] + ring[2]![1]) / 2];
  };

  it('detects a file traced from a Chinese web map by its offset from the estate it should coincide with', () => {
    const wgs = centre(fixture('valid'));
    const gcj = datumOffset(centre(fixture('traced-gcj02')), wgs);
    expect(gcj?.datum).toBe('gcj02');
    expect(gcj!.offsetM).toBeGreaterThan(400);
    expect(gcj!.offsetM).toBeLessThan(600); // ≈ 490 m at Changfeng
    expect(datumOffset(centre(fixture('traced-bd09')), wgs)?.datum).toBe('bd09');
    expect(datumOffset(wgs, wgs)).toBeNull();
    // Another estate 2 km away is not an offset.
    expect(datumOffset([wgs[0] + 0.02, wgs[1]], wgs)).toBeNull();
  });

  it('converts a traced file back onto the WGS-84 original, within 0.5 m', () => {
    for (const datum of ['gcj02', 'bd09'] as const) {
      const back = centre(featureCollectionToWgs84(fixture(`traced-${datum}`), datum));
      expect(distance(back, centre(fixture('valid')), { units: 'meters' })).toBeLessThan(0.5);
    }
    expect(convertPosition([121.399, 31.227], 'wgs84', 'wgs84')).toEqual([121.399, 31.227]);
  });
});
