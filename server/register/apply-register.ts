import { and, asc, eq, ne } from 'drizzle-orm';
import { voteOf } from '../../geo/consent/index.ts';
import { VOTE_ZH, type FormalStatus } from '../../geo/evidence/index.ts';
import { problem, type Problem } from '../../geo/problems/index.ts';
import { cellPlace, REGISTER_COLUMNS } from '../../geo/register/index.ts';
import type { RegisterRow } from '../../geo/register/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { first, only, transact, type Db } from '../db/database.ts';
import { registerQuery } from './register-query.ts';
import { ImportError } from '../import/import-error.ts';
import { registerFlatValues } from '../import/register-flat-values.ts';

const FIELDS = ['areaM2', 'voterId', 'voterName', 'phone', 'residents', 'aged60to79', 'aged80plus', 'status', 'concerns', 'note'] as const;
type Field = (typeof FIELDS)[number];

export interface RegisterChange {
  /** Where the row is in the file: its sheet ('' for a CSV) and the row number Excel shows. */
  sheet: string;
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
  const written = await writtenVotes(db, estateId);
  const problems: Problem[] = [];
  const changes: RegisterChange[] = [];
  const seen = new Map<string, { zh: string; en: string }>();
  const voteOfVoter = new Map<string, { vote: string; where: { zh: string; en: string } }>();
  const flatsOnFloor = new Map<string, Map<number, string[]>>();
  rows.forEach((r, i) => {
    const at = r.at ?? { sheet: '', row: i + 2 };
    const where = (column: 'doorNumber' | 'floor' | 'room' | 'status') => cellPlace(at, at.headers?.[column] ?? REGISTER_COLUMNS[column]);
    const rowName = at.sheet ? { zh: `「${at.sheet}」第 ${at.row} 行`, en: `sheet “${at.sheet}”, row ${at.row}` } : { zh: `第 ${at.row} 行`, en: `row ${at.row}` };
    const key = `${r.doorNumber}\u0000${r.room}`;
    if (!doors.has(r.doorNumber)) {
      const w = where('doorNumber');
      problems.push(problem(`${w.zh}：本小区没有门洞「${r.doorNumber}」`, `${w.en}: no stairwell ${r.doorNumber} in this estate`));
    }
    const floors = floorsOf.get(r.doorNumber);
    if (floors !== undefined && r.floor > floors) {
      const w = where('floor');
      problems.push(problem(`${w.zh}是 ${r.floor}：${r.doorNumber} 所在楼只有 ${floors} 层，没有第 ${r.floor} 层`, `${w.en} is ${r.floor}: ${r.doorNumber} is in a building of ${floors} floors, so there is no floor ${r.floor}`));
    }
    // A room numbered 301 is on floor 3, 1201 on floor 12: a room that names another floor is a slip in the register.
    const named = /^(\d{1,2})\d{2}[A-Za-z]?$/.exec(r.room);
    if (named && Number(named[1]) !== r.floor) {
      const w = where('room');
      problems.push(problem(`${w.zh}是 ${r.room}：${r.room} 室应在 ${Number(named[1])} 层，本行写的是 ${r.floor} 层`, `${w.en} is ${r.room}: room ${r.room} is on floor ${Number(named[1])}, but the row says floor ${r.floor}`));
    }
    const earlier = seen.get(key);
    if (earlier) {
      const w = where('room');
      problems.push(problem(`${w.zh}：${r.doorNumber} ${r.room} 室已在${earlier.zh}出现`, `${w.en}: ${r.doorNumber} ${r.room} is already on ${earlier.en}`));
    }
    seen.set(key, rowName);
    const floorsHere = flatsOnFloor.get(r.doorNumber) ?? new Map<number, string[]>();
    flatsOnFloor.set(r.doorNumber, floorsHere.set(r.floor, [...(floorsHere.get(r.floor) ?? []), r.room]));
    const vk = `${r.doorNumber}\u0000${r.voterId}`;
    const other = voteOfVoter.get(vk);
    if (other && other.vote !== voteOf(r.status)) {
      const w = where('status');
      problems.push(problem(`${w.zh}：表决人 ${r.voterId} 在${other.where.zh}的意见不同；一个表决人只有一票`, `${w.en}: voter ${r.voterId} votes differently on ${other.where.en}; one voter casts one vote`));
    } else voteOfVoter.set(vk, { vote: voteOf(r.status), where: rowName });
    const old = current.get(key);
    if (!old) {
      changes.push({ sheet: at.sheet, row: at.row, doorNumber: r.doorNumber, room: r.room, kind: 'add', fields: [...FIELDS], statusFrom: null, statusTo: r.status });
      return;
    }
    const before: Record<Field, unknown> = { ...old, areaM2: old.areaCentiM2 === null ? null : old.areaCentiM2 / 100 };
    const fields = FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(r[f] ?? null));
    // The row would overwrite what a canvasser (or another import) recorded after this file was exported.
    if (fields.length && r.version != null && r.version !== old.version)
      problems.push(
        problem(
          `${rowName.zh}：${r.doorNumber} ${r.room} 室在导出此文件后已有新记录（文件中版本 ${r.version}，现在 ${old.version}，现状 ${old.status}）：请重新导出名册后再改这一行，或清空这一行的「版本」格以覆盖`,
          `${rowName.en}: ${r.doorNumber} ${r.room} changed since this file was exported (version ${r.version} in the file, ${old.version} now; now ${old.status}): export the register again and redo this row, or clear its 版本 cell to overwrite`,
        ),
      );
    // A written vote is not rewritten by a spreadsheet: staff send its evidence back first.
    const vote = written.get(key);
    if (fields.includes('status') && vote && vote.vote !== r.status) {
      const w = where('status');
      problems.push(
        problem(
          `${w.zh}：${r.doorNumber} ${r.room} 室已有书面表决「${VOTE_ZH[vote.vote]}」（${vote.review === 'verified' ? '已核验' : '待核验'}），名册不能改写书面表决；如要改票，请先在表决核验中退回原凭证`,
          `${w.en}: ${r.doorNumber} ${r.room} has a written vote "${vote.vote}" (${vote.review}); a register does not overwrite it: send its evidence back in 表决核验 first`,
        ),
      );
    }
    if (fields.length) changes.push({ sheet: at.sheet, row: at.row, doorNumber: r.doorNumber, room: r.room, kind: 'update', fields, statusFrom: old.status, statusTo: r.status });
  });
  return { problems, warnings: crowdedFloors(flatsOnFloor, current), changes, unchanged: rows.length - changes.length, notInFile: current.size - [...seen.keys()].filter((k) => current.has(k)).length };
}

/**
 * Floors with more flats than the stairwell's other floors have (its usual
 * count per landing, from this file and what is stored): a warning, since
 * a room typed on the wrong floor looks exactly like this.
 */
function crowdedFloors(inFile: Map<string, Map<number, string[]>>, current: Map<string, { doorNumber: string; floor: number; room: string }>): Problem[] {
  const warnings: Problem[] = [];
  for (const [door, floors] of inFile) {
    const all = new Map<number, Set<string>>();
    for (const [floor, rooms] of floors) all.set(floor, new Set(rooms));
    for (const flat of current.values()) if (flat.doorNumber === door) all.set(flat.floor, (all.get(flat.floor) ?? new Set()).add(flat.room));
    const counts = [...all.values()].map((s) => s.size).sort((a, b) => a - b);
    const usual = counts[Math.floor(counts.length / 2)] ?? 0;
    for (const [floor, set] of all) {
      const rooms = [...set].sort();
      if (rooms.length > usual && counts.length > 2)
        warnings.push(
          problem(
            `${door} 第 ${floor} 层有 ${rooms.length} 户（${rooms.join('、')}），该门洞其他楼层一般每层 ${usual} 户：请核对室号和楼层`,
            `${door} floor ${floor} has ${rooms.length} flats (${rooms.join(', ')}) where its other floors have ${usual}: check the rooms and floors`,
          ),
        );
    }
  }
  return warnings;
}

/** Every flat whose voter has a live written vote (evidence not sent back), by door and room. */
async function writtenVotes(db: Db, estateId: number): Promise<Map<string, { vote: FormalStatus; review: string }>> {
  const { flats, stairwells, voteEvidence } = db.t;
  const rows = await db
    .select({ doorNumber: stairwells.doorNumber, room: flats.room, vote: voteEvidence.vote, review: voteEvidence.review })
    .from(voteEvidence)
    .innerJoin(flats, and(eq(flats.stairwellId, voteEvidence.stairwellId), eq(flats.voterId, voteEvidence.voterId)))
    .innerJoin(stairwells, eq(stairwells.id, voteEvidence.stairwellId))
    .where(and(eq(stairwells.estateId, estateId), ne(voteEvidence.review, 'rejected')))
    .orderBy(asc(voteEvidence.id));
  return new Map(rows.map((r) => [`${r.doorNumber}\u0000${r.room}`, { vote: r.vote, review: r.review }]));
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
