/** Household consent statuses (SPEC §3), in the order the register lists them. */
export const HOUSEHOLD_STATUSES = [
  'unvisited',
  'undecided',
  'intent',
  'signed',
  'abstain',
  'opposed',
  'unreachable',
] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const VOTES = ['agree', 'oppose', 'abstain', 'none'] as const;
export type Vote = (typeof VOTES)[number];

const VOTE_OF: Record<HouseholdStatus, Vote> = {
  unvisited: 'none',
  undecided: 'none',
  intent: 'none',
  signed: 'agree',
  abstain: 'abstain',
  opposed: 'oppose',
  unreachable: 'none',
};

/** The vote a household status casts: only a signature agrees; `intent` is no vote yet. */
export function voteOf(status: HouseholdStatus): Vote {
  return VOTE_OF[status];
}

export function isHouseholdStatus(value: unknown): value is HouseholdStatus {
  return typeof value === 'string' && (HOUSEHOLD_STATUSES as readonly string[]).includes(value);
}

/**
 * Canvassing order of no-vote households: the ones closest to yes come first
 * (SPEC §3: intent before undecided before unvisited).
 */
export const TODO_RANK: Record<HouseholdStatus, number> = {
  intent: 0,
  undecided: 1,
  unvisited: 2,
  unreachable: 3,
  signed: 4,
  abstain: 4,
  opposed: 4,
};
