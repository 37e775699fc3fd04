import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../db/database.ts';
import { layoutToGeoJSON } from '../../geo/estate/index.ts';
import { districtOverviewJson } from '../queries/district-overview.ts';
import { loadEstateLayout } from '../queries/estate-layout.ts';
import { stairwellsGeoJSON } from '../queries/estate-map.ts';
import { listEstates } from '../queries/list-estates.ts';
import { sendError, sendJson, sendRefusal } from './send.ts';

const ESTATE_GEOJSON = /^\/api\/estates\/([^/]+)\/(stairwells|estate)\.geojson$/;

/**
 * Plain GIS endpoints for QGIS and scripts: `stairwells.geojson` (footprints
 * with their consent evaluation), `estate.geojson` (the whole layout in the
 * import format of SPEC §7, to edit in QGIS and import again) and the
 * subdistrict overview `district/overview.json` (cached text with an ETag).
 * Returns false when the path is not one of them, so the caller can try the
 * next handler.
 */
export async function handleGis(db: Db, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  if (path === '/healthz') {
    sendJson(res, 200, { ok: true, estates: (await listEstates(db)).length });
    return true;
  }
  if (!path.startsWith('/api/')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method ?? ''} is not supported here; use GET`);
    return true;
  }
  if (path === '/api/estates') {
    sendJson(res, 200, (await listEstates(db)).map(({ id, name, stairwellCount }) => ({ id, name, stairwellCount })));
    return true;
  }
  if (path === '/api/district/overview.json') {
    const { body, etag } = await districtOverviewJson(db);
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
    sendJson(res, 200, match[2] === 'estate' ? layoutToGeoJSON(await loadEstateLayout(db, id)) : await stairwellsGeoJSON(db, id), 'application/geo+json');
  } catch (e) {
    if (!sendRefusal(res, e)) throw e;
  }
  return true;
}
