import { WHO } from '../auth/authorise.ts';
import { recordLegal, withdrawLegal } from '../commands/legal-records.ts';
import { setLiftService } from '../commands/lift-service.ts';
import { recordObjection, resolveObjection } from '../commands/objections.ts';
import { setStage, setStages } from '../commands/set-stage.ts';
import { undoStage } from '../commands/undo-stage.ts';
import { loadPipeline } from '../campaign/pipeline.ts';
import { stairwellPapers } from '../campaign/papers.ts';
import { publicStairwell } from '../campaign/public-stairwell.ts';
import { stairwellId } from '../commands/stage-input.ts';
import { z } from 'zod';
import { publicProcedure, roleProcedure, router } from '../trpc.ts';
import { estateIdInput } from './estate.ts';

const staff = roleProcedure(...WHO.staff);

/** The campaign pipeline (SPEC §4): stages, 公示 objections and what is due. */
export const stagesRouter = router({
  /** Staff's view: every stairwell's stage and dates, objections with room and text, deadlines. */
  pipeline: staff.input(estateIdInput).query(async ({ ctx, input }) => await loadPipeline(ctx.db, input.estateId, ctx.now())),
  /** What is due, for the wall: door numbers, dates and counts only. */
  deadlines: publicProcedure.input(estateIdInput).query(async ({ ctx, input }) => (await loadPipeline(ctx.db, input.estateId, ctx.now())).deadlines),
  /** One stairwell for residents (the QR code on its papers): stage, dates, aggregates, cost per floor, prepared answers. */
  publicStairwell: publicProcedure.input(z.object({ stairwellId })).query(async ({ ctx, input }) => ({ ...(await publicStairwell(ctx.db, input.stairwellId, ctx.now())), shareUrl: ctx.site.publicUrl ? `${ctx.site.publicUrl}/stairwell/${input.stairwellId}` : null })),
  /** The three papers posted in a stairwell (征询意见表, 征询结果公告, 公示): rooms, areas and votes by room, no names. */
  papers: staff.input(z.object({ stairwellId })).query(async ({ ctx, input }) => await stairwellPapers(ctx.db, input.stairwellId, ctx.now())),
  set: staff.input(setStage.input).mutation(async ({ ctx, input }) => await setStage(ctx, input)),
  setMany: staff.input(setStages.input).mutation(async ({ ctx, input }) => await setStages(ctx, input)),
  undo: staff.input(undoStage.input).mutation(async ({ ctx, input }) => await undoStage(ctx, input)),
  recordObjection: staff.input(recordObjection.input).mutation(async ({ ctx, input }) => await recordObjection(ctx, input)),
  resolveObjection: staff.input(resolveObjection.input).mutation(async ({ ctx, input }) => await resolveObjection(ctx, input)),
  /** The steps the law adds between stages: post checked, the bureau's reply, 施工告知, 监督检验, the technical file, 使用登记. */
  recordLegal: staff.input(recordLegal.input).mutation(async ({ ctx, input }) => await recordLegal(ctx, input)),
  withdrawLegal: staff.input(withdrawLegal.input).mutation(async ({ ctx, input }) => await withdrawLegal(ctx, input)),
  /** A lift in service: its 使用管理单位, maintenance agreement and inspection's validity. */
  setLiftService: staff.input(setLiftService.input).mutation(async ({ ctx, input }) => await setLiftService(ctx, input)),
});
