import { problemLine } from '../../geo/problems/index.ts';
import type { CanvasserRow, RegisterRow } from '../../geo/register/index.ts';
import { inWorker } from '../workers/worker-pool.ts';

export interface Upload {
  fileName: string;
  base64: string;
}

export type Uploads = { ok: true; register: RegisterRow[] | null; canvassers: { rows: CanvasserRow[]; file: string } | null } | { ok: false; problems: string[] };

/** Seconds a spreadsheet may take to read in its worker thread: a district's register takes a few. */
export const SPREADSHEET_SECONDS = 30;

/**
 * The register and 包干 table uploaded beside an estate file, read in worker
 * threads; or every problem with them, named by file, row and column.
 */
export async function readUploads(register: Upload | null, canvassers: Upload | null): Promise<Uploads> {
  const bytes = (u: Upload) => Buffer.from(u.base64, 'base64');
  const [r, c] = await Promise.all([
    register ? inWorker('readRegister', { bytes: bytes(register), fileName: register.fileName }, { file: register.fileName, seconds: SPREADSHEET_SECONDS, field: 'register' }) : null,
    canvassers ? inWorker('readCanvassers', { bytes: bytes(canvassers), fileName: canvassers.fileName }, { file: canvassers.fileName, seconds: SPREADSHEET_SECONDS, field: 'canvassers' }) : null,
  ]);
  const problems = [...(r && !r.ok ? r.problems.map(problemLine) : []), ...(c && !c.ok ? c.errors : [])];
  if ((r && !r.ok) || (c && !c.ok)) return { ok: false, problems };
  return { ok: true, register: r?.rows ?? null, canvassers: c && canvassers ? { rows: c.rows, file: canvassers.fileName } : null };
}
