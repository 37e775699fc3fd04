import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseEstateGeoJSON } from '../../geo/estate/index.ts';
import { daysBetween, shiftIsoDays } from '../../geo/time/index.ts';
import type { Db } from '../db/database.ts';
import { parseEvidenceCsv, parseHistoryCsv, parseRegisterCsv } from './campaign-csv.ts';
import { evidenceFiles } from './draw-evidence.ts';
import { ImportError } from './import-error.ts';
import { importEstate, type EstateImport } from './import-estate.ts';

/**
 * Imports an estate folder: `estate.geojson` and `register.csv`, plus the
 * optional history files `canvassers.csv`, `consent-events.csv`,
 * `stage-events.csv` and the demo's `vote-evidence.csv`. All-or-nothing;
 * throws ImportError listing every problem. With `anchorDay` (YYYY-MM-DD,
 * Shanghai) the history is moved by whole days so that its last day is the
 * day before: demo data as fresh as the day it is seeded.
 */
export async function loadEstateDir(db: Db, dir: string, options: { schematic?: boolean; anchorDay?: string } = {}): Promise<number> {
  return await importEstate(db, readEstateDir(dir, options));
}

/**
 * The folder read, checked and its evidence files drawn, before any
 * transaction (drawing a demo's 900 signatures takes a second).
 */
export function readEstateDir(dir: string, options: { schematic?: boolean; anchorDay?: string } = {}): EstateImport {
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
  const evidenceText = read('vote-evidence.csv');
  const evidence = evidenceText === null ? null : parseEvidenceCsv(evidenceText);
  const problems = [
    ...(layout.ok ? [] : layout.errors.map((e) => `estate.geojson ${e}`)),
    ...(register.ok ? [] : register.errors),
    ...Object.values(history).flatMap((h) => (h.ok ? [] : h.errors)),
    ...(evidence && !evidence.ok ? evidence.errors : []),
  ];
  if (!layout.ok || !register.ok || !history.canvassers.ok || !history.consentEvents.ok || !history.stageEvents.ok || (evidence && !evidence.ok))
    throw new ImportError(problems);
  const consentEvents = history.consentEvents.rows;
  const stageEvents = history.stageEvents.rows;
  const lastDay = [...consentEvents, ...stageEvents].map((e) => e.at.slice(0, 10)).sort().at(-1);
  const shift = options.anchorDay && lastDay ? daysBetween(lastDay, options.anchorDay) - 1 : 0;
  const moved = (at: string) => shiftIsoDays(at, shift);
  return {
    slug: basename(dir),
    layout: layout.layout,
    schematic: options.schematic ?? layout.layout.schematic,
    campaign: {
      register: register.rows,
      canvassers: history.canvassers.rows,
      consentEvents: consentEvents.map((e) => ({ ...e, at: shiftIsoDays(e.at, shift) })),
      stageEvents: stageEvents.map((e) => ({ ...e, at: shiftIsoDays(e.at, shift) })),
      evidence: evidence?.rows.map((e) => ({ ...e, at: moved(e.at), reviewedAt: e.reviewedAt && moved(e.reviewedAt) })),
    },
    evidenceFiles: evidence?.rows.map(evidenceFiles),
  };
}
