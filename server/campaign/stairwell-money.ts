import { asc, desc, eq, inArray } from 'drizzle-orm';
import { FUNDING_STAGES } from '../../geo/campaign/index.ts';
import { ledger, maintenanceShares, type Agreement, type LedgerFlat } from '../../geo/cost/index.ts';
import { loadLiftServices } from './lift-services.ts';
import { first, type Db } from '../db/database.ts';
import { loadStairwellState, type StairwellState } from '../queries/stairwell-states.ts';

const FUNDING = new Set<string>(FUNDING_STAGES);

/** A stairwell's flats as the ledger reads them, floor by floor. */
export function ledgerFlats(s: StairwellState): LedgerFlat[] {
  return [...s.flats]
    .sort((a, b) => a.floor - b.floor || a.room.localeCompare(b.room, 'zh'))
    .map((f) => ({ flatId: f.id, room: f.room, floor: f.floor, areaCentiM2: f.areaCentiM2 }));
}

/** The split that counts: the newest agreed. */
export async function latestAgreement(db: Db, stairwellId: number): Promise<(Agreement & { recordedBy: string }) | null> {
  const { costAgreements } = db.t;
  const row = await first(db.select().from(costAgreements).where(eq(costAgreements.stairwellId, stairwellId)).orderBy(desc(costAgreements.id)).limit(1));
  if (!row) return null;
  return { method: row.method, agreedOn: row.agreedOn, liftCostFen: row.liftCostFen, coefficients: row.coefficients ?? undefined, custom: row.custom ?? undefined, recordedBy: row.recordedBy };
}

/**
 * One stairwell's money for staff: the agreed split, each flat's line (due, advance, paid, 公积金, hardship,
 * outstanding), every entry with its note, and the subsidy; null lines until a split is agreed.
 */
export async function stairwellMoney(db: Db, stairwellId: number) {
  const { moneyEntries, subsidyClaims } = db.t;
  const s = await loadStairwellState(db, stairwellId);
  const agreement = await latestAgreement(db, stairwellId);
  const entries = await db.select().from(moneyEntries).where(eq(moneyEntries.stairwellId, stairwellId)).orderBy(asc(moneyEntries.on), asc(moneyEntries.id));
  const subsidy = (await first(db.select().from(subsidyClaims).where(eq(subsidyClaims.stairwellId, stairwellId)))) ?? null;
  const flats = ledgerFlats(s);
  // A lift in service: each flat's yearly maintenance fee, split as the cost was (by area without a split).
  const service = s.row.stage === 'in_service' ? (await loadLiftServices(db, [stairwellId])).get(stairwellId) : undefined;
  const maintenance = service
    ? { maintainer: service.maintainer, priceFenPerYear: service.priceFenPerYear, byFlat: Object.fromEntries(maintenanceShares(flats, agreement, service.priceFenPerYear).map((f) => [f.flatId, f.feeFen])) as Record<number, number> }
    : null;
  return {
    stairwellId,
    doorNumber: s.row.doorNumber,
    stage: s.row.stage,
    flats: flats.map((f) => ({ flatId: f.flatId, room: f.room, floor: f.floor })),
    agreement,
    ledger: agreement ? ledger(flats, agreement, entries, { claimedFen: subsidy?.claimedFen ?? null, receivedFen: subsidy?.receivedFen ?? null }) : null,
    entries: entries.map((e) => ({ id: e.id, flatId: e.flatId, room: flats.find((f) => f.flatId === e.flatId)?.room ?? '', kind: e.kind, amountFen: e.amountFen, on: e.on, note: e.note, recordedBy: e.recordedBy })),
    maintenance,
    subsidy: subsidy && { appliedOn: subsidy.appliedOn, claimedFen: subsidy.claimedFen, receivedOn: subsidy.receivedOn, receivedFen: subsidy.receivedFen },
  };
}
export type StairwellMoney = Awaited<ReturnType<typeof stairwellMoney>>;

/**
 * How many stairwells wait on money rather than votes: past the signed agreement and before the works, with a split
 * recorded that the owners have not yet paid in full (their advance of the subsidy included). Two queries per estate.
 */
export async function moneyHeldCount(db: Db, states: readonly StairwellState[]): Promise<number> {
  const { costAgreements, moneyEntries } = db.t;
  const waiting = states.filter((s) => FUNDING.has(s.row.stage));
  if (waiting.length === 0) return 0;
  const ids = waiting.map((s) => s.row.id);
  const agreements = await db.select().from(costAgreements).where(inArray(costAgreements.stairwellId, ids)).orderBy(asc(costAgreements.id));
  if (agreements.length === 0) return 0;
  const entries = await db.select().from(moneyEntries).where(inArray(moneyEntries.stairwellId, ids));
  let held = 0;
  for (const s of waiting) {
    const row = agreements.filter((a) => a.stairwellId === s.row.id).at(-1);
    if (!row) continue;
    const agreement = { method: row.method, agreedOn: row.agreedOn, liftCostFen: row.liftCostFen, coefficients: row.coefficients ?? undefined, custom: row.custom ?? undefined };
    const l = ledger(ledgerFlats(s), agreement, entries.filter((e) => e.stairwellId === s.row.id), { claimedFen: null, receivedFen: null });
    if (l.outstandingFen > 0) held++;
  }
  return held;
}
