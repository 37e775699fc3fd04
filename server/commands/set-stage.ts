import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkStageChange, STAGES } from '../../geo/stages/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { loadStairwellState } from '../queries/stairwell-states.ts';
import { WHO } from './authorise.ts';
import { defineCommand } from './command.ts';
import { refuse } from './refusal.ts';

export const setStageInput = z.object({
  stairwellId: z.number().int().positive().max(2 ** 31),
  to: z.enum(STAGES),
  reason: z.string().trim().max(200, 'expected a reason of at most 200 characters').optional(),
});

/**
 * Moves a stairwell to another stage (SPEC §4), checked against the consent
 * rule on signed votes, with its event. Asking for the stage it already has
 * changes nothing and appends no event.
 */
export const setStage = defineCommand({
  roles: WHO.staff,
  input: setStageInput,
  run: async ({ tx, now, record }, { stairwellId, to, reason }) => {
    const { stageEvents, stairwells } = tx.t;
    const s = await loadStairwellState(tx, stairwellId);
    if (s.row.stage === to) return { stairwellId, from: to, to, changed: false };
    const passed = s.consent.complete && s.consent.result.passed;
    const refusal = checkStageChange({ from: s.row.stage, to, consentPassed: passed, reason });
    if (refusal) throw refuse.precondition(refusal.zh, refusal.message);
    const at = shanghaiIso(now);
    await tx.update(stairwells).set({ stage: to, stageReason: to === 'suspended' ? (reason ?? null) : null }).where(eq(stairwells.id, stairwellId));
    await tx.insert(stageEvents).values({ stairwellId, fromStage: s.row.stage, toStage: to, at, reason: reason ?? null });
    await record({ kind: 'stage', estateId: s.row.estateId, stairwellId, doorNumber: s.row.doorNumber, from: s.row.stage, to, at });
    return { stairwellId, from: s.row.stage, to, changed: true };
  },
});
