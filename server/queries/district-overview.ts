import { sql } from 'drizzle-orm';
import type { MapColorKey } from '../../geo/palette/index.ts';
import type { Db } from '../db/open-database.ts';
import { estates } from '../db/schema.ts';
import { headlineOf, type Headline } from './headline.ts';
import { stairwellProperties } from './stairwell-properties.ts';
import { loadStairwellStates } from './stairwell-states.ts';

export interface DistrictEstate {
  id: number;
  name: string;
  schematic: boolean;
  center: [number, number];
  boundary: GeoJSON.Polygon;
  headline: Headline;
}

/**
 * 街道总览: every estate with its aggregated progress, and every stairwell
 * of every estate with its colour and door label for one map. Aggregates and
 * door numbers only.
 */
function computeOverview(db: Db) {
  const rows = db.select().from(estates).orderBy(estates.id).all();
  const list: DistrictEstate[] = [];
  const stairwells: GeoJSON.Feature<GeoJSON.Polygon, { estateId: number; colorKey: MapColorKey; label: string }>[] = [];
  for (const e of rows) {
    const states = loadStairwellStates(db, e.id);
    list.push({ id: e.id, name: e.name, schematic: e.schematic, center: [e.centerLng, e.centerLat], boundary: e.boundary, headline: headlineOf(states) });
    for (const s of states) {
      const p = stairwellProperties(s);
      stairwells.push({ type: 'Feature', id: s.row.id, geometry: s.row.footprint, properties: { estateId: e.id, colorKey: p.colorKey, label: p.label } });
    }
  }
  const total = list.reduce(
    (t, e) => ({
      stairwellsPassed: t.stairwellsPassed + e.headline.stairwellsPassed,
      stairwellTotal: t.stairwellTotal + e.headline.stairwellTotal,
      flatsSigned: t.flatsSigned + e.headline.flatsSigned,
      flatTotal: t.flatTotal + e.headline.flatTotal,
    }),
    { stairwellsPassed: 0, stairwellTotal: 0, flatsSigned: 0, flatTotal: 0 },
  );
  return { estates: list, total, stairwells: { type: 'FeatureCollection' as const, features: stairwells } };
}
export type DistrictOverview = ReturnType<typeof computeOverview>;

/** The last overview per database, with the state it was computed at. */
const cache = new WeakMap<Db, { key: string; value: DistrictOverview }>();

/**
 * What the database has seen: this connection's changes and other
 * connections' commits (a CLI import while the server runs). Any write moves it.
 */
function dataVersion(db: Db): string {
  const changes = db.get<{ changes: number }>(sql`SELECT total_changes() AS changes`).changes;
  const version = db.get<{ data_version: number }>(sql`PRAGMA data_version`).data_version;
  return `${changes}|${version}`;
}

/** The overview, recomputed only when something was written since the last one (a district is 8,000 stairwells). */
export function districtOverview(db: Db): DistrictOverview {
  const key = dataVersion(db);
  const hit = cache.get(db);
  if (hit?.key === key) return hit.value;
  const value = computeOverview(db);
  cache.set(db, { key, value });
  return value;
}
