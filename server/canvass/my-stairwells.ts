import { eq } from 'drizzle-orm';
import { doorLabel } from '../../geo/estate/index.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { first, type Db } from '../db/database.ts';
import { loadStairwellStates } from '../queries/stairwell-states.ts';

/** A canvasser works in their own estate; staff in the one they chose (else the first). */
async function estateFor(db: Db, user: SessionUser, chosen: number | undefined): Promise<number | null> {
  const { canvassers, estates } = db.t;
  if (user.role === 'canvasser')
    return (await first(db.select({ id: canvassers.estateId }).from(canvassers).where(eq(canvassers.id, user.canvasserId ?? -1))))?.id ?? null;
  const all = await db.select({ id: estates.id }).from(estates).orderBy(estates.id);
  return all.find((e) => e.id === chosen)?.id ?? all[0]?.id ?? null;
}

/**
 * The stairwells a user works on, closest to passing first: a canvasser's own
 * (in their estate), staff see all of the chosen estate. Aggregates only.
 */
export async function myStairwells(db: Db, user: SessionUser, chosenEstateId?: number) {
  const { canvasserStairwells } = db.t;
  const estateId = await estateFor(db, user, chosenEstateId);
  if (estateId === null) return [];
  const owned =
    user.role === 'canvasser'
      ? new Set((await db.select({ id: canvasserStairwells.stairwellId }).from(canvasserStairwells).where(eq(canvasserStairwells.canvasserId, user.canvasserId ?? -1))).map((r) => r.id))
      : null;
  return (await loadStairwellStates(db, estateId))
    .filter((s) => owned === null || owned.has(s.row.id))
    .map((s) => ({
      id: s.row.id,
      doorNumber: s.row.doorNumber,
      label: doorLabel(s.row.doorNumber),
      stage: s.row.stage,
      colorKey: s.colorKey,
      color: s.color,
      progress: s.consent.complete ? s.consent.progress : 0,
      passed: s.consent.complete && s.consent.result.passed,
      stillPossible: s.consent.complete ? s.consent.result.stillPossible : true,
      toPass: s.consent.complete ? (s.consent.result.flatsToPass?.length ?? null) : null,
      flatsSigned: s.consent.flatsSigned,
    }))
    .sort((a, b) => Number(a.passed) - Number(b.passed) || Number(b.stillPossible) - Number(a.stillPossible) || b.progress - a.progress || a.id - b.id);
}
