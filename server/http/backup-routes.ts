import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { SessionUser } from '../auth/sessions.ts';
import { first, type Db } from '../db/database.ts';
import { sendDownload, sendError } from './send.ts';

const BACKUP = /^\/api\/backups\/(\d{1,9})\.db$/;

/**
 * GET /api/backups/:id.db: a backup file made from /admin or `npm run
 * backup`, for admins only (it holds every resident's personal data). The
 * file comes from the backups table, never from the path asked for.
 */
export async function handleBackupDownload(db: Db, user: SessionUser | null, res: ServerResponse, path: string): Promise<boolean> {
  const match = BACKUP.exec(path);
  if (!match) return false;
  if (!user) return sendError(res, 401, 'UNAUTHORIZED', '请先登录（please sign in）'), true;
  if (user.role !== 'admin') return sendError(res, 403, 'FORBIDDEN', '只有管理员可以下载备份（only admins may download backups）'), true;
  const { backups } = db.t;
  const row = await first(db.select().from(backups).where(eq(backups.id, Number(match[1]))));
  if (!row) return sendError(res, 404, 'NOT_FOUND', `没有编号为 ${match[1]} 的备份（no backup ${match[1]}）`), true;
  let body: Buffer;
  try {
    body = readFileSync(row.file);
  } catch {
    return sendError(res, 410, 'GONE', `备份文件 ${basename(row.file)} 已不在服务器上（the backup file is no longer on the server）`), true;
  }
  sendDownload(res, body, basename(row.file), 'application/vnd.sqlite3');
  return true;
}
