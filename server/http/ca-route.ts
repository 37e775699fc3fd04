import type { ServerResponse } from 'node:http';
import type { SiteSettings } from '../env.ts';
import { sendError } from './send.ts';

/**
 * GET /ca.crt: the committee's certificate authority, for phones to install
 * (Android and iOS offer to when it arrives as application/x-x509-ca-cert).
 * Public: a certificate is no secret, and a phone asks before it trusts the
 * server. 404 when the server has no authority of its own.
 */
export function sendCaCertificate(res: ServerResponse, site: SiteSettings): void {
  if (!site.localCa) return sendError(res, 404, 'NOT_FOUND', '本服务器没有自建证书颁发机构（no local certificate authority: the server runs without LIFTMAP_TLS=local）');
  res.writeHead(200, {
    'content-type': 'application/x-x509-ca-cert',
    'content-disposition': 'attachment; filename="liftmap-ca.crt"',
    'content-length': Buffer.byteLength(site.localCa.pem),
    'cache-control': 'no-cache',
  });
  res.end(site.localCa.pem);
}
