import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseEstateGeoJSON } from '../../geo/estate/index.ts';
import { daysBetween, shiftIsoDays } from '../../geo/time/index.ts';
import type { Db } from '../db/database.ts';
import { parseHistoryCsv, parseRegisterCsv } from './campaign-csv.ts';
import { ImportError } from './import-error.ts';
import { importEstate } from './import-estate.ts';

/**
 * Imports an estate folder: `estate.geojson` and `register.csv`, plus the
 * optional history files `canvassers.csv`, `consent-events.csv`,
 * `stage-events.csv`. All-or-nothing; throws ImportError listing every problem.
 * With `anchorDay` (YYYY-MM-DD, Shanghai) the history is moved by whole days
 * so that its last day is the day before: demo data as fresh as the day it
 * is seeded.
 */
export async function loadEstateDir(db: Db, dir: string, options: { schematic?: boolean; anchorDay?: string } = {}): Promise<number> {
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : null);
  const geojson = read('estate.geojson');
  const registerText = read('register.csv');
  if (geojson === null || registerText === null) throw new ImportError([`${dir}: expected estate.geojson and register.csv`]);
  let json: unknown;
  try {
    json = JSON.parse(geojson);
  } catch (e) {
    throw new ImportError([`estate.geojson: not valid JSON (${(e as Error).message})`]);
  }
  const layout = parseEstateGeoJSON(json);
  const register = parseRegisterCsv(registerText);
  const history = parseHistoryCsv({
    'canvassers.csv': read('canvassers.csv') ?? 'canvasserId,name,role,partyGroup,doorNumbers\n',
    'consent-events.csv': read('consent-events.csv') ?? 'at,doorNumber,room,from,to,canvasserId,note\n',
    'stage-events.csv': read('stage-events.csv') ?? 'at,doorNumber,from,to,reason\n',
  });
  const problems = [
    ...(layout.ok ? [] : layout.errors.map((e) => `estate.geojson ${e}`)),
    ...(register.ok ? [] : register.errors),
    ...Object.values(history).flatMap((h) => (h.ok ? [] : h.errors)),
  ];
  if (!layout.ok || !register.ok || !history.canvassers.ok || !history.consentEvents.ok || !history.stageEvents.ok)
    throw new ImportError(problems);
  const consentEvents = history.consentEvents.rows;
  const stageEvents = history.stageEvents.rows;
  const lastDay = [...consentEvents, ...stageEvents].map((e) => e.at.slice(0, 10)).sort().at(-1);
  const shift = options.anchorDay && lastDay ? daysBetween(lastDay, options.anchorDay) - 1 : 0;
  return await importEstate(db, {
    slug: basename(dir),
    layout: layout.layout,
    schematic: options.schematic ?? layout.layout.schematic,
    campaign: {
      register: register.rows,
      canvassers: history.canvassers.rows,
      consentEvents: consentEvents.map((e) => ({ ...e, at: shiftIsoDays(e.at, shift) })),
      stageEvents: stageEvents.map((e) => ({ ...e, at: shiftIsoDays(e.at, shift) })),
    },
  });
}
