import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandContext } from '../commands/command.ts';
import { authorise, WHO } from '../auth/authorise.ts';
import { importRegister } from '../commands/import-register.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { exportRegister } from '../register/export-register.ts';
import { SPREADSHEET_SECONDS } from '../admin/read-uploads.ts';
import { inWorker } from '../workers/worker-pool.ts';
import { readBody } from './read-body.ts';
import { sendDownload, sendError, sendJson, sendRefusal, XLSX_TYPE } from './send.ts';

const REGISTER = /^\/api\/estates\/(\d+)\/register(\.xlsx|\.csv)?$/;
const MAX_BYTES = 20 * 1024 * 1024;
/** What a register upload may be sent as: never a type a cross-site form can send (text/plain, form encodings). */
const UPLOAD_TYPES = ['text/csv', XLSX_TYPE, 'application/octet-stream'];

/** The X-File-Name header, %-encoded UTF-8; null when it is not. */
function fileNameOf(req: IncomingMessage): string | null {
  try {
    return decodeURIComponent(String(req.headers['x-file-name'] ?? 'register.csv')).slice(0, 255);
  } catch {
    return null;
  }
}

/**
 * The register in and out, for staff only (it carries names and phones):
 * GET  /api/estates/:id/register.xlsx | .csv[?encoding=gbk][&lang=en] (Chinese headers and statuses unless lang=en)
 * POST /api/estates/:id/register[?dryRun=1] with the file as the body (text/csv or XLSX) and its name in X-File-Name.
 */
export async function handleRegister(ctx: CommandContext, req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<boolean> {
  const match = REGISTER.exec(path);
  if (!match) return false;
  const estateId = Number(match[1]);
  try {
    authorise(ctx.user, WHO.staff);
    await requireEstate(ctx.db, estateId);
  } catch (e) {
    if (sendRefusal(res, e)) return true;
    throw e;
  }
  if (req.method === 'GET' && match[2]) {
    const format = match[2] === '.xlsx' ? 'xlsx' : query.get('encoding') === 'gbk' ? 'csv-gbk' : 'csv';
    const type = format === 'xlsx' ? XLSX_TYPE : `text/csv; charset=${format === 'csv-gbk' ? 'gbk' : 'utf-8'}`;
    const lang = query.get('lang') === 'en' ? 'en' : 'zh';
    sendDownload(res, await exportRegister(ctx.db, estateId, format, lang), `${lang === 'en' ? 'register' : '名册'}${match[2]}`, type);
    return true;
  }
  if (req.method !== 'POST' || match[2]) return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'GET register.xlsx or register.csv, or POST the file to register'), true;
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!UPLOAD_TYPES.includes(type))
    return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `名册文件须以 text/csv 或 XLSX 类型上传（the register is sent as text/csv or XLSX, got ${type || 'no type'}）`, 'content-type'), true;
  const fileName = fileNameOf(req);
  if (fileName === null) return sendError(res, 400, 'BAD_REQUEST', '文件名编码有误（X-File-Name: expected the file name %-encoded as UTF-8）', 'x-file-name'), true;
  const bytes = await readBody(req, MAX_BYTES);
  if (!bytes) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', '文件超过 20 MB（the file is over 20 MB）'), true;
  try {
    // Read in a worker thread: a hostile spreadsheet stops itself, not the server.
    const read = await inWorker('readRegister', { bytes, fileName }, { file: fileName, seconds: SPREADSHEET_SECONDS, field: 'register' });
    if (!read.ok) return sendJson(res, 422, { ok: false, encoding: read.encoding, problems: read.problems }), true;
    const result = await importRegister(ctx, { estateId, rows: read.rows, dryRun: query.get('dryRun') === '1' });
    if (!result.ok) return sendJson(res, 422, { ok: false, encoding: read.encoding, problems: result.problems }), true;
    sendJson(res, 200, { ...result, warnings: [...read.warnings, ...result.warnings], encoding: read.encoding });
  } catch (e) {
    if (!sendRefusal(res, e)) throw e;
  }
  return true;
}
