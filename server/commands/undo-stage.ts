import { mapColorKey } from '../../geo/palette/index.ts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { STAGE_ZH, standing } from '../../geo/stages/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { loadStageHistory } from '../campaign/stage-history.ts';
import { loadStairwellState } from '../queries/stairwell-states.ts';
import { WHO } from '../auth/authorise.ts';
import { defineCommand } from './command.ts';
import { refuse } from '../refusal.ts';
import { stairwellId } from './stage-input.ts';
import { estateOf } from './write-scope.ts';

export const undoStageInput = z.object({
  stairwellId,
  reason: z.string().trim().min(2, 'expected a reason: why the last step is taken back').max(200, 'expected a reason of at most 200 characters'),
});

/**
 * Takes back a stairwell's last step that still stands, as a new event naming
 * it (events are never deleted): the stairwell returns to the stage before,
 * and a suspension undone resumes where it was.
 */
export const undoStage = defineCommand({
  roles: WHO.staff,
  input: undoStageInput,
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record }, { stairwellId: id, reason }) => {
    const { stageEvents, stairwells } = tx.t;
    const s = await loadStairwellState(tx, id);
    const history = await loadStageHistory(tx, id);
    const last = history.last;
    if (!last) throw refuse.precondition(`${s.row.doorNumber}：还没有可撤销的阶段变更`, `${s.row.doorNumber}: no stage change to undo`);
    const back = standing(history.steps.slice(0, -1));
    const at = shanghaiIso(now);
    await tx
      .update(stairwells)
      .set({ stage: back.stage, resumeStage: back.resumeStage, stageReason: back.stage === 'suspended' ? (back.last?.event.reason ?? null) : null })
      .where(eq(stairwells.id, id));
    await tx.insert(stageEvents).values({ stairwellId: id, fromStage: s.row.stage, toStage: back.stage, at, reason, effectiveOn: at.slice(0, 10), undoes: last.event.id });
    await record({ kind: 'stage', estateId: s.row.estateId, stairwellId: id, doorNumber: s.row.doorNumber, from: s.row.stage, to: back.stage, at, colorKey: mapColorKey(back.stage, s.consent.bin) });
    return { stairwellId: id, doorNumber: s.row.doorNumber, from: s.row.stage, to: back.stage, undid: last.event.id, zh: `已撤销“${STAGE_ZH[last.event.toStage]}”，回到“${STAGE_ZH[back.stage]}”` };
  },
});
