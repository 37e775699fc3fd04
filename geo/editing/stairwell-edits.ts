import { area, booleanPointInPolygon, featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import type { PolygonGeometry } from '../estate/geometry-schemas.ts';
import type { EstateFeature } from '../estate/layout-to-geojson.ts';
import { northDoorAndSite } from '../estate/north-side.ts';
import type { LngLat } from '../geometry/local-frame.ts';
import { refused, withFeatures, type EditResult, type EstateCollection } from './estate-collection.ts';
import { frameAt, rotatePolygon } from './metric.ts';

const round = (ring: number[][]): LngLat[] => ring.map(([x, y]) => [Math.round(x! * 1e7) / 1e7, Math.round(y! * 1e7) / 1e7]);

/** The two sides of a polygon cut by the straight line through a and b; null when the line does not cross it. */
export function cutPolygon(p: PolygonGeometry, a: LngLat, b: LngLat): [PolygonGeometry, PolygonGeometry] | null {
  const frame = frameAt(p);
  const [ax, ay] = frame.toMetres(a);
  const [bx, by] = frame.toMetres(b);
  const len = Math.hypot(bx - ax, by - ay);
  if (len < 0.5) return null;
  const [ux, uy] = [(bx - ax) / len, (by - ay) / len];
  const far = 2000;
  const side = (s: 1 | -1) =>
    turfPolygon([
      [
        frame.toLngLat([ax - ux * far, ay - uy * far]),
        frame.toLngLat([ax + ux * far, ay + uy * far]),
        frame.toLngLat([ax + ux * far - uy * far * s, ay + uy * far + ux * far * s]),
        frame.toLngLat([ax - ux * far - uy * far * s, ay - uy * far + ux * far * s]),
        frame.toLngLat([ax - ux * far, ay - uy * far]),
      ],
    ]);
  const pieces = ([1, -1] as const).map((s) => intersect(featureCollection([turfPolygon(p.coordinates), side(s)])));
  const polys = pieces.map((piece) => (piece?.geometry.type === 'Polygon' && area(piece) > 1 ? ({ type: 'Polygon' as const, coordinates: piece.geometry.coordinates.map(round) }) : null));
  return polys[0] && polys[1] ? [polys[0], polys[1]] : null;
}

/**
 * A stairwell split in two by a line drawn across it (its ends outside, its
 * middle inside the stairwell): the side holding the door keeps the door
 * number, door and elevator site; the other becomes `newDoorNumber` with a
 * door and site on its north side.
 */
export function splitStairwell(estate: EstateCollection, line: LngLat[], newDoorNumber: string): EditResult {
  const [a, b] = [line[0], line[line.length - 1]];
  if (!a || !b) return refused('请画一条穿过门洞的线', 'draw a line across the stairwell');
  const door = newDoorNumber.trim();
  if (!door) return refused('请填写新门洞的门牌号', 'the new stairwell needs a door number');
  if (estate.features.some((f) => f.properties.kind === 'stairwell' && f.properties.doorNumber === door)) return refused(`门牌号 ${door} 已有`, `door number ${door} is already used`);
  const middle: LngLat = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const target = estate.features.find((f) => f.properties.kind === 'stairwell' && booleanPointInPolygon(middle, turfPolygon((f.geometry as PolygonGeometry).coordinates)));
  if (!target) return refused('线的中点不在任何门洞内：请从楼外画到楼外，穿过要分开的门洞', 'the middle of the line is in no stairwell: draw it from outside the building to outside, across the stairwell to split');
  const pieces = cutPolygon(target.geometry as PolygonGeometry, a, b);
  if (!pieces) return refused(`线没有把 ${String(target.properties.doorNumber)} 分成两部分`, `the line does not cut ${String(target.properties.doorNumber)} in two`);
  const oldDoor = (target.properties.door as LngLat | undefined) ?? null;
  const keepsDoor = oldDoor && booleanPointInPolygon(oldDoor, turfPolygon(pieces[1].coordinates), { ignoreBoundary: false }) ? 1 : 0;
  const [kept, added] = [pieces[keepsDoor], pieces[1 - keepsDoor]!] as [PolygonGeometry, PolygonGeometry];
  const parts = northDoorAndSite(added);
  const newStairwell: EstateFeature = { type: 'Feature', geometry: added, properties: { kind: 'stairwell', doorNumber: door, buildingCode: target.properties.buildingCode, door: parts.door } };
  const newSite: EstateFeature = { type: 'Feature', geometry: parts.elevatorSite, properties: { kind: 'elevator_site', doorNumber: door } };
  return withFeatures(estate, [...estate.features.map((f) => (f === target ? { ...f, geometry: kept } : f)), newStairwell, newSite]);
}

/** A door number for a stairwell split off: the next unit of its building (12幢5单元), else the old door with -2. */
export function nextDoorNumber(estate: EstateCollection, buildingCode: string, fromDoor: string): string {
  const doors = estate.features.filter((f) => f.properties.kind === 'stairwell').map((f) => String(f.properties.doorNumber));
  const units = doors.map((d) => new RegExp(`^${buildingCode.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)单元$`).exec(d)).filter((m) => m !== null);
  if (units.length) return `${buildingCode}${Math.max(...units.map((m) => Number(m[1]))) + 1}单元`;
  let n = 2;
  while (doors.includes(`${fromDoor}-${n}`)) n++;
  return `${fromDoor}-${n}`;
}

/** An elevator site turned about its centre by `degrees` (anticlockwise), as the lift sits against its stair. */
export function rotateSite(estate: EstateCollection, doorNumber: string, degrees: number): EditResult {
  const site = estate.features.find((f) => f.properties.kind === 'elevator_site' && f.properties.doorNumber === doorNumber);
  if (!site) return refused(`${doorNumber} 没有加梯位置`, `${doorNumber} has no elevator site`);
  const turned = rotatePolygon(site.geometry as PolygonGeometry, degrees);
  return withFeatures(
    estate,
    estate.features.map((f) => (f === site ? { ...f, geometry: turned } : f)),
  );
}
