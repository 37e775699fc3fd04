import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': `${contentType}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** An error body naming the field when there is one. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, field?: string): void {
  sendJson(res, status, { error: { code, message, ...(field ? { field } : {}) } });
}
