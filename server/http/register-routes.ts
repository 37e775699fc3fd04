import type { IncomingMessage, ServerResponse } from 'node:http';
import { tokenFromCookie, userForToken } from '../auth/sessions.ts';
import type { Db } from '../db/open-database.ts';
import { ImportError } from '../import/import-error.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { NotFoundError } from '../queries/not-found.ts';
import { applyRegister, diffRegister } from '../register/apply-register.ts';
import { exportRegister } from '../register/export-register.ts';
import { readRegisterFile } from '../register/read-register-file.ts';
import { sendDownload, sendError, sendJson, XLSX_TYPE } from './send.ts';

const REGISTER = /^\/api\/estates\/(\d+)\/register(\.xlsx|\.csv)?$/;
const MAX_BYTES = 20 * 1024 * 1024;

async function body(req: IncomingMessage): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The register in and out, for staff only (it carries names and phones):
 * GET  /api/estates/:id/register.xlsx | .csv[?encoding=gbk]
 * POST /api/estates/:id/register[?dryRun=1] with the file as the body and its name in X-File-Name.
 */
export async function handleRegister(db: Db, req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<boolean> {
  const match = REGISTER.exec(path);
  if (!match) return false;
  const user = userForToken(db, tokenFromCookie(req.headers.cookie), new Date());
  if (!user) return sendError(res, 401, 'UNAUTHORIZED', 'please sign in'), true;
  if (user.role !== 'admin' && user.role !== 'planner') return sendError(res, 403, 'FORBIDDEN', 'the register is for staff (admin or planner)'), true;
  const estateId = Number(match[1]);
  try {
    requireEstate(db, estateId);
  } catch (e) {
    if (e instanceof NotFoundError) return sendError(res, 404, 'NOT_FOUND', e.message), true;
    throw e;
  }
  if (req.method === 'GET' && match[2]) {
    const format = match[2] === '.xlsx' ? 'xlsx' : query.get('encoding') === 'gbk' ? 'csv-gbk' : 'csv';
    const type = format === 'xlsx' ? XLSX_TYPE : `text/csv; charset=${format === 'csv-gbk' ? 'gbk' : 'utf-8'}`;
    sendDownload(res, await exportRegister(db, estateId, format), `名册${match[2]}`, type);
    return true;
  }
  if (req.method !== 'POST' || match[2]) return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'GET register.xlsx or register.csv, or POST the file to register'), true;
  const bytes = await body(req);
  if (!bytes) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'the file is over 20 MB'), true;
  const fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? 'register.csv'));
  const read = await readRegisterFile(bytes, fileName);
  if (!read.ok) return sendJson(res, 422, { ok: false, encoding: read.encoding, problems: read.errors }), true;
  const dryRun = query.get('dryRun') === '1';
  try {
    const diff = dryRun ? diffRegister(db, estateId, read.rows) : applyRegister(db, estateId, read.rows, new Date());
    if (diff.problems.length) return sendJson(res, 422, { ok: false, encoding: read.encoding, problems: diff.problems }), true;
    sendJson(res, 200, { ok: true, applied: !dryRun, encoding: read.encoding, ...diff });
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    sendJson(res, 422, { ok: false, encoding: read.encoding, problems: e.problems });
  }
  return true;
}
