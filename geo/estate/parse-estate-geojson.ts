import { centroid, polygon as turfPolygon } from '@turf/turf';
import type { z } from 'zod';
import type { LngLat } from '../geometry/local-frame.ts';
import type { EstateLayout, Extra } from './estate-layout.ts';
import { FEATURE_KINDS, type FeatureKind } from './feature-kinds.ts';
import { FEATURE_SCHEMAS, type ParsedFeature } from './feature-schemas.ts';
import type { PolygonGeometry } from './geometry-schemas.ts';
import { northDoorAndSite } from './north-side.ts';
import { coordinateProblems, wholeFileCoordinateProblem } from './coordinate-problems.ts';
import { outsideBuilding, selfCrossing } from './shape-problems.ts';
import { splitBuilding } from './split-building.ts';
import { fromGis } from './gis-properties.ts';

/** Door numbers whose door point or elevator site the file did not give (placed by the parser, or none). */
export interface DerivedParts {
  doors: string[];
  elevatorSites: string[];
}

export type ParseResult = { ok: true; layout: EstateLayout; derived: DerivedParts } | { ok: false; errors: string[] };

const KNOWN_KEYS = new Set(['kind', 'name', 'code', 'floors', 'stairwellCount', 'doorNumber', 'buildingCode', 'door', 'widthM', 'roadWidthM', 'clearWidthM', 'spaceId', 'accessible']);

function extraOf(properties: Record<string, unknown>): Extra {
  return Object.fromEntries(Object.entries(properties).filter(([k]) => !KNOWN_KEYS.has(k)));
}

function describe(issue: z.core.$ZodIssue): string {
  return `${issue.path.join('.') || '(feature)'}: ${issue.message}`;
}

type Grouped = { [K in FeatureKind]: { index: number; feature: ParsedFeature<K> }[] };

function groupFeatures(input: unknown, errors: string[]): Grouped {
  const grouped = Object.fromEntries(FEATURE_KINDS.map((k) => [k, []])) as unknown as Grouped;
  const fc = input as { type?: unknown; features?: unknown };
  if (typeof fc !== 'object' || fc === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    errors.push('expected a GeoJSON FeatureCollection with a features array');
    return grouped;
  }
  (fc.features as unknown[]).forEach((raw, index) => {
    const kind = (raw as { properties?: { kind?: unknown } } | null)?.properties?.kind;
    if (!FEATURE_KINDS.includes(kind as FeatureKind)) {
      errors.push(`features[${index}].properties.kind: expected one of ${FEATURE_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
      return;
    }
    const k = kind as FeatureKind;
    const where = coordinateProblems((raw as { geometry?: unknown }).geometry, `features[${index}] (${k})`);
    if (where.length) {
      errors.push(...where);
      return;
    }
    const feature = raw as { properties: Record<string, unknown> };
    const parsed = FEATURE_SCHEMAS[k].safeParse({ ...feature, properties: fromGis(feature.properties) });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`features[${index}] (${k}) ${describe(issue)}`);
      return;
    }
    (grouped[k] as { index: number; feature: unknown }[]).push({ index, feature: parsed.data });
  });
  return grouped;
}

function noteDuplicates(keys: { key: string; index: number }[], what: string, errors: string[]): void {
  const first = new Map<string, number>();
  for (const { key, index } of keys) {
    const seen = first.get(key);
    if (seen !== undefined) errors.push(`features[${index}]: ${what} ${key} already used by features[${seen}]`);
    else first.set(key, index);
  }
}

/**
 * Validates an estate FeatureCollection in the import format of SPEC §7 and
 * resolves it into a layout: every error names the feature, the field and what
 * was expected; nothing is returned half-parsed.
 */
export function parseEstateGeoJSON(input: unknown): ParseResult {
  const features = (input as { features?: unknown } | null)?.features;
  const whole = Array.isArray(features) ? wholeFileCoordinateProblem(features.map((f) => (f as { geometry?: unknown } | null)?.geometry)) : null;
  if (whole) return { ok: false, errors: [whole] };
  const errors: string[] = [];
  const g = groupFeatures(input, errors);
  // A boundary rejected above has its own message; only count the ones that were read.
  const boundaryRejected = errors.some((e) => e.includes('(boundary)'));
  if (g.boundary.length !== 1 && !(g.boundary.length === 0 && boundaryRejected)) errors.push(`expected exactly one boundary feature, found ${g.boundary.length}`);
  noteDuplicates(g.building.map((b) => ({ key: b.feature.properties.code, index: b.index })), 'building code', errors);
  noteDuplicates(g.stairwell.map((s) => ({ key: s.feature.properties.doorNumber, index: s.index })), 'door number', errors);
  noteDuplicates(g.elevator_site.map((s) => ({ key: s.feature.properties.doorNumber, index: s.index })), 'elevator site for door number', errors);

  for (const kind of ['boundary', 'building', 'stairwell', 'elevator_site', 'parking', 'green'] as const)
    for (const f of g[kind]) errors.push(...selfCrossing(f.feature.geometry, `features[${f.index}] (${kind})`));
  const footprintOf = new Map(g.building.map((b) => [b.feature.properties.code, b.feature.geometry]));
  for (const s of g.stairwell) {
    const building = footprintOf.get(s.feature.properties.buildingCode);
    if (building)
      errors.push(...outsideBuilding(s.feature.geometry, building, `features[${s.index}] (stairwell ${s.feature.properties.doorNumber})`, s.feature.properties.buildingCode));
  }

  const codes = new Set(g.building.map((b) => b.feature.properties.code));
  const doors = new Set(g.stairwell.map((s) => s.feature.properties.doorNumber));
  for (const s of g.stairwell)
    if (!codes.has(s.feature.properties.buildingCode))
      errors.push(`features[${s.index}] (stairwell ${s.feature.properties.doorNumber}) properties.buildingCode: no building ${s.feature.properties.buildingCode}`);
  for (const e of g.elevator_site)
    if (!doors.has(e.feature.properties.doorNumber))
      errors.push(`features[${e.index}] (elevator_site) properties.doorNumber: no stairwell ${e.feature.properties.doorNumber}`);

  const stairwells: EstateLayout['stairwells'] = [];
  const derived: DerivedParts = { doors: [], elevatorSites: [] };
  const sites = new Map(g.elevator_site.map((e) => [e.feature.properties.doorNumber, e.feature.geometry]));
  const withStairwells = new Set(g.stairwell.map((s) => s.feature.properties.buildingCode));
  for (const s of g.stairwell) {
    const { doorNumber, buildingCode, door, ...rest } = s.feature.properties;
    if (!door) derived.doors.push(doorNumber);
    if (!sites.has(doorNumber)) derived.elevatorSites.push(doorNumber);
    stairwells.push({
      doorNumber,
      buildingCode,
      footprint: s.feature.geometry,
      door: door ?? centreOf(s.feature.geometry),
      elevatorSite: sites.get(doorNumber) ?? null,
      extra: extraOf(rest),
    });
  }
  for (const b of g.building) {
    const { code, stairwellCount } = b.feature.properties;
    if (withStairwells.has(code)) continue;
    if (stairwellCount === undefined) {
      errors.push(`features[${b.index}] (building ${code}): no stairwell features name it, so properties.stairwellCount is required`);
      continue;
    }
    splitBuilding(b.feature.geometry, stairwellCount).forEach((footprint, i) => {
      const doorNumber = `${code}${i + 1}单元`;
      if (doors.has(doorNumber)) errors.push(`features[${b.index}] (building ${code}): generated door number ${doorNumber} is already used`);
      derived.doors.push(doorNumber);
      derived.elevatorSites.push(doorNumber);
      stairwells.push({ doorNumber, buildingCode: code, footprint, ...northDoorAndSite(footprint), extra: {} });
    });
  }
  noteDuplicates(
    g.parking.flatMap((p) => (p.feature.properties.spaceId ? [{ key: p.feature.properties.spaceId, index: p.index }] : [])),
    'parking spaceId',
    errors,
  );
  const boundary = g.boundary[0];
  if (errors.length > 0 || !boundary) return { ok: false, errors };

  return {
    ok: true,
    derived,
    layout: {
      name: boundary.feature.properties.name,
      schematic: boundary.feature.properties.schematic,
      boundary: boundary.feature.geometry,
      buildings: g.building.map(({ feature: { geometry, properties } }) => ({
        code: properties.code,
        floors: properties.floors,
        footprint: geometry,
        extra: extraOf(properties),
      })),
      stairwells,
      roads: g.road.map(({ feature: { geometry, properties } }) => ({ line: geometry, widthM: properties.widthM, extra: extraOf(properties) })),
      fireLanes: g.fire_lane.map(({ feature: { geometry, properties } }, i) => ({
        code: typeof properties.name === 'string' && properties.name ? properties.name : `消防车道 ${i + 1}`,
        line: geometry,
        roadWidthM: properties.roadWidthM,
        clearWidthM: properties.clearWidthM,
        extra: extraOf(properties),
      })),
      parking: g.parking.map(({ feature: { geometry, properties } }, i) => ({
        spaceId: properties.spaceId ?? `P${i + 1}`,
        polygon: geometry,
        accessible: properties.accessible,
        extra: extraOf(properties),
      })),
      green: g.green.map(({ feature: { geometry, properties } }) => ({ polygon: geometry, extra: extraOf(properties) })),
    },
  };
}

function centreOf(p: PolygonGeometry): LngLat {
  return centroid(turfPolygon(p.coordinates)).geometry.coordinates as LngLat;
}
