import { router } from '../trpc.ts';
import { estateRouter } from './estate.ts';
import { parkingRouter } from './parking.ts';
import { planRouter } from './plan.ts';
import { stairwellRouter } from './stairwell.ts';

export const appRouter = router({
  estate: estateRouter,
  stairwell: stairwellRouter,
  plan: planRouter,
  parking: parkingRouter,
});

export type AppRouter = typeof appRouter;
