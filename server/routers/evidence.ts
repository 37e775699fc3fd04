import { z } from 'zod';
import { WHO } from '../auth/authorise.ts';
import { recordPaperOriginals } from '../commands/record-paper-originals.ts';
import { reviewEvidence } from '../commands/review-evidence.ts';
import { evidenceQueue, stairwellEvidence } from '../evidence/evidence-list.ts';
import { refuse } from '../refusal.ts';
import { roleProcedure, router } from '../trpc.ts';

const staff = roleProcedure(...WHO.staff);

/** 核验 of written votes (掌上签约): staff's queue and verdicts. The files themselves are GET /api/evidence/:id/signature|photo. */
export const evidenceRouter = router({
  queue: staff.input(z.object({ estateId: z.number().int().positive().max(2 ** 31) })).query(async ({ ctx, input }) => await evidenceQueue(ctx.db, input.estateId)),
  /** One stairwell's whole written record and who opened it, for a dispute. */
  ofStairwell: staff.input(z.object({ stairwellId: z.number().int().positive().max(2 ** 31) })).query(async ({ ctx, input }) => {
    const found = await stairwellEvidence(ctx.db, input.stairwellId);
    if (!found) throw refuse.notFound(`没有编号为 ${input.stairwellId} 的门洞`, `no stairwell with id ${input.stairwellId}`);
    return found;
  }),
  review: staff.input(reviewEvidence.input).mutation(async ({ ctx, input }) => await reviewEvidence(ctx, input)),
  /** 纸质原件存档: paper votes checked against their originals, with where each is kept. */
  recordOriginals: staff.input(recordPaperOriginals.input).mutation(async ({ ctx, input }) => await recordPaperOriginals(ctx, input)),
});
