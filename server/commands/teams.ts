import { and, count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { shanghaiIso } from '../../geo/time/index.ts';
import { POST_LIMIT, readDuty, TEAM_POSTS, TEAM_POST_ZH, type TeamDuty, type TeamPost } from '../../geo/team/index.ts';
import { WHO } from '../auth/authorise.ts';
import { first } from '../db/database.ts';
import { refuse } from '../refusal.ts';
import { teamPlaces, type TeamPlaces } from '../campaign/teams.ts';
import { inWorker } from '../workers/worker-pool.ts';
import { defineCommand } from './command.ts';
import { isoDay } from './stage-input.ts';
import { estateOf } from './write-scope.ts';

/** Rows per INSERT: 6 columns × 400 stays far below PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 400;

const rowId = z.number().int().positive().max(2 ** 31);

interface MemberRow {
  doorNumber: string;
  canvasserId: string;
  post: TeamPost;
  duty: string;
  since: string | null;
}

/** One member checked against the estate: the door, a canvasser of this estate, a readable duty, a day not in the future. */
function checkMember(places: TeamPlaces, row: MemberRow, today: string): { problems: { field: string; zh: string; en: string }[]; stairwellId: number; canvasserId: number; duty: TeamDuty } {
  const problems: { field: string; zh: string; en: string }[] = [];
  const stairwell = places.byDoor.get(row.doorNumber);
  const canvasser = places.canvassers.get(row.canvasserId);
  if (!stairwell) problems.push({ field: 'doorNumber', zh: `doorNumber：本小区没有门洞“${row.doorNumber}”`, en: `doorNumber: no stairwell ${row.doorNumber} in this estate` });
  if (!canvasser)
    problems.push({
      field: 'canvasserId',
      zh: `canvasserId：编号 ${row.canvasserId} 不是本小区的包干人，请先在包干表中登记`,
      en: `canvasserId: ${row.canvasserId} is not a canvasser of this estate; add them to the 包干 table first`,
    });
  const read = stairwell ? readDuty(row.duty, stairwell) : { duty: { stage: null, floors: [], rooms: [] }, problems: [] };
  for (const p of read.problems) problems.push({ field: 'duty', zh: `duty：${p}`, en: `duty: ${p}` });
  if (row.since && row.since > today) problems.push({ field: 'since', zh: `since：任职日期 ${row.since} 晚于今天`, en: `since: ${row.since} is after today` });
  return { problems, stairwellId: stairwell?.id ?? 0, canvasserId: canvasser?.id ?? 0, duty: read.duty };
}

const postRefusal = (door: string, post: TeamPost) =>
  refuse.badInput(`post：${door} 的“${TEAM_POST_ZH[post]}”至多 ${POST_LIMIT[post]} 人`, `post: ${door} may have at most ${POST_LIMIT[post]} ${post}`, 'post');

export const assignTeamMemberInput = z.object({
  stairwellId: rowId,
  /** The canvasser's 编号 in the 包干 table. */
  canvasserId: z.string().trim().min(1, 'expected a canvasser id (编号)').max(40, 'expected a canvasser id of at most 40 characters'),
  post: z.enum(TEAM_POSTS),
  /** What they answer for, as the 负责 column writes it: a stage, floors (1-2层), rooms (101). */
  duty: z.string().trim().max(200, 'expected at most 200 characters').default(''),
  since: isoDay,
});

/** Puts a canvasser of the estate in a post behind a stairwell; refused for anyone else, an unreadable duty or a full post. */
export const assignTeamMember = defineCommand({
  roles: WHO.staff,
  input: assignTeamMemberInput,
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record }, input) => {
    const { stairwells, teamMembers } = tx.t;
    const stairwell = await first(tx.select({ estateId: stairwells.estateId, doorNumber: stairwells.doorNumber }).from(stairwells).where(eq(stairwells.id, input.stairwellId)));
    if (!stairwell) throw refuse.notFound(`没有编号为 ${input.stairwellId} 的门洞`, `no stairwell ${input.stairwellId}`);
    const at = shanghaiIso(now);
    const places = await teamPlaces(tx, stairwell.estateId, input.stairwellId);
    const checked = checkMember(places, { ...input, doorNumber: stairwell.doorNumber }, at.slice(0, 10));
    const problem = checked.problems[0];
    if (problem) throw refuse.badInput(problem.zh, problem.en, problem.field);
    const same = await first(tx.select({ id: teamMembers.id }).from(teamMembers).where(and(eq(teamMembers.stairwellId, input.stairwellId), eq(teamMembers.canvasserId, checked.canvasserId), eq(teamMembers.post, input.post))));
    if (same) throw refuse.conflict(`${input.canvasserId} 已是 ${stairwell.doorNumber} 的${TEAM_POST_ZH[input.post]}`, `${input.canvasserId} already holds ${input.post} for ${stairwell.doorNumber}`);
    const held = (await first(tx.select({ n: count() }).from(teamMembers).where(and(eq(teamMembers.stairwellId, input.stairwellId), eq(teamMembers.post, input.post)))))!.n;
    if (held >= POST_LIMIT[input.post]) throw postRefusal(stairwell.doorNumber, input.post);
    const [row] = await tx
      .insert(teamMembers)
      .values({ stairwellId: input.stairwellId, canvasserId: checked.canvasserId, post: input.post, duty: checked.duty, since: input.since })
      .returning({ id: teamMembers.id });
    await record({ kind: 'canvassers', estateId: stairwell.estateId, at });
    return { id: row!.id };
  },
});

/** Takes someone off a post (they moved, or stood down); their 包干 record stays. */
export const removeTeamMember = defineCommand({
  roles: WHO.staff,
  input: z.object({ memberId: rowId }),
  run: async ({ tx, now, record }, input) => {
    const { stairwells, teamMembers } = tx.t;
    const row = await first(tx.select({ estateId: stairwells.estateId }).from(teamMembers).innerJoin(stairwells, eq(stairwells.id, teamMembers.stairwellId)).where(eq(teamMembers.id, input.memberId)));
    if (!row) throw refuse.notFound(`没有编号为 ${input.memberId} 的岗位记录`, `no team member ${input.memberId}`);
    await tx.delete(teamMembers).where(eq(teamMembers.id, input.memberId));
    await record({ kind: 'canvassers', estateId: row.estateId, at: shanghaiIso(now) });
    return { ok: true as const };
  },
});

export const importTeamsInput = z.object({
  estateId: rowId,
  fileName: z.string().trim().min(1, 'expected the file name (its extension says what it holds)').max(255, 'expected a file name of at most 255 characters'),
  // 2 MB of table as base64: an estate's 1+2+N table is a few hundred rows.
  base64: z.string().min(1, 'expected a file').max(2_800_000, 'expected a file of at most 2 MB'),
});

/**
 * Imports a 1+2+N table (门牌号, 编号, 岗位, 负责, 任职日期): read in a worker,
 * checked row by row against the estate, then the people behind every
 * stairwell it names are replaced in one transaction; stairwells it does not
 * name keep theirs. Any problem and nothing is written.
 */
export const importTeams = defineCommand({
  roles: WHO.staff,
  input: importTeamsInput,
  estate: (input) => Promise.resolve(input.estateId),
  prepare: async (input) => {
    const read = await inWorker('readTeams', { bytes: Buffer.from(input.base64, 'base64'), fileName: input.fileName }, { file: input.fileName, seconds: 20, field: 'base64' });
    if (!read.ok) throw refuse.badInput(`表格有误，未写入任何内容：${read.errors.slice(0, 5).join('；')}`, `the table has problems; nothing was written: ${read.errors.slice(0, 5).join('; ')}`, 'base64');
    if (read.rows.length === 0) throw refuse.badInput('表格没有任何岗位行，未写入任何内容', 'the table has no rows; nothing was written', 'base64');
    return read.rows;
  },
  run: async ({ tx, now, record }, input, rows) => {
    const { estates, teamMembers } = tx.t;
    if (!(await first(tx.select({ id: estates.id }).from(estates).where(eq(estates.id, input.estateId))))) throw refuse.notFound(`没有编号为 ${input.estateId} 的小区`, `no estate ${input.estateId}`);
    const at = shanghaiIso(now);
    const places = await teamPlaces(tx, input.estateId);
    const problems: string[] = [];
    const values: (typeof teamMembers.$inferInsert)[] = [];
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const line = i + 2;
      const checked = checkMember(places, row, at.slice(0, 10));
      problems.push(...checked.problems.map((p) => `${input.fileName} 第 ${line} 行 ${p.zh}`));
      const key = `${row.doorNumber}|${row.canvasserId}|${row.post}`;
      if (seen.has(key)) problems.push(`${input.fileName} 第 ${line} 行：与第 ${seen.get(key)} 行重复`);
      seen.set(key, line);
      if (checked.problems.length === 0) values.push({ stairwellId: checked.stairwellId, canvasserId: checked.canvasserId, post: row.post, duty: checked.duty, since: row.since ?? at.slice(0, 10) });
    });
    const held = new Map<string, number>();
    for (const v of values) held.set(`${v.stairwellId}|${v.post}`, (held.get(`${v.stairwellId}|${v.post}`) ?? 0) + 1);
    for (const post of TEAM_POSTS)
      for (const s of places.byId.values()) {
        const n = held.get(`${s.id}|${post}`) ?? 0;
        if (n > POST_LIMIT[post]) problems.push(`${input.fileName}：${s.doorNumber} 的“${TEAM_POST_ZH[post]}”有 ${n} 人，至多 ${POST_LIMIT[post]} 人`);
      }
    if (problems.length) throw refuse.badInput(`表格有 ${problems.length} 处问题，未写入任何内容：${problems.slice(0, 5).join('；')}`, `${problems.length} problems; nothing was written`, 'base64');
    const named = [...new Set(values.map((v) => v.stairwellId))];
    await tx.delete(teamMembers).where(inArray(teamMembers.stairwellId, named));
    for (let i = 0; i < values.length; i += INSERT_CHUNK) await tx.insert(teamMembers).values(values.slice(i, i + INSERT_CHUNK));
    await record({ kind: 'canvassers', estateId: input.estateId, at });
    return { stairwells: named.length, members: values.length };
  },
});
