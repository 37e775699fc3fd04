import type { ServerResponse } from 'node:http';
import type { Db } from '../db/database.ts';
import { computeParking } from '../parking/compute-parking.ts';
import { parkingToXlsx } from '../parking/export-parking.ts';
import { parkingInputSchema } from '../parking/parking-params.ts';
import { planToGeoJSON, planToXlsx } from '../planning/export-plan.ts';
import { getScenario } from '../planning/scenarios.ts';
import { sendDownload, sendError, sendJson, sendRefusal } from './send.ts';

const EXPORT = /^\/api\/plans\/(\d+)\.(xlsx|geojson)$/;
const PARKING = /^\/api\/estates\/(\d+)\/parking\.xlsx$/;

/** GET /api/estates/:id/parking.xlsx?floors=1,2&maxWalkM=80&scenario=ID: the property company's list. */
export async function handleParkingExport(db: Db, res: ServerResponse, path: string, query: URLSearchParams): Promise<boolean> {
  const match = PARKING.exec(path);
  if (!match) return false;
  const parsed = parkingInputSchema.safeParse({
    estateId: Number(match[1]),
    floors: (query.get('floors') ?? '1,2').split(',').map(Number),
    maxWalkM: Number(query.get('maxWalkM') ?? 80),
    scenarioId: query.get('scenario') ? Number(query.get('scenario')) : null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    sendError(res, 400, 'BAD_REQUEST', `${issue.path.join('.')}: ${issue.message}`, issue.path.join('.'));
    return true;
  }
  let parking;
  try {
    parking = await computeParking(db, parsed.data);
  } catch (e) {
    if (!sendRefusal(res, e)) throw e;
    return true;
  }
  sendDownload(res, await parkingToXlsx(parking), '优先停车分配.xlsx');
  return true;
}

/** GET /api/plans/:id.xlsx and .geojson: a saved scenario for the contractor or QGIS. */
export async function handlePlanExport(db: Db, res: ServerResponse, path: string): Promise<boolean> {
  const match = EXPORT.exec(path);
  if (!match) return false;
  let scenario;
  try {
    scenario = await getScenario(db, Number(match[1]));
  } catch (e) {
    if (!sendRefusal(res, e)) throw e;
    return true;
  }
  const name = `加梯分批计划-${scenario.name}.${match[2]}`;
  if (match[2] === 'geojson') {
    res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    sendJson(res, 200, planToGeoJSON(scenario.name, scenario.plan), 'application/geo+json');
    return true;
  }
  sendDownload(res, await planToXlsx(scenario.name, scenario.plan), name);
  return true;
}
