import { tracked } from '@trpc/server';
import { z } from 'zod';
import { shanghaiIso } from '../../geo/time/index.ts';
import { leaderboard } from '../live/leaderboard.ts';
import { recentChanges } from '../live/recent-changes.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { publicProcedure, router } from '../trpc.ts';
import { estateIdInput } from './estate.ts';

/** What a live screen asks for: one estate (or every one: null) and the last change it heard, to resume after. */
export const liveInput = z.object({ estateId: z.number().int().positive().max(2 ** 31).nullable(), lastEventId: z.string().max(20).regex(/^\d+$/).nullish() });

export const liveRouter = router({
  /**
   * Every committed change as it happens, over server-sent events: door
   * numbers, floors and stages, no names. One estate, or every estate when
   * estateId is null (/district). A screen that reconnects with its last
   * event id gets what it missed, or a resync. Over HTTP the same stream is
   * served by server/http/live-stream.ts, which writes each change once to
   * every screen; this procedure serves callers without HTTP and types it.
   */
  onChange: publicProcedure
    .input(liveInput)
    .subscription(async function* ({ ctx, input, signal }) {
      const after = input.lastEventId ? Number(input.lastEventId) : null;
      for await (const { id, change } of ctx.bus.changes(input.estateId, after, signal)) yield tracked(String(id), change);
    }),
  recent: publicProcedure.input(estateIdInput.extend({ limit: z.number().int().min(1).max(100).default(20) })).query(async ({ ctx, input }) => {
    await requireEstate(ctx.db, input.estateId);
    return await recentChanges(ctx.db, input.estateId, input.limit);
  }),
  leaderboard: publicProcedure.input(estateIdInput).query(async ({ ctx, input }) => {
    await requireEstate(ctx.db, input.estateId);
    return await leaderboard(ctx.db, input.estateId, shanghaiIso(new Date(ctx.now().getTime() - 7 * 86_400_000)));
  }),
});
