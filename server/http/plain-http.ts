import { createServer, type Server } from 'node:http';
import type { SiteSettings } from '../env.ts';
import { sendCaCertificate } from './ca-route.ts';

/**
 * Beside an HTTPS server, a plain-HTTP port for phones that do not trust
 * the committee's authority yet: /ca.crt is offered here (nothing secret),
 * every other path is sent to the same path over HTTPS, so a link or QR
 * code with http:// still lands on the secure app.
 */
export function createPlainHttp(site: SiteSettings, httpsPort: () => number): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/ca.crt' && (req.method === 'GET' || req.method === 'HEAD')) return sendCaCertificate(res, site);
    const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
    const safeHost = /^[\w.-]+$|^\[[\da-f:]+\]$/i.test(host) ? host : 'localhost';
    res.writeHead(308, { location: `https://${safeHost}:${httpsPort()}${req.url?.startsWith('/') ? req.url : '/'}`, 'cache-control': 'no-store' });
    res.end();
  });
}
