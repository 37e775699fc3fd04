import { centroid, polygon as turfPolygon } from '@turf/turf';
import { and, count, eq, inArray } from 'drizzle-orm';
import { keepAdjustedParts, type DerivedParts, type EstateLayout } from '../../geo/estate/index.ts';
import type { RegisterRow } from '../../geo/register/index.ts';
import { first, only, transact, type Db } from '../db/database.ts';
import { applyRegister } from '../register/apply-register.ts';
import { ImportError } from './import-error.ts';
import { rowChanged, syncSurroundings } from './surroundings.ts';

export interface ReimportSummary {
  estateId: number;
  stairwells: { kept: number; added: number; removed: number };
  buildings: { kept: number; added: number; removed: number };
  flatsKept: number;
  /** Doors and elevator sites placed in /admin: kept where the file gave none, dropped where they no longer fit. */
  adjusted: { kept: number; dropped: string[] };
}

/**
 * Re-imports an estate's geometry in place, in one transaction: buildings
 * and stairwells are matched by code and door number and updated, so their
 * flats, consent and stage events, canvassers and saved plans stay attached;
 * new ones are added; ones no longer in the file are removed only if nothing
 * hangs on them; a door or elevator site a planner placed stays where the
 * file gives none (keepAdjustedParts). Parking and fire lanes are matched by
 * space id and name, roads and green replaced; rows the file does not change
 * are not written, so importing an estate's own export changes nothing. A
 * register, when given, is then applied as in /admin (adds and updates by
 * door and room). Any problem and nothing is written.
 */
export async function reimportEstate(db: Db, estateId: number, layout: EstateLayout, derived: DerivedParts, register: RegisterRow[] | null, now: Date): Promise<ReimportSummary> {
  const { t } = db;
  return transact(db, async (tx) => {
    const [lng, lat] = centroid(turfPolygon(layout.boundary.coordinates)).geometry.coordinates as [number, number];
    const estate = { name: layout.name, boundary: layout.boundary, centerLng: lng, centerLat: lat, schematic: layout.schematic };
    const storedEstate = (await first(tx.select().from(t.estates).where(eq(t.estates.id, estateId))))!;
    if (rowChanged(storedEstate, estate)) await tx.update(t.estates).set(estate).where(eq(t.estates.id, estateId));

    const storedBuildings = new Map((await tx.select().from(t.buildings).where(eq(t.buildings.estateId, estateId))).map((b) => [b.code, b]));
    const buildingOf = new Map<string, number>();
    for (const b of layout.buildings) {
      const old = storedBuildings.get(b.code);
      const values = { floors: b.floors, footprint: b.footprint, extra: b.extra };
      if (old) {
        if (rowChanged(old, values)) await tx.update(t.buildings).set(values).where(eq(t.buildings.id, old.id));
        buildingOf.set(b.code, old.id);
      } else buildingOf.set(b.code, (await only(tx.insert(t.buildings).values({ estateId, code: b.code, ...values }).returning())).id);
    }

    const storedStairwells = new Map((await tx.select().from(t.stairwells).where(eq(t.stairwells.estateId, estateId))).map((s) => [s.doorNumber, s]));
    let added = 0;
    const adjusted = { kept: 0, dropped: [] as string[] };
    const derivedDoors = new Set(derived.doors);
    const derivedSites = new Set(derived.elevatorSites);
    for (const s of layout.stairwells) {
      const values = { buildingId: buildingOf.get(s.buildingCode)!, footprint: s.footprint, doorLng: s.door[0], doorLat: s.door[1], elevatorSite: s.elevatorSite, extra: s.extra };
      const old = storedStairwells.get(s.doorNumber);
      if (old) {
        const parts = keepAdjustedParts({
          doorNumber: s.doorNumber,
          footprint: s.footprint,
          buildings: layout.buildings,
          boundary: layout.boundary,
          file: { door: s.door, elevatorSite: s.elevatorSite, derived: [...(derivedDoors.has(s.doorNumber) ? ['door' as const] : []), ...(derivedSites.has(s.doorNumber) ? ['elevatorSite' as const] : [])] },
          stored: { door: [old.doorLng, old.doorLat], elevatorSite: old.elevatorSite ?? null, doorAdjusted: old.doorAdjusted, siteAdjusted: old.siteAdjusted },
        });
        adjusted.kept += parts.kept.length;
        adjusted.dropped.push(...parts.dropped.map((part) => `${s.doorNumber} ${part === 'door' ? 'door' : 'elevator site'}`));
        const update = { ...values, doorLng: parts.door[0], doorLat: parts.door[1], elevatorSite: parts.elevatorSite, doorAdjusted: parts.doorAdjusted, siteAdjusted: parts.siteAdjusted };
        if (rowChanged(old, update)) await tx.update(t.stairwells).set(update).where(eq(t.stairwells.id, old.id));
      } else {
        await tx.insert(t.stairwells).values({ estateId, doorNumber: s.doorNumber, stage: 'canvassing', ...values });
        added++;
      }
    }
    const newDoors = new Set(layout.stairwells.map((s) => s.doorNumber));
    const gone = [...storedStairwells].filter(([door]) => !newDoors.has(door)).map(([door, s]) => [door, s.id] as const);
    const problems: string[] = [];
    for (const [door, id] of gone) {
      const flats = (await first(tx.select({ n: count() }).from(t.flats).where(eq(t.flats.stairwellId, id))))!.n;
      const stages = (await first(tx.select({ n: count() }).from(t.stageEvents).where(eq(t.stageEvents.stairwellId, id))))!.n;
      if (flats || stages)
        problems.push(`stairwell ${door}: not in the new file but has ${flats} flats and ${stages} stage events; keep its footprint in the file (re-importing never deletes a register)`);
    }
    if (problems.length) throw new ImportError(problems);
    const goneIds = gone.map(([, id]) => id);
    if (goneIds.length) {
      await tx.delete(t.canvasserStairwells).where(inArray(t.canvasserStairwells.stairwellId, goneIds));
      await tx.delete(t.teamMembers).where(inArray(t.teamMembers.stairwellId, goneIds));
      await tx.delete(t.stairwellCosts).where(inArray(t.stairwellCosts.stairwellId, goneIds));
      await tx.delete(t.stairwells).where(inArray(t.stairwells.id, goneIds));
    }
    const usedBuildings = new Set(layout.buildings.map((b) => b.code));
    const goneBuildings = [...storedBuildings].filter(([code]) => !usedBuildings.has(code)).map(([, b]) => b.id);
    if (goneBuildings.length) await tx.delete(t.buildings).where(and(eq(t.buildings.estateId, estateId), inArray(t.buildings.id, goneBuildings)));

    await syncSurroundings(tx, estateId, layout);

    // The same connection: the register's own transaction nests as a savepoint.
    if (register) await applyRegister(tx, estateId, register, now);
    const flatsKept = (await first(tx
      .select({ n: count() })
      .from(t.flats)
      .innerJoin(t.stairwells, eq(t.flats.stairwellId, t.stairwells.id))
      .where(eq(t.stairwells.estateId, estateId))))!.n;
    return {
      estateId,
      stairwells: { kept: layout.stairwells.length - added, added, removed: goneIds.length },
      buildings: { kept: layout.buildings.filter((b) => storedBuildings.has(b.code)).length, added: layout.buildings.filter((b) => !storedBuildings.has(b.code)).length, removed: goneBuildings.length },
      flatsKept,
      adjusted,
    };
  });
}
