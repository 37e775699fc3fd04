import { router } from '../trpc.ts';
import { estateRouter } from './estate.ts';
import { stairwellRouter } from './stairwell.ts';

export const appRouter = router({
  estate: estateRouter,
  stairwell: stairwellRouter,
});

export type AppRouter = typeof appRouter;
