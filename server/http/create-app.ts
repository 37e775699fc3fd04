import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, Server as TlsServer } from 'node:https';
import compression from 'compression';
import { LoginLimiter } from '../auth/login-limiter.ts';
import { tokenFromCookie, userForToken } from '../auth/sessions.ts';
import type { CommandContext } from '../commands/command.ts';
import { createContextInner } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { Basemap, BackupSettings, SiteSettings } from '../env.ts';
import { LiveBus } from '../live/live-bus.ts';
import { appRouter } from '../routers/_app.ts';
import { handleBackupDownload } from './backup-routes.ts';
import { handleParkingExport, handlePlanExport } from './export-routes.ts';
import { handleGis } from './gis-routes.ts';
import { sendPage, stairwellSharePage } from './share-page.ts';
import { handleRegister } from './register-routes.ts';
import { handleSitePlanImage } from './site-plan-routes.ts';
import { handleEvidenceFile } from './evidence-routes.ts';
import { callsIn, crossSiteRefusal, MAX_ANONYMOUS_BATCH, MAX_BATCH, MAX_IMPORT_BODY, securityHeaders, trpcBodyCap } from './request-limits.ts';
import { sendError } from './send.ts';
import { handleLiveStream } from './live-stream.ts';
import { handleProbe } from './probes.ts';
import { sendCaCertificate } from './ca-route.ts';
import { requestOrigin, type TrustProxy } from './forwarded.ts';
import { staticClient } from './static-client.ts';

export interface AppOptions {
  db: Db;
  clientDir: string;
  log?: (line: string) => void;
  bus?: LiveBus;
  tls?: { cert: string | Buffer; key: string | Buffer };
  basemap?: Basemap | null;
  /** The clock (tests and the benchmark pass their own). */
  now?: () => Date;
  /** One line per request answered (method, path without its query, status, ms); stdout by default. */
  access?: (line: string) => void;
  /** Where backups made from /admin go and the server's own schedule; none when absent (PostgreSQL). */
  backups?: BackupSettings | null;
  /** The public address and the local certificate authority (/ca.crt). */
  site?: SiteSettings;
  /** Peers whose X-Forwarded-* headers are believed (a reverse proxy); none by default. */
  trustProxy?: TrustProxy | null;
}

/** The origin of a basemap's tile template, for the CSP. */
function tileOrigin(basemap: Basemap | null | undefined): string[] {
  if (!basemap) return [];
  try {
    return [new URL(basemap.tiles.replace(/\{[a-z]+\}/g, '0')).origin];
  } catch {
    return [];
  }
}

/** The HTTP server, and how it stops cleanly. */
export interface App extends Server {
  /**
   * Stops taking requests, lets those in flight finish (at most `graceMs`),
   * then closes every connection: live streams end abruptly, so each wall
   * reconnects with its last event id, to this server when it is back or to
   * another. Resolves once nothing is open.
   */
  drain(graceMs: number): Promise<void>;
  /** A renewed certificate, used from the next connection on (HTTPS only). */
  setCertificate(tls: { cert: string | Buffer; key: string | Buffer }): void;
}

/**
 * The one HTTP server: tRPC at /trpc, GIS endpoints under /api, /healthz, and
 * the built client (single-page fallback) for everything else. Every
 * response carries the security headers; every write must come from this
 * server's own pages and stay within its size limits.
 */
export function createApp(opts: AppOptions): App {
  const log = opts.log ?? ((line: string) => console.error(line));
  const bus = opts.bus ?? new LiveBus(opts.db);
  const now = opts.now ?? (() => new Date());
  const limiter = new LoginLimiter(opts.db);
  const headers = securityHeaders(tileOrigin(opts.basemap));
  const site: SiteSettings = opts.site ?? { publicUrl: null, localCa: null };
  const originOf = (req: IncomingMessage) => requestOrigin(req, opts.trustProxy ?? null, opts.tls !== undefined);
  const userOf = (req: IncomingMessage) => userForToken(opts.db, tokenFromCookie(req.headers.cookie), now());
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_IMPORT_BODY,
    maxBatchSize: MAX_BATCH,
    createContext: async ({ req, res }) => {
      const token = tokenFromCookie(req.headers.cookie);
      const origin = originOf(req);
      return createContextInner({
        db: opts.db,
        bus,
        limiter,
        now,
        token,
        user: await userForToken(opts.db, token, now()),
        clientKey: origin.address,
        secure: origin.https,
        site,
        basemap: opts.basemap ?? null,
        backups: opts.backups ?? null,
        setCookie: (cookie) => res.appendHeader('set-cookie', cookie),
      });
    },
    onError: ({ error, path }) => {
      // Only unexpected errors are logged, by procedure and code; never inputs, which may be personal.
      if (error.code === 'INTERNAL_SERVER_ERROR') log(`trpc ${path ?? '?'}: ${error.message}`);
    },
  });
  const client = staticClient(opts.clientDir);
  // Answers other than the built files (which the build precompressed) are compressed as the client takes it: brotli, else gzip.
  const compress = compression({ threshold: 1024 });
  const compressed = (req: IncomingMessage, res: ServerResponse) => new Promise<void>((resolve) => compress(req as never, res as never, () => resolve()));

  const fail = (path: string, method: string | undefined, res: ServerResponse, e: unknown) => {
    log(`${method ?? ''} ${path}: ${(e as Error).message}`);
    if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'unexpected error; see the server log');
  };

  // Phones need a secure context for geolocation, so the LAN can be served over HTTPS.
  const serve = (handler: Parameters<typeof createServer>[1] & object): Server => (opts.tls ? createTlsServer(opts.tls, handler) : createServer(handler));
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const reading = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
    // HEAD is GET without the body (Node leaves it out): every GET route answers it, as GDAL and QGIS ask before they read.
    if (req.method === 'HEAD') req.method = 'GET';
    try {
      if (await handleProbe(opts.db, res, path)) return;
      if (path === '/ca.crt') return sendCaCertificate(res, site);
      if (!reading) {
        const crossSite = crossSiteRefusal(req, originOf(req).host);
        if (crossSite) return sendError(res, 403, 'CROSS_SITE', `拒绝来自其他网站的写入请求（writes come only from LiftMap's own pages; ${crossSite}）`);
      }
      // Every wall's live stream, each change written once to all of them.
      if (path === '/trpc/live.onChange' && req.method === 'GET') return handleLiveStream(bus, req, res, url);
      if (path.startsWith('/trpc/') || path.startsWith('/api/')) await compressed(req, res);
      if (path.startsWith('/trpc/')) {
        // A batch larger than the client's own is for signed-in users only.
        if (callsIn(path.slice('/trpc/'.length)) > MAX_ANONYMOUS_BATCH && !(await userOf(req)))
          return sendError(res, 429, 'TOO_MANY_CALLS', `未登录时每批最多 ${MAX_ANONYMOUS_BATCH} 个调用（at most ${MAX_ANONYMOUS_BATCH} calls in a batch without signing in）`);
        if (!reading) {
          const cap = trpcBodyCap(path.slice('/trpc/'.length));
          const length = req.headers['content-length'];
          if (length === undefined) return sendError(res, 411, 'LENGTH_REQUIRED', '请求须注明长度（a tRPC call states its Content-Length）');
          if (Number(length) > cap) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `请求过大（a call may carry at most ${Math.round(cap / 1024 / 1024)} MB）`);
        }
        return void trpc(req, res);
      }
      if (/^\/api\/estates\/\d+\/register/.test(path)) {
        const ctx: CommandContext = { db: opts.db, now, user: await userOf(req), committed: () => bus.poke() };
        await handleRegister(ctx, req, res, path, url.searchParams);
        return;
      }
      if ((path.startsWith('/api/plans/') || path.endsWith('/parking.xlsx')) && req.method === 'GET') {
        const handled = (await handlePlanExport(opts.db, res, path)) || (await handleParkingExport(opts.db, res, path, url.searchParams));
        return handled ? undefined : sendError(res, 404, 'NOT_FOUND', `no endpoint ${path}`);
      }
      if (path.startsWith('/api/backups/') && req.method === 'GET') {
        if (await handleBackupDownload(opts.db, await userOf(req), res, path)) return;
        return sendError(res, 404, 'NOT_FOUND', `no endpoint ${path}`);
      }
      if (path.startsWith('/api/evidence/') && req.method === 'GET') {
        if (await handleEvidenceFile(opts.db, await userOf(req), req, res, path, now)) return;
        return sendError(res, 404, 'NOT_FOUND', `no endpoint ${path}`);
      }
      if (path.endsWith('/site-plan') && req.method === 'GET' && (await handleSitePlanImage(opts.db, await userOf(req), res, path))) return;
      if (await handleGis(opts.db, req, res, path, now())) return;
      if (path.startsWith('/api/') || path.startsWith('/trpc/')) return sendError(res, 404, 'NOT_FOUND', `no endpoint ${path}`);
      if (!client) return sendError(res, 503, 'CLIENT_NOT_BUILT', `no client build at ${opts.clientDir}: run npm run build`);
      // A stairwell's public page carries its own title and share preview (Open Graph) for chat apps.
      const shared = req.method === 'GET' ? /^\/stairwell\/(\d{1,9})\/?$/.exec(path) : null;
      if (shared) {
        const html = await stairwellSharePage(opts.db, opts.clientDir, Number(shared[1]), now(), site.publicUrl);
        if (html) return sendPage(res, html);
      }
      client(req, res, () => sendError(res, 404, 'NOT_FOUND', `no page or file ${path}`));
    } catch (e) {
      fail(path, req.method, res, e);
    }
  };
  // Requests being answered, live streams aside (they never finish by themselves).
  let inFlight = 0;
  let idle: (() => void) | null = null;
  const access = opts.access ?? ((line: string) => console.log(line));
  const server = serve((req, res) => {
    // The access log: method, path (never its query, which may carry a name), status, time; never a cookie.
    const started = performance.now();
    const method = req.method;
    const path = (req.url ?? '/').split('?')[0]!.slice(0, 200);
    res.once('close', () => access(`${method} ${path} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`));
    if (!req.url?.startsWith('/trpc/live.onChange')) {
      inFlight += 1;
      res.once('close', () => {
        if (--inFlight === 0) idle?.();
      });
    }
    void handle(req, res);
  });
  // Phones and walls keep a connection between requests longer than their own idle timeout (undici 4 s, browsers more),
  // so the server never closes one just as a client sends on it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const drain = async (graceMs: number) => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (inFlight > 0) await Promise.race([new Promise<void>((resolve) => (idle = resolve)), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    server.closeAllConnections();
    await closed;
  };
  const setCertificate = (tls: { cert: string | Buffer; key: string | Buffer }) => {
    if (!(server instanceof TlsServer)) throw new Error('this server speaks plain HTTP: it has no certificate to renew');
    server.setSecureContext(tls);
  };
  return Object.assign(server, { drain, setCertificate });
}
