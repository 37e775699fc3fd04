import { problemLine } from '../../geo/problems/index.ts';
import type { CanvasserRow, RegisterRow } from '../../geo/register/index.ts';
import { readCanvasserFile } from '../import/read-canvasser-file.ts';
import { readRegisterFile } from '../register/read-register-file.ts';

export interface Upload {
  fileName: string;
  base64: string;
}

export type Uploads = { ok: true; register: RegisterRow[] | null; canvassers: { rows: CanvasserRow[]; file: string } | null } | { ok: false; problems: string[] };

/** The register and 包干 table uploaded beside an estate file, read; or every problem with them, named by file, row and column. */
export async function readUploads(register: Upload | null, canvassers: Upload | null): Promise<Uploads> {
  const bytes = (u: Upload) => Buffer.from(u.base64, 'base64');
  const r = register ? await readRegisterFile(bytes(register), register.fileName) : null;
  const c = canvassers ? await readCanvasserFile(bytes(canvassers), canvassers.fileName) : null;
  const problems = [...(r && !r.ok ? r.problems.map(problemLine) : []), ...(c && !c.ok ? c.errors : [])];
  if ((r && !r.ok) || (c && !c.ok)) return { ok: false, problems };
  return { ok: true, register: r?.rows ?? null, canvassers: c && canvassers ? { rows: c.rows, file: canvassers.fileName } : null };
}
