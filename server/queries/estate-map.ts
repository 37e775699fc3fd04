import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { eq } from 'drizzle-orm';
import { buildingLabel, doorLabel, spaceLabel } from '../../geo/estate/index.ts';
import type { Db } from '../db/database.ts';
import type { Headline } from '../../geo/campaign/index.ts';
import { moneyHeldCount } from '../campaign/stairwell-money.ts';
import { estateUpkeep } from '../campaign/lift-upkeep.ts';
import type { LifecycleSummary } from '../../geo/lifecycle/index.ts';
import { shanghaiDay } from '../../geo/time/index.ts';
import { headlineOf } from './headline.ts';
import { stairwellProperties, type StairwellProperties } from './stairwell-properties.ts';
import { loadStairwellStates, requireEstate } from './stairwell-states.ts';

type Collection<P> = FeatureCollection<Geometry, P>;
const collection = <P>(features: Feature<Geometry, P>[]): Collection<P> => ({ type: 'FeatureCollection', features });
const feature = <P>(geometry: Geometry, properties: P, id?: number): Feature<Geometry, P> => ({
  type: 'Feature',
  ...(id === undefined ? {} : { id }),
  geometry,
  properties,
});

export interface EstateMap {
  estate: { id: number; name: string; schematic: boolean; center: [number, number]; boundary: Geometry };
  layers: {
    green: Collection<Record<string, never>>;
    roads: Collection<{ widthM: number }>;
    fireLanes: Collection<{ code: string; roadWidthM: number; clearWidthM: number }>;
    parking: Collection<{ code: string; kind: string; mapLabel: string }>;
    buildings: Collection<{ id: number; code: string; label: string | null }>;
    stairwells: Collection<StairwellProperties>;
    elevatorSites: Collection<{ stairwellId: number }>;
    doors: Collection<{ stairwellId: number; label: string }>;
  };
  headline: Headline;
  /** Lifts in service: how many, by health, visits this month, open faults, mean arrival; null before the first. */
  lifecycle: LifecycleSummary | null;
}

/** Everything the battle map draws for one estate: layers and headline figures, no personal data. */
export async function estateMap(db: Db, estateId: number, now: Date): Promise<EstateMap> {
  const { buildings, fireLanes, mapFeatures, parkingSpaces } = db.t;
  const estate = await requireEstate(db, estateId);
  const states = await loadStairwellStates(db, estateId);
  const upkeep = await estateUpkeep(db, estateId, shanghaiDay(now));
  const features = await db.select().from(mapFeatures).where(eq(mapFeatures.estateId, estateId));
  return {
    estate: {
      id: estate.id,
      name: estate.name,
      schematic: estate.schematic,
      center: [estate.centerLng, estate.centerLat],
      boundary: estate.boundary,
    },
    layers: {
      green: collection(features.filter((f) => f.kind === 'green').map((f) => feature(f.geometry, {}))),
      roads: collection(features.filter((f) => f.kind === 'road').map((f) => feature(f.geometry, { widthM: f.widthM ?? 5 }))),
      fireLanes: collection(
        (await db
          .select()
          .from(fireLanes)
          .where(eq(fireLanes.estateId, estateId)))
          .map((f) => feature(f.line, { code: f.code, roadWidthM: f.roadWidthM, clearWidthM: f.clearWidthM }, f.id)),
      ),
      parking: collection(
        (await db
          .select()
          .from(parkingSpaces)
          .where(eq(parkingSpaces.estateId, estateId)))
          .map((p) => feature(p.polygon, { code: p.code, kind: p.kind, mapLabel: spaceLabel(p.code) }, p.id)),
      ),
      buildings: collection(
        (await db
          .select()
          .from(buildings)
          .where(eq(buildings.estateId, estateId)))
          // Units labelled by their own number (1, 2 …) name their building once, on the building.
          .map((b) => feature(b.footprint, { id: b.id, code: b.code, label: buildingLabel(states.filter((s) => s.row.buildingId === b.id).map((s) => s.row.doorNumber)) }, b.id)),
      ),
      stairwells: collection(states.map((s) => feature(s.row.footprint, stairwellProperties(s, upkeep.lifts.get(s.row.id)?.health ?? null), s.row.id))),
      elevatorSites: collection(
        states.flatMap((s) => (s.row.elevatorSite ? [feature(s.row.elevatorSite, { stairwellId: s.row.id }, s.row.id)] : [])),
      ),
      doors: collection(
        states.map((s) =>
          feature({ type: 'Point', coordinates: [s.row.doorLng, s.row.doorLat] }, { stairwellId: s.row.id, label: doorLabel(s.row.doorNumber) }, s.row.id),
        ),
      ),
    },
    headline: { ...headlineOf(states), moneyHeld: await moneyHeldCount(db, states) },
    lifecycle: upkeep.summary,
  };
}

/** The stairwell footprints alone, for QGIS or a script (GET /api/estates/:id/stairwells.geojson). */
export async function stairwellsGeoJSON(db: Db, estateId: number, now: Date): Promise<Collection<StairwellProperties>> {
  const upkeep = await estateUpkeep(db, estateId, shanghaiDay(now));
  return collection((await loadStairwellStates(db, estateId)).map((s) => feature(s.row.footprint, stairwellProperties(s, upkeep.lifts.get(s.row.id)?.health ?? null), s.row.id)));
}
