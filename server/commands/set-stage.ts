import { mapColorKey } from '../../geo/palette/index.ts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkStageChange, DEFAULT_POST_GRACE_DAYS, REGISTER_WITHIN_DAYS, type StageDetails } from '../../geo/stages/index.ts';
import { addDays, shanghaiDay, shanghaiIso } from '../../geo/time/index.ts';
import { legalDatesOf, loadLegalRecords, objectionsReceived } from '../campaign/legal-records.ts';
import { loadStageHistory, openObjections } from '../campaign/stage-history.ts';
import type { Db } from '../db/database.ts';
import { evidenceStateOf, liveEvidenceIn } from '../evidence/live-evidence.ts';
import { loadStairwellState } from '../queries/stairwell-states.ts';
import { WHO } from '../auth/authorise.ts';
import { defineCommand, type CommandScope } from './command.ts';
import { Refusal } from '../refusal.ts';
import { stageFields, stairwellId, type StageFields } from './stage-input.ts';
import { estateOf } from './write-scope.ts';

export const setStageInput = z.object({ stairwellId, ...stageFields });

export interface StageOutcome {
  stairwellId: number;
  doorNumber: string;
  from: string;
  to: string;
  on: string;
  changed: boolean;
  /** Allowed but worth saying: the lift is in use and its registration is due within 30 days. */
  warnings: { code: 'registration_due'; zh: string; en: string }[];
}

/** What the stage's event carries, from the form's fields and, for `consent_passed`, the rule's result now. */
function detailsOf(fields: StageFields, consent: Awaited<ReturnType<typeof loadStairwellState>>['consent']): StageDetails | null {
  switch (fields.to) {
    case 'consent_passed':
      return consent.complete ? { consent: { voters: consent.result.voters, area: consent.result.area } } : null;
    case 'public_notice':
      return { noticeDays: fields.noticeDays ?? 10, objectionDays: fields.objectionDays ?? 7, postGraceDays: fields.postGraceDays ?? DEFAULT_POST_GRACE_DAYS };
    case 'permitted':
      return { permitNumber: fields.permitNumber };
    default:
      return null;
  }
}

/** The counted votes (agree, oppose, abstain) of a stairwell not yet verified by staff, by room. */
async function unverifiedVotes(tx: Db, s: Awaited<ReturnType<typeof loadStairwellState>>): Promise<{ room: string; state: 'missing' | 'pending' }[]> {
  const live = await liveEvidenceIn(tx, [s.row.id]);
  return s.flats.flatMap((f) => {
    const state = evidenceStateOf(s.row.id, f, live);
    return state === 'missing' || state === 'pending' ? [{ room: f.room, state }] : [];
  });
}

/**
 * One stairwell's stage change, checked in geo/stages against its history,
 * its votes and its objections, and written with its event; shared by the
 * single and the batch command so both refuse alike.
 */
export async function applyStage(tx: Db, { now, record, user }: Pick<CommandScope, 'now' | 'record' | 'user'>, id: number, fields: StageFields): Promise<StageOutcome> {
  const { stageEvents, stairwells } = tx.t;
  const s = await loadStairwellState(tx, id);
  const history = await loadStageHistory(tx, id);
  const today = shanghaiDay(now);
  const on = fields.on ?? today;
  const base = { stairwellId: id, doorNumber: s.row.doorNumber, from: s.row.stage, to: fields.to, on };
  if (s.row.stage === fields.to) return { ...base, changed: false, warnings: [] };
  const details = detailsOf(fields, s.consent);
  const legal = legalDatesOf(await loadLegalRecords(tx, [id]), id);
  const refusal = checkStageChange({
    from: s.row.stage,
    to: fields.to,
    on,
    today,
    fromOn: history.on,
    consentPassed: s.consent.complete && s.consent.result.passed,
    unverifiedVotes: fields.to === 'consent_passed' ? await unverifiedVotes(tx, s) : [],
    resumeStage: history.resumeStage,
    notice: history.notice,
    openObjections: history.stage === 'public_notice' ? await openObjections(tx, id) : 0,
    objectionsReceived: history.stage === 'public_notice' ? (await objectionsReceived(tx, id)).count : 0,
    legal,
    reason: fields.reason,
    details: details ?? undefined,
  });
  if (refusal) throw new Refusal('precondition', `${s.row.doorNumber}：${refusal.zh}`, `${s.row.doorNumber}: ${refusal.message}`, refusal.field);
  const warnings: StageOutcome['warnings'] = [];
  const at = shanghaiIso(now);
  // Put into use: a registration number given with it is recorded as 使用登记 that day; without one, it is due within 30 days.
  const registration = fields.to === 'in_service' ? fields.registrationNumber?.trim() : undefined;
  if (registration) await tx.insert(tx.t.legalRecords).values({ stairwellId: id, kind: 'registration', on, reference: registration, note: null, recordedBy: user.username, at });
  else if (fields.to === 'in_service' && !legal.registration)
    warnings.push({
      code: 'registration_due',
      zh: `${s.row.doorNumber}：电梯 ${on} 投入使用，使用登记须于 ${addDays(on, REGISTER_WITHIN_DAYS)} 前办理`,
      en: `${s.row.doorNumber}: in use from ${on}; register the lift by ${addDays(on, REGISTER_WITHIN_DAYS)}`,
    });
  const suspended = fields.to === 'suspended';
  await tx
    .update(stairwells)
    .set({ stage: fields.to, stageReason: suspended ? (fields.reason ?? null) : null, resumeStage: suspended ? s.row.stage : null })
    .where(eq(stairwells.id, id));
  await tx.insert(stageEvents).values({ stairwellId: id, fromStage: s.row.stage, toStage: fields.to, at, reason: fields.reason ?? null, effectiveOn: on, details });
  await record({ kind: 'stage', estateId: s.row.estateId, stairwellId: id, doorNumber: s.row.doorNumber, from: s.row.stage, to: fields.to, at, colorKey: mapColorKey(fields.to, s.consent.bin) });
  return { ...base, changed: true, warnings };
}

/**
 * Moves a stairwell to its next stage (SPEC §4), or suspends or resumes it,
 * with its event. Asking for the stage it already has changes nothing and
 * appends no event.
 */
export const setStage = defineCommand({
  roles: WHO.staff,
  input: setStageInput,
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record, user }, { stairwellId: id, ...fields }) => await applyStage(tx, { now, record, user }, id, fields),
});

export const setStagesInput = z.object({
  stairwellIds: z.array(stairwellId).min(1, 'expected at least one stairwell').max(500, 'expected at most 500 stairwells at once'),
  ...stageFields,
});

/**
 * Many stairwells to the same stage on the same day (e.g. a batch posted for
 * 公示 together): all or none, in one transaction; the first refusal names its
 * door and nothing is written.
 */
export const setStages = defineCommand({
  roles: WHO.staff,
  input: setStagesInput,
  run: async ({ tx, now, record, user }, { stairwellIds, ...fields }) => {
    const unique = [...new Set(stairwellIds)];
    const outcomes: StageOutcome[] = [];
    for (const id of unique) outcomes.push(await applyStage(tx, { now, record, user }, id, fields));
    return { outcomes, changed: outcomes.filter((o) => o.changed).length };
  },
});
