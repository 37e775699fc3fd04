import { tracked } from '@trpc/server';
import { z } from 'zod';
import { shanghaiIso } from '../../geo/time/index.ts';
import { leaderboard } from '../live/leaderboard.ts';
import { recentChanges } from '../live/recent-changes.ts';
import { publicProcedure, router } from '../trpc.ts';
import { withDomainErrors } from './domain-errors.ts';
import { estateIdInput } from './estate.ts';
import { requireEstate } from '../queries/stairwell-states.ts';

export const liveRouter = router({
  /** Every change as it happens, over server-sent events: door number and floor, no names. */
  onChange: publicProcedure.input(z.object({ estateId: z.number().int().positive(), lastEventId: z.string().nullish() })).subscription(async function* ({ ctx, input, signal }) {
    for await (const { id, change } of ctx.bus.changes(signal)) if (change.estateId === input.estateId) yield tracked(id, change);
  }),
  recent: publicProcedure.input(estateIdInput.extend({ limit: z.number().int().min(1).max(100).default(20) })).query(({ ctx, input }) =>
    withDomainErrors(() => {
      requireEstate(ctx.db, input.estateId);
      return recentChanges(ctx.db, input.estateId, input.limit);
    }),
  ),
  leaderboard: publicProcedure.input(estateIdInput).query(({ ctx, input }) =>
    withDomainErrors(() => {
      requireEstate(ctx.db, input.estateId);
      return leaderboard(ctx.db, input.estateId, shanghaiIso(new Date(ctx.now().getTime() - 7 * 86_400_000)));
    }),
  ),
});
