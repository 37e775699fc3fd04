import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEstateGeoJSON } from '../../geo/estate/index.ts';
import { importEstate } from '../../server/import/import-estate.ts';
import { readRegisterFile } from '../../server/register/read-register-file.ts';
import { callerAs } from '../support/caller.ts';
import { expectNoPersonalData } from '../support/personal-data.ts';
import { refusal } from '../support/refusal.ts';
import { ROOT, seededDatabase, type SeededDatabase } from '../support/test-server.ts';

const csv = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64');

/** 党建引领 and 1+2+N on the demo estate: who stands behind each stairwell, and which stairwells have nobody. */
describe('the people behind each stairwell', () => {
  let store: SeededDatabase;
  const clock = new Date('2026-11-24T10:00:00+08:00');
  let staff: Awaited<ReturnType<typeof callerAs>>;
  let anonymous: Awaited<ReturnType<typeof callerAs>>;
  let pilot: number;

  beforeAll(async () => {
    store = await seededDatabase();
    staff = await callerAs(store.db, 'planner', { now: () => clock });
    anonymous = await callerAs(store.db, 'viewer', { now: () => clock });
    // A second estate with its own C01, so "a canvasser of another estate" is a real person.
    const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'import', name));
    const parsed = parseEstateGeoJSON(JSON.parse(fixture('valid.geojson').toString('utf8')));
    const read = await readRegisterFile(fixture('register.csv'), 'register.csv');
    if (!parsed.ok || !read.ok) throw new Error('fixtures must parse');
    pilot = await importEstate(store.db, {
      slug: '试点小区',
      layout: parsed.layout,
      schematic: true,
      campaign: { register: read.rows, canvassers: [{ canvasserId: 'C01', name: '周敏', role: 'volunteer', partyGroup: null, doorNumbers: ['2幢1单元'] }], consentEvents: [], stageEvents: [] },
    });
  });
  afterAll(() => store.close());

  it('seeds teams so the coverage layer has content: most stairwells covered, a few flagged for each gap, in counts without names', async () => {
    const coverage = await anonymous.teams.coverage({ estateId: 1 });
    expect(coverage.stairwells).toHaveLength(80);
    const flagged = (gap: string) => coverage.stairwells.filter((s) => s.gaps.includes(gap as never)).length;
    expect(flagged('no_group_leader')).toBeGreaterThan(0);
    expect(flagged('no_party_member')).toBeGreaterThan(0);
    expect(flagged('no_service_team')).toBeGreaterThan(0);
    expect(coverage.totals.fullyCovered).toBeGreaterThan(60);
    expect(coverage.totals.branches).toBeGreaterThan(0);
    expect(coverage.totals.teamsComplete).toBe(coverage.totals.withServiceTeam);
    // The coverage every screen reads names nobody.
    expectNoPersonalData(JSON.stringify(coverage));
    // The public page says who serves the stairwell in counts: the residents behind it are never named.
    const covered = coverage.stairwells.find((s) => s.gaps.length === 0)!;
    const pub = await anonymous.stages.publicStairwell({ stairwellId: covered.stairwellId });
    expect(pub.team).toEqual({ posts: covered.posts, branch: covered.branch, teamComplete: covered.teamComplete, gaps: [] });
    const names = (await staff.teams.ofStairwell({ stairwellId: covered.stairwellId })).map((m) => m.name);
    for (const name of names) expect(JSON.stringify(pub)).not.toContain(name);
    expectNoPersonalData(JSON.stringify(pub));
    const team = await staff.teams.ofStairwell({ stairwellId: covered.stairwellId });
    expect(team.map((m) => m.post)).toEqual(expect.arrayContaining(['group_leader', 'team_staff', 'specialist', 'volunteer']));
    expect(team.find((m) => m.post === 'group_leader')!.dutyText).toBe('1-6层');
  });

  it('flags a stairwell without a 楼组长 and clears it when one is assigned; the flag returns when they stand down', async () => {
    const before = await anonymous.teams.coverage({ estateId: 1 });
    const bare = before.stairwells.find((s) => s.gaps.includes('no_group_leader'))!;
    const { id } = await staff.teams.assign({ stairwellId: bare.stairwellId, canvasserId: 'C02', post: 'group_leader', duty: '3-4层；301', since: '2026-11-20' });
    const after = await anonymous.teams.coverage({ estateId: 1 });
    expect(after.stairwells.find((s) => s.stairwellId === bare.stairwellId)!.gaps).not.toContain('no_group_leader');
    expect(after.totals.withGroupLeader).toBe(before.totals.withGroupLeader + 1);
    expect((await staff.teams.ofStairwell({ stairwellId: bare.stairwellId })).find((m) => m.id === id)).toMatchObject({ canvasserId: 'C02', post: 'group_leader', dutyText: '3-4层；301', since: '2026-11-20' });
    await staff.teams.remove({ memberId: id });
    expect((await anonymous.teams.coverage({ estateId: 1 })).stairwells.find((s) => s.stairwellId === bare.stairwellId)!.gaps).toContain('no_group_leader');
  });

  it('refuses a team member who is not a canvasser of that estate, an unreadable duty, a day to come, a full post, or a canvasser asking', async () => {
    const [door] = await store.sql<{ id: number }>("SELECT id FROM stairwells WHERE estate_id = ? AND door_number = '2幢1单元'", pilot);
    const count = async () => Number((await store.sql<{ n: number }>('SELECT COUNT(*) AS n FROM team_members'))[0]!.n);
    const n = await count();
    // C05 is a canvasser of the demo estate, not of this one.
    const other = await refusal(staff.teams.assign({ stairwellId: door!.id, canvasserId: 'C05', post: 'volunteer', duty: '', since: '2026-11-20' }));
    expect(other.message).toContain('canvasserId：编号 C05 不是本小区的包干人');
    const [demo] = await store.sql<{ id: number }>("SELECT id FROM stairwells WHERE door_number = '长风二村 7号'");
    expect((await refusal(staff.teams.assign({ stairwellId: demo!.id, canvasserId: 'C02', post: 'volunteer', duty: '7层', since: '2026-11-20' }))).message).toContain('负责“7层”：楼层应在 1 至 6 层之间');
    expect((await refusal(staff.teams.assign({ stairwellId: demo!.id, canvasserId: 'C02', post: 'volunteer', duty: '', since: '2026-12-20' }))).message).toContain('since：任职日期 2026-12-20 晚于今天');
    const team = await staff.teams.ofStairwell({ stairwellId: demo!.id });
    if (!team.some((m) => m.post === 'team_staff')) await staff.teams.assign({ stairwellId: demo!.id, canvasserId: 'C04', post: 'team_staff', duty: '', since: '2026-11-20' });
    expect((await refusal(staff.teams.assign({ stairwellId: demo!.id, canvasserId: 'C08', post: 'team_staff', duty: '', since: '2026-11-20' }))).message).toContain('的“服务队·居委干部”至多 1 人');
    const canvasser = await callerAs(store.db, 'canvasser', { now: () => clock }, 'C01', 1);
    expect((await refusal(canvasser.teams.assign({ stairwellId: demo!.id, canvasserId: 'C02', post: 'volunteer', duty: '', since: '2026-11-20' }))).code).toBe('FORBIDDEN');
    expect(await count()).toBe(n + (team.some((m) => m.post === 'team_staff') ? 0 : 1));
  });

  it('imports a 1+2+N table: the stairwells it names get exactly its people; a bad row refuses the whole table', async () => {
    const [s1, s2] = await store.sql<{ id: number; door: string }>("SELECT id, door_number AS door FROM stairwells WHERE estate_id = 1 ORDER BY id LIMIT 2");
    const untouched = await staff.teams.ofStairwell({ stairwellId: s2!.id });
    const bad = csv(`门牌号,编号,岗位,负责,任职日期\n${s1!.door},C01,楼组长,1-2层,2026-11-01\n${s1!.door},C99,志愿者,,\n${s1!.door},C03,组长助理,,\n`);
    const refused = await refusal(staff.teams.import({ estateId: 1, fileName: '1+2+N.csv', base64: bad }));
    expect(refused.message).toContain('1+2+N.csv row 4, column post: expected a post');
    const before = await staff.teams.ofStairwell({ stairwellId: s1!.id });
    const unknown = csv(`门牌号,编号,岗位,负责\n${s1!.door},C99,志愿者,\n`);
    expect((await refusal(staff.teams.import({ estateId: 1, fileName: 't.csv', base64: unknown }))).message).toContain('t.csv 第 2 行 canvasserId：编号 C99 不是本小区的包干人');
    expect(await staff.teams.ofStairwell({ stairwellId: s1!.id })).toEqual(before);
    const good = csv(`门牌号,编号,岗位,负责,任职日期\n${s1!.door},C01,楼组长,1-2层,2026-11-01\n${s1!.door},C01,书记,征询通过,2026-11-02\n${s1!.door},C04,居委干部,,\n${s1!.door},E01,专业人员,联合审查,\n${s1!.door},E02,专业人员,施工,\n${s1!.door},C03,志愿者,101;102,\n`);
    expect(await staff.teams.import({ estateId: 1, fileName: '1+2+N.csv', base64: good })).toEqual({ stairwells: 1, members: 6 });
    const team = await staff.teams.ofStairwell({ stairwellId: s1!.id });
    expect(team.map((m) => [m.canvasserId, m.post, m.dutyText])).toEqual([
      ['C01', 'secretary', '征询通过'],
      ['C01', 'group_leader', '1-2层'],
      ['C04', 'team_staff', ''],
      ['E01', 'specialist', '联合审查'],
      ['E02', 'specialist', '施工'],
      ['C03', 'volunteer', '101；102'],
    ]);
    expect(team.find((m) => m.post === 'team_staff')!.since).toBe('2026-11-24');
    expect(await staff.teams.ofStairwell({ stairwellId: s2!.id })).toEqual(untouched);
    const cov = (await anonymous.teams.coverage({ estateId: 1 })).stairwells.find((s) => s.stairwellId === s1!.id)!;
    expect(cov).toMatchObject({ branch: true, teamComplete: true, gaps: [] });
  });
});
