import type { IncomingMessage } from 'node:http';

/** Calls per tRPC batch from a signed-in user; the client batches at most 10. */
export const MAX_BATCH = 20;
/** Calls per batch from someone not signed in (a wall, a phone on the public page, an `<img>` elsewhere): the client's own batch, no more. */
export const MAX_ANONYMOUS_BATCH = 10;

/** How many calls a tRPC path (`a.b` or a batch `a.b,c.d`) makes. */
export const callsIn = (procedurePath: string): number => procedurePath.split(',').length;
/** Bytes of a tRPC call's body: plenty for a visit, a plan or a scenario. */
export const MAX_TRPC_BODY = 1024 * 1024;
/** Estate imports carry their register and 包干 files, and outline files, as base64 (20 MB each at most). */
export const MAX_IMPORT_BODY = 60 * 1024 * 1024;
const IMPORT_PROCEDURES = new Set(['admin.importEstate', 'admin.previewEstate', 'admin.readOutlines', 'sitePlan.upload']);
/** A visit with a written vote's evidence: a signature (≤ 300 KB) and a photo (≤ 1 MB) as base64, twice over for a batch of two. */
export const MAX_EVIDENCE_BODY = 4 * 1024 * 1024;
const EVIDENCE_PROCEDURES = new Set(['canvass.recordVisit']);

/** The body cap for a tRPC path (`a.b` or a batch `a.b,c.d`): the largest its calls may carry. */
export function trpcBodyCap(procedurePath: string): number {
  const paths = procedurePath.split(',');
  if (paths.every((p) => IMPORT_PROCEDURES.has(p))) return MAX_IMPORT_BODY;
  return paths.some((p) => EVIDENCE_PROCEDURES.has(p)) ? MAX_EVIDENCE_BODY : MAX_TRPC_BODY;
}

/**
 * Why a request that is not a GET must be refused as cross-site, or null:
 * a browser says where a request comes from (Sec-Fetch-Site, Origin), and
 * only this server's own pages may write. Tools without a browser (curl,
 * scripts, tests) send neither and are judged by their session as usual.
 */
export function crossSiteRefusal(req: IncomingMessage, host = req.headers.host): string | null {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${String(site)}`;
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `Origin: ${origin}`;
  }
  return host && originHost === host ? null : `Origin: ${origin}`;
}

/** Security headers for every response: no framing, no sniffing, no referrer to other sites, scripts only from this server. */
export function securityHeaders(extraOrigins: string[]): Record<string, string> {
  const extra = extraOrigins.length ? ` ${extraOrigins.join(' ')}` : '';
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      // MapLibre and ECharts set element styles from script.
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: blob:${extra}`,
      `connect-src 'self'${extra}`,
      // MapLibre runs its workers from blob URLs.
      "worker-src 'self' blob:",
      "font-src 'self' data:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
  };
}
