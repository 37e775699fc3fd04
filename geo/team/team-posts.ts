/**
 * 党建引领 and 1+2+N: who stands behind a stairwell. Its temporary party
 * branch is led by a secretary (把支部建在梯上); its 楼组长; the party members
 * living there who have shown their identity (一名党员一面旗); and its
 * service team: one staff member, two specialists, N volunteers.
 */
export const TEAM_POSTS = ['secretary', 'group_leader', 'party_member', 'team_staff', 'specialist', 'volunteer'] as const;
export type TeamPost = (typeof TEAM_POSTS)[number];

export const TEAM_POST_ZH: Record<TeamPost, string> = {
  secretary: '临时党支部书记',
  group_leader: '楼组长',
  party_member: '亮身份党员',
  team_staff: '服务队·居委干部',
  specialist: '服务队·专业人员',
  volunteer: '服务队·志愿者',
};

export const TEAM_POST_EN: Record<TeamPost, string> = {
  secretary: 'Branch secretary',
  group_leader: 'Building-group leader',
  party_member: 'Party member (identity shown)',
  team_staff: 'Service team: staff',
  specialist: 'Service team: specialist',
  volunteer: 'Service team: volunteer',
};

/** The posts of the 1+2+N service team. */
export const SERVICE_TEAM_POSTS: readonly TeamPost[] = ['team_staff', 'specialist', 'volunteer'];

/** How many a stairwell may have of each post: one branch secretary, the 1 and the 2 of 1+2+N, and bounded Ns. */
export const POST_LIMIT: Record<TeamPost, number> = { secretary: 1, group_leader: 2, party_member: 30, team_staff: 1, specialist: 2, volunteer: 20 };

/** A post as the committee's table writes it, in English or Chinese (服务队 prefix optional); null when unknown. */
export function teamPostOf(text: string): TeamPost | null {
  const t = text.trim();
  for (const post of TEAM_POSTS) {
    const zh = TEAM_POST_ZH[post];
    if (t === post || t === zh || t === zh.replace('服务队·', '') || t.toLowerCase() === TEAM_POST_EN[post].toLowerCase()) return post;
  }
  if (t === '书记' || t === '支部书记') return 'secretary';
  if (t === '党员') return 'party_member';
  return null;
}
