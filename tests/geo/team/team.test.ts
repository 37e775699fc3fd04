import { describe, expect, it } from 'vitest';
import { coverageOf, coverageTotals, dutyText, readDuty, teamPostOf } from '../../../geo/team/index.ts';

const stairwell = { floors: 6, rooms: new Set(['101', '102', '201', '202']) };

describe('a team member’s duty (负责)', () => {
  it('reads a stage, floor ranges and rooms as the committee writes them, and writes them back the same', () => {
    const { duty, problems } = readDuty('施工；1-2层、4层, 101', stairwell);
    expect(problems).toEqual([]);
    expect(duty).toEqual({ stage: 'under_construction', floors: [1, 2, 4], rooms: ['101'] });
    expect(dutyText(duty)).toBe('施工；1-2层；4层；101');
    expect(readDuty(dutyText(duty), stairwell).duty).toEqual(duty);
  });

  it('names every part it cannot read: a floor above the top, a room not in the stairwell, a second stage', () => {
    const { problems } = readDuty('7层；909；施工；公示', stairwell);
    expect(problems).toEqual(['负责“7层”：楼层应在 1 至 6 层之间', '负责“909”：不是阶段、楼层（如 1-2层）或本门洞的室号', '负责“公示”：一人只负责一个阶段，已有“施工”']);
  });

  it('reads posts in Chinese, English or the closed-set value', () => {
    expect(teamPostOf('楼组长')).toBe('group_leader');
    expect(teamPostOf('专业人员')).toBe('specialist');
    expect(teamPostOf('服务队·志愿者')).toBe('volunteer');
    expect(teamPostOf('Branch secretary')).toBe('secretary');
    expect(teamPostOf('书记')).toBe('secretary');
    expect(teamPostOf('组长助理')).toBeNull();
  });
});

describe('coverage (党建引领, 1+2+N)', () => {
  it('flags a stairwell with no 楼组长, no party member or no service team, and clears each when assigned', () => {
    expect(coverageOf(1, []).gaps).toEqual(['no_group_leader', 'no_party_member', 'no_service_team']);
    expect(coverageOf(1, ['group_leader']).gaps).toEqual(['no_party_member', 'no_service_team']);
    // A branch secretary is a party member who has shown their identity.
    expect(coverageOf(1, ['group_leader', 'secretary', 'volunteer']).gaps).toEqual([]);
    expect(coverageOf(1, ['group_leader', 'secretary', 'volunteer'])).toMatchObject({ branch: true, teamComplete: false });
    expect(coverageOf(1, ['team_staff', 'specialist', 'specialist']).teamComplete).toBe(true);
  });

  it('totals the estate in counts', () => {
    const totals = coverageTotals([coverageOf(1, ['group_leader', 'secretary', 'party_member', 'team_staff', 'specialist', 'specialist', 'volunteer']), coverageOf(2, ['volunteer', 'volunteer'])]);
    expect(totals).toEqual({ stairwells: 2, branches: 1, withGroupLeader: 1, withPartyMember: 1, withServiceTeam: 2, teamsComplete: 1, partyMembers: 2, volunteers: 3, fullyCovered: 1 });
  });
});
