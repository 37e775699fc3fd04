import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { awaitsFollowUp, followUpQueue, overdueByStairwell, type FollowUpFlat } from '../../geo/register/index.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { first, type Db, type Tables } from '../db/database.ts';
import { refuse } from '../refusal.ts';
import { evaluateFlats, loadFlatRows } from '../queries/stairwell-states.ts';
import { canEditStairwell } from './permissions.ts';
import { myStairwells } from './my-stairwells.ts';

/** A flat's follow-up fields, read for the lists and the wall's count. */
const followUpColumns = ({ flats }: Tables) => ({
  flatId: flats.id,
  stairwellId: flats.stairwellId,
  room: flats.room,
  floor: flats.floor,
  status: flats.status,
  nextVisitOn: flats.nextVisitOn,
  nextVisitorCanvasserId: flats.nextVisitorCanvasserId,
  nextVisitorNote: flats.nextVisitorNote,
  nextVisitReason: flats.nextVisitReason,
  doNotContactOn: flats.doNotContactOn,
});

/**
 * 今日回访: the flats due a follow-up today or overdue. A canvasser's list holds its stairwells' flats whose next call
 * is theirs (or anyone's); staff see every flat due in the estate with the party groups answering for its stairwell.
 * Flats that would make their stairwell pass come first, then those waiting longest. Door, room, day and the reason
 * staff or the canvasser wrote; never the household's name.
 */
export async function followUps(db: Db, user: SessionUser, estateId: number | undefined, today: string) {
  const { flats, canvassers, canvasserStairwells } = db.t;
  const mine = await myStairwells(db, user, estateId);
  const ids = mine.map((s) => s.id);
  if (ids.length === 0) return [];
  const rows = await db.select(followUpColumns(db.t)).from(flats).where(inArray(flats.stairwellId, ids));
  // The rule of who waits (a day set and passed, not signed, not 不再上门) is geo/register's.
  const due = rows.filter((r) => awaitsFollowUp({ ...r, inMinimalSet: false }, today));
  // The fewest signatures that would pass each stairwell with a flat due.
  const minimal = new Set<number>();
  for (const id of new Set(due.map((r) => r.stairwellId))) {
    const c = evaluateFlats(await loadFlatRows(db, id));
    if (c.complete) for (const f of c.result.flatsToPass ?? []) minimal.add(Number(f));
  }
  const groups = await db
    .select({ stairwellId: canvasserStairwells.stairwellId, group: canvassers.partyGroup })
    .from(canvasserStairwells)
    .innerJoin(canvassers, eq(canvassers.id, canvasserStairwells.canvasserId))
    .where(inArray(canvasserStairwells.stairwellId, [...new Set(due.map((r) => r.stairwellId))].concat(-1)));
  const door = new Map(mine.map((s) => [s.id, s.doorNumber]));
  const flatsDue: (FollowUpFlat & (typeof rows)[number])[] = due.map((r) => ({ ...r, inMinimalSet: minimal.has(r.flatId) }));
  return followUpQueue(flatsDue, today, user.role === 'canvasser' ? user.canvasserId : null).map((f) => ({
    flatId: f.flatId,
    stairwellId: f.stairwellId,
    doorNumber: door.get(f.stairwellId) ?? '',
    room: f.room,
    floor: f.floor,
    status: f.status,
    nextVisitOn: f.nextVisitOn!,
    overdue: f.overdue,
    inMinimalSet: f.inMinimalSet,
    reason: f.nextVisitReason,
    partyGroups: [...new Set(groups.filter((g) => g.stairwellId === f.stairwellId).map((g) => g.group).filter((g): g is string => Boolean(g)))],
  }));
}

/** A flat's history for those who may edit its stairwell: every visit (who came, when, outcome, concerns, note, what worked), who should call next, and the stairwell's team who may be named for it. */
export async function flatHistory(db: Db, user: SessionUser, flatId: number, today: string) {
  const { flats, visits, canvassers } = db.t;
  const flat = await first(db.select().from(flats).where(eq(flats.id, flatId)));
  if (!flat) throw refuse.notFound(`没有编号为 ${flatId} 的户`, `no flat with id ${flatId}`);
  if (!(await canEditStairwell(db, user, flat.stairwellId))) throw refuse.forbidden('这个门洞不是您包干的：请找它的楼组长或工作人员', 'this stairwell is not one of yours');
  const rows = await db
    .select({ at: visits.at, outcome: visits.outcome, statusAfter: visits.statusAfter, concerns: visits.concerns, note: visits.note, whatWorked: visits.whatWorked, whatWorkedNote: visits.whatWorkedNote, canvasser: canvassers.name })
    .from(visits)
    .leftJoin(canvassers, eq(canvassers.id, visits.canvasserId))
    .where(eq(visits.flatId, flatId))
    .orderBy(desc(visits.at))
    .limit(50);
  // Who stands behind this stairwell (党建引领, 1+2+N), to be named as the next to call: one line per person, their posts joined.
  const { teamMembers } = db.t;
  const members = await db
    .select({ canvasserId: canvassers.id, name: canvassers.name, post: teamMembers.post })
    .from(teamMembers)
    .innerJoin(canvassers, eq(canvassers.id, teamMembers.canvasserId))
    .where(eq(teamMembers.stairwellId, flat.stairwellId))
    .orderBy(teamMembers.id);
  const team = [...new Map(members.map((m) => [m.canvasserId, { canvasserId: m.canvasserId, name: m.name, posts: members.filter((x) => x.canvasserId === m.canvasserId).map((x) => x.post) }])).values()];
  const nextVisitor = flat.nextVisitorCanvasserId === null ? null : await first(db.select({ id: canvassers.id, name: canvassers.name }).from(canvassers).where(eq(canvassers.id, flat.nextVisitorCanvasserId)));
  return {
    flatId,
    room: flat.room,
    status: flat.status,
    nextVisitOn: flat.nextVisitOn,
    nextVisitor: nextVisitor ? { canvasserId: nextVisitor.id, name: nextVisitor.name } : null,
    nextVisitorNote: flat.nextVisitorNote,
    nextVisitReason: flat.nextVisitReason,
    doNotContactOn: flat.doNotContactOn,
    visits: rows,
    team,
    /** The server's day: the phone's next-visit date starts from it, not from the device's clock. */
    today,
  };
}

/** Follow-ups past their day per stairwell of an estate's given stairwells: counts for the wall, never a name. */
export async function overdueFollowUps(db: Db, stairwellIds: readonly number[], today: string): Promise<Map<number, number>> {
  const { flats } = db.t;
  if (stairwellIds.length === 0) return new Map();
  const rows = await db.select(followUpColumns(db.t)).from(flats).where(and(inArray(flats.stairwellId, [...stairwellIds]), lt(flats.nextVisitOn, today)));
  return overdueByStairwell(rows.map((r) => ({ ...r, inMinimalSet: false })), today);
}
