import { computeParking } from '../parking/compute-parking.ts';
import { parkingInputSchema } from '../parking/parking-params.ts';
import { publicProcedure, router } from '../trpc.ts';

export const parkingRouter = router({
  compute: publicProcedure.input(parkingInputSchema).query(async ({ ctx, input }) => await computeParking(ctx.db, input)),
});
