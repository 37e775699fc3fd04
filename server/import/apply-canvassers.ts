import { and, eq, inArray } from 'drizzle-orm';
import { canvasserProblems, type CanvasserRow } from '../../geo/register/index.ts';
import type { Db } from '../db/open-database.ts';
import { canvassers, canvasserStairwells, flats, stairwells } from '../db/schema.ts';
import { ImportError } from './import-error.ts';

/**
 * Brings a stored estate's 包干 in line with a table, in one transaction:
 * canvassers matched by id are updated (their users, visits and events stay
 * theirs), new ones added; every stairwell goes to the canvasser the table
 * names, or to nobody. Canvassers no longer in the table keep their record
 * but own no stairwells. Any problem and nothing is written.
 */
export function applyCanvassers(db: Db, estateId: number, rows: readonly CanvasserRow[], file: string): { canvassers: number; stairwellsOwned: number } {
  return db.transaction((tx) => {
    const doors = new Map(tx.select({ id: stairwells.id, doorNumber: stairwells.doorNumber }).from(stairwells).where(eq(stairwells.estateId, estateId)).all().map((s) => [s.doorNumber, s.id]));
    const problems = canvasserProblems(new Set(doors.keys()), rows, file);
    if (problems.length) throw new ImportError(problems);
    const stored = new Map(tx.select().from(canvassers).where(eq(canvassers.estateId, estateId)).all().map((c) => [c.externalId, c]));
    const stairwellIds = [...doors.values()];
    if (stairwellIds.length) {
      tx.delete(canvasserStairwells).where(inArray(canvasserStairwells.stairwellId, stairwellIds)).run();
      tx.update(flats).set({ canvasserId: null }).where(inArray(flats.stairwellId, stairwellIds)).run();
    }
    let owned = 0;
    for (const row of rows) {
      const values = { name: row.name, role: row.role, partyGroup: row.partyGroup };
      const old = stored.get(row.canvasserId);
      const id = old
        ? (tx.update(canvassers).set(values).where(and(eq(canvassers.id, old.id), eq(canvassers.estateId, estateId))).run(), old.id)
        : tx.insert(canvassers).values({ estateId, externalId: row.canvasserId, ...values }).returning({ id: canvassers.id }).get().id;
      for (const door of row.doorNumbers) {
        const stairwellId = doors.get(door)!;
        tx.insert(canvasserStairwells).values({ canvasserId: id, stairwellId }).run();
        tx.update(flats).set({ canvasserId: id }).where(eq(flats.stairwellId, stairwellId)).run();
        owned++;
      }
    }
    return { canvassers: rows.length, stairwellsOwned: owned };
  });
}
