import { eq } from 'drizzle-orm';
import { doorLabel } from '../../geo/estate/index.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { Db } from '../db/open-database.ts';
import { canvassers, canvasserStairwells, estates } from '../db/schema.ts';
import { loadStairwellStates } from '../queries/stairwell-states.ts';

/** A canvasser works in their own estate; staff in the one they chose (else the first). */
function estateFor(db: Db, user: SessionUser, chosen: number | undefined): number | null {
  if (user.role === 'canvasser')
    return db.select({ id: canvassers.estateId }).from(canvassers).where(eq(canvassers.id, user.canvasserId ?? -1)).get()?.id ?? null;
  const all = db.select({ id: estates.id }).from(estates).orderBy(estates.id).all();
  return all.find((e) => e.id === chosen)?.id ?? all[0]?.id ?? null;
}

/**
 * The stairwells a user works on, closest to passing first: a canvasser's own
 * (in their estate), staff see all of the chosen estate. Aggregates only.
 */
export function myStairwells(db: Db, user: SessionUser, chosenEstateId?: number) {
  const estateId = estateFor(db, user, chosenEstateId);
  if (estateId === null) return [];
  const owned =
    user.role === 'canvasser'
      ? new Set(db.select({ id: canvasserStairwells.stairwellId }).from(canvasserStairwells).where(eq(canvasserStairwells.canvasserId, user.canvasserId ?? -1)).all().map((r) => r.id))
      : null;
  return loadStairwellStates(db, estateId)
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
