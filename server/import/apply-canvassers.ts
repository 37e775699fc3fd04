import { and, eq, inArray } from 'drizzle-orm';
import { canvasserProblems, type CanvasserRow } from '../../geo/register/index.ts';
import { only, transact, type Db } from '../db/database.ts';
import { ImportError } from './import-error.ts';

/**
 * Brings a stored estate's 包干 in line with a table, in one transaction:
 * canvassers matched by id are updated (their users, visits and events stay
 * theirs), new ones added; every stairwell goes to the canvasser the table
 * names, or to nobody. Canvassers no longer in the table keep their record
 * but own no stairwells. Any problem and nothing is written.
 */
export async function applyCanvassers(db: Db, estateId: number, rows: readonly CanvasserRow[], file: string): Promise<{ canvassers: number; stairwellsOwned: number }> {
  const { canvassers, canvasserStairwells, flats, stairwells } = db.t;
  return transact(db, async (tx) => {
    const doors = new Map((await tx.select({ id: stairwells.id, doorNumber: stairwells.doorNumber }).from(stairwells).where(eq(stairwells.estateId, estateId))).map((s) => [s.doorNumber, s.id]));
    const problems = canvasserProblems(new Set(doors.keys()), rows, file);
    if (problems.length) throw new ImportError(problems);
    const stored = new Map((await tx.select().from(canvassers).where(eq(canvassers.estateId, estateId))).map((c) => [c.externalId, c]));
    const stairwellIds = [...doors.values()];
    if (stairwellIds.length) {
      await tx.delete(canvasserStairwells).where(inArray(canvasserStairwells.stairwellId, stairwellIds));
      await tx.update(flats).set({ canvasserId: null }).where(inArray(flats.stairwellId, stairwellIds));
    }
    let owned = 0;
    for (const row of rows) {
      const values = { name: row.name, role: row.role, partyGroup: row.partyGroup };
      const old = stored.get(row.canvasserId);
      const id = old
        ? (await tx.update(canvassers).set(values).where(and(eq(canvassers.id, old.id), eq(canvassers.estateId, estateId))), old.id)
        : (await only(tx.insert(canvassers).values({ estateId, externalId: row.canvasserId, ...values }).returning({ id: canvassers.id }))).id;
      for (const door of row.doorNumbers) {
        const stairwellId = doors.get(door)!;
        await tx.insert(canvasserStairwells).values({ canvasserId: id, stairwellId });
        await tx.update(flats).set({ canvasserId: id }).where(eq(flats.stairwellId, stairwellId));
        owned++;
      }
    }
    return { canvassers: rows.length, stairwellsOwned: owned };
  });
}
