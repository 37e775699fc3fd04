import { ConsentInputError } from './consent-input-error.ts';
import { isHouseholdStatus, TODO_RANK, VOTES, type HouseholdStatus, type Vote } from './household-status.ts';

export interface VotingFlat {
  flatId: string;
  voterId: string;
  areaM2: number;
  vote: Vote;
  /** Only orders the to-do list (intent first). */
  status?: HouseholdStatus;
}

/** One voter of a stairwell: all their flats, one vote, areas summed in 0.01 m². */
export interface VoterTally {
  voterId: string;
  vote: Vote;
  areaCenti: number;
  flatIds: string[];
  /** Best (lowest) to-do rank among the voter's flats. */
  rank: number;
}

/** Area in integer hundredths of a square metre, so thresholds never compare floats. */
export function toCentiM2(areaM2: number): number {
  return Math.round(areaM2 * 100);
}

function checkFlat(flat: VotingFlat, index: number): void {
  const where = `flats[${index}]`;
  if (typeof flat !== 'object' || flat === null) throw new ConsentInputError(`${where}: expected an object`);
  if (typeof flat.flatId !== 'string' || flat.flatId.trim() === '')
    throw new ConsentInputError(`${where}.flatId: expected a non-empty string`);
  if (typeof flat.voterId !== 'string' || flat.voterId.trim() === '')
    throw new ConsentInputError(`${where}.voterId (flat ${flat.flatId}): expected a non-empty string`, flat.flatId);
  if (typeof flat.areaM2 !== 'number' || !Number.isFinite(flat.areaM2) || toCentiM2(flat.areaM2) <= 0)
    throw new ConsentInputError(
      `${where}.areaM2 (flat ${flat.flatId}): expected a positive area in m², got ${String(flat.areaM2)}`,
      flat.flatId,
    );
  if (!(VOTES as readonly unknown[]).includes(flat.vote))
    throw new ConsentInputError(
      `${where}.vote (flat ${flat.flatId}): expected one of ${VOTES.join(', ')}, got ${String(flat.vote)}`,
      flat.flatId,
    );
  if (flat.status !== undefined && !isHouseholdStatus(flat.status))
    throw new ConsentInputError(`${where}.status (flat ${flat.flatId}): unknown status ${String(flat.status)}`, flat.flatId);
}

/**
 * Validates the flats of one stairwell and groups them by voter.
 * Throws ConsentInputError on an empty list, a duplicate flat, a bad area or
 * vote, or a voter whose flats carry different votes.
 */
export function tallyVoters(flats: readonly VotingFlat[]): VoterTally[] {
  const list: unknown = flats;
  if (!Array.isArray(list) || list.length === 0)
    throw new ConsentInputError('flats: expected at least one flat of the stairwell');
  const seen = new Set<string>();
  const byVoter = new Map<string, VoterTally>();
  flats.forEach((flat, index) => {
    checkFlat(flat, index);
    if (seen.has(flat.flatId))
      throw new ConsentInputError(`flats[${index}].flatId: flat ${flat.flatId} appears twice`, flat.flatId);
    seen.add(flat.flatId);
    const rank = TODO_RANK[flat.status ?? 'unvisited'];
    const tally = byVoter.get(flat.voterId);
    if (!tally) {
      byVoter.set(flat.voterId, {
        voterId: flat.voterId,
        vote: flat.vote,
        areaCenti: toCentiM2(flat.areaM2),
        flatIds: [flat.flatId],
        rank,
      });
      return;
    }
    if (tally.vote !== flat.vote)
      throw new ConsentInputError(
        `voter ${flat.voterId} casts conflicting votes: ${tally.vote} on flat ${tally.flatIds[0] ?? ''}, ${flat.vote} on flat ${flat.flatId}`,
        flat.voterId,
      );
    tally.areaCenti += toCentiM2(flat.areaM2);
    tally.flatIds.push(flat.flatId);
    tally.rank = Math.min(tally.rank, rank);
  });
  return [...byVoter.values()];
}
