import { randomBytes } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import { addDays } from '../../geo/time/index.ts';
import { liftHistory } from '../../geo/synthetic/index.ts';
import { inServiceDates } from '../campaign/lift-upkeep.ts';
import { first, type Db } from '../db/database.ts';

/** The pilot lifts' maintainer in the demo (a licence number in the form Shanghai prints, not a real company's). */
export const DEMO_MAINTAINER = { name: '上海长风电梯维保有限公司（示例）', licence: 'TS3431088-2028', phone: '021-6250 9600' };

/**
 * The demo's lifts in service (the pilot stairwells of stage-events.csv): their legal steps, the maintenance agreement
 * with 物业托底 at the campaign's scale price, the QR sticker, and a maintenance history up to the day before the seed
 * (visits every ~14 days, a few faults and rescues). One lift is left with its last visit overdue and one with a fault
 * still open, so the wall's health colours all have something to show on the first start.
 */
export async function seedLifecycle(tx: Db, estateId: number): Promise<number> {
  const { stairwells, stageEvents, legalRecords, liftServices, liftTags, maintenanceVisits, liftFaults } = tx.t;
  const rows = await tx.select({ id: stairwells.id, doorNumber: stairwells.doorNumber }).from(stairwells).where(and(eq(stairwells.estateId, estateId), eq(stairwells.stage, 'in_service')));
  if (rows.length === 0) return 0;
  const last = await first(tx.select({ at: max(stageEvents.at) }).from(stageEvents).innerJoin(stairwells, eq(stairwells.id, stageEvents.stairwellId)).where(eq(stairwells.estateId, estateId)));
  // The consent events run to the day before the seed: so does the lifts' history.
  const until = last?.at?.slice(0, 10) ?? '2026-11-23';
  const dates = await inServiceDates(tx, rows.map((r) => r.id));
  const at = `${until}T18:00:00+08:00`;
  const who = 'seed';
  for (const [i, d] of dates.entries()) {
    const year = d.on.slice(0, 4);
    await tx.insert(legalRecords).values([
      { stairwellId: d.id, kind: 'construction_notice', on: addDays(d.on, -130), reference: `沪特告 ${year}-${String(300 + i).padStart(4, '0')}`, note: null, recordedBy: who, at },
      { stairwellId: d.id, kind: 'supervision_inspection', on: addDays(d.on, -10), reference: `沪特检 DT${year}-${String(5500 + i)}`, note: null, recordedBy: who, at },
      { stairwellId: d.id, kind: 'technical_file', on: addDays(d.on, -5), reference: null, note: '移交曹杨物业', recordedBy: who, at },
      { stairwellId: d.id, kind: 'registration', on: addDays(d.on, 12), reference: `梯11沪FX${String(120 + i).padStart(4, '0')}(${year.slice(2)})`, note: null, recordedBy: who, at },
    ]);
    // Inspected yearly: valid a year from the last anniversary of use.
    let valid = addDays(d.on, 365);
    while (valid < until) valid = addDays(valid, 365);
    await tx.insert(liftServices).values({
      stairwellId: d.id,
      userUnit: '曹杨物业',
      maintainer: DEMO_MAINTAINER.name,
      maintainerLicence: DEMO_MAINTAINER.licence,
      maintainerPhone: DEMO_MAINTAINER.phone,
      priceFenPerYear: 360_000,
      termFrom: d.on,
      termTo: addDays(d.on, 5 * 365),
      guarantor: '曹杨物业托底',
      template: '风荷苑 3 号样板楼维保协议',
      inspectionValidUntil: valid,
      recordedBy: who,
      at,
    });
    await tx.insert(liftTags).values({ stairwellId: d.id, tag: randomBytes(12).toString('base64url') });
    const history = liftHistory(d.on, until, 1000 + d.id, { stopVisitsDaysBefore: i === 1 ? 20 : 0, openFault: i === 2 });
    if (history.visits.length)
      await tx.insert(maintenanceVisits).values(history.visits.map((v) => ({ stairwellId: d.id, ...v, maintainerLicence: DEMO_MAINTAINER.licence, note: null, recordedBy: who, at: v.visitedAt })));
    if (history.faults.length) await tx.insert(liftFaults).values(history.faults.map((f) => ({ stairwellId: d.id, ...f, recordedBy: who, at: f.alarmAt })));
  }
  return dates.length;
}
