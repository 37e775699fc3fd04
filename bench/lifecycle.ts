import { eq } from 'drizzle-orm';
import { liftHistory } from '../geo/synthetic/index.ts';
import { addDays, shanghaiIso } from '../geo/time/index.ts';
import { DEMO_MAINTAINER } from '../server/import/seed-lifecycle.ts';
import { estateMap } from '../server/queries/estate-map.ts';
import { seededDatabase, type SeededDatabase } from '../tests/support/test-server.ts';
import { measure, type Measurement } from './measure.ts';

/**
 * The wall after handover (issue "After the vote"), side by side in one run: the estate map (what /wall reads, health
 * colours and the lifecycle panel included) computed uncached on the demo as seeded (3 pilot lifts) and on the same
 * estate with all 80 lifts in service for two years (a visit every 13–15 days, about three faults a year each).
 */
export async function lifecycleScale(runs: number, now: Date) {
  const before = await seededDatabase({ anchorDay: shanghaiIso(now).slice(0, 10) });
  const after = await seededDatabase({ anchorDay: shanghaiIso(now).slice(0, 10) });
  try {
    const history = await allInService(after, shanghaiIso(now).slice(0, 10));
    const side = async (name: string, store: SeededDatabase) => {
      const map = await estateMap(store.db, 1, now);
      const timing: Measurement = await measure(name, runs, () => estateMap(store.db, 1, now));
      return { ...timing, payloadBytes: Buffer.byteLength(JSON.stringify(map)), liftsInService: map.lifecycle?.inService ?? 0 };
    };
    return { before: await side('estate.map, demo (3 lifts in service)', before), after: await side('estate.map, 80 lifts × 2 years of history', after), history };
  } finally {
    await before.close();
    await after.close();
  }
}

/** Every stairwell of estate 1 put into use two years before `today`, with an agreement and generated history. */
async function allInService(store: SeededDatabase, today: string) {
  const { db } = store;
  const { stairwells, stageEvents, liftServices, liftTags, maintenanceVisits, liftFaults } = db.t;
  const rows = await db.select({ id: stairwells.id, stage: stairwells.stage }).from(stairwells).where(eq(stairwells.estateId, 1));
  const on = addDays(today, -730);
  let visits = 0;
  let faults = 0;
  for (const r of rows) {
    if (r.stage !== 'in_service') {
      // After the stairwell's own (seeded) events, so that it stands in service; its history below still spans two years.
      await db.insert(stageEvents).values({ stairwellId: r.id, fromStage: r.stage, toStage: 'in_service', at: `${addDays(today, -1)}T23:00:00+08:00`, reason: 'bench' });
      await db.update(stairwells).set({ stage: 'in_service' }).where(eq(stairwells.id, r.id));
      await db.insert(liftServices).values({ stairwellId: r.id, userUnit: '曹杨物业', maintainer: DEMO_MAINTAINER.name, maintainerLicence: DEMO_MAINTAINER.licence, maintainerPhone: DEMO_MAINTAINER.phone, priceFenPerYear: 360_000, termFrom: on, termTo: addDays(on, 1825), guarantor: null, template: null, inspectionValidUntil: addDays(today, 200), recordedBy: 'bench', at: `${on}T10:00:00+08:00` });
      await db.insert(liftTags).values({ stairwellId: r.id, tag: `bench-${r.id}` });
    }
    await db.delete(maintenanceVisits).where(eq(maintenanceVisits.stairwellId, r.id));
    await db.delete(liftFaults).where(eq(liftFaults.stairwellId, r.id));
    const h = liftHistory(on, addDays(today, -1), 5000 + r.id, { openFault: r.id % 20 === 0 });
    for (let i = 0; i < h.visits.length; i += 200)
      await db.insert(maintenanceVisits).values(h.visits.slice(i, i + 200).map((v) => ({ stairwellId: r.id, ...v, maintainerLicence: DEMO_MAINTAINER.licence, note: null, recordedBy: 'bench', at: v.visitedAt })));
    if (h.faults.length) await db.insert(liftFaults).values(h.faults.map((f) => ({ stairwellId: r.id, ...f, recordedBy: 'bench', at: f.alarmAt })));
    visits += h.visits.length;
    faults += h.faults.length;
  }
  return { lifts: rows.length, visits, faults };
}
