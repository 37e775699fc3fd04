import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/**
 * The screens the client routes (client/app.tsx): these paths answer the
 * app's page; any other path that is not a file of the build is a 404, so
 * a probe of /metrics or /readyz never "succeeds" on the app's HTML.
 */
const SCREENS = [/^\/$/, /^\/(wall|canvass|maintain|admin|plan|edit|import|present|district)\/?$/, /^\/stairwell\/\d{1,9}\/?$/, /^\/papers\/\d{1,9}\/(form|result|notice|statements)\/?$/];
export const isScreen = (path: string) => SCREENS.some((p) => p.test(path));

/** A file the build named by its content's hash (`index-Cq3v9xkA.js`): it never changes, so it is cached for a year. */
const HASHED = /^\/assets\/.+-[\w-]{8,}\.\w+$/;

/**
 * The built client: files as the build wrote them, brotli or gzip when the
 * build precompressed them and the browser takes it, hashed assets cached
 * for a year (`immutable`), every page revalidated (`no-cache`) so a new
 * deployment is seen at once; a screen's path answers the app's page.
 * Null when there is no build.
 */
export function staticClient(dir: string): ((req: IncomingMessage, res: ServerResponse, notFound: () => void) => void) | null {
  if (!existsSync(dir)) return null;
  const files = sirv(dir, {
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders: (res, pathname) => res.setHeader('cache-control', HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  return (req, res, notFound) => {
    files(req, res, () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (!isScreen(path)) return notFound();
      // The app's page for a screen: the same index.html whatever the path.
      req.url = '/index.html';
      files(req, res, notFound);
    });
  };
}
