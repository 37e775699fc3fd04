import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../db/database.ts';
import { layoutToGeoJSON } from '../../geo/estate/index.ts';
import { districtOverviewJson } from '../queries/district-overview.ts';
import { districtTile, TILE_MAX_ZOOM } from '../queries/district-tiles.ts';
import { loadEstateLayout } from '../queries/estate-layout.ts';
import { stairwellsGeoJSON } from '../queries/estate-map.ts';
import { listEstates } from '../queries/list-estates.ts';
import { sendError, sendJson, sendRefusal } from './send.ts';

const ESTATE_GEOJSON = /^\/api\/estates\/([^/]+)\/(stairwells|estate)\.geojson$/;
const DISTRICT_TILE = /^\/api\/district\/tiles\/([^/]+)\/([^/]+)\/([^/]+)\.pbf$/;

/**
 * Plain GIS endpoints for QGIS and scripts: `stairwells.geojson` (footprints
 * with their consent evaluation), `estate.geojson` (the whole layout in the
 * import format of SPEC §7, to edit in QGIS and import again) and the
 * subdistrict overview `district/overview.json` (cached text with an ETag),
 * its `summary.json` without the stairwells, and the stairwells as vector
 * tiles `district/tiles/{z}/{x}/{y}.pbf`.
 * Returns false when the path is not one of them, so the caller can try the
 * next handler.
 */
export async function handleGis(db: Db, req: IncomingMessage, res: ServerResponse, path: string, now: Date): Promise<boolean> {
  if (!path.startsWith('/api/')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method ?? ''} is not supported here; use GET`);
    return true;
  }
  if (path === '/api/estates') {
    sendJson(res, 200, (await listEstates(db)).map(({ id, name, stairwellCount }) => ({ id, name, stairwellCount })));
    return true;
  }
  if (path === '/api/district/overview.json' || path === '/api/district/summary.json') {
    const overview = await districtOverviewJson(db);
    const { etag } = overview;
    const body = path.endsWith('summary.json') ? overview.summary : overview.body;
    // Clients revalidate: an unchanged district costs a 304, not 2 MB.
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': 'no-cache' });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), etag, 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    }
    return true;
  }
  const tile = DISTRICT_TILE.exec(path);
  if (tile) {
    const [z, x, y] = tile.slice(1).map((v) => (/^\d{1,7}$/.test(v ?? '') ? Number(v) : NaN)) as [number, number, number];
    const problem = !(z <= TILE_MAX_ZOOM)
      ? `z: expected a zoom from 0 to ${TILE_MAX_ZOOM}, got ${JSON.stringify(tile[1])}`
      : !(x < 2 ** z)
        ? `x: expected a tile column from 0 to ${2 ** z - 1} at zoom ${z}, got ${JSON.stringify(tile[2])}`
        : !(y < 2 ** z)
          ? `y: expected a tile row from 0 to ${2 ** z - 1} at zoom ${z}, got ${JSON.stringify(tile[3])}`
          : null;
    if (problem) {
      sendError(res, 400, 'BAD_REQUEST', `瓦片坐标有误（${problem}）`, problem.slice(0, 1));
      return true;
    }
    const { etag, body } = await districtTile(db, z, x, y);
    if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
    else if (!body) res.writeHead(204, { etag, 'cache-control': 'no-cache' }).end();
    else {
      res.writeHead(200, { 'content-type': 'application/vnd.mapbox-vector-tile', 'content-length': body.byteLength, etag, 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    }
    return true;
  }
  const match = ESTATE_GEOJSON.exec(path);
  if (!match) {
    sendError(res, 404, 'NOT_FOUND', `no endpoint ${path}`);
    return true;
  }
  let raw: string;
  try {
    raw = decodeURIComponent(match[1] ?? '');
  } catch {
    sendError(res, 400, 'BAD_REQUEST', `estate id: expected a positive whole number, got badly %-encoded ${JSON.stringify(match[1])}`, 'id');
    return true;
  }
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) {
    sendError(res, 400, 'BAD_REQUEST', `estate id: expected a positive whole number, got ${JSON.stringify(raw)}`, 'id');
    return true;
  }
  try {
    sendJson(res, 200, match[2] === 'estate' ? layoutToGeoJSON(await loadEstateLayout(db, id)) : await stairwellsGeoJSON(db, id, now), 'application/geo+json');
  } catch (e) {
    if (!sendRefusal(res, e)) throw e;
  }
  return true;
}
