/**
 * What runs in a worker thread (server/workers/worker-pool.ts): reading the
 * files people upload and the estates they import, which hostile or merely
 * huge input can make take seconds and gigabytes. Each task answers its
 * value, or the refusal it met as plain data, to be thrown again on the
 * main thread; anything else is a bug and rejects.
 */
import { DEPTH_PROBLEM, featureCollectionToWgs84, parseEstateGeoJSON, withinDepth, type Datum, type ParseResult } from '../../geo/estate/index.ts';
import { Refusal, type RefusalKind } from '../refusal.ts';
import { checkEvidenceFiles, type CheckedEvidenceFiles } from '../evidence/evidence-files.ts';
import { readCanvasserFile } from '../import/read-canvasser-file.ts';
import { readTeamFile } from '../import/read-team-file.ts';
import { readOutlines, type OutlinesRead } from '../outlines/read-outlines.ts';
import { readRegisterFile, type RegisterFile } from '../register/read-register-file.ts';
import { checkSitePlanImage, type CheckedSitePlan } from '../site-plan/check-site-plan.ts';

export interface RefusalData {
  kind: RefusalKind;
  zh: string;
  en: string;
  field?: string;
}

export type TaskOutcome<T> = { value: T } | { refused: RefusalData };

async function outcome<T>(work: () => T | Promise<T>): Promise<TaskOutcome<T>> {
  try {
    return { value: await work() };
  } catch (e) {
    if (e instanceof Refusal) return { refused: { kind: e.kind, zh: e.zh, en: e.en, field: e.field } };
    throw e;
  }
}

interface FileInput {
  bytes: Uint8Array;
  fileName: string;
}

export const readRegister = ({ bytes, fileName }: FileInput): Promise<TaskOutcome<RegisterFile>> => outcome(() => readRegisterFile(bytes, fileName));

export const readCanvassers = ({ bytes, fileName }: FileInput) => outcome(() => readCanvasserFile(bytes, fileName));

export const readTeams = ({ bytes, fileName }: FileInput) => outcome(() => readTeamFile(bytes, fileName));

export const readOutlineLayers = ({ bytes, fileName }: FileInput): Promise<TaskOutcome<OutlinesRead>> => outcome(() => readOutlines(bytes, fileName));

/** An estate file converted from its datum and checked feature by feature (SPEC §7). */
export const parseEstate = ({ geojson, from }: { geojson: unknown; from: Datum }): Promise<TaskOutcome<ParseResult>> =>
  outcome(() => (withinDepth(geojson) ? parseEstateGeoJSON(featureCollectionToWgs84(geojson, from)) : { ok: false as const, errors: [DEPTH_PROBLEM] }));

export const checkEvidence = (input: { signaturePng?: string; photo?: string }): Promise<TaskOutcome<CheckedEvidenceFiles>> => outcome(() => checkEvidenceFiles(input));

export const checkSitePlan = (input: { base64: string; fileName: string }): Promise<TaskOutcome<CheckedSitePlan>> => outcome(() => checkSitePlanImage(input.base64, input.fileName));
