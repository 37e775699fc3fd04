import { z } from 'zod';
import { TEAM_POSTS, TEAM_POST_ZH, teamPostOf, type TeamPost } from '../../geo/team/index.ts';
import { validateRecords, type TableResult } from './csv-table.ts';
import { readTableFile } from './read-table-file.ts';

/** The 1+2+N table's columns with the headers a committee's Excel has. */
export const TEAM_COLUMNS = { doorNumber: '门牌号', canvasserId: '编号', post: '岗位', duty: '负责', since: '任职日期' } as const;
type TeamColumn = keyof typeof TEAM_COLUMNS;

export interface TeamRow {
  doorNumber: string;
  canvasserId: string;
  post: TeamPost;
  duty: string;
  since: string | null;
}

const columnOf = (header: string): TeamColumn | null => {
  const h = header.trim().replace(/^\uFEFF/, '');
  return (Object.entries(TEAM_COLUMNS) as [TeamColumn, string][]).find(([en, zh]) => h === zh || h.toLowerCase() === en.toLowerCase())?.[0] ?? null;
};

const teamRowSchema = z.object({
  doorNumber: z.string().trim().min(1, 'expected a door number (门牌号)').max(60),
  canvasserId: z.string().trim().min(1, 'expected a canvasser id (编号) from the 包干 table').max(40),
  post: z
    .string()
    .transform((v) => teamPostOf(v))
    .pipe(z.enum(TEAM_POSTS, { error: `expected a post: ${TEAM_POSTS.map((p) => TEAM_POST_ZH[p]).join('、')}` })),
  duty: z.string().trim().max(200, 'expected at most 200 characters').default(''),
  since: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'expected a day as YYYY-MM-DD')
    .transform((v) => v || null)
    .default(''),
});

/**
 * Reads a 1+2+N table (XLSX, or CSV in UTF-8 or GBK; English or Chinese
 * headers and posts): one row per person per post per stairwell. Each
 * problem names its row and column; checking against the estate (doors,
 * canvassers, floors, rooms) is the command's.
 */
export async function readTeamFile(bytes: Uint8Array, fileName: string): Promise<TableResult<TeamRow>> {
  const table = await readTableFile(bytes, fileName);
  if (!table.ok) return table;
  const missing = (['doorNumber', 'canvasserId', 'post'] as const).filter((c) => !table.headers.some((h) => columnOf(h) === c));
  if (missing.length) return { ok: false, errors: missing.map((c) => `${fileName} header: missing column ${c} (${TEAM_COLUMNS[c]}); found ${table.headers.join(', ') || 'no headers'}`) };
  const records = table.records.map((r) => Object.fromEntries(Object.entries(r).flatMap(([h, v]) => (columnOf(h) ? [[columnOf(h)!, v]] : []))));
  return validateRecords(fileName, records, teamRowSchema);
}
