import { evaluateConsent } from '../consent/evaluate-consent.ts';
import { voteOf, type HouseholdStatus } from '../consent/household-status.ts';
import { CANVASSER_ROLES } from '../register/canvasser-roles.ts';
import type { ConcernTag } from '../register/concern-tags.ts';
import type { CampaignHistory, CanvasserRow, ConsentEventRow, RegisterRow, StageEventRow } from '../register/register-types.ts';
import { PIPELINE_STAGES } from '../stages/stages.ts';
import { campaignTime } from './campaign-clock.ts';
import { createRng, type Rng } from './rng.ts';
import { syntheticName, syntheticPhone } from './synthetic-names.ts';

export interface CampaignPlan {
  seed: number;
  /** Door numbers of the estate's stairwells, in canvassing-territory order. */
  doorNumbers: string[];
  /** First day of the campaign, YYYY-MM-DD (Shanghai). */
  startDate: string;
  days: number;
  /** Stairwells canvassed first and fastest (先易后难). */
  pilotDoors: number[];
  /** Stairwells where most low-floor households oppose. */
  contestedDoors: number[];
  /** A stairwell whose register lacks one flat's area, by index. */
  missingAreaDoor: number | null;
  stairwellsPerCanvasser: number;
  /**
   * Stairwells whose lift was built in an earlier round (the 样板楼): their stage history is this chain of days,
   * 征询通过 to 运行维保, in place of the campaign's. Their register still comes from the campaign.
   */
  builtLifts?: { door: number; days: string[] }[];
}

const CHAIN: StageEventRow['to'][] = ['canvassing', 'consent_passed', 'agreement_signed', 'public_notice', 'design_approved', 'permitted', 'under_construction', 'accepted', 'in_service'];

const LOW_FLOOR_CONCERNS: ConcernTag[] = ['light', 'noise', 'property_value', 'parking', 'drying_space'];
const HIGH_FLOOR_CONCERNS: ConcernTag[] = ['cost_share', 'maintenance_cost', 'noise', 'other'];
const NOTES = ['子女在外地，周末回来', '行动不便，请上门', '需与共有人商量', '晚上七点后在家', '已转告楼组长'];
const GROUPS = ['第一党小组', '第二党小组', '第三党小组', '第四党小组'];
const SIGN_BY_FLOOR = [-0.42, -0.25, 0, 0.08, 0.12, 0.15];
const OPPOSE_BY_FLOOR = [0.3, 0.2, 0.05, 0.03, 0.02, 0.02];
/** Days between stages after consent passes (SPEC §4's typical durations, compressed). */
const STAGE_GAPS = [2, 14, 7, 17, 10, 70, 14, 30];

function drawStatus(rng: Rng, temperament: number, floor: number, lateStart: boolean, contested: boolean): HouseholdStatus {
  const sign = Math.min(0.97, Math.max(0.02, 0.2 + 0.72 * temperament + (SIGN_BY_FLOOR[floor - 1] ?? 0)));
  const oppose = contested && floor <= 2 ? 0.8 : (1 - temperament) * (OPPOSE_BY_FLOOR[floor - 1] ?? 0);
  if (contested && floor <= 2 && rng.chance(oppose)) return 'opposed';
  const r = rng.next();
  if (r < sign) return 'signed';
  if (r < sign + oppose) return 'opposed';
  if (r < sign + oppose + 0.03) return 'abstain';
  if (r < sign + oppose + 0.07) return 'unreachable';
  if (lateStart && rng.chance(0.6)) return 'unvisited';
  return rng.pick<HouseholdStatus>(['intent', 'intent', 'undecided', 'undecided', 'unvisited']);
}

function pathTo(rng: Rng, status: HouseholdStatus): HouseholdStatus[] {
  switch (status) {
    case 'unvisited':
      return [];
    case 'signed':
      return rng.pick([['undecided', 'intent', 'signed'], ['intent', 'signed'], ['signed']] as HouseholdStatus[][]);
    case 'intent':
    case 'opposed':
    case 'abstain':
      return rng.chance(0.5) ? ['undecided', status] : [status];
    default:
      return [status];
  }
}

/**
 * A deterministic synthetic campaign (SPEC §9): the register of 24 flats per
 * stairwell with voters and age bands, canvassers, and the consent and stage
 * events that lead to it. Upper floors sign far more often than floors 1–2.
 */
export function generateCampaign(plan: CampaignPlan): CampaignHistory {
  const rng = createRng(plan.seed);
  const register: RegisterRow[] = [];
  const consentEvents: ConsentEventRow[] = [];
  const stageEvents: StageEventRow[] = [];
  const canvasserCount = Math.ceil(plan.doorNumbers.length / plan.stairwellsPerCanvasser);
  const canvassers: CanvasserRow[] = Array.from({ length: canvasserCount }, (_, i) => ({
    canvasserId: `C${String(i + 1).padStart(2, '0')}`,
    name: syntheticName(rng),
    role: CANVASSER_ROLES[i % CANVASSER_ROLES.length] ?? 'volunteer',
    partyGroup: GROUPS[i % GROUPS.length] ?? null,
    doorNumbers: plan.doorNumbers.slice(i * plan.stairwellsPerCanvasser, (i + 1) * plan.stairwellsPerCanvasser),
  }));
  const canvasserStart = canvassers.map(() => rng.int(0, 30));
  let phoneSerial = 0;

  plan.doorNumbers.forEach((doorNumber, s) => {
    const owner = Math.floor(s / plan.stairwellsPerCanvasser);
    const canvasserId = canvassers[owner]?.canvasserId ?? null;
    const pilot = plan.pilotDoors.includes(s);
    const temperament = pilot ? 0.97 : rng.next();
    const startDay = pilot ? 0 : Math.min(plan.days - 5, (canvasserStart[owner] ?? 0) + rng.int(0, 15));
    const baseArea = [rng.int(5000, 6200), rng.int(3600, 4600), rng.int(3600, 4600), rng.int(5000, 6200)];
    const flats: { row: RegisterRow; steps: { day: number; minutes: number; to: HouseholdStatus }[] }[] = [];

    for (let floor = 1; floor <= 6; floor++) {
      const shared = rng.chance(0.05);
      const voterStatus = new Map<string, { status: HouseholdStatus; name: string; phone: string; path: HouseholdStatus[]; times: [number, number][] }>();
      for (let k = 1; k <= 4; k++) {
        const room = `${floor}0${k}`;
        const voterId = `V${s + 1}-${shared && k === 3 ? `${floor}02` : room}`;
        let voter = voterStatus.get(voterId);
        if (!voter) {
          const status = drawStatus(rng, temperament, floor, startDay > 35, plan.contestedDoors.includes(s));
          const path = pathTo(rng, status);
          let day = startDay + rng.int(0, pilot ? 3 : Math.max(0, Math.min(20, plan.days - 1 - startDay)));
          const times: [number, number][] = [];
          let minutes = rng.int(540, 1140);
          for (const _step of path) {
            const at: [number, number] = [Math.min(day, plan.days - 1), minutes];
            const previous = times.at(-1);
            // Keep each flat's own steps in order, also when clamped to the last day.
            if (previous && previous[0] === at[0] && previous[1] >= at[1]) at[1] = previous[1] + 20;
            times.push(at);
            day += pilot ? rng.int(0, 1) : rng.int(1, 10);
            minutes = rng.int(540, 1140);
          }
          voter = { status, name: syntheticName(rng), phone: syntheticPhone(++phoneSerial), path, times };
          voterStatus.set(voterId, voter);
        }
        const centi = (baseArea[k - 1] ?? 4000) + (rng.chance(0.3) ? rng.int(-30, 30) : 0);
        const missing = plan.missingAreaDoor === s && room === '503';
        const residents = rng.pick([1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 4]);
        let aged80plus = 0;
        let aged60to79 = 0;
        for (let p = 0; p < residents; p++) {
          const r = rng.next();
          if (r < 0.11) aged80plus++;
          else if (r < 0.42) aged60to79++;
        }
        const worried = ['undecided', 'opposed', 'abstain'].includes(voter.status) || (voter.status === 'intent' && rng.chance(0.3));
        const concerns = worried
          ? [...new Set([rng.pick(floor <= 2 ? LOW_FLOOR_CONCERNS : HIGH_FLOOR_CONCERNS), ...(rng.chance(0.3) ? [rng.pick(LOW_FLOOR_CONCERNS)] : [])])]
          : [];
        flats.push({
          row: {
            doorNumber,
            floor,
            room,
            areaM2: missing ? null : centi / 100,
            voterId,
            voterName: voter.name,
            phone: voter.phone,
            residents,
            aged60to79,
            aged80plus,
            status: voter.status,
            concerns,
            note: rng.chance(0.04) ? rng.pick(NOTES) : null,
          },
          steps: voter.path.map((to, i) => ({ day: voter.times[i]?.[0] ?? 0, minutes: voter.times[i]?.[1] ?? 0, to })),
        });
      }
    }

    const events: (ConsentEventRow & { key: string })[] = [];
    for (const { row, steps } of flats) {
      register.push(row);
      let from: HouseholdStatus = 'unvisited';
      for (const step of steps) {
        const at = campaignTime(plan.startDate, step.day, step.minutes);
        events.push({ key: at, at, doorNumber, room: row.room, from, to: step.to, canvasserId, note: null });
        from = step.to;
      }
    }
    events.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    consentEvents.push(...events.map(({ key: _key, ...e }) => e));
    stageEvents.push(...stagesAfterPassing(rng, plan, doorNumber, flats.map((f) => f.row), events));
  });
  consentEvents.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  // The lifts built before the campaign: their chains first, the campaign's own stage events for them dropped.
  const built = (plan.builtLifts ?? []).map((b) => ({ doorNumber: plan.doorNumbers[b.door]!, days: b.days }));
  const chains: StageEventRow[] = built.flatMap((b) => b.days.map((day, i) => ({ at: `${day}T10:00:00+08:00`, doorNumber: b.doorNumber, from: CHAIN[i]!, to: CHAIN[i + 1]!, reason: null })));
  const kept = stageEvents.filter((e) => !built.some((b) => b.doorNumber === e.doorNumber));
  return { register, canvassers, consentEvents, stageEvents: [...chains, ...kept] };
}

/** Replays a stairwell's events; once it passes on signed votes, it moves on through the pipeline. */
function stagesAfterPassing(
  rng: Rng,
  plan: CampaignPlan,
  doorNumber: string,
  rows: RegisterRow[],
  events: ConsentEventRow[],
): StageEventRow[] {
  if (rows.some((r) => r.areaM2 === null)) return [];
  // A voter's flats vote as one, so the replay keys statuses by voter.
  const voterOf = new Map(rows.map((r) => [r.room, r.voterId]));
  const status = new Map<string, HouseholdStatus>();
  const passesNow = () =>
    evaluateConsent(
      rows.map((r) => ({ flatId: r.room, voterId: r.voterId, areaM2: r.areaM2 ?? 0, vote: voteOf(status.get(r.voterId) ?? 'unvisited') })),
    ).passed;
  let passedAt: string | null = null;
  for (const e of events) {
    status.set(voterOf.get(e.room) ?? e.room, e.to);
    if (!passedAt && passesNow()) passedAt = e.at;
  }
  if (!passedAt || !passesNow()) return [];
  const [y, m, d] = passedAt.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [sy, sm, sd] = plan.startDate.split('-').map(Number) as [number, number, number];
  let day = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(sy, sm - 1, sd)) / 86_400_000);
  const out: StageEventRow[] = [];
  for (let i = 1; i < PIPELINE_STAGES.length; i++) {
    day += (STAGE_GAPS[i - 1] ?? 7) + rng.int(0, 3);
    if (day >= plan.days) break;
    const from = PIPELINE_STAGES[i - 1] ?? 'canvassing';
    const to = PIPELINE_STAGES[i] ?? 'canvassing';
    out.push({ at: campaignTime(plan.startDate, day, rng.int(540, 1020)), doorNumber, from, to, reason: null });
  }
  return out;
}
