import { area, centroid, polygon as turfPolygon } from '@turf/turf';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEstateGeoJSON, type PolygonGeometry } from '../../../geo/estate/index.ts';
import { addBuilding, addFireLane, addParkingRow, nextDoorNumber, placeBuilding, rotateSite, splitStairwell, type EditResult, type EstateCollection } from '../../../geo/editing/index.ts';
import { createLocalFrame, type LngLat } from '../../../geo/geometry/index.ts';
import { FENGHE_DIR } from '../../support/test-server.ts';

const fenghe = () => JSON.parse(readFileSync(join(FENGHE_DIR, 'estate.geojson'), 'utf8')) as EstateCollection;
const ok = (r: EditResult): EstateCollection => {
  if (!r.ok) throw new Error(r.problem.en);
  const parsed = parseEstateGeoJSON(r.estate);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return r.estate;
};
const find = (e: EstateCollection, kind: string, key: string, value: string) => e.features.find((f) => f.properties.kind === kind && f.properties[key] === value)!;
const metresEast = (p: LngLat, m: number): LngLat => createLocalFrame(p).toLngLat([m, 0]);
const centre = (g: GeoJSON.Polygon | GeoJSON.LineString) => centroid(g.type === 'Polygon' ? turfPolygon(g.coordinates) : { type: 'Feature', geometry: g, properties: {} }).geometry.coordinates as LngLat;

describe('editing an estate on the map, through the import’s checks', () => {
  it('a building dragged 5 m east takes its stairwells, doors and elevator sites with it', () => {
    const before = fenghe();
    const building = find(before, 'building', 'code', '1幢').geometry as PolygonGeometry;
    const d = metresEast(building.coordinates[0]![0]!, 5);
    const offset: LngLat = [d[0] - building.coordinates[0]![0]![0], d[1] - building.coordinates[0]![0]![1]];
    const moved: PolygonGeometry = { type: 'Polygon', coordinates: building.coordinates.map((r) => r.map(([x, y]) => [Math.round((x + offset[0]) * 1e7) / 1e7, Math.round((y + offset[1]) * 1e7) / 1e7])) };
    const after = ok(placeBuilding(before, '1幢', moved));
    const doors = before.features.filter((f) => f.properties.kind === 'stairwell' && f.properties.buildingCode === '1幢').map((f) => String(f.properties.doorNumber));
    expect(doors).toHaveLength(4);
    for (const door of doors) {
      const [a, b] = [find(before, 'elevator_site', 'doorNumber', door), find(after, 'elevator_site', 'doorNumber', door)];
      expect(centre(b.geometry)[0] - centre(a.geometry)[0]).toBeCloseTo(offset[0], 6);
      expect((find(after, 'stairwell', 'doorNumber', door).properties.door as LngLat)[0]).toBeCloseTo((find(before, 'stairwell', 'doorNumber', door).properties.door as LngLat)[0] + offset[0], 6);
    }
  });

  it('a building reshaped is split again into as many stairwells, door numbers in order along it', () => {
    const before = fenghe();
    const building = find(before, 'building', 'code', '1幢').geometry as PolygonGeometry;
    const ring = building.coordinates[0]!;
    const east = Math.max(...ring.map((p) => p[0]));
    // The east wall moved 9 m further east.
    const longer = ring.map(([x, y]) => (x === east ? metresEast([x, y], 9) : ([x, y] as LngLat)));
    const after = ok(placeBuilding(before, '1幢', { type: 'Polygon', coordinates: [longer] }));
    const stairwells = after.features.filter((f) => f.properties.kind === 'stairwell' && f.properties.buildingCode === '1幢');
    const westToEast = [...stairwells].sort((a, b) => centre(a.geometry)[0] - centre(b.geometry)[0]).map((f) => f.properties.doorNumber);
    const beforeOrder = before.features.filter((f) => f.properties.kind === 'stairwell' && f.properties.buildingCode === '1幢').sort((a, b) => centre(a.geometry)[0] - centre(b.geometry)[0]).map((f) => f.properties.doorNumber);
    expect(westToEast).toEqual(beforeOrder);
    const total = stairwells.reduce((s, f) => s + area(turfPolygon((f.geometry as PolygonGeometry).coordinates)), 0);
    expect(total / area(turfPolygon([longer]))).toBeCloseTo(1, 2);
  });

  it('a line across a stairwell splits it: the side with the door keeps it, the other is the next unit with a door and site on the north', () => {
    const before = fenghe();
    const target = before.features.find((f) => f.properties.kind === 'stairwell')!;
    const c = centre(target.geometry);
    const frame = createLocalFrame(c);
    const line = [frame.toLngLat([0, -20]), frame.toLngLat([0, 20])];
    const door = nextDoorNumber(before, String(target.properties.buildingCode), String(target.properties.doorNumber));
    const after = ok(splitStairwell(before, line, door));
    expect(after.features.filter((f) => f.properties.kind === 'stairwell')).toHaveLength(81);
    expect(after.features.filter((f) => f.properties.kind === 'elevator_site')).toHaveLength(81);
    const [kept, added] = [find(after, 'stairwell', 'doorNumber', String(target.properties.doorNumber)), find(after, 'stairwell', 'doorNumber', door)];
    const sum = area(turfPolygon((kept.geometry as PolygonGeometry).coordinates)) + area(turfPolygon((added.geometry as PolygonGeometry).coordinates));
    expect(sum).toBeCloseTo(area(turfPolygon((target.geometry as PolygonGeometry).coordinates)), 0);
    const outside = splitStairwell(before, [frame.toLngLat([300, 300]), frame.toLngLat([300, 340])], 'x');
    expect(!outside.ok && outside.problem.zh).toContain('线的中点不在任何门洞内');
  });

  it('turns an elevator site about its centre, keeping its size', () => {
    const before = fenghe();
    const site = before.features.find((f) => f.properties.kind === 'elevator_site')!;
    const after = ok(rotateSite(before, String(site.properties.doorNumber), 90));
    const turned = find(after, 'elevator_site', 'doorNumber', String(site.properties.doorNumber));
    expect(area(turfPolygon((turned.geometry as PolygonGeometry).coordinates))).toBeCloseTo(area(turfPolygon((site.geometry as PolygonGeometry).coordinates)), 1);
    expect(centre(turned.geometry)[0]).toBeCloseTo(centre(site.geometry)[0], 6);
  });

  it('draws a row of 2.5 × 5.3 m spaces along a kerb, numbered after the last', () => {
    const before = fenghe();
    const boundary = before.features.find((f) => f.properties.kind === 'boundary')!.geometry as PolygonGeometry;
    const corner = boundary.coordinates[0]![0]!;
    const frame = createLocalFrame(corner);
    const after = ok(addParkingRow(before, [frame.toLngLat([10, 3]), frame.toLngLat([36, 3])], null, 'left'));
    const added = after.features.slice(before.features.length);
    expect(added.map((f) => f.properties.spaceId)).toEqual(['P337', 'P338', 'P339', 'P340', 'P341', 'P342', 'P343', 'P344', 'P345', 'P346']);
    for (const f of added) expect(area(turfPolygon((f.geometry as PolygonGeometry).coordinates))).toBeCloseTo(2.5 * 5.3, 0);
  });

  it('refuses a fire lane narrower than 4 m clear, and a building code already used', () => {
    const before = fenghe();
    const line = { type: 'LineString' as const, coordinates: [[121.399, 31.227], [121.4, 31.227]] as LngLat[] };
    const narrow = addFireLane(before, line, { name: '新消防车道', roadWidthM: 6, clearWidthM: 3 });
    expect(!narrow.ok && narrow.problem.zh).toContain('净宽应不小于 4 米');
    ok(addFireLane(before, line, { name: '新消防车道', roadWidthM: 6, clearWidthM: 4 }));
    const square = find(before, 'building', 'code', '2幢').geometry as PolygonGeometry;
    expect(addBuilding(before, square, { code: '2幢', floors: 6, stairwellCount: 2 })).toMatchObject({ ok: false, problem: { en: 'building code 2幢 is already used' } });
  });
});
