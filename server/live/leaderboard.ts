import { and, count, eq, gte, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { doorRanges } from '../../geo/estate/index.ts';

/**
 * Signatures gained since `since` per canvasser and per party group (包干竞赛).
 * A signature from a visit still flagged for review does not count yet.
 * Canvassers appear by role and the doors they cover (包干 area), never by
 * name: the leaderboard is shown on the public wall.
 */
export async function leaderboard(db: Db, estateId: number, since: string) {
  const { canvassers, canvasserStairwells, consentEvents, stairwells, visits } = db.t;
  const rows = (await db
    .select({ canvasserId: canvassers.id, role: canvassers.role, partyGroup: canvassers.partyGroup, signatures: count(consentEvents.id) })
    .from(consentEvents)
    .innerJoin(canvassers, eq(canvassers.id, consentEvents.canvasserId))
    .leftJoin(visits, eq(visits.id, consentEvents.visitId))
    .where(
      and(
        eq(canvassers.estateId, estateId),
        eq(consentEvents.toStatus, 'signed'),
        gte(consentEvents.at, since),
        or(isNull(visits.id), eq(visits.review, 'none'), eq(visits.review, 'accepted')),
      ),
    )
    .groupBy(canvassers.id))
    .sort((a, b) => b.signatures - a.signatures || a.canvasserId - b.canvasserId);
  const doors = new Map<number, string[]>();
  for (const d of (await db
    .select({ canvasserId: canvasserStairwells.canvasserId, doorNumber: stairwells.doorNumber })
    .from(canvasserStairwells)
    .innerJoin(stairwells, eq(stairwells.id, canvasserStairwells.stairwellId))
    .where(eq(stairwells.estateId, estateId))))
    doors.set(d.canvasserId, [...(doors.get(d.canvasserId) ?? []), d.doorNumber]);
  const groups = new Map<string, number>();
  for (const r of rows) if (r.partyGroup) groups.set(r.partyGroup, (groups.get(r.partyGroup) ?? 0) + r.signatures);
  return {
    since,
    canvassers: rows.map((r) => ({ ...r, doors: doorRanges(doors.get(r.canvasserId) ?? []) })),
    groups: [...groups].map(([name, signatures]) => ({ name, signatures })).sort((a, b) => b.signatures - a.signatures),
  };
}
