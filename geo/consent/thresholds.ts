/** Counts of one stairwell: voters and area (in 0.01 m²) in total, taking part, agreeing. */
export interface Counts {
  voters: number;
  votersParticipating: number;
  votersAgreeing: number;
  areaCenti: number;
  areaParticipatingCenti: number;
  areaAgreeingCenti: number;
}

// "以上" includes the bound, so every test is ≥, cross-multiplied in integers.

export function votersParticipationMet(c: Counts): boolean {
  return 3 * c.votersParticipating >= 2 * c.voters;
}
export function areaParticipationMet(c: Counts): boolean {
  return 3 * c.areaParticipatingCenti >= 2 * c.areaCenti;
}
export function votersAgreementMet(c: Counts): boolean {
  return c.votersParticipating > 0 && 4 * c.votersAgreeing >= 3 * c.votersParticipating;
}
export function areaAgreementMet(c: Counts): boolean {
  return c.areaParticipatingCenti > 0 && 4 * c.areaAgreeingCenti >= 3 * c.areaParticipatingCenti;
}

/** The same counts after `voters` more voters holding `areaCenti` more area agree. */
export function withAgreeing(c: Counts, voters: number, areaCenti: number): Counts {
  return {
    voters: c.voters,
    votersParticipating: c.votersParticipating + voters,
    votersAgreeing: c.votersAgreeing + voters,
    areaCenti: c.areaCenti,
    areaParticipatingCenti: c.areaParticipatingCenti + areaCenti,
    areaAgreeingCenti: c.areaAgreeingCenti + areaCenti,
  };
}

export function passes(c: Counts): boolean {
  return votersParticipationMet(c) && areaParticipationMet(c) && votersAgreementMet(c) && areaAgreementMet(c);
}

/**
 * What extra agreeing voters (who did not vote before) must bring for `c` to pass:
 * at least `voters` of them holding at least `areaCenti` in all.
 */
export function neededAgreement(c: Counts): { voters: number; areaCenti: number } {
  const ceilDiv3 = (n: number) => Math.ceil(n / 3);
  // 3(P+k) ≥ 2N and 4(G+k) ≥ 3(P+k) ⇔ k ≥ 3P − 4G; the same for area.
  const voters = Math.max(
    0,
    ceilDiv3(2 * c.voters - 3 * c.votersParticipating),
    3 * c.votersParticipating - 4 * c.votersAgreeing,
  );
  const areaCenti = Math.max(
    0,
    ceilDiv3(2 * c.areaCenti - 3 * c.areaParticipatingCenti),
    3 * c.areaParticipatingCenti - 4 * c.areaAgreeingCenti,
  );
  return { voters, areaCenti };
}
