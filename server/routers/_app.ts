import { moneyRouter } from './money.ts';
import { router } from '../trpc.ts';
import { adminRouter } from './admin.ts';
import { authRouter } from './auth.ts';
import { canvassRouter } from './canvass.ts';
import { estateRouter } from './estate.ts';
import { evidenceRouter } from './evidence.ts';
import { historyRouter } from './history.ts';
import { liveRouter } from './live.ts';
import { parkingRouter } from './parking.ts';
import { planRouter } from './plan.ts';
import { presentRouter } from './present.ts';
import { sitePlanRouter } from './site-plan.ts';
import { stagesRouter } from './stages.ts';
import { stairwellRouter } from './stairwell.ts';
import { upkeepRouter } from './upkeep.ts';
import { promisesRouter } from './promises.ts';
import { teamsRouter } from './teams.ts';
import { usersRouter } from './users.ts';

export const appRouter = router({
  auth: authRouter,
  admin: adminRouter,
  estate: estateRouter,
  stairwell: stairwellRouter,
  plan: planRouter,
  parking: parkingRouter,
  canvass: canvassRouter,
  live: liveRouter,
  history: historyRouter,
  present: presentRouter,
  stages: stagesRouter,
  money: moneyRouter,
  upkeep: upkeepRouter,
  promises: promisesRouter,
  teams: teamsRouter,
  users: usersRouter,
  sitePlan: sitePlanRouter,
  evidence: evidenceRouter,
});

export type AppRouter = typeof appRouter;
