import { asc, eq } from 'drizzle-orm';
import { evaluateStairwell, type HouseholdStatus, type StairwellConsent } from '../../geo/consent/index.ts';
import { MAP_PALETTE, mapColorKey, type MapColorKey } from '../../geo/palette/index.ts';
import { first, type Db, type Tables } from '../db/database.ts';
import type { stairwells } from '../db/schema.ts';
import { refuse } from '../refusal.ts';

export interface FlatRow {
  id: number;
  floor: number;
  room: string;
  areaCentiM2: number | null;
  voterId: number;
  status: HouseholdStatus;
  residents: number;
  aged60to79: number;
  aged80plus: number;
  version: number;
}

export interface StairwellState {
  row: typeof stairwells.$inferSelect;
  buildingCode: string;
  flats: FlatRow[];
  consent: StairwellConsent;
  colorKey: MapColorKey;
  color: string;
  /** Residents aged 60+ living on floors 3–6: those an elevator frees first. */
  upperFloorElders: number;
}

export async function requireEstate(db: Db, estateId: number) {
  const { estates } = db.t;
  const estate = await first(db.select().from(estates).where(eq(estates.id, estateId)));
  if (!estate) throw refuse.notFound(`没有编号为 ${estateId} 的小区`, `no estate with id ${estateId}`);
  return estate;
}

/** Evaluates a stairwell's flats under the consent rule; flat ids become strings for geo/. */
export function evaluateFlats(rows: readonly FlatRow[]): StairwellConsent {
  return evaluateStairwell(
    rows.map((f) => ({
      flatId: String(f.id),
      voterId: String(f.voterId),
      areaM2: f.areaCentiM2 === null ? null : f.areaCentiM2 / 100,
      status: f.status,
    })),
  );
}

function stateOf(row: typeof stairwells.$inferSelect, buildingCode: string, rows: FlatRow[]): StairwellState {
  const consent = evaluateFlats(rows);
  const colorKey = mapColorKey(row.stage, consent.bin);
  return {
    row,
    buildingCode,
    flats: rows,
    consent,
    colorKey,
    color: MAP_PALETTE[colorKey].color,
    upperFloorElders: rows.filter((f) => f.floor >= 3).reduce((s, f) => s + f.aged60to79 + f.aged80plus, 0),
  };
}

const flatColumns = ({ flats }: Tables) => ({
  id: flats.id,
  stairwellId: flats.stairwellId,
  floor: flats.floor,
  room: flats.room,
  areaCentiM2: flats.areaCentiM2,
  voterId: flats.voterId,
  status: flats.status,
  residents: flats.residents,
  aged60to79: flats.aged60to79,
  aged80plus: flats.aged80plus,
  version: flats.version,
});

/** Every stairwell of an estate with its flats evaluated, in door-number insertion order. */
export async function loadStairwellStates(db: Db, estateId: number): Promise<StairwellState[]> {
  const { buildings, flats, stairwells } = db.t;
  await requireEstate(db, estateId);
  const rows = await db
    .select({ stairwell: stairwells, buildingCode: buildings.code })
    .from(stairwells)
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .where(eq(stairwells.estateId, estateId))
    .orderBy(asc(stairwells.id));
  const flatRows = await db
    .select(flatColumns(db.t))
    .from(flats)
    .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
    .where(eq(stairwells.estateId, estateId))
    .orderBy(asc(flats.floor), asc(flats.room));
  const byStairwell = new Map<number, FlatRow[]>();
  for (const { stairwellId, ...f } of flatRows) {
    const list = byStairwell.get(stairwellId);
    if (list) list.push(f);
    else byStairwell.set(stairwellId, [f]);
  }
  return rows.map(({ stairwell, buildingCode }) => stateOf(stairwell, buildingCode, byStairwell.get(stairwell.id) ?? []));
}

/** One stairwell's flats, floor by floor, as the rule reads them. */
export async function loadFlatRows(db: Db, stairwellId: number): Promise<FlatRow[]> {
  const { flats } = db.t;
  return (await db
    .select(flatColumns(db.t))
    .from(flats)
    .where(eq(flats.stairwellId, stairwellId))
    .orderBy(asc(flats.floor), asc(flats.room)))
    .map(({ stairwellId: _s, ...f }) => f);
}

/** One stairwell, evaluated. */
export async function loadStairwellState(db: Db, stairwellId: number): Promise<StairwellState> {
  const { buildings, stairwells } = db.t;
  const found = await first(db
    .select({ stairwell: stairwells, buildingCode: buildings.code })
    .from(stairwells)
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .where(eq(stairwells.id, stairwellId)));
  if (!found) throw refuse.notFound(`没有编号为 ${stairwellId} 的门洞`, `no stairwell with id ${stairwellId}`);
  return stateOf(found.stairwell, found.buildingCode, await loadFlatRows(db, stairwellId));
}
