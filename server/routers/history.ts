import { timeline } from '../queries/timeline.ts';
import { publicProcedure, router } from '../trpc.ts';
import { estateIdInput } from './estate.ts';

export const historyRouter = router({
  /** Stairwells passed and flats signed at the end of each day of the campaign: the wall's progress chart. */
  progress: publicProcedure.input(estateIdInput).query(async ({ ctx, input }) => await timeline(ctx.db, input.estateId, ctx.now(), false)),
  /** The same days with what each changed on the map: /present's time-lapse. */
  replay: publicProcedure.input(estateIdInput).query(async ({ ctx, input }) => await timeline(ctx.db, input.estateId, ctx.now(), true)),
});
