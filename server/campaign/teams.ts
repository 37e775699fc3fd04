import { and, asc, eq, inArray } from 'drizzle-orm';
import { coverageOf, coverageTotals, dutyText, TEAM_POSTS, type StairwellCoverage, type TeamPost } from '../../geo/team/index.ts';
import type { Db } from '../db/database.ts';

/** Six-storey walk-ups: a stairwell with no flats recorded yet still has six floors. */
const DEFAULT_FLOORS = 6;

/**
 * What checking a team member needs of an estate: its stairwells by door
 * (floors, rooms) and its canvassers by 编号. `onlyStairwell` reads one
 * stairwell's flats instead of the estate's (one post assigned in /admin).
 */
export async function teamPlaces(db: Db, estateId: number, onlyStairwell?: number) {
  const { stairwells, flats, canvassers } = db.t;
  const inEstate = eq(stairwells.estateId, estateId);
  const doors = await db
    .select({ id: stairwells.id, doorNumber: stairwells.doorNumber })
    .from(stairwells)
    .where(onlyStairwell === undefined ? inEstate : and(inEstate, eq(stairwells.id, onlyStairwell)));
  const flatRows = doors.length
    ? await db.select({ stairwellId: flats.stairwellId, floor: flats.floor, room: flats.room }).from(flats).where(inArray(flats.stairwellId, doors.map((d) => d.id)))
    : [];
  const byId = new Map(doors.map((d) => [d.id, { id: d.id, doorNumber: d.doorNumber, floors: 0, rooms: new Set<string>() }]));
  for (const f of flatRows) {
    const s = byId.get(f.stairwellId)!;
    s.floors = Math.max(s.floors, f.floor);
    s.rooms.add(f.room);
  }
  for (const s of byId.values()) if (s.floors === 0) s.floors = DEFAULT_FLOORS;
  const people = await db.select({ id: canvassers.id, externalId: canvassers.externalId, name: canvassers.name }).from(canvassers).where(eq(canvassers.estateId, estateId));
  return {
    byDoor: new Map([...byId.values()].map((s) => [s.doorNumber, s])),
    byId,
    canvassers: new Map(people.map((c) => [c.externalId, c])),
  };
}
export type TeamPlaces = Awaited<ReturnType<typeof teamPlaces>>;

/**
 * Every stairwell's coverage in counts (no names): the map's coverage layer
 * on /wall and /admin, and the deck's branch work.
 */
export async function estateCoverage(db: Db, estateId: number): Promise<{ stairwells: (StairwellCoverage & { doorNumber: string })[]; totals: ReturnType<typeof coverageTotals> }> {
  const { stairwells, teamMembers } = db.t;
  const doors = await db.select({ id: stairwells.id, doorNumber: stairwells.doorNumber }).from(stairwells).where(eq(stairwells.estateId, estateId)).orderBy(asc(stairwells.id));
  const posts = await db.select({ stairwellId: teamMembers.stairwellId, post: teamMembers.post }).from(teamMembers).innerJoin(stairwells, eq(stairwells.id, teamMembers.stairwellId)).where(eq(stairwells.estateId, estateId));
  const held = new Map<number, TeamPost[]>();
  for (const p of posts) held.set(p.stairwellId, [...(held.get(p.stairwellId) ?? []), p.post]);
  const list = doors.map((d) => ({ ...coverageOf(d.id, held.get(d.id) ?? []), doorNumber: d.doorNumber }));
  return { stairwells: list, totals: coverageTotals(list) };
}

/** One stairwell's coverage in counts (the public page): its branch, how many hold each post, what it lacks. */
export async function stairwellCoverage(db: Db, stairwellId: number) {
  const { teamMembers } = db.t;
  const { posts, branch, teamComplete, gaps } = coverageOf(stairwellId, (await db.select({ post: teamMembers.post }).from(teamMembers).where(eq(teamMembers.stairwellId, stairwellId))).map((r) => r.post));
  return { posts, branch, teamComplete, gaps };
}

/** A stairwell's people, for staff in /admin: name, 编号, post, duty, since. */
export async function stairwellTeam(db: Db, stairwellId: number) {
  const { teamMembers, canvassers } = db.t;
  const rows = await db
    .select({ id: teamMembers.id, post: teamMembers.post, duty: teamMembers.duty, since: teamMembers.since, canvasserId: canvassers.externalId, name: canvassers.name, role: canvassers.role })
    .from(teamMembers)
    .innerJoin(canvassers, eq(canvassers.id, teamMembers.canvasserId))
    .where(eq(teamMembers.stairwellId, stairwellId))
    .orderBy(asc(teamMembers.id));
  return rows.sort((a, b) => TEAM_POSTS.indexOf(a.post) - TEAM_POSTS.indexOf(b.post)).map((r) => ({ ...r, dutyText: dutyText(r.duty) }));
}

/** The estate's canvassers (包干人) a post may go to, for /admin's picker. */
export async function estateCanvassers(db: Db, estateId: number) {
  const { canvassers } = db.t;
  return await db
    .select({ id: canvassers.id, canvasserId: canvassers.externalId, name: canvassers.name, role: canvassers.role, partyGroup: canvassers.partyGroup })
    .from(canvassers)
    .where(eq(canvassers.estateId, estateId))
    .orderBy(asc(canvassers.externalId));
}
