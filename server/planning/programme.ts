import { progressAgainstPlan, type ProgrammeStatus } from '../../geo/phasing/index.ts';
import type { Stage } from '../../geo/stages/index.ts';
import { shanghaiDay } from '../../geo/time/index.ts';
import { loadStandings } from '../campaign/stage-history.ts';
import type { Db } from '../db/database.ts';
import { loadStairwellStates } from '../queries/stairwell-states.ts';
import { adoptedProgramme, readyDateOfStairwell } from './phasing-input.ts';
import { planParamsSchema } from './plan-params.ts';

export interface ProgrammeSite {
  stairwellId: number;
  doorNumber: string;
  phase: number;
  stage: Stage;
  planned: { start: string; end: string };
  /** 施工 and 竣工验收 as recorded. */
  actual: { start: string | null; end: string | null };
  readyDate: string | null;
  status: ProgrammeStatus;
  slipDays: number;
  slipped: boolean;
}

/**
 * The adopted programme (施工计划) against what happened: each stairwell's
 * planned bar (its phase in the plan as adopted), its actual bar (施工 to
 * 竣工验收, as recorded), its earliest ready day from real dates, and its
 * slippage. Door numbers, stages and dates only. Null when none is adopted.
 */
export async function loadProgramme(db: Db, estateId: number, now: Date) {
  const programme = await adoptedProgramme(db, estateId);
  if (!programme) return null;
  const today = shanghaiDay(now);
  const states = new Map((await loadStairwellStates(db, estateId)).map((s) => [s.row.id, s]));
  const standings = await loadStandings(db, estateId);
  const sites: ProgrammeSite[] = programme.phases.flatMap((p) =>
    p.stairwellIds.flatMap((id) => {
      const s = states.get(id);
      if (!s) return [];
      const standing = standings.get(id);
      const readyDate = readyDateOfStairwell(s, standing, today);
      const row = { planned: { start: p.startDate, end: p.endDate }, actual: { start: standing?.startedOn ?? null, end: standing?.acceptedOn ?? null }, readyDate };
      return [{ stairwellId: id, doorNumber: s.row.doorNumber, phase: p.index, stage: s.row.stage, ...row, ...progressAgainstPlan(row, today) }];
    }),
  );
  return {
    scenario: { id: programme.row.id, name: programme.row.name, adoptedAt: programme.row.adoptedAt!, startDate: planParamsSchema.parse(programme.row.params).startDate },
    today,
    phases: programme.phases.map((p) => ({ index: p.index, start: p.startDate, end: p.endDate })),
    sites,
    slipped: sites.filter((s) => s.slipped).length,
    maxSlipDays: Math.max(0, ...sites.map((s) => s.slipDays)),
  };
}
export type Programme = NonNullable<Awaited<ReturnType<typeof loadProgramme>>>;
