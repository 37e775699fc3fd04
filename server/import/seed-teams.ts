import { and, asc, eq } from 'drizzle-orm';
import { addDays } from '../../geo/time/index.ts';
import type { TeamDuty, TeamPost } from '../../geo/team/index.ts';
import { only, type Db } from '../db/database.ts';

/** The demo's specialists of the service teams (1+2+N's "2"): each serves several stairwells. */
const SPECIALISTS = [
  { externalId: 'E01', name: '王工（设计院）', stage: 'design_approved' },
  { externalId: 'E02', name: '李工（施工单位）', stage: 'under_construction' },
  { externalId: 'E03', name: '赵工（电梯公司）', stage: 'accepted' },
  { externalId: 'E04', name: '孙经理（物业）', stage: 'in_service' },
] as const;

const duty = (d: Partial<TeamDuty>): TeamDuty => ({ stage: null, floors: [], rooms: [], ...d });

/**
 * The demo's people behind each stairwell (党建引领, 1+2+N), so the coverage
 * layer and /admin have content on the first start. A resident of each
 * stairwell is its 楼组长 and another its party member who has shown their
 * identity (the secretary of its temporary branch once the vote has
 * passed); the service team is a 居委干部 of the 包干 table, two of four
 * specialists and the stairwell's own canvasser as volunteer. A few
 * stairwells are left without a 楼组长, a party member or a team, so the
 * layer has something to flag. Residents become canvassers of the estate
 * (no stairwells of their own). Deterministic.
 */
export async function seedTeams(tx: Db, estateId: number, today: string): Promise<number> {
  const { canvassers, canvasserStairwells, flats, stairwells, teamMembers, voters } = tx.t;
  const doors = await tx.select({ id: stairwells.id, doorNumber: stairwells.doorNumber, stage: stairwells.stage }).from(stairwells).where(eq(stairwells.estateId, estateId)).orderBy(asc(stairwells.id));
  const staff = await tx.select({ id: canvassers.id }).from(canvassers).where(and(eq(canvassers.estateId, estateId), eq(canvassers.role, 'staff'))).orderBy(asc(canvassers.id));
  const owners = new Map((await tx.select({ canvasserId: canvasserStairwells.canvasserId, stairwellId: canvasserStairwells.stairwellId }).from(canvasserStairwells)).map((o) => [o.stairwellId, o.canvasserId]));
  const specialists: number[] = [];
  for (const s of SPECIALISTS)
    specialists.push((await only(tx.insert(canvassers).values({ estateId, externalId: s.externalId, name: s.name, role: 'volunteer', partyGroup: null }).returning({ id: canvassers.id }))).id);
  const since = addDays(today, -60);
  let members = 0;
  const add = async (stairwellId: number, canvasserId: number, post: TeamPost, d: TeamDuty) => {
    await tx.insert(teamMembers).values({ stairwellId, canvasserId, post, duty: d, since });
    members++;
  };
  for (const [k, door] of doors.entries()) {
    const residents = await tx.select({ name: voters.name, floor: flats.floor, room: flats.room }).from(flats).innerJoin(voters, eq(voters.id, flats.voterId)).where(eq(flats.stairwellId, door.id)).orderBy(asc(flats.floor), asc(flats.room));
    const resident = async (prefix: 'L' | 'P', floor: number, role: 'group_leader' | 'party_member') => {
      const r = residents.find((x) => x.floor === floor && x.name) ?? residents.find((x) => x.name);
      if (!r?.name) return null;
      return (await only(tx.insert(canvassers).values({ estateId, externalId: `${prefix}${String(k + 1).padStart(3, '0')}`, name: r.name, role, partyGroup: null }).returning({ id: canvassers.id }))).id;
    };
    if (k % 13 !== 5) {
      const leader = await resident('L', 4, 'group_leader');
      if (leader) await add(door.id, leader, 'group_leader', duty({ floors: [1, 2, 3, 4, 5, 6] }));
    }
    if (k % 17 !== 3) {
      const member = await resident('P', 2, 'party_member');
      // Low floors are the hard doors: the party member living there answers for them.
      if (member) await add(door.id, member, door.stage === 'canvassing' ? 'party_member' : 'secretary', duty({ floors: [1, 2] }));
    }
    if (k % 19 !== 7) {
      if (staff.length) await add(door.id, staff[k % staff.length]!.id, 'team_staff', duty({ stage: 'agreement_signed' }));
      for (const j of [k % 4, (k + 1) % 4]) await add(door.id, specialists[j]!, 'specialist', duty({ stage: SPECIALISTS[j]!.stage }));
      const owner = owners.get(door.id);
      if (owner) await add(door.id, owner, 'volunteer', duty({ stage: 'canvassing' }));
    }
  }
  return members;
}
