import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { checkStageChange, type Stage } from '../../geo/stages/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import type { Db } from '../db/open-database.ts';
import { stageEvents, stairwells } from '../db/schema.ts';
import { loadStairwellState } from '../queries/stairwell-states.ts';

/** Moves a stairwell to another stage (SPEC §4), checked against the consent rule on signed votes, with its event. */
export function setStage(db: Db, stairwellId: number, to: Stage, reason: string | undefined, now: Date) {
  return db.transaction((tx) => {
    const s = loadStairwellState(tx, stairwellId);
    const passed = s.consent.complete && s.consent.result.passed;
    const refusal = checkStageChange({ from: s.row.stage, to, consentPassed: passed, reason });
    if (refusal) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: refusal.message });
    tx.update(stairwells).set({ stage: to, stageReason: to === 'suspended' ? (reason ?? null) : null }).where(eq(stairwells.id, stairwellId)).run();
    tx.insert(stageEvents).values({ stairwellId, fromStage: s.row.stage, toStage: to, at: shanghaiIso(now), reason: reason ?? null }).run();
    return { stairwellId, from: s.row.stage, to };
  });
}
