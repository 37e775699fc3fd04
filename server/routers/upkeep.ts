import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { shanghaiDay, shanghaiIso } from '../../geo/time/index.ts';
import { WHO } from '../auth/authorise.ts';
import { inServiceDates, liftRecord, liftsOf, liftsUpkeep } from '../campaign/lift-upkeep.ts';
import { liftFor, proposeRepair, recordMaintenanceVisit, reportFault, settleRepair, updateFault } from '../commands/lift-upkeep.ts';
import { stairwellId } from '../commands/stage-input.ts';
import { first } from '../db/database.ts';
import { refuse } from '../refusal.ts';
import { roleProcedure, router } from '../trpc.ts';

const upkeep = roleProcedure(...WHO.upkeep);
const staff = roleProcedure(...WHO.staff);

/**
 * Lifts in service (issue "After the vote"): the maintainer (维保单位) sees and records only its own lifts, staff
 * every lift. Doors, dates and times; never a resident's name.
 */
export const upkeepRouter = router({
  /** A maintainer's lifts (any estate), or staff's lifts of `estateId`: worst health first. */
  myLifts: upkeep
    .input(z.object({ estateId: z.number().int().positive().max(2 ** 31).optional() }))
    .query(async ({ ctx, input }) => await liftsOf(ctx.db, ctx.user, input.estateId, shanghaiDay(ctx.now()))),
  /** One lift: its agreement, health, next visit due, and its recent visits, faults (with arrival minutes) and repairs. */
  lift: upkeep.input(z.object({ stairwellId })).query(async ({ ctx, input }) => {
    const lift = await liftFor(ctx.db, ctx.user, input.stairwellId);
    const [dates] = await inServiceDates(ctx.db, [input.stairwellId]);
    const health = dates ? (await liftsUpkeep(ctx.db, [dates], shanghaiDay(ctx.now()))).get(input.stairwellId)! : null;
    // `now`: the server's minute, the default alarm time of a fault reported from the phone.
    return { stairwellId: input.stairwellId, doorNumber: lift.doorNumber, service: lift.service, upkeep: health, now: shanghaiIso(ctx.now()).slice(0, 16), ...(await liftRecord(ctx.db, input.stairwellId)) };
  }),
  /** The secret for the lift's QR sticker (staff print it for the car); never shown to a maintainer's account. */
  sticker: staff.input(z.object({ stairwellId })).query(async ({ ctx, input }) => {
    const { liftTags, stairwells } = ctx.db.t;
    const row = await first(ctx.db.select({ tag: liftTags.tag, doorNumber: stairwells.doorNumber }).from(liftTags).innerJoin(stairwells, eq(stairwells.id, liftTags.stairwellId)).where(eq(liftTags.stairwellId, input.stairwellId)));
    if (!row) throw refuse.precondition('登记维保合同后才有电梯二维码', 'the lift has no QR code until its maintenance agreement is recorded');
    return { doorNumber: row.doorNumber, path: `/maintain?lift=${input.stairwellId}&tag=${row.tag}` };
  }),
  recordVisit: upkeep.input(recordMaintenanceVisit.input).mutation(async ({ ctx, input }) => await recordMaintenanceVisit(ctx, input)),
  reportFault: upkeep.input(reportFault.input).mutation(async ({ ctx, input }) => await reportFault(ctx, input)),
  updateFault: upkeep.input(updateFault.input).mutation(async ({ ctx, input }) => await updateFault(ctx, input)),
  proposeRepair: staff.input(proposeRepair.input).mutation(async ({ ctx, input }) => await proposeRepair(ctx, input)),
  settleRepair: staff.input(settleRepair.input).mutation(async ({ ctx, input }) => await settleRepair(ctx, input)),
});
