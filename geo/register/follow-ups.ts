import type { HouseholdStatus } from '../consent/household-status.ts';

/**
 * 因户施策: what finally opened a household's door, recorded when it signs, so the committee learns which keys open
 * which locks (the seed's 吴阿姨 persuading a sick neighbour is `neighbour`).
 */
export const WHAT_WORKED = ['family', 'neighbour', 'party_member', 'low_floor_promise', 'cost_explained', 'health_need', 'model_lift', 'other'] as const;
export type WhatWorked = (typeof WHAT_WORKED)[number];
export const WHAT_WORKED_ZH: Record<WhatWorked, string> = {
  family: '子女亲属劝说',
  neighbour: '邻居以心换心',
  party_member: '党员包干上门',
  low_floor_promise: '低层补偿承诺',
  cost_explained: '讲清出资分摊',
  health_need: '家中老人病人需要',
  model_lift: '参观样板楼',
  other: '其他',
};

export interface FollowUpFlat {
  flatId: number;
  stairwellId: number;
  room: string;
  status: HouseholdStatus;
  nextVisitOn: string | null;
  /** Who should call next: a canvasser, or someone described in words (a daughter, a neighbour); neither means anyone of the stairwell. */
  nextVisitorCanvasserId: number | null;
  nextVisitorNote: string | null;
  doNotContactOn: string | null;
  /** In the fewest signatures that would make its stairwell pass. */
  inMinimalSet: boolean;
}

/** A flat is waiting on a follow-up when a day was set, it has not signed, and nobody asked that it not be visited again. */
export const awaitsFollowUp = (f: FollowUpFlat, today: string) => f.nextVisitOn !== null && f.nextVisitOn <= today && f.status !== 'signed' && f.doNotContactOn === null;

/**
 * A canvasser's follow-ups due `today` or overdue: flats of their stairwells whose next visit is theirs (or anyone's),
 * not handed to a relative, a neighbour or another canvasser. Flats that would make their stairwell pass come first,
 * then those waiting longest. With `canvasserId` null (staff): every flat due, whoever calls.
 */
export function followUpQueue<F extends FollowUpFlat>(flats: readonly F[], today: string, canvasserId: number | null): (F & { overdue: boolean })[] {
  return flats
    .filter((f) => awaitsFollowUp(f, today))
    .filter((f) => canvasserId === null || (f.nextVisitorNote === null && (f.nextVisitorCanvasserId === null || f.nextVisitorCanvasserId === canvasserId)))
    .map((f) => ({ ...f, overdue: f.nextVisitOn! < today }))
    .sort((a, b) => Number(b.inMinimalSet) - Number(a.inMinimalSet) || a.nextVisitOn!.localeCompare(b.nextVisitOn!) || a.room.localeCompare(b.room, 'zh'));
}

/** Follow-ups past their day per stairwell (the wall shows the count, never a name). */
export function overdueByStairwell(flats: readonly FollowUpFlat[], today: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const f of flats) if (awaitsFollowUp(f, today) && f.nextVisitOn! < today) out.set(f.stairwellId, (out.get(f.stairwellId) ?? 0) + 1);
  return out;
}
