import { booleanPointInPolygon, buffer, centroid, convex, featureCollection, pointOnFeature, polygon as turfPolygon } from '@turf/turf';
import type { PolygonGeometry } from '../estate/geometry-schemas.ts';
import type { LngLat } from '../geometry/local-frame.ts';
import { problem, type Problem } from '../problems/index.ts';
import { codeOf, estimateStairwells, floorsOf, METRES_PER_STAIRWELL } from './outline-fields.ts';
import type { AttributeValue, Outline } from './outlines-from-features.ts';

/** How the user reads a file's attributes and which outlines they take. */
export interface OutlineMapping {
  floorsField: string | null;
  codeField: string | null;
  /** The floors a walk-up of the campaign has: outlines outside this range are not preselected. */
  minFloors: number;
  maxFloors: number;
  metresPerStairwell: number;
}

export const DEFAULT_MAPPING: OutlineMapping = { floorsField: null, codeField: null, minFloors: 5, maxFloors: 7, metresPerStairwell: METRES_PER_STAIRWELL };

/** One outline as a building of the estate: what the preview table shows and the user edits. */
export interface BuildingChoice {
  outlineId: string;
  footprint: PolygonGeometry;
  /** From the code attribute; null gets a generated code (1幢, 2幢, … north to south, west to east). */
  code: string | null;
  floors: number;
  stairwellCount: number;
  properties: Record<string, AttributeValue>;
}

const insideOf = (within: PolygonGeometry) => (o: Outline) => booleanPointInPolygon(pointOnFeature(turfPolygon(o.polygon.coordinates)), turfPolygon(within.coordinates));

/**
 * The outlines preselected for an estate: inside the boundary (their point
 * on surface) and with floors in range when a floors attribute is chosen
 * (all floors when none is). Those with a problem (a ring crossing itself)
 * are not selected but returned, so the user hears why.
 */
export function preselectOutlines(outlines: Outline[], mapping: OutlineMapping, within: PolygonGeometry | null): { selected: string[]; refused: Outline[] } {
  const inside = within ? insideOf(within) : () => true;
  const candidates = outlines.filter(inside).filter((o) => {
    if (!mapping.floorsField) return true;
    const floors = floorsOf(o.properties[mapping.floorsField]);
    return floors !== null && floors >= mapping.minFloors && floors <= mapping.maxFloors;
  });
  return { selected: candidates.filter((o) => o.problem === null).map((o) => o.id), refused: candidates.filter((o) => o.problem !== null) };
}

/** The selected outlines as buildings: floors from the attribute (else 6), code from the attribute, stairwells estimated from length. */
export function buildingChoices(outlines: Outline[], selected: string[], mapping: OutlineMapping): BuildingChoice[] {
  const ids = new Set(selected);
  return outlines
    .filter((o) => ids.has(o.id))
    .map((o) => ({
      outlineId: o.id,
      footprint: o.polygon,
      code: mapping.codeField ? codeOf(o.properties[mapping.codeField]) : null,
      floors: (mapping.floorsField ? floorsOf(o.properties[mapping.floorsField]) : null) ?? 6,
      stairwellCount: estimateStairwells(o.lengthM, mapping.metresPerStairwell),
      properties: o.properties,
    }));
}

const round7 = ([lng, lat]: LngLat): LngLat => [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];

/** The convex hull of the buildings with a 6 m margin: the estate's boundary when none was drawn. */
export function hullBoundary(footprints: PolygonGeometry[]): PolygonGeometry {
  const hull = convex(featureCollection(footprints.map((f) => turfPolygon(f.coordinates))));
  const grown = hull ? buffer(hull, 6, { units: 'meters', steps: 2 }) : null;
  const ring = grown?.geometry.type === 'Polygon' ? grown.geometry.coordinates[0]! : footprints[0]!.coordinates[0]!;
  return { type: 'Polygon', coordinates: [ring.map((p) => round7(p as LngLat))] };
}

/**
 * Every building's code as it will be stored: its own, or one generated in
 * the reading order of a site plan, rows north to south (10 m bands), west
 * to east within a row, never one another building already has.
 *
 * @example buildingCodes([{ outlineId: '3', code: null, … }]).get('3') // '1幢'
 */
export function buildingCodes(buildings: BuildingChoice[]): Map<string, string> {
  const taken = new Set(buildings.flatMap((b) => (b.code ? [b.code] : [])));
  const centre = (b: BuildingChoice) => centroid(turfPolygon(b.footprint.coordinates)).geometry.coordinates as LngLat;
  const unnamed = buildings.filter((b) => !b.code).map((b) => ({ b, c: centre(b) }));
  // 10 m of latitude ≈ 9e-5°: blocks of one row share a band.
  unnamed.sort((x, y) => Math.round(y.c[1] / 9e-5) - Math.round(x.c[1] / 9e-5) || x.c[0] - y.c[0]);
  const codes = new Map(buildings.flatMap((b) => (b.code ? [[b.outlineId, b.code] as const] : [])));
  let n = 1;
  for (const { b } of unnamed) {
    while (taken.has(`${n}幢`)) n++;
    codes.set(b.outlineId, `${n}幢`);
    taken.add(`${n++}幢`);
  }
  return codes;
}

/**
 * An estate in the import format of SPEC §7 from chosen outlines: the
 * boundary (drawn, or the buildings' hull), and each building with its code,
 * floors and stairwell count, which the import splits into stairwells with
 * doors and elevator sites on the north side. The file's attributes travel
 * as extra properties. Refused when nothing is selected.
 */
export function outlinesToEstate(input: { name: string; boundary: PolygonGeometry | null; buildings: BuildingChoice[] }): { ok: true; geojson: GeoJSON.FeatureCollection } | { ok: false; problems: Problem[] } {
  const name = input.name.trim();
  const problems: Problem[] = [];
  if (!name) problems.push(problem('请填写小区名称', 'the estate needs a name'));
  if (input.buildings.length === 0)
    problems.push(problem('没有选中任何楼栋：在地图上画出小区边界或点选楼栋，或放宽层数范围', 'no building is selected: draw the estate boundary or click buildings on the map, or widen the floors range'));
  if (problems.length) return { ok: false, problems };
  const codes = buildingCodes(input.buildings);
  const boundary = input.boundary ?? hullBoundary(input.buildings.map((b) => b.footprint));
  return {
    ok: true,
    geojson: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: boundary, properties: { kind: 'boundary', name } },
        ...input.buildings.map((b) => ({
          type: 'Feature' as const,
          geometry: b.footprint,
          // The file's attributes first, so they never shadow what the import reads.
          properties: { ...b.properties, kind: 'building', code: codes.get(b.outlineId)!, floors: b.floors, stairwellCount: b.stairwellCount, sourceOutline: b.outlineId },
        })),
      ],
    },
  };
}
