import type { ServerResponse } from 'node:http';
import type { Db } from '../db/open-database.ts';
import { planToGeoJSON, planToXlsx } from '../planning/export-plan.ts';
import { getScenario } from '../planning/scenarios.ts';
import { NotFoundError } from '../queries/not-found.ts';
import { sendError, sendJson } from './send.ts';

const EXPORT = /^\/api\/plans\/(\d+)\.(xlsx|geojson)$/;

/** GET /api/plans/:id.xlsx and .geojson: a saved scenario for the contractor or QGIS. */
export async function handlePlanExport(db: Db, res: ServerResponse, path: string): Promise<boolean> {
  const match = EXPORT.exec(path);
  if (!match) return false;
  let scenario;
  try {
    scenario = getScenario(db, Number(match[1]));
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    sendError(res, 404, 'NOT_FOUND', e.message);
    return true;
  }
  const file = encodeURIComponent(`加梯分批计划-${scenario.name}.${match[2]}`);
  if (match[2] === 'geojson') {
    res.setHeader('content-disposition', `attachment; filename*=UTF-8''${file}`);
    sendJson(res, 200, planToGeoJSON(scenario.name, scenario.plan), 'application/geo+json');
    return true;
  }
  const body = await planToXlsx(scenario.name, scenario.plan);
  res.writeHead(200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename*=UTF-8''${file}`,
    'content-length': body.length,
  });
  res.end(body);
  return true;
}
