import { booleanWithin, centroid, distance, kinks } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEstateGeoJSON } from '../../../geo/estate/index.ts';
import { FENGHE_PLAN, generateLayout } from '../../../geo/synthetic/index.ts';
import { FENGHE_DIR } from '../../support/test-server.ts';

const layout = generateLayout(FENGHE_PLAN);
const ofKind = (kind: string) => layout.features.filter((f) => f.properties?.kind === kind) as Feature<Polygon>[];

describe('the bundled Fenghe Garden layout', () => {
  it('is what the committed data/fenghe/estate.geojson holds (regenerate with npm run data:generate)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(FENGHE_DIR, 'estate.geojson'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(layout)));
  });

  it('is deterministic', () => {
    expect(generateLayout(FENGHE_PLAN)).toEqual(layout);
  });

  it('parses in the import format of SPEC §7: 20 buildings, 80 stairwells each with a site, 250–350 spaces', () => {
    const parsed = parseEstateGeoJSON(layout);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.layout.buildings).toHaveLength(20);
    expect(parsed.layout.stairwells).toHaveLength(80);
    expect(parsed.layout.stairwells.every((s) => s.elevatorSite !== null)).toBe(true);
    expect(parsed.layout.parking.length).toBeGreaterThanOrEqual(250);
    expect(parsed.layout.parking.length).toBeLessThanOrEqual(350);
    expect(parsed.layout.fireLanes.every((f) => f.clearWidthM >= 4)).toBe(true);
    expect(parsed.layout.schematic).toBe(true);
  });

  it('sits north of Changfeng Park, within 300 m of 31.227 N, 121.400 E', () => {
    const [boundary] = ofKind('boundary');
    const centre = centroid(boundary!);
    expect(distance(centre, [121.4, 31.227], { units: 'meters' })).toBeLessThan(300);
  });

  it('has closed rings and no self-intersections in any polygon', () => {
    const polygons = layout.features.filter((f) => f.geometry.type === 'Polygon') as Feature<Polygon>[];
    for (const f of polygons) {
      const ring = f.geometry.coordinates[0] as Position[];
      expect(ring[0]).toEqual(ring.at(-1));
      expect(kinks(f).features, JSON.stringify(f.properties)).toHaveLength(0);
    }
  });

  it('keeps every stairwell inside its building, and its door on the footprint', () => {
    const buildings = new Map(ofKind('building').map((b) => [b.properties?.code as string, b]));
    for (const s of ofKind('stairwell')) {
      const building = buildings.get(s.properties?.buildingCode as string);
      expect(building, s.properties?.doorNumber as string).toBeDefined();
      expect(booleanWithin(s, building!)).toBe(true);
    }
  });

  it('puts elevator sites of 8–14 m² outside the building, on its north side', () => {
    const stairwells = new Map(ofKind('stairwell').map((s) => [s.properties?.doorNumber as string, s]));
    for (const site of ofKind('elevator_site')) {
      const s = stairwells.get(site.properties?.doorNumber as string)!;
      const siteRing = site.geometry.coordinates[0] as Position[];
      const northEdge = Math.max(...(s.geometry.coordinates[0] as Position[]).map((p) => p[1] as number));
      expect(Math.min(...siteRing.map((p) => p[1] as number))).toBeCloseTo(northEdge, 7);
      const widthM = distance(siteRing[0]!, siteRing[1]!, { units: 'meters' });
      const depthM = distance(siteRing[1]!, siteRing[2]!, { units: 'meters' });
      expect(widthM * depthM).toBeGreaterThanOrEqual(8);
      expect(widthM * depthM).toBeLessThanOrEqual(14);
    }
  });

  it('numbers doors uniquely in Shanghai style', () => {
    const doors = ofKind('stairwell').map((s) => s.properties?.doorNumber as string);
    expect(new Set(doors).size).toBe(80);
    expect(doors[44]).toBe('长风二村 45号');
  });
});
