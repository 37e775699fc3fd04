import type { CampaignHistory, EvidenceRow } from '../../geo/register/index.ts';
import { REGISTER_COLUMNS, registerColumnOf, registerRowSchema } from '../../geo/register/index.ts';
import { readCsv, validateRecords, writeCsv, type TableResult } from './csv-table.ts';
import { canvasserSchema, consentEventSchema, evidenceRowSchema, stageEventSchema } from './history-schemas.ts';

export const CAMPAIGN_FILES = ['register.csv', 'canvassers.csv', 'consent-events.csv', 'stage-events.csv'] as const;
export type CampaignFiles = Record<(typeof CAMPAIGN_FILES)[number], string>;

/** The bundled campaign as CSV files, the register in SPEC §7's English columns. */
export function campaignToCsv(c: CampaignHistory): CampaignFiles {
  return {
    'register.csv': writeCsv(
      c.register.map((r) => ({ ...r, concerns: r.concerns.join(';') })),
      // A bundled register is kept by hand, not exported: it has no versions.
      Object.keys(REGISTER_COLUMNS).filter((c) => c !== 'version'),
    ),
    'canvassers.csv': writeCsv(
      c.canvassers.map((r) => ({ ...r, doorNumbers: r.doorNumbers.join(';') })),
      ['canvasserId', 'name', 'role', 'partyGroup', 'doorNumbers'],
    ),
    'consent-events.csv': writeCsv(c.consentEvents as unknown as Record<string, unknown>[], ['at', 'doorNumber', 'room', 'from', 'to', 'canvasserId', 'note']),
    'stage-events.csv': writeCsv(c.stageEvents as unknown as Record<string, unknown>[], ['at', 'doorNumber', 'from', 'to', 'reason']),
  };
}

const EVIDENCE_COLUMNS = ['at', 'doorNumber', 'room', 'vote', 'method', 'review', 'reviewedAt', 'signature'] as const;

/** The demo campaign's written evidence (vote-evidence.csv): what the app stores as files is kept here as strokes. */
export function evidenceToCsv(rows: EvidenceRow[]): string {
  return writeCsv(rows as unknown as Record<string, unknown>[], [...EVIDENCE_COLUMNS]);
}

export function parseEvidenceCsv(text: string, file = 'vote-evidence.csv'): TableResult<EvidenceRow> {
  const { records, errors } = readCsv(text);
  return errors.length ? { ok: false, errors: errors.map((e) => `${file} ${e}`) } : validateRecords(file, records, evidenceRowSchema);
}

/** Reads a register CSV whose headers are English or Chinese (SPEC §7). */
export function parseRegisterCsv(text: string, file = 'register.csv'): TableResult<CampaignHistory['register'][number]> {
  const { headers, records, errors } = readCsv(text);
  if (errors.length) return { ok: false, errors: errors.map((e) => `${file} ${e}`) };
  return parseRegisterRecords(headers, records, file);
}

/** Register records (from CSV or XLSX) with English or Chinese headers → typed rows, every problem with its row and column. */
export function parseRegisterRecords(headers: string[], records: Record<string, string>[], file: string): TableResult<CampaignHistory['register'][number]> {
  const missing = (['doorNumber', 'floor', 'room', 'areaM2', 'voterId'] as const).filter((c) => !headers.some((h) => registerColumnOf(h) === c));
  if (missing.length)
    return {
      ok: false,
      errors: missing.map((c) => `${file} header: missing column ${c} (${REGISTER_COLUMNS[c]}); found ${headers.join(', ') || 'no headers'}`),
    };
  const renamed = records.map((r) =>
    Object.fromEntries(
      Object.entries(r).flatMap(([h, v]) => {
        const column = registerColumnOf(h);
        return column ? [[column, v]] : [];
      }),
    ),
  );
  return validateRecords(file, renamed, registerRowSchema);
}

/** Reads the campaign history files that come with a bundled estate. */
export function parseHistoryCsv(files: Omit<CampaignFiles, 'register.csv'>) {
  const table = <S extends Parameters<typeof validateRecords>[2]>(name: keyof typeof files, schema: S) => {
    const { records, errors } = readCsv(files[name]);
    return errors.length ? { ok: false as const, errors: errors.map((e) => `${name} ${e}`) } : validateRecords(name, records, schema);
  };
  return {
    canvassers: table('canvassers.csv', canvasserSchema),
    consentEvents: table('consent-events.csv', consentEventSchema),
    stageEvents: table('stage-events.csv', stageEventSchema),
  };
}
