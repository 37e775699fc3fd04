import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { LegalDates, LegalKind } from '../../geo/stages/index.ts';
import { first, type Db } from '../db/database.ts';

export interface LegalRecordRow {
  id: number;
  stairwellId: number;
  kind: LegalKind;
  on: string;
  reference: string | null;
  note: string | null;
}

/** The legal records that stand (not withdrawn) of these stairwells, oldest first. */
export async function loadLegalRecords(db: Db, stairwellIds: readonly number[]): Promise<LegalRecordRow[]> {
  const { legalRecords } = db.t;
  if (stairwellIds.length === 0) return [];
  return await db
    .select({ id: legalRecords.id, stairwellId: legalRecords.stairwellId, kind: legalRecords.kind, on: legalRecords.on, reference: legalRecords.reference, note: legalRecords.note })
    .from(legalRecords)
    .where(and(inArray(legalRecords.stairwellId, [...stairwellIds]), isNull(legalRecords.withdrawnAt)))
    .orderBy(asc(legalRecords.on), asc(legalRecords.id));
}

/** One stairwell's standing records by kind: their dates, as the stage check and deadlines read them. */
export function legalDatesOf(rows: readonly LegalRecordRow[], stairwellId: number): LegalDates {
  const out: LegalDates = {};
  for (const r of rows) if (r.stairwellId === stairwellId) out[r.kind] = r.on;
  return out;
}

/** Objections a stairwell received (in mediation or resolved), and the last day one arrived. */
export async function objectionsReceived(db: Db, stairwellId: number): Promise<{ count: number; lastReceivedOn: string | null }> {
  const { objections } = db.t;
  const rows = await db.select({ receivedOn: objections.receivedOn }).from(objections).where(eq(objections.stairwellId, stairwellId));
  return { count: rows.length, lastReceivedOn: rows.map((r) => r.receivedOn).sort().at(-1) ?? null };
}

/** How many objections of a stairwell have no answer from the bureau yet. */
export async function unansweredObjections(db: Db, stairwellId: number): Promise<number> {
  const { objections } = db.t;
  return (await first(db.select({ n: count() }).from(objections).where(and(eq(objections.stairwellId, stairwellId), isNull(objections.bureauAnswer)))))!.n;
}
