import { asc, eq } from 'drizzle-orm';
import type { HistoryConsentEvent, HistoryFlat, HistoryStageEvent } from '../../geo/history/index.ts';
import type { Db } from '../db/database.ts';
import { requireEstate } from './stairwell-states.ts';

/** An estate's flats and its consent and stage events in time order: all a replay needs, no personal data. */
export async function loadHistory(db: Db, estateId: number): Promise<{ flats: HistoryFlat[]; consent: HistoryConsentEvent[]; stages: HistoryStageEvent[] }> {
  const { consentEvents, flats, stageEvents, stairwells } = db.t;
  await requireEstate(db, estateId);
  return {
    flats: (await db
      .select({ flatId: flats.id, stairwellId: flats.stairwellId, voterId: flats.voterId, areaCentiM2: flats.areaCentiM2 })
      .from(flats)
      .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
      .where(eq(stairwells.estateId, estateId))
      .orderBy(asc(flats.id)))
      .map(({ areaCentiM2, ...f }) => ({ ...f, areaM2: areaCentiM2 === null ? null : areaCentiM2 / 100 })),
    consent: (await db
      .select({ flatId: consentEvents.flatId, to: consentEvents.toStatus, at: consentEvents.at })
      .from(consentEvents)
      .innerJoin(flats, eq(flats.id, consentEvents.flatId))
      .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
      .where(eq(stairwells.estateId, estateId))
      .orderBy(asc(consentEvents.at), asc(consentEvents.id))),
    stages: (await db
      .select({ stairwellId: stageEvents.stairwellId, to: stageEvents.toStage, at: stageEvents.at })
      .from(stageEvents)
      .innerJoin(stairwells, eq(stairwells.id, stageEvents.stairwellId))
      .where(eq(stairwells.estateId, estateId))
      .orderBy(asc(stageEvents.at), asc(stageEvents.id))),
  };
}
