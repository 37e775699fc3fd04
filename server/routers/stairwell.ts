import { z } from 'zod';
import { stairwellDetail } from '../queries/stairwell-detail.ts';
import { publicProcedure, router } from '../trpc.ts';

export const stairwellRouter = router({
  detail: publicProcedure
    .input(z.object({ stairwellId: z.number().int('expected a whole number').positive('expected a positive id') }))
    .query(async ({ ctx, input }) => await stairwellDetail(ctx.db, input.stairwellId)),
});
