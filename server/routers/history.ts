import { perChange } from '../queries/per-change-cache.ts';
import { timeline } from '../queries/timeline.ts';
import { publicProcedure, router } from '../trpc.ts';
import { estateIdInput } from './estate.ts';

// Public and costly (every consent event of the campaign): once per change of the estate, not once per request.
const progress = perChange((db, estateId, now) => timeline(db, estateId, now, false));
const replay = perChange((db, estateId, now) => timeline(db, estateId, now, true));

export const historyRouter = router({
  /** Stairwells passed and flats signed at the end of each day of the campaign: the wall's progress chart. */
  progress: publicProcedure.input(estateIdInput).query(async ({ ctx, input }) => await progress(ctx.db, input.estateId, ctx.now())),
  /** The same days with what each changed on the map: /present's time-lapse. */
  replay: publicProcedure.input(estateIdInput).query(async ({ ctx, input }) => await replay(ctx.db, input.estateId, ctx.now())),
});
