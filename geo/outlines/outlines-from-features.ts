import { area, polygon as turfPolygon } from '@turf/turf';
import { firstCrossing } from '../geometry/index.ts';
import type { PolygonGeometry } from '../estate/geometry-schemas.ts';
import { MAX_RING_POSITIONS } from '../estate/geometry-schemas.ts';
import { longAxis } from '../estate/long-axis.ts';
import type { LngLat } from '../geometry/local-frame.ts';
import { problem, type Problem } from '../problems/index.ts';
import { inChina, positionToWgs84, type OutlineCrs } from './outline-crs.ts';

/** An attribute value as a table shows it. */
export type AttributeValue = string | number | boolean | null;

/** One building outline read from a file: a polygon in WGS-84 with the file's attributes. */
export interface Outline {
  /** The feature's position in the file, with the part for a multi-polygon: `12`, `12-2`. */
  id: string;
  polygon: PolygonGeometry;
  properties: Record<string, AttributeValue>;
  areaM2: number;
  /** Length along its long axis: how many stairwells fit side by side. */
  lengthM: number;
  /** Why it cannot become a building (a ring that crosses itself), or null. */
  problem: Problem | null;
}

export interface OutlineSet {
  outlines: Outline[];
  /** Every attribute name, the most common first. */
  fields: string[];
  /** Features that are not areas: a file of points or lines has no outlines. */
  skipped: { points: number; lines: number };
}

/** More outlines than a district's GIS layer holds is not a file to pick an estate from. */
export const MAX_OUTLINES = 50_000;

type Raw = { type?: unknown; coordinates?: unknown; geometries?: unknown };

const depth = (c: unknown): number => (Array.isArray(c) ? 1 + depth(c[0]) : 0);

/** Every polygon's rings in a geometry: Polygon, MultiPolygon, a Polygon nested like a MultiPolygon, or inside a GeometryCollection. */
function polygonsOf(geometry: Raw | null | undefined, counts: OutlineSet['skipped']): unknown[][][] {
  if (!geometry || typeof geometry !== 'object') return [];
  const { type, coordinates } = geometry;
  if (type === 'GeometryCollection' && Array.isArray(geometry.geometries)) return geometry.geometries.flatMap((g) => polygonsOf(g as Raw, counts));
  if ((type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates)) {
    // City GIS exports write some Polygons one level deeper, as MultiPolygons.
    return depth(coordinates) >= 4 ? (coordinates as unknown[][][]) : [coordinates as unknown[][]];
  }
  if (type === 'Point' || type === 'MultiPoint') counts.points += 1;
  else if (type === 'LineString' || type === 'MultiLineString') counts.lines += 1;
  return [];
}

function scalar(v: unknown): AttributeValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.slice(0, 200);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  return JSON.stringify(v).slice(0, 200);
}

/** A ring as [lng, lat] positions in WGS-84, closed, without repeated positions; null when fewer than 3 corners remain. */
function cleanRing(ring: unknown, crs: OutlineCrs): LngLat[] | null {
  if (!Array.isArray(ring)) return null;
  const out: LngLat[] = [];
  for (const p of ring.slice(0, MAX_RING_POSITIONS)) {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
    const q = positionToWgs84(crs, [p[0], p[1]]);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const [first, last] = [out[0], out[out.length - 1]];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push(first);
  return out.length >= 4 ? out : null;
}

/**
 * The building outlines in a GeoJSON FeatureCollection with any attributes
 * (a city GIS layer, an OSM or KML export, a Shapefile read as GeoJSON),
 * converted from `crs` to WGS-84: each polygon and each part of a
 * multi-polygon becomes one outline; points and lines are counted, not read.
 */
/**
 * How a file draws its features, not what they are: KML's styles as
 * togeojson writes them (simplestyle fill, stroke, their opacity and width,
 * styleUrl …). Never offered as the floors or the building code.
 */
const STYLE_PROPERTY = /^(fill|stroke|marker)(-.+)?$|^(styleUrl|styleHash|styleMapHash|visibility|icon|icon-.+|label-.+|tessellate|extrude|altitudeMode)$/i;
const isStyleProperty = (key: string): boolean => STYLE_PROPERTY.test(key);

export function outlinesFromFeatures(collection: unknown, crs: OutlineCrs): { ok: true; set: OutlineSet } | { ok: false; problems: Problem[] } {
  const features = (collection as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return { ok: false, problems: [problem('文件不是要素集合（FeatureCollection），读不出楼栋轮廓', 'the file is not a FeatureCollection, so it has no outlines to read')] };
  const skipped = { points: 0, lines: 0 };
  const outlines: Outline[] = [];
  const fieldCounts = new Map<string, number>();
  features.forEach((raw, index) => {
    const feature = raw as { geometry?: Raw; properties?: Record<string, unknown> | null } | null;
    const parts = polygonsOf(feature?.geometry, skipped);
    const properties = Object.fromEntries(Object.entries(feature?.properties ?? {}).map(([k, v]) => [k, scalar(v)]));
    for (const key of Object.keys(properties)) if (!isStyleProperty(key)) fieldCounts.set(key, (fieldCounts.get(key) ?? 0) + 1);
    parts.forEach((rings, part) => {
      if (outlines.length >= MAX_OUTLINES) return;
      const id = parts.length > 1 ? `${index}-${part + 1}` : String(index);
      const cleaned = (Array.isArray(rings) ? rings : []).map((r) => cleanRing(r, crs));
      const outer = cleaned[0];
      if (!outer) return;
      const polygon: PolygonGeometry = { type: 'Polygon', coordinates: [outer, ...cleaned.slice(1).filter((r): r is LngLat[] => r !== null)] };
      const crossing = firstCrossing(polygon.coordinates);
      outlines.push({
        id,
        polygon,
        properties,
        areaM2: Math.round(area(turfPolygon(polygon.coordinates)) * 10) / 10,
        lengthM: Math.round(longAxis(polygon).lengthM * 10) / 10,
        problem: crossing
          ? problem(
              `轮廓 #${id} 的边自相交于 (${crossing[0].toFixed(6)}, ${crossing[1].toFixed(6)})，请在 GIS 软件中修正为简单多边形`,
              `outline #${id} crosses itself at (${crossing[0].toFixed(6)}, ${crossing[1].toFixed(6)}); fix it into a simple polygon in your GIS`,
            )
          : null,
      });
    });
  });
  if (outlines.length === 0) {
    const what = skipped.points ? `${skipped.points} 个点` : skipped.lines ? `${skipped.lines} 条线` : '没有几何';
    const whatEn = skipped.points ? `${skipped.points} points` : skipped.lines ? `${skipped.lines} lines` : 'no geometry';
    return {
      ok: false,
      problems: [problem(`文件里是${what}，没有楼栋轮廓（面）：请导出建筑物的面图层`, `the file holds ${whatEn} and no building outlines (polygons): export the buildings' polygon layer`)],
    };
  }
  const outside = outlines.filter((o) => !inChina(o.polygon.coordinates[0]![0]!));
  if (outside.length > outlines.length / 2) {
    const [lng, lat] = outside[0]!.polygon.coordinates[0]![0]!;
    return {
      ok: false,
      problems: [
        problem(
          `读作${crs.name.zh}后，轮廓位于中国以外（例如 ${lng}, ${lat}）：文件的坐标系可能标错了；请确认导出时的坐标系`,
          `read as ${crs.name.en}, the outlines lie outside China (e.g. ${lng}, ${lat}): the file's CRS is probably mislabelled; check the CRS it was exported in`,
        ),
      ],
    };
  }
  const fields = [...fieldCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  return { ok: true, set: { outlines, fields, skipped } };
}
