import { z } from 'zod';
import { shanghaiDay } from '../../geo/time/index.ts';
import { WHO } from '../auth/authorise.ts';
import { estateCanvassers, estateCoverage, stairwellTeam } from '../campaign/teams.ts';
import { assignTeamMember, importTeams, removeTeamMember } from '../commands/teams.ts';
import { publicProcedure, roleProcedure, router } from '../trpc.ts';

const staff = roleProcedure(...WHO.staff);
const id = z.number().int().positive().max(2 ** 31);

/** 党建引领 and 1+2+N (issue "The people behind each door"): coverage in counts for every screen; people for staff. */
export const teamsRouter = router({
  /** Every stairwell's coverage (posts counted, gaps flagged): the wall's and /admin's coverage layer, the deck. No names. */
  coverage: publicProcedure.input(z.object({ estateId: id })).query(async ({ ctx, input }) => await estateCoverage(ctx.db, input.estateId)),
  /** A stairwell's people with their posts and duties (staff only). */
  ofStairwell: staff.input(z.object({ stairwellId: id })).query(async ({ ctx, input }) => await stairwellTeam(ctx.db, input.stairwellId)),
  /** The estate's canvassers a post can go to (staff only), with the server's day for a post's default start. */
  canvassers: staff.input(z.object({ estateId: id })).query(async ({ ctx, input }) => ({ canvassers: await estateCanvassers(ctx.db, input.estateId), today: shanghaiDay(ctx.now()) })),
  assign: staff.input(assignTeamMember.input).mutation(async ({ ctx, input }) => await assignTeamMember(ctx, input)),
  remove: staff.input(removeTeamMember.input).mutation(async ({ ctx, input }) => await removeTeamMember(ctx, input)),
  import: staff.input(importTeams.input).mutation(async ({ ctx, input }) => await importTeams(ctx, input)),
});
