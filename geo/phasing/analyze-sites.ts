import { bbox, booleanIntersects, buffer, lineString, polygon } from '@turf/turf';
import type { Feature, Polygon as GeoPolygon, MultiPolygon } from 'geojson';
import RBush from 'rbush';
import type { PhasingInput } from './phasing-types.ts';

/** What one site's construction zone touches. */
export interface SiteFacts {
  /** Lanes whose clear corridor (centre ± clearWidthM/2) the zone cuts: the site cannot be built. */
  blocksLanes: string[];
  /** Lanes whose road corridor (centre ± roadWidthM/2 + 2 m) the zone reaches: one such site per lane per phase. */
  narrowsLanes: string[];
  /** Parking spaces the zone takes out of use, in input order. */
  parking: string[];
}

interface Boxed<T> {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  item: T;
}

function boxed<T>(f: Feature<GeoPolygon | MultiPolygon> | GeoPolygon, item: T): Boxed<T> {
  const [minX, minY, maxX, maxY] = bbox(f);
  return { minX, minY, maxX, maxY, item };
}

/**
 * The geometry behind every hard constraint of SPEC §5, computed once per
 * input: which lanes each site blocks or narrows, which spaces it takes.
 */
export function analyzeSites(input: PhasingInput): Map<string, SiteFacts> {
  const corridors = new RBush<Boxed<{ id: string; kind: 'clear' | 'road'; shape: Feature<GeoPolygon | MultiPolygon> }>>();
  for (const lane of input.fireLanes) {
    const line = lineString(lane.line.coordinates);
    for (const [kind, radiusM] of [
      ['clear', lane.clearWidthM / 2],
      ['road', lane.roadWidthM / 2 + 2],
    ] as const) {
      const shape = buffer(line, radiusM, { units: 'meters' });
      if (shape) corridors.insert(boxed(shape, { id: lane.id, kind, shape }));
    }
  }
  const spaces = new RBush<Boxed<{ id: string; order: number; shape: GeoPolygon }>>();
  spaces.load(input.parkingSpaces.map((p, order) => boxed(p.polygon, { id: p.id, order, shape: p.polygon })));

  const facts = new Map<string, SiteFacts>();
  for (const s of input.stairwells) {
    const zone = polygon(s.zone.coordinates);
    const box = boxed(zone, null);
    const blocks = new Set<string>();
    const narrows = new Set<string>();
    for (const { item } of corridors.search(box)) {
      if (!booleanIntersects(zone, item.shape)) continue;
      (item.kind === 'clear' ? blocks : narrows).add(item.id);
    }
    const parking = spaces
      .search(box)
      .filter(({ item }) => booleanIntersects(zone, item.shape))
      .sort((a, b) => a.item.order - b.item.order)
      .map(({ item }) => item.id);
    const laneOrder = (ids: Set<string>) => input.fireLanes.map((l) => l.id).filter((id) => ids.has(id));
    facts.set(s.id, { blocksLanes: laneOrder(blocks), narrowsLanes: laneOrder(narrows), parking });
  }
  return facts;
}
