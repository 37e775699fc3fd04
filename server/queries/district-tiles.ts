import { bbox } from '@turf/turf';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import { DISTRICT_TILE_MAX_ZOOM } from '../../geo/district/index.ts';
import type { Db } from '../db/database.ts';
import { districtParts } from './district-overview.ts';

export { DISTRICT_TILE_MAX_ZOOM as TILE_MAX_ZOOM } from '../../geo/district/index.ts';

/** One estate's stairwells cut into tiles, as of its revision, with the box they fill. */
interface EstateIndex {
  revision: number;
  index: GeoJSONVT;
  box: [number, number, number, number];
}

/** Per database: each estate's tile index; a write re-cuts only the estate whose revision moved. */
const indexes = new WeakMap<Db, Map<number, EstateIndex>>();
/** How many estate indexes were cut, per database (what a test and the benchmark read). */
const cuts = new WeakMap<Db, number>();
export const districtTileCuts = (db: Db) => cuts.get(db) ?? 0;

/** The tile's box in degrees, widened by the buffer geojson-vt draws around it (64 of 4096). */
function tileBox(z: number, x: number, y: number): [number, number, number, number] {
  const n = 2 ** z;
  const pad = 64 / 4096;
  const lng = (t: number) => (t / n) * 360 - 180;
  const lat = (t: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * t) / n))) * 180) / Math.PI;
  return [lng(x - pad), lat(y + 1 + pad), lng(x + 1 + pad), lat(y - pad)];
}

const overlaps = (a: readonly number[], b: readonly number[]) => a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;

/**
 * One vector tile (Mapbox Vector Tile, layer `stairwells`: id, estateId,
 * colorKey, label) of every stairwell of every estate, cut on the server
 * (geojson-vt), so the city's 80,000 stairwells reach the browser a tile at
 * a time instead of as one document. Each estate has an index of its own:
 * after a write only that estate is cut again, and a tile reads only the
 * estates it overlaps. `null` for an empty tile.
 */
export async function districtTile(db: Db, z: number, x: number, y: number): Promise<{ etag: string; body: Uint8Array | null }> {
  const { etag, parts } = await districtParts(db);
  let byEstate = indexes.get(db);
  if (!byEstate) indexes.set(db, (byEstate = new Map<number, EstateIndex>()));
  for (const id of byEstate.keys()) if (!parts.has(id)) byEstate.delete(id);
  const box = tileBox(z, x, y);
  const features: unknown[] = [];
  for (const [id, part] of parts) {
    let hit = byEstate.get(id);
    if (hit?.revision !== part.revision) {
      if (part.stairwellsJson.length === 0) {
        byEstate.delete(id);
        continue;
      }
      const collection = JSON.parse(`{"type":"FeatureCollection","features":[${part.stairwellsJson}]}`) as GeoJSON.FeatureCollection;
      hit = { revision: part.revision, index: new GeoJSONVT(collection, { maxZoom: DISTRICT_TILE_MAX_ZOOM, indexMaxZoom: 4, tolerance: 2 }), box: bbox(collection) as [number, number, number, number] };
      byEstate.set(id, hit);
      cuts.set(db, districtTileCuts(db) + 1);
    }
    if (!overlaps(hit.box, box)) continue;
    const tile = hit.index.getTile(z, x, y);
    if (tile) features.push(...tile.features);
  }
  return { etag, body: features.length > 0 ? fromGeojsonVt({ stairwells: { features } }, { version: 2 }) : null };
}
