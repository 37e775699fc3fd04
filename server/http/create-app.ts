import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { existsSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import sirv from 'sirv';
import { LoginLimiter } from '../auth/login-limiter.ts';
import { tokenFromCookie, userForToken } from '../auth/sessions.ts';
import { createContextInner } from '../context.ts';
import type { Basemap } from '../env.ts';
import { LiveBus } from '../live/live-bus.ts';
import type { Db } from '../db/open-database.ts';
import { appRouter } from '../routers/_app.ts';
import { handleGis } from './gis-routes.ts';
import { handleParkingExport, handlePlanExport } from './export-routes.ts';
import { handleRegister } from './register-routes.ts';
import { sendError } from './send.ts';

/**
 * The one HTTP server: tRPC at /trpc, GIS endpoints under /api, /healthz, and
 * the built client (single-page fallback) for everything else.
 */
export function createApp(opts: { db: Db; clientDir: string; log?: (line: string) => void; bus?: LiveBus; tls?: { cert: Buffer; key: Buffer }; basemap?: Basemap | null }): Server {
  const log = opts.log ?? ((line: string) => console.error(line));
  const bus = opts.bus ?? new LiveBus();
  const limiter = new LoginLimiter();
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: ({ req, res }) => {
      const token = tokenFromCookie(req.headers.cookie);
      return createContextInner({
        db: opts.db,
        bus,
        limiter,
        token,
        user: userForToken(opts.db, token, new Date()),
        clientKey: req.socket.remoteAddress ?? 'unknown',
        secure: opts.tls !== undefined,
        basemap: opts.basemap ?? null,
        setCookie: (cookie) => res.appendHeader('set-cookie', cookie),
      });
    },
    onError: ({ error, path }) => {
      // Only unexpected errors are logged, by procedure and code; never inputs, which may be personal.
      if (error.code === 'INTERNAL_SERVER_ERROR') log(`trpc ${path ?? '?'}: ${error.message}`);
    },
  });
  const client = existsSync(opts.clientDir) ? sirv(opts.clientDir, { single: true, etag: true, gzip: false }) : null;

  const fail = (path: string, method: string | undefined, res: ServerResponse, e: unknown) => {
    log(`${method ?? ''} ${path}: ${(e as Error).message}`);
    if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'unexpected error; see the server log');
  };

  // Phones need a secure context for geolocation, so the LAN can be served over HTTPS.
  const serve = (handler: Parameters<typeof createServer>[1] & object): Server => (opts.tls ? createTlsServer(opts.tls, handler) : createServer(handler));
  return serve((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    try {
      if (path.startsWith('/trpc/')) return void trpc(req, res);
      if (/^\/api\/estates\/\d+\/register/.test(path))
        return void handleRegister(opts.db, req, res, path, url.searchParams).catch((e: unknown) => fail(path, req.method, res, e));
      if ((path.startsWith('/api/plans/') || path.endsWith('/parking.xlsx')) && req.method === 'GET')
        return void handlePlanExport(opts.db, res, path)
          .then(async (handled) => handled || (await handleParkingExport(opts.db, res, path, url.searchParams)))
          .then((handled) => handled || sendError(res, 404, 'NOT_FOUND', `no endpoint ${path}`))
          .catch((e: unknown) => fail(path, req.method, res, e));
      if (handleGis(opts.db, req, res, path)) return;
      if (!client) return sendError(res, 503, 'CLIENT_NOT_BUILT', `no client build at ${opts.clientDir}: run npm run build`);
      client(req, res, () => sendError(res, 404, 'NOT_FOUND', `no file ${path}`));
    } catch (e) {
      fail(path, req.method, res, e);
    }
  });
}
