import { presentDeck } from '../queries/present-deck.ts';
import { publicProcedure, router } from '../trpc.ts';
import { estateIdInput } from './estate.ts';

export const presentRouter = router({
  /** The phasing and parking slides' data: aggregates and door numbers only. */
  deck: publicProcedure.input(estateIdInput).query(async ({ ctx, input }) => await presentDeck(ctx.db, input.estateId)),
});
