import { moneyHeldCount } from '../campaign/stairwell-money.ts';
import { asc } from 'drizzle-orm';
import { sumCampaign, type Headline } from '../../geo/campaign/index.ts';
import { createHash } from 'node:crypto';
import type { MapColorKey } from '../../geo/palette/index.ts';
import { transact, type Db } from '../db/database.ts';
import { headlineOf } from './headline.ts';
import { stairwellProperties } from './stairwell-properties.ts';
import { loadStairwellStates } from './stairwell-states.ts';
import type { estates } from '../db/schema.ts';
import type { DistrictEstate, DistrictSummary } from '../../geo/district/summary.ts';


type OverviewStairwell = GeoJSON.Feature<GeoJSON.Polygon, { estateId: number; colorKey: MapColorKey; label: string }>;

/** The summary (`GET /api/district/summary.json`) with the stairwells its tiles are cut from. */
export interface DistrictOverview extends DistrictSummary {
  stairwells: GeoJSON.FeatureCollection<GeoJSON.Polygon, OverviewStairwell['properties']>;
}

/** One estate's part of the overview as of its revision, already serialized: a district is 8,000 stairwells. */
export interface EstatePart {
  revision: number;
  headline: Headline;
  estateJson: string;
  /** Its stairwell features, comma-separated. */
  stairwellsJson: string;
}

async function estatePart(db: Db, row: typeof estates.$inferSelect): Promise<EstatePart> {
  const states = await loadStairwellStates(db, row.id);
  const estate: DistrictEstate = { id: row.id, name: row.name, schematic: row.schematic, center: [row.centerLng, row.centerLat], boundary: row.boundary, headline: { ...headlineOf(states), moneyHeld: await moneyHeldCount(db, states) } };
  const stairwells = states.map((s): OverviewStairwell => {
    const p = stairwellProperties(s);
    return { type: 'Feature', id: s.row.id, geometry: s.row.footprint, properties: { estateId: row.id, colorKey: p.colorKey, label: p.label } };
  });
  return { revision: row.revision, headline: estate.headline, estateJson: JSON.stringify(estate), stairwellsJson: stairwells.map((f) => JSON.stringify(f)).join(',') };
}

/** The overview's JSON text, put together from the estates' parts without serializing them again. */
function assemble(parts: readonly EstatePart[]): { body: string; summary: string } {
  const total: DistrictOverview['total'] = {
    campaign: sumCampaign(parts.map((p) => p.headline.campaign)),
    flatsSigned: parts.reduce((n, p) => n + p.headline.flatsSigned, 0),
    flatTotal: parts.reduce((n, p) => n + p.headline.flatTotal, 0),
  };
  const features = parts.map((p) => p.stairwellsJson).filter((j) => j.length > 0);
  const head = `{"estates":[${parts.map((p) => p.estateJson).join(',')}],"total":${JSON.stringify(total)}`;
  return { body: `${head},"stairwells":{"type":"FeatureCollection","features":[${features.join(',')}]}}`, summary: `${head}}` };
}

/** Per database: each estate's part, and the whole overview at the data version it was assembled. */
const cache = new WeakMap<Db, { key: string; parts: Map<number, EstatePart>; json: OverviewJson }>();

/** Told apart from an earlier run's ETags: data versions restart with the process. */
const BOOT = Date.now().toString(36);

export interface OverviewJson {
  /** The DistrictOverview as JSON text. */
  body: string;
  /** The same without the stairwells (estates and totals): what /district reads beside the tiles. */
  summary: string;
  /** Changes with every write to an estate, its stairwells or flats (any connection, any app server). */
  etag: string;
}

/**
 * What the overview depends on: every estate's id and revision. Triggers move
 * a revision with every write to its estate, stairwells or flats, from any
 * connection or app server, so an unchanged key means an unchanged overview.
 */
const versionKey = (rows: readonly { id: number; revision: number }[]) =>
  createHash('sha1').update(rows.map((r) => `${r.id}:${r.revision}`).join(',')).digest('base64url').slice(0, 16);

/**
 * 街道总览 (`GET /api/district/overview.json`): every estate with its
 * aggregated progress, and every stairwell of every estate with its colour and
 * door label for one map; aggregates and door numbers only. After a write
 * only the estates whose revision moved (triggers, migration 0006) are
 * evaluated and serialized again; with no write at all the last text is
 * served as it is.
 */
export async function districtOverviewJson(db: Db): Promise<OverviewJson> {
  const { estates } = db.t;
  const hit = cache.get(db);
  if (hit && hit.key === versionKey(await db.select({ id: estates.id, revision: estates.revision }).from(estates).orderBy(asc(estates.id)))) return hit.json;
  // One read transaction: every estate's revision and state from the same snapshot.
  return transact(
    db,
    async (tx) => {
      const rows = await tx.select().from(estates).orderBy(asc(estates.id));
      const parts = new Map<number, EstatePart>();
      for (const row of rows) {
        const old = hit?.parts.get(row.id);
        parts.set(row.id, old && old.revision === row.revision ? old : await estatePart(tx, row));
      }
      const key = versionKey(rows);
      const json = { ...assemble([...parts.values()]), etag: `"${BOOT}-${key}"` };
      cache.set(db, { key, parts, json });
      return json;
    },
    'read',
  );
}

/**
 * Each estate's part of the overview, current as of this call, keyed by
 * estate id: what the district tiles cut per estate, so a write re-cuts only
 * the estate it changed.
 */
export async function districtParts(db: Db): Promise<{ etag: string; parts: ReadonlyMap<number, EstatePart> }> {
  const json = await districtOverviewJson(db);
  const hit = cache.get(db);
  return { etag: json.etag, parts: hit?.json === json ? hit.parts : new Map() };
}
