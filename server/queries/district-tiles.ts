import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import { DISTRICT_TILE_MAX_ZOOM } from '../../geo/district/index.ts';
import type { Db } from '../db/database.ts';
import { districtOverviewJson, type DistrictOverview } from './district-overview.ts';

export { DISTRICT_TILE_MAX_ZOOM as TILE_MAX_ZOOM } from '../../geo/district/index.ts';

/** Per database: the tile index of the overview as of its ETag (cut again after any write). */
const indexes = new WeakMap<Db, { etag: string; index: GeoJSONVT }>();

/**
 * One vector tile (Mapbox Vector Tile, layer `stairwells`: id, estateId,
 * colorKey, label) of every stairwell of every estate, cut on the server from
 * the overview (geojson-vt), so the city's 80,000 stairwells reach the browser
 * a tile at a time instead of as one document. `null` for an empty tile.
 */
export async function districtTile(db: Db, z: number, x: number, y: number): Promise<{ etag: string; body: Uint8Array | null }> {
  const overview = await districtOverviewJson(db);
  let hit = indexes.get(db);
  if (hit?.etag !== overview.etag) {
    const { stairwells } = JSON.parse(overview.body) as DistrictOverview;
    hit = { etag: overview.etag, index: new GeoJSONVT(stairwells, { maxZoom: DISTRICT_TILE_MAX_ZOOM, indexMaxZoom: 6, tolerance: 2 }) };
    indexes.set(db, hit);
  }
  const tile = hit.index.getTile(z, x, y);
  return { etag: overview.etag, body: tile && tile.features.length > 0 ? fromGeojsonVt({ stairwells: tile }, { version: 2 }) : null };
}
