import { thresholdTests, voteOf, type Vote } from '../../geo/consent/index.ts';
import { flatCost } from '../../geo/cost/index.ts';
import { evidenceStateOf, liveEvidenceIn } from '../evidence/live-evidence.ts';
import { noticeWindows, stepInto, MIN_NOTICE_DAYS, MIN_OBJECTION_DAYS } from '../../geo/stages/index.ts';
import { shanghaiDay } from '../../geo/time/index.ts';
import type { Db } from '../db/database.ts';
import { loadStairwellState, requireEstate } from '../queries/stairwell-states.ts';
import { stairwellCost } from './public-stairwell.ts';
import { loadStageHistory } from './stage-history.ts';

/**
 * What the three posted papers of a stairwell print (SPEC §4): the per-flat
 * 征询意见表, the 征询结果公告 and the 公示 notice. Rooms, areas and each
 * room's vote, never a name, phone or note: the papers are posted in the
 * stairwell. Staff only, since the vote by room is not for the wall.
 */
export async function stairwellPapers(db: Db, stairwellId: number, now: Date) {
  const s = await loadStairwellState(db, stairwellId);
  const estate = await requireEstate(db, s.row.estateId);
  const history = await loadStageHistory(db, stairwellId);
  const confirmed = stepInto(history.steps, 'consent_passed');
  const notice = stepInto(history.steps, 'public_notice');
  const noticeDays = notice?.event.details?.noticeDays ?? MIN_NOTICE_DAYS;
  const objectionDays = notice?.event.details?.objectionDays ?? MIN_OBJECTION_DAYS;
  const result = s.consent.complete ? s.consent.result : null;
  const live = await liveEvidenceIn(db, [stairwellId]);
  // The notice states the result staff confirmed, if they have; else today's signed votes.
  const record = confirmed?.event.details?.consent ?? result;
  const cost = await stairwellCost(db, s);
  // Each flat's own share, as the phone shows it (the floor's coefficient split by area): what the form asks this household to weigh.
  const costFlats = s.flats.filter((f) => f.areaCentiM2 !== null).map((f) => ({ flatId: String(f.id), floor: f.floor, areaM2: f.areaCentiM2! / 100 }));
  const flatPaysYuan = (id: number, area: number | null) => (area === null ? null : flatCost(costFlats, String(id), cost.coefficients, cost.liftCostYuan).flatPaysYuan);
  const flats = [...s.flats]
    .sort((a, b) => a.floor - b.floor || a.room.localeCompare(b.room, 'zh'))
    .map((f) => {
      const verified = evidenceStateOf(stairwellId, f, live) === 'verified';
      return {
        id: f.id,
        floor: f.floor,
        room: f.room,
        areaM2: f.areaCentiM2 === null ? null : f.areaCentiM2 / 100,
        vote: voteOf(f.status) satisfies Vote,
        verified,
        /** How the verified vote is evidenced (a signature on the phone, a photographed form, a proxy, the paper original); null unless verified. */
        verifiedBy: verified ? (live.get(`${stairwellId}:${f.voterId}`)?.method ?? null) : null,
        /** What this flat pays of the owners' part, whole yuan; null while its area is unknown. */
        paysYuan: flatPaysYuan(f.id, f.areaCentiM2),
      };
    });
  const unverified = flats.filter((f) => f.vote !== 'none' && !f.verified).length;
  return {
    stairwellId,
    estateName: estate.name,
    doorNumber: s.row.doorNumber,
    stage: s.row.stage,
    today: shanghaiDay(now),
    flats,
    /** Rooms whose counted vote (agree, oppose or abstain) is not verified: the notice says 通过 only when there are none. */
    unverifiedRooms: unverified,
    /** The counts the 公告 states (recorded at confirmation, else today's signed votes) and the rule's four tests on them; null while an area is unknown. */
    result: record && { voters: record.voters, area: record.area, tests: thresholdTests(record), passed: confirmed !== null || (result?.passed ?? false) },
    /** Rooms whose area the register lacks: the rule cannot be computed until they are filled in. */
    missingAreaRooms: s.consent.complete ? [] : s.flats.filter((f) => f.areaCentiM2 === null).map((f) => f.room),
    /** When staff confirmed the stairwell (stage 征询通过). */
    confirmedOn: confirmed?.on ?? null,
    /** The 公示 as recorded: its start and both windows. */
    notice: notice ? { noticeDays, objectionDays, ...noticeWindows(notice.on, noticeDays, objectionDays) } : null,
    cost,
  };
}
export type StairwellPapers = Awaited<ReturnType<typeof stairwellPapers>>;
