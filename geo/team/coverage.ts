import { SERVICE_TEAM_POSTS, TEAM_POSTS, type TeamPost } from './team-posts.ts';

/** What a stairwell lacks for 党建引领 and 1+2+N; the coverage layer flags each. */
export const COVERAGE_GAPS = ['no_group_leader', 'no_party_member', 'no_service_team'] as const;
export type CoverageGap = (typeof COVERAGE_GAPS)[number];

export const COVERAGE_GAP_ZH: Record<CoverageGap, string> = { no_group_leader: '无楼组长', no_party_member: '无亮身份党员', no_service_team: '无服务队' };
/** One character each, for the map's badge: 缺 楼·党·队. */
export const COVERAGE_GAP_MARK: Record<CoverageGap, string> = { no_group_leader: '楼', no_party_member: '党', no_service_team: '队' };

export interface StairwellCoverage {
  stairwellId: number;
  /** Members per post: counts, never names. */
  posts: Record<TeamPost, number>;
  /** A temporary branch stands once it has its secretary. */
  branch: boolean;
  /** The service team has its 1 staff member and 2 specialists. */
  teamComplete: boolean;
  gaps: CoverageGap[];
}

/**
 * A stairwell's coverage from its members' posts.
 *
 * @example coverageOf(7, ['group_leader']).gaps // ['no_party_member', 'no_service_team']
 */
export function coverageOf(stairwellId: number, posts: readonly TeamPost[]): StairwellCoverage {
  const count = Object.fromEntries(TEAM_POSTS.map((p) => [p, posts.filter((x) => x === p).length])) as Record<TeamPost, number>;
  const gaps: CoverageGap[] = [];
  if (count.group_leader === 0) gaps.push('no_group_leader');
  // The secretary is a party member who has shown their identity too.
  if (count.party_member + count.secretary === 0) gaps.push('no_party_member');
  if (SERVICE_TEAM_POSTS.every((p) => count[p] === 0)) gaps.push('no_service_team');
  return { stairwellId, posts: count, branch: count.secretary > 0, teamComplete: count.team_staff >= 1 && count.specialist >= 2, gaps };
}

/** The estate's branch work in counts, for the deck and the wall: never a name. */
export function coverageTotals(stairwells: readonly StairwellCoverage[]) {
  const without = (gap: CoverageGap) => stairwells.filter((s) => s.gaps.includes(gap)).length;
  return {
    stairwells: stairwells.length,
    branches: stairwells.filter((s) => s.branch).length,
    withGroupLeader: stairwells.length - without('no_group_leader'),
    withPartyMember: stairwells.length - without('no_party_member'),
    withServiceTeam: stairwells.length - without('no_service_team'),
    teamsComplete: stairwells.filter((s) => s.teamComplete).length,
    partyMembers: stairwells.reduce((n, s) => n + s.posts.party_member + s.posts.secretary, 0),
    volunteers: stairwells.reduce((n, s) => n + s.posts.volunteer, 0),
    fullyCovered: stairwells.filter((s) => s.gaps.length === 0).length,
  };
}
export type CoverageTotals = ReturnType<typeof coverageTotals>;
