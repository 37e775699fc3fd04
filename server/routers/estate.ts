import { z } from 'zod';
import { estateMap } from '../queries/estate-map.ts';
import { listEstates } from '../queries/list-estates.ts';
import { perChange } from '../queries/per-change-cache.ts';
import { publicProcedure, router } from '../trpc.ts';

export const estateIdInput = z.object({ estateId: z.number().int('expected a whole number').positive('expected a positive id') });

// Every open wall re-reads the map after each change: one computation per change serves them all.
const map = perChange((db, estateId, now) => estateMap(db, estateId, now));

export const estateRouter = router({
  list: publicProcedure.query(async ({ ctx }) => await listEstates(ctx.db)),
  /** The raster basemap configured for this server (LIFTMAP_BASEMAP_*), or null for the offline style. */
  basemap: publicProcedure.query(({ ctx }) => ctx.basemap),
  map: publicProcedure.input(estateIdInput).query(async ({ ctx, input }) => await map(ctx.db, input.estateId, ctx.now())),
});
