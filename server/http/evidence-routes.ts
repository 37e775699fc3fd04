import { eq } from 'drizzle-orm';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { shanghaiIso } from '../../geo/time/index.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { canEditStairwell } from '../canvass/permissions.ts';
import { authorise, WHO } from '../auth/authorise.ts';
import { refuse } from '../refusal.ts';
import { first, transact, type Db } from '../db/database.ts';
import { sendError, sendRefusal } from './send.ts';

const EVIDENCE = /^\/api\/evidence\/(\d{1,9})\/(signature|photo)$/;

/**
 * GET /api/evidence/:id/signature|photo: a written vote's file, for staff
 * and the canvasser of its stairwell only, never from another site's page
 * (an <img> or a link elsewhere is refused), never cached; each opening is
 * logged (who, which evidence and so which flat, which file, when) in the
 * same transaction that reads it.
 */
export async function handleEvidenceFile(db: Db, user: SessionUser | null, req: IncomingMessage, res: ServerResponse, path: string, now: () => Date): Promise<boolean> {
  const match = EVIDENCE.exec(path);
  if (!match) return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return sendError(res, 403, 'CROSS_SITE', `表决凭证只能在 LiftMap 自己的页面中打开（evidence opens only from LiftMap's own pages; Sec-Fetch-Site: ${String(site)}）`), true;
  const part = match[2] as 'signature' | 'photo';
  try {
    const who = authorise(user, WHO.field);
    const file = await transact(db, async (tx) => {
      const { evidenceAccess, voteEvidence } = tx.t;
      const row = await first(tx
        .select({ id: voteEvidence.id, stairwellId: voteEvidence.stairwellId, signature: voteEvidence.signature, photo: voteEvidence.photo, photoMime: voteEvidence.photoMime, signatureSha256: voteEvidence.signatureSha256, photoSha256: voteEvidence.photoSha256 })
        .from(voteEvidence)
        .where(eq(voteEvidence.id, Number(match[1]))));
      if (!row) throw refuse.notFound(`没有编号为 ${match[1]} 的表决凭证`, `no vote evidence with id ${match[1]}`);
      if (!(await canEditStairwell(tx, who, row.stairwellId)))
        throw refuse.forbidden('只有工作人员和该门洞的楼组长可以查看表决凭证', "only staff and the stairwell's canvasser may open a vote's evidence");
      const bytes = part === 'signature' ? row.signature : row.photo;
      if (!bytes) throw refuse.notFound(`这份凭证没有${part === 'signature' ? '签名' : '照片'}`, `this evidence has no ${part}`);
      await tx.insert(evidenceAccess).values({ evidenceId: row.id, userId: who.id, part, at: shanghaiIso(now()) });
      return { bytes: Buffer.from(bytes), mime: part === 'signature' ? 'image/png' : row.photoMime!, sha256: part === 'signature' ? row.signatureSha256! : row.photoSha256! };
    });
    res.writeHead(200, {
      'content-type': file.mime,
      'content-length': file.bytes.length,
      'cache-control': 'private, no-store',
      'cross-origin-resource-policy': 'same-origin',
      'x-content-sha256': file.sha256,
    });
    res.end(file.bytes);
  } catch (e) {
    if (sendRefusal(res, e)) return true;
    throw e;
  }
  return true;
}
