import { perChange } from '../queries/per-change-cache.ts';
import { presentDeck } from '../queries/present-deck.ts';
import { publicProcedure, router } from '../trpc.ts';
import { estateIdInput } from './estate.ts';

const deck = perChange((db, estateId) => presentDeck(db, estateId));

export const presentRouter = router({
  /** The phasing and parking slides' data: aggregates and door numbers only. */
  deck: publicProcedure.input(estateIdInput).query(async ({ ctx, input }) => await deck(ctx.db, input.estateId, ctx.now())),
});
