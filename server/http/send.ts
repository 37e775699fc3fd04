import type { ServerResponse } from 'node:http';
import { asRefusal, REFUSAL_STATUS } from '../refusal.ts';

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': `${contentType}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** An error body naming the field when there is one. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, field?: string): void {
  sendJson(res, status, { error: { code, message, ...(field ? { field } : {}) } });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file to download, named in UTF-8 so Chinese file names survive. */
export function sendDownload(res: ServerResponse, body: Buffer, fileName: string, contentType = XLSX_TYPE): void {
  res.writeHead(200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'content-length': body.length,
  });
  res.end(body);
}

/** A command's refusal (or a constraint the input broke) as its status and message; false when `e` is not one. */
export function sendRefusal(res: ServerResponse, e: unknown): boolean {
  const refusal = asRefusal(e);
  if (!refusal) return false;
  sendError(res, REFUSAL_STATUS[refusal.kind], refusal.kind.toUpperCase(), refusal.message, refusal.field);
  return true;
}
