import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POST_GRACE_DAYS, MAX_POST_GRACE_DAYS, MIN_NOTICE_DAYS, MIN_OBJECTION_DAYS, PIPELINE_STAGES, stageIndex, type Stage } from '../../../geo/stages/index.ts';
import { useTRPC } from '../../trpc.ts';
import { ObjectionsPanel } from './objections-panel.tsx';
import type { PipelineStairwell } from '../../wire.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';
import { campaignStep } from '../../../geo/campaign/index.ts';
import { LegalSteps } from './legal-steps.tsx';
import { LiftServicePanel } from './lift-service-panel.tsx';
import { LiftRepairsPanel } from './lift-repairs-panel.tsx';
import { UnverifiedNote } from './unverified-note.tsx';

/** The stage a stairwell goes to next: the following pipeline stage, or where a suspension resumes. */
export function nextStage(s: Pick<PipelineStairwell, 'stage' | 'resumeStage'>): Stage | null {
  if (s.stage === 'suspended') return s.resumeStage ?? 'canvassing';
  return PIPELINE_STAGES[stageIndex(s.stage) + 1] ?? null;
}

/** The fields a stage change carries, shown only for the stage that needs them. */
export function StageFields({ to, values, onChange }: { to: Stage; values: StageValues; onChange: (v: StageValues) => void }) {
  const { t } = useTranslation();
  const set = (k: keyof StageValues) => (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...values, [k]: e.target.value });
  return (
    <>
      <label>
        {t(`pipeline.on.${to}`, { defaultValue: t('pipeline.on.default') })}
        <input type="date" name="stageOn" required value={values.on} onChange={set('on')} />
      </label>
      {to === 'public_notice' && (
        <>
          <label>
            {t('pipeline.noticeDays')}
            <input type="number" name="noticeDays" min={MIN_NOTICE_DAYS} max={60} value={values.noticeDays} onChange={set('noticeDays')} />
          </label>
          <label>
            {t('pipeline.objectionDays')}
            <input type="number" name="objectionDays" min={MIN_OBJECTION_DAYS} max={30} value={values.objectionDays} onChange={set('objectionDays')} />
          </label>
          <label>
            {t('pipeline.postGraceDays')}
            <input type="number" name="postGraceDays" min={0} max={MAX_POST_GRACE_DAYS} value={values.postGraceDays} onChange={set('postGraceDays')} />
          </label>
        </>
      )}
      {to === 'permitted' && (
        <label>
          {t('pipeline.permitNumber')}
          <input name="permitNumber" maxLength={40} value={values.permitNumber} onChange={set('permitNumber')} />
        </label>
      )}
      {to === 'in_service' && (
        <label>
          {t('pipeline.registrationNumber')}
          <input name="registrationNumber" maxLength={40} value={values.registrationNumber} onChange={set('registrationNumber')} />
        </label>
      )}
    </>
  );
}

export interface StageValues {
  on: string;
  noticeDays: string;
  objectionDays: string;
  postGraceDays: string;
  permitNumber: string;
  registrationNumber: string;
}
export const emptyValues = (today: string): StageValues => ({ on: today, noticeDays: String(MIN_NOTICE_DAYS), objectionDays: String(MIN_OBJECTION_DAYS), postGraceDays: String(DEFAULT_POST_GRACE_DAYS), permitNumber: '', registrationNumber: '' });

/** The command's input from the form's values: only what the stage uses. */
export function stageInput(to: Stage, v: StageValues) {
  return {
    to,
    on: v.on,
    ...(to === 'public_notice' ? { noticeDays: Number(v.noticeDays), objectionDays: Number(v.objectionDays), postGraceDays: Number(v.postGraceDays) } : {}),
    ...(to === 'permitted' ? { permitNumber: v.permitNumber } : {}),
    ...(to === 'in_service' && v.registrationNumber.trim() ? { registrationNumber: v.registrationNumber } : {}),
  };
}

/**
 * One stairwell's stage, moved by staff: the next step with what it needs,
 * suspend with a reason, resume, undo the last step. The server checks each
 * and says why it refuses; every open screen recolours when it is saved.
 */
export function StageForm({ stairwell: s, today }: { stairwell: PipelineStairwell; today: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const next = nextStage(s);
  const [values, setValues] = useState(() => emptyValues(today));
  const [reason, setReason] = useState('');
  const client = useQueryClient();
  // The card's heading and the table re-read as soon as the step is saved, not only when the change stream announces it.
  const reread = { onSuccess: () => client.invalidateQueries(trpc.stages.pipeline.pathFilter()) };
  const advance = useMutation(trpc.stages.set.mutationOptions(reread));
  const undo = useMutation(trpc.stages.undo.mutationOptions(reread));
  const error = advance.error ?? undo.error;
  const done = advance.data ?? null;
  return (
    <div className="stage-form" data-testid="stage-form" data-door={s.doorNumber} data-stage={s.stage}>
      {/* The same words as the stage table's row: 已达标待确认, not the stored 意见征询. */}
      <h3>
        {s.doorNumber} · {t(`step.${campaignStep({ stage: s.stage, ruleMet: s.ruleMet })}`)}
        {s.stageOn ? ` · ${s.stageOn}` : ''}
      </h3>
      <UnverifiedNote stairwell={s} />
      <p className="paper-links" data-testid="paper-links">
        {t('paper.toolbar')}：
        {(['form', 'result', 'notice'] as const).map((k) => (
          <a key={k} href={`/papers/${s.id}/${k}`} target="_blank" rel="noopener">
            {t(`paper.kinds.${k}`)}
          </a>
        ))}
        <a href={`/stairwell/${s.id}`} target="_blank" rel="noopener">
          {t('paper.publicPage')}
        </a>
      </p>
      {s.stage === 'suspended' && s.stageReason && <p>{t('pipeline.suspendedBecause', { reason: s.stageReason })}</p>}
      {s.windows && <p data-testid="notice-windows">{t('pipeline.windows', { ...s.windows })}</p>}
      {next && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            undo.reset();
            advance.mutate({ stairwellId: s.id, ...stageInput(next, values) }, { onSuccess: () => setValues(emptyValues(today)) });
          }}
        >
          <StageFields to={next} values={values} onChange={setValues} />
          <button type="submit" disabled={advance.isPending}>
            {s.stage === 'suspended' ? t('pipeline.resume', { stage: t(`stage.${next}`) }) : t('pipeline.advance', { stage: t(`stage.${next}`) })}
          </button>
        </form>
      )}
      <form
        className="stage-aside"
        onSubmit={(e) => {
          e.preventDefault();
          advance.reset();
          const submitter = (e.nativeEvent).submitter?.getAttribute('value');
          if (submitter === 'undo') undo.mutate({ stairwellId: s.id, reason }, { onSuccess: () => setReason('') });
          else advance.mutate({ stairwellId: s.id, to: 'suspended', on: today, reason }, { onSuccess: () => setReason('') });
        }}
      >
        <label>
          {t('pipeline.reason')}
          <input name="stageReason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        {s.stage !== 'suspended' && (
          <button type="submit" value="suspend" disabled={advance.isPending}>
            {t('pipeline.suspend')}
          </button>
        )}
        {s.lastStep && (
          <button type="submit" value="undo" disabled={undo.isPending}>
            {t('pipeline.undo', { stage: t(`stage.${s.lastStep.stage}`) })}
          </button>
        )}
      </form>
      {done && (
        <p role="status">
          {done.changed ? t('staff.stageSaved', { door: done.doorNumber, stage: t(`stage.${done.to as Stage}`) }) : t('staff.stageSame')}
          {done.warnings.map((w) => (
            <strong key={w.code} className="warning">
              {' '}
              {w.zh}
            </strong>
          ))}
        </p>
      )}
      {undo.data && <p role="status">{undo.data.zh}</p>}
      {error && <p role="alert">{refusalText(error)}</p>}
      {(s.stage === 'public_notice' || s.objections.length > 0) && <ObjectionsPanel stairwell={s} today={today} />}
      {stageIndex(s.stage === 'suspended' ? (s.resumeStage ?? 'canvassing') : s.stage) >= stageIndex('public_notice') && <LegalSteps stairwell={s} today={today} />}
      {s.stage === 'in_service' && <LiftServicePanel key={JSON.stringify(s.service)} stairwell={s} />}
      {s.stage === 'in_service' && s.service && <LiftRepairsPanel stairwellId={s.id} today={today} />}
    </div>
  );
}
