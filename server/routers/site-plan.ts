import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { WHO } from '../auth/authorise.ts';
import { placeSitePlan, removeSitePlan, setSitePlanOpacity, uploadSitePlan } from '../commands/site-plan-commands.ts';
import { first } from '../db/database.ts';
import { roleProcedure, router } from '../trpc.ts';

const staff = roleProcedure(...WHO.staff);

export const sitePlanRouter = router({
  /** The estate's site plan without its bytes (those are GET /api/estates/:id/site-plan): size, pinned points, corners, opacity. */
  get: staff.input(z.object({ estateId: z.number().int().positive().max(2 ** 31) })).query(async ({ ctx, input }) => {
    const { sitePlans } = ctx.db.t;
    const row = await first(
      ctx.db
        .select({ mime: sitePlans.mime, sha256: sitePlans.sha256, widthPx: sitePlans.widthPx, heightPx: sitePlans.heightPx, points: sitePlans.points, corners: sitePlans.corners, opacity: sitePlans.opacity, updatedAt: sitePlans.updatedAt })
        .from(sitePlans)
        .where(eq(sitePlans.estateId, input.estateId)),
    );
    return row ?? null;
  }),
  upload: staff.input(uploadSitePlan.input).mutation(async ({ ctx, input }) => await uploadSitePlan(ctx, input)),
  place: staff.input(placeSitePlan.input).mutation(async ({ ctx, input }) => await placeSitePlan(ctx, input)),
  setOpacity: staff.input(setSitePlanOpacity.input).mutation(async ({ ctx, input }) => await setSitePlanOpacity(ctx, input)),
  remove: staff.input(removeSitePlan.input).mutation(async ({ ctx, input }) => await removeSitePlan(ctx, input)),
});
