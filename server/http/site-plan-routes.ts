import { eq } from 'drizzle-orm';
import type { ServerResponse } from 'node:http';
import type { SessionUser } from '../auth/sessions.ts';
import { authorise, WHO } from '../auth/authorise.ts';
import { first, type Db } from '../db/database.ts';
import { sendError, sendRefusal } from './send.ts';

const SITE_PLAN = /^\/api\/estates\/(\d{1,9})\/site-plan$/;

/**
 * GET /api/estates/:id/site-plan: the site plan's photo for /edit's map,
 * for staff, with the type found in its bytes when it was uploaded.
 */
export async function handleSitePlanImage(db: Db, user: SessionUser | null, res: ServerResponse, path: string): Promise<boolean> {
  const match = SITE_PLAN.exec(path);
  if (!match) return false;
  try {
    authorise(user, WHO.staff);
  } catch (e) {
    if (sendRefusal(res, e)) return true;
    throw e;
  }
  const { sitePlans } = db.t;
  const row = await first(db.select({ mime: sitePlans.mime, image: sitePlans.image, sha256: sitePlans.sha256 }).from(sitePlans).where(eq(sitePlans.estateId, Number(match[1]))));
  if (!row) return sendError(res, 404, 'NOT_FOUND', `此小区没有总平面图（estate ${match[1]} has no site plan）`), true;
  const image = Buffer.from(row.image);
  res.writeHead(200, { 'content-type': row.mime, 'content-length': image.length, etag: `"${row.sha256}"`, 'cache-control': 'private, no-cache' });
  res.end(image);
  return true;
}
