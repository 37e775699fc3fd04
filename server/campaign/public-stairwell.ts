import { and, asc, desc, eq, gte } from 'drizzle-orm';
import { stairwellCoverage } from './teams.ts';
import { CAMPAIGN_WORDS, campaignStep, isConfirmed } from '../../geo/campaign/index.ts';
import { DEFAULT_FLOOR_COEFFICIENTS, DEFAULT_LIFT_COST_YUAN, maintenanceShares, SUBSIDY_CAP_YUAN, SUBSIDY_SHARE } from '../../geo/cost/index.ts';
import { first, type Db } from '../db/database.ts';
import { ruleMetOf } from '../queries/headline.ts';
import { loadStairwellState, requireEstate, type StairwellState } from '../queries/stairwell-states.ts';
import { loadLegalRecords } from './legal-records.ts';
import { loadLiftServices } from './lift-services.ts';
import { latestAgreement, ledgerFlats } from './stairwell-money.ts';
import { stairwellPromiseCounts } from './promises.ts';
import { LIFT_EMERGENCY_LINE, monthBefore } from '../../geo/lifecycle/index.ts';
import { addDays, shanghaiDay } from '../../geo/time/index.ts';
import { loadStageHistory, openObjections } from './stage-history.ts';

/** What the stairwell's lift costs, the subsidy, and what each floor pays by its coefficient (its flats split a floor's share by area). */
export async function stairwellCost(db: Db, s: StairwellState) {
  const { stairwellCosts } = db.t;
  const cost = await first(db.select().from(stairwellCosts).where(eq(stairwellCosts.stairwellId, s.row.id)));
  const coefficients = cost?.coefficients ?? DEFAULT_FLOOR_COEFFICIENTS;
  const liftCostYuan = cost?.liftCostYuan ?? DEFAULT_LIFT_COST_YUAN;
  const subsidyYuan = Math.min(SUBSIDY_CAP_YUAN, Math.round(liftCostYuan * SUBSIDY_SHARE));
  const floors = [...new Set(s.flats.map((f) => f.floor))].sort((a, b) => a - b);
  const total = floors.reduce((n, fl) => n + (coefficients[fl - 1] ?? 0), 0);
  return {
    liftCostYuan,
    subsidyYuan,
    ownersPayYuan: liftCostYuan - subsidyYuan,
    /** Each floor's coefficient, floor 1 first. */
    coefficients,
    floors: floors.map((floor) => {
      const share = total > 0 ? (coefficients[floor - 1] ?? 0) / total : 1 / floors.length;
      const flatsOnFloor = s.flats.filter((f) => f.floor === floor).length;
      return { floor, coefficient: coefficients[floor - 1] ?? 0, floorPaysYuan: Math.round((liftCostYuan - subsidyYuan) * share), flatsOnFloor };
    }),
  };
}

async function publicService(db: Db, s: StairwellState, today: string) {
  if (s.row.stage !== 'in_service') return null;
  const recent = await recentService(db, s.row.id, today);
  const v = (await loadLiftServices(db, [s.row.id])).get(s.row.id);
  if (!v) return { maintainer: null, maintainerPhone: null, emergency: LIFT_EMERGENCY_LINE, inspectionValidUntil: null, inspectionRequestBy: null, feesBy: null, feesByFloor: [], recent };
  // What a flat pays a year for maintenance, floor by floor (lowest and highest on the floor): totals, never a household.
  const agreement = await latestAgreement(db, s.row.id);
  const fees = maintenanceShares(ledgerFlats(s), agreement, v.priceFenPerYear);
  const floors = [...new Set(fees.map((f) => f.floor))].sort((a, b) => a - b);
  const feesByFloor = floors.map((floor) => {
    const on = fees.filter((f) => f.floor === floor).map((f) => f.feeFen);
    return { floor, minFen: Math.min(...on), maxFen: Math.max(...on) };
  });
  return { maintainer: v.maintainer, maintainerPhone: v.maintainerPhone, emergency: LIFT_EMERGENCY_LINE, inspectionValidUntil: v.inspectionValidUntil, inspectionRequestBy: monthBefore(v.inspectionValidUntil), feesBy: agreement ? ('agreement' as const) : ('area' as const), feesByFloor, recent };
}

/** The lift's recent service for residents: the last visit, visits and faults over 12 months, faults still open. Counts and dates only. */
async function recentService(db: Db, id: number, today: string) {
  const { maintenanceVisits, liftFaults } = db.t;
  const yearAgo = addDays(today, -365);
  const visits = await db.select({ at: maintenanceVisits.visitedAt }).from(maintenanceVisits).where(and(eq(maintenanceVisits.stairwellId, id), gte(maintenanceVisits.visitedAt, yearAgo))).orderBy(desc(maintenanceVisits.visitedAt));
  const faults = await db.select({ alarmAt: liftFaults.alarmAt, resolvedAt: liftFaults.resolvedAt }).from(liftFaults).where(eq(liftFaults.stairwellId, id));
  return {
    lastVisitOn: visits[0]?.at.slice(0, 10) ?? null,
    visitsLast12Months: visits.length,
    faultsLast12Months: faults.filter((f) => f.alarmAt >= yearAgo).length,
    openFaults: faults.filter((f) => f.resolvedAt === null).length,
  };
}

/**
 * The page a resident opens from the QR code on a posted paper: the
 * stairwell's stage and dates, the vote in aggregate (never who has or has not
 * signed), what each floor pays, and the committee's prepared answers.
 */
export async function publicStairwell(db: Db, stairwellId: number, now: Date) {
  const { concernAnswers } = db.t;
  const s = await loadStairwellState(db, stairwellId);
  const estate = await requireEstate(db, s.row.estateId);
  const history = await loadStageHistory(db, stairwellId);
  const ruleMet = ruleMetOf(s);
  const result = s.consent.complete ? s.consent.result : null;
  return {
    estateName: estate.name,
    doorNumber: s.row.doorNumber,
    stage: s.row.stage,
    step: campaignStep({ stage: s.row.stage, ruleMet, areaMissing: !s.consent.complete }),
    /** Which of the two words applies, if either. */
    word: isConfirmed(s.row.stage) ? CAMPAIGN_WORDS.confirmed.zh : ruleMet ? CAMPAIGN_WORDS.ruleMet.zhLong : null,
    steps: history.steps.map((x) => ({ stage: x.event.toStage, on: x.on })),
    /** The steps the law adds (施工告知, 监督检验, 使用登记 …): what and when, with the document's number (no names). */
    legal: (await loadLegalRecords(db, [stairwellId])).map((r) => ({ kind: r.kind, on: r.on })),
    /** A lift in service: who maintains it, their 24-hour line, Shanghai's 96333, and when the next inspection is due. No names. */
    service: await publicService(db, s, shanghaiDay(now)),
    /** Promises to households (最大公约数) per kind, made and kept: counts, never a household. */
    promises: await stairwellPromiseCounts(db, stairwellId),
    /** Who stands behind the stairwell (党建引领, 1+2+N): its branch and how many hold each post; never a name. */
    team: await stairwellCoverage(db, stairwellId),
    windows: history.windows,
    objectionsInMediation: await openObjections(db, stairwellId),
    flats: s.flats.length,
    votes: result ? { voters: result.voters, area: result.area, participationMet: result.participationMet, agreementMet: result.agreementMet, passed: result.passed } : null,
    cost: await stairwellCost(db, s),
    answers: await db.select({ tag: concernAnswers.tag, zh: concernAnswers.answerZh, en: concernAnswers.answerEn }).from(concernAnswers).orderBy(asc(concernAnswers.tag)),
  };
}
export type PublicStairwell = Awaited<ReturnType<typeof publicStairwell>>;
