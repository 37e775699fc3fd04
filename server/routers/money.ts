import { z } from 'zod';
import { WHO } from '../auth/authorise.ts';
import { stairwellMoney } from '../campaign/stairwell-money.ts';
import { agreeSplit, recordMoney, recordSubsidy } from '../commands/money.ts';
import { stairwellId } from '../commands/stage-input.ts';
import { roleProcedure, router } from '../trpc.ts';

const staff = roleProcedure(...WHO.staff);

/** Money per stairwell and per flat (issue "After the vote"): staff only, amounts in fen. */
export const moneyRouter = router({
  /** The agreed split, each flat's due, advance, paid, 公积金, hardship and outstanding, every entry, the subsidy. */
  ofStairwell: staff.input(z.object({ stairwellId })).query(async ({ ctx, input }) => await stairwellMoney(ctx.db, input.stairwellId)),
  agree: staff.input(agreeSplit.input).mutation(async ({ ctx, input }) => await agreeSplit(ctx, input)),
  record: staff.input(recordMoney.input).mutation(async ({ ctx, input }) => await recordMoney(ctx, input)),
  subsidy: staff.input(recordSubsidy.input).mutation(async ({ ctx, input }) => await recordSubsidy(ctx, input)),
});
