import { asc, sql } from 'drizzle-orm';
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

type OverviewStairwell = GeoJSON.Feature<GeoJSON.Polygon, { estateId: number; colorKey: MapColorKey; label: string }>;

export interface DistrictOverview {
  estates: DistrictEstate[];
  total: { stairwellsPassed: number; stairwellTotal: number; flatsSigned: number; flatTotal: number };
  stairwells: GeoJSON.FeatureCollection<GeoJSON.Polygon, OverviewStairwell['properties']>;
}

/** One estate's part of the overview, as of its revision. */
interface EstatePart {
  revision: number;
  estate: DistrictEstate;
  stairwells: OverviewStairwell[];
}

function estatePart(db: Db, row: typeof estates.$inferSelect): EstatePart {
  const states = loadStairwellStates(db, row.id);
  return {
    revision: row.revision,
    estate: { id: row.id, name: row.name, schematic: row.schematic, center: [row.centerLng, row.centerLat], boundary: row.boundary, headline: headlineOf(states) },
    stairwells: states.map((s) => {
      const p = stairwellProperties(s);
      return { type: 'Feature', id: s.row.id, geometry: s.row.footprint, properties: { estateId: row.id, colorKey: p.colorKey, label: p.label } };
    }),
  };
}

function assemble(parts: readonly EstatePart[]): DistrictOverview {
  const list = parts.map((p) => p.estate);
  const total = list.reduce(
    (t, e) => ({
      stairwellsPassed: t.stairwellsPassed + e.headline.stairwellsPassed,
      stairwellTotal: t.stairwellTotal + e.headline.stairwellTotal,
      flatsSigned: t.flatsSigned + e.headline.flatsSigned,
      flatTotal: t.flatTotal + e.headline.flatTotal,
    }),
    { stairwellsPassed: 0, stairwellTotal: 0, flatsSigned: 0, flatTotal: 0 },
  );
  return { estates: list, total, stairwells: { type: 'FeatureCollection', features: parts.flatMap((p) => p.stairwells) } };
}

/** Per database: each estate's part, and the whole overview at the data version it was assembled. */
const cache = new WeakMap<Db, { key: string; parts: Map<number, EstatePart>; value: DistrictOverview }>();

/**
 * What the database has seen: this connection's changes and other
 * connections' commits (a CLI import while the server runs). Any write moves it.
 */
function dataVersion(db: Db): string {
  const changes = db.get<{ changes: number }>(sql`SELECT total_changes() AS changes`).changes;
  const version = db.get<{ data_version: number }>(sql`PRAGMA data_version`).data_version;
  return `${changes}|${version}`;
}

/**
 * 街道总览: every estate with its aggregated progress, and every stairwell of
 * every estate with its colour and door label for one map; aggregates and
 * door numbers only. A district is 8,000 stairwells, so after a write only
 * the estates whose revision moved (triggers, migration 0006) are evaluated
 * again; with no write at all the last overview is served as it is.
 */
export function districtOverview(db: Db): DistrictOverview {
  const key = dataVersion(db);
  const hit = cache.get(db);
  if (hit?.key === key) return hit.value;
  // One read transaction: every estate's revision and state from the same snapshot.
  return db.transaction(
    (tx) => {
      const rows = tx.select().from(estates).orderBy(asc(estates.id)).all();
      const parts = new Map<number, EstatePart>();
      for (const row of rows) {
        const old = hit?.parts.get(row.id);
        parts.set(row.id, old?.revision === row.revision ? old : estatePart(tx, row));
      }
      const value = assemble([...parts.values()]);
      cache.set(db, { key, parts, value });
      return value;
    },
    { behavior: 'deferred' },
  );
}
