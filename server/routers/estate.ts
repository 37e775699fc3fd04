import { z } from 'zod';
import { districtOverview } from '../queries/district-overview.ts';
import { estateMap } from '../queries/estate-map.ts';
import { listEstates } from '../queries/list-estates.ts';
import { publicProcedure, router } from '../trpc.ts';
import { withDomainErrors } from './domain-errors.ts';

export const estateIdInput = z.object({ estateId: z.number().int('expected a whole number').positive('expected a positive id') });

export const estateRouter = router({
  list: publicProcedure.query(({ ctx }) => listEstates(ctx.db)),
  /** 街道总览: all estates with aggregated progress and all stairwells for one map. */
  overview: publicProcedure.query(({ ctx }) => districtOverview(ctx.db)),
  /** The raster basemap configured for this server (LIFTMAP_BASEMAP_*), or null for the offline style. */
  basemap: publicProcedure.query(({ ctx }) => ctx.basemap),
  map: publicProcedure.input(estateIdInput).query(({ ctx, input }) => withDomainErrors(() => estateMap(ctx.db, input.estateId))),
});
