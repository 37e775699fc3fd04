import { and, eq } from 'drizzle-orm';
import { voteOf } from '../../geo/consent/index.ts';
import type { RegisterRow } from '../../geo/register/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { first, only, transact, type Db } from '../db/database.ts';
import { registerQuery } from './register-query.ts';
import { ImportError } from '../import/import-error.ts';
import { registerFlatValues } from '../import/register-flat-values.ts';

const FIELDS = ['areaM2', 'voterId', 'voterName', 'phone', 'residents', 'aged60to79', 'aged80plus', 'status', 'concerns', 'note'] as const;
type Field = (typeof FIELDS)[number];

export interface RegisterChange {
  row: number;
  doorNumber: string;
  room: string;
  kind: 'add' | 'update';
  /** Changed fields; personal values are not echoed, only which fields change. */
  fields: Field[];
  statusFrom: string | null;
  statusTo: string;
}

const currentRows = registerQuery;

/**
 * What importing `rows` would change: flats added or updated, field by
 * field, with every problem (unknown door, a voter's flats voting two ways)
 * named by row. Nothing is written.
 */
export async function diffRegister(db: Db, estateId: number, rows: RegisterRow[]) {
  const { buildings, stairwells } = db.t;
  const doorRows = await db
    .select({ id: stairwells.id, doorNumber: stairwells.doorNumber, floors: buildings.floors })
    .from(stairwells)
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .where(eq(stairwells.estateId, estateId));
  const doors = new Map(doorRows.map((s) => [s.doorNumber, s.id]));
  const floorsOf = new Map(doorRows.map((s) => [s.doorNumber, s.floors]));
  const current = new Map((await currentRows(db, estateId)).map((r) => [`${r.doorNumber}\u0000${r.room}`, r]));
  const problems: string[] = [];
  const changes: RegisterChange[] = [];
  const seen = new Map<string, number>();
  const voteOfVoter = new Map<string, { vote: string; row: number }>();
  rows.forEach((r, i) => {
    const row = i + 2;
    const key = `${r.doorNumber}\u0000${r.room}`;
    if (!doors.has(r.doorNumber)) problems.push(`row ${row}, column doorNumber: no stairwell ${r.doorNumber} in this estate`);
    const floors = floorsOf.get(r.doorNumber);
    if (floors !== undefined && r.floor > floors)
      problems.push(`row ${row}, column floor: ${r.doorNumber} is in a building of ${floors} floors, so there is no floor ${r.floor} (该楼只有 ${floors} 层，没有第 ${r.floor} 层)`);
    // A room numbered 301 is on floor 3, 1201 on floor 12: a room that names another floor is a slip in the register.
    const named = /^(\d{1,2})\d{2}[A-Za-z]?$/.exec(r.room);
    if (named && Number(named[1]) !== r.floor)
      problems.push(`row ${row}, column room: room ${r.room} is on floor ${Number(named[1])}, but the row says floor ${r.floor} (${r.room} 室应在 ${Number(named[1])} 层，本行写的是 ${r.floor} 层)`);
    if (seen.has(key)) problems.push(`row ${row}, column room: ${r.doorNumber} ${r.room} is already on row ${seen.get(key)}`);
    seen.set(key, row);
    const vk = `${r.doorNumber}\u0000${r.voterId}`;
    const other = voteOfVoter.get(vk);
    if (other && other.vote !== voteOf(r.status)) problems.push(`row ${row}, column status: voter ${r.voterId} votes differently on row ${other.row}; one voter casts one vote`);
    else voteOfVoter.set(vk, { vote: voteOf(r.status), row });
    const old = current.get(key);
    if (!old) {
      changes.push({ row, doorNumber: r.doorNumber, room: r.room, kind: 'add', fields: [...FIELDS], statusFrom: null, statusTo: r.status });
      return;
    }
    const before: Record<Field, unknown> = { ...old, areaM2: old.areaCentiM2 === null ? null : old.areaCentiM2 / 100 };
    const fields = FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(r[f] ?? null));
    // The row would overwrite what a canvasser (or another import) recorded after this file was exported.
    if (fields.length && r.version != null && r.version !== old.version)
      problems.push(
        `row ${row}: ${r.doorNumber} ${r.room} changed since this file was exported (version ${r.version} in the file, ${old.version} now; now ${old.status}): export the register again and redo this row, or clear its 版本 cell to overwrite (导出后此户已有新记录)`,
      );
    if (fields.length) changes.push({ row, doorNumber: r.doorNumber, room: r.room, kind: 'update', fields, statusFrom: old.status, statusTo: r.status });
  });
  return { problems, changes, unchanged: rows.length - changes.length, notInFile: current.size - [...seen.keys()].filter((k) => current.has(k)).length };
}

/** Applies a register in one transaction (all or nothing); status changes become consent events. */
export async function applyRegister(db: Db, estateId: number, rows: RegisterRow[], now: Date) {
  const { consentEvents, flats, stairwells, voters } = db.t;
  const diff = await diffRegister(db, estateId, rows);
  if (diff.problems.length) throw new ImportError(diff.problems);
  const at = shanghaiIso(now);
  await transact(db, async (tx) => {
    const doors = new Map((await tx.select({ id: stairwells.id, doorNumber: stairwells.doorNumber }).from(stairwells).where(eq(stairwells.estateId, estateId))).map((s) => [s.doorNumber, s.id]));
    const current = new Map((await currentRows(tx, estateId)).map((r) => [`${r.doorNumber}\u0000${r.room}`, r]));
    // Rows the file does not change are not written: their versions stay, so no open form on a phone goes stale.
    const changed = new Set(diff.changes.map((c) => `${c.doorNumber}\u0000${c.room}`));
    for (const r of rows) {
      const key = `${r.doorNumber}\u0000${r.room}`;
      if (!changed.has(key)) continue;
      let voter = await first(tx.select().from(voters).where(and(eq(voters.estateId, estateId), eq(voters.externalId, r.voterId))));
      if (!voter) voter = await only(tx.insert(voters).values({ estateId, externalId: r.voterId, name: r.voterName, phone: r.phone }).returning());
      else if ((r.voterName ?? voter.name) !== voter.name || (r.phone ?? voter.phone) !== voter.phone)
        await tx.update(voters).set({ name: r.voterName ?? voter.name, phone: r.phone ?? voter.phone }).where(eq(voters.id, voter.id));
      const old = current.get(key);
      const values = registerFlatValues(r, voter.id);
      if (!old) {
        const flat = await only(tx.insert(flats).values({ stairwellId: doors.get(r.doorNumber)!, floor: r.floor, room: r.room, ...values }).returning({ id: flats.id }));
        if (r.status !== 'unvisited') await tx.insert(consentEvents).values({ flatId: flat.id, fromStatus: 'unvisited', toStatus: r.status, at, note: 'register import' });
        continue;
      }
      await tx.update(flats).set({ ...values, version: old.version + 1 }).where(eq(flats.id, old.flatId));
      if (old.status !== r.status) await tx.insert(consentEvents).values({ flatId: old.flatId, fromStatus: old.status, toStatus: r.status, at, note: 'register import' });
    }
  });
  return diff;
}
