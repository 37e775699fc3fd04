import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignStep } from '../../../geo/campaign/index.ts';
import { PIPELINE_STAGES, type Stage } from '../../../geo/stages/index.ts';
import { useTRPC } from '../../trpc.ts';
import { DeadlineList } from '../deadline-list.tsx';
import { emptyValues, nextStage, StageFields, StageForm, stageInput } from './stage-form.tsx';
import { refusalText } from '../../hooks/use-problem-text.ts';
import { UnverifiedNote } from './unverified-note.tsx';

/**
 * 阶段推进: every stairwell's stage and its date, what is due, one stairwell's
 * next step, and many stairwells moved together (a batch posted for 公示 on
 * the same day): all or none, the refusal naming the door.
 */
export function PipelinePanel({ estateId }: { estateId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const pipeline = useQuery(trpc.stages.pipeline.queryOptions({ estateId }));
  const [open, setOpen] = useState<number | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [batchTo, setBatchTo] = useState<Stage>('consent_passed');
  const today = pipeline.data?.today ?? '';
  const [values, setValues] = useState(() => emptyValues(today));
  const batch = useMutation(trpc.stages.setMany.mutationOptions());
  const rows = useMemo(() => pipeline.data?.stairwells ?? [], [pipeline.data]);
  if (!pipeline.data) return <section className="staff-card">{pipeline.error ? refusalText(pipeline.error) : t('state.loading')}</section>;
  const current = rows.find((s) => s.id === open);
  const toggle = (id: number) => setPicked((p) => (p.has(id) ? new Set([...p].filter((x) => x !== id)) : new Set([...p, id])));
  return (
    <section className="staff-card pipeline" data-testid="pipeline-panel">
      <h2>{t('pipeline.title')}</h2>
      <DeadlineList deadlines={pipeline.data.deadlines} testId="admin-deadlines" />
      <div className="pipeline-body">
        <div className="pipeline-table">
          <table>
            <thead>
              <tr>
                <th />
                <th>{t('pipeline.door')}</th>
                <th>{t('pipeline.step')}</th>
                <th>{t('pipeline.since')}</th>
                <th>{t('pipeline.next')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => {
                const next = nextStage(s);
                return (
                  <tr key={s.id} data-door={s.doorNumber} data-stage={s.stage} className={s.id === open ? 'open' : undefined}>
                    <td>
                      <input type="checkbox" aria-label={t('pipeline.pick', { door: s.doorNumber })} checked={picked.has(s.id)} onChange={() => toggle(s.id)} />
                    </td>
                    <th>
                      <button type="button" className="link" onClick={() => setOpen(s.id)}>
                        {s.doorNumber}
                      </button>
                    </th>
                    <td>
                      {t(`step.${campaignStep({ stage: s.stage, ruleMet: s.ruleMet })}`)}
                      <UnverifiedNote stairwell={s} />
                    </td>
                    <td>{s.stageOn ?? s.ruleMetSince ?? ''}</td>
                    <td>{next ? t(`stage.${next}`) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="pipeline-side">
          {current ? <StageForm key={current.id} stairwell={current} today={today} /> : <p>{t('pipeline.choose')}</p>}
          <form
            className="batch"
            data-testid="batch-form"
            onSubmit={(e) => {
              e.preventDefault();
              batch.mutate({ stairwellIds: [...picked], ...stageInput(batchTo, { ...values, on: values.on || today }) }, { onSuccess: () => setPicked(new Set()) });
            }}
          >
            <h3>{t('pipeline.batch', { count: picked.size })}</h3>
            <label>
              {t('pipeline.batchTo')}
              <select name="batchTo" value={batchTo} onChange={(e) => setBatchTo(e.target.value as Stage)}>
                {PIPELINE_STAGES.slice(1).map((s) => (
                  <option key={s} value={s}>
                    {t(`stage.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <StageFields to={batchTo} values={values.on ? values : { ...values, on: today }} onChange={setValues} />
            <button type="submit" disabled={picked.size === 0 || batch.isPending}>
              {t('pipeline.batchSave', { count: picked.size, stage: t(`stage.${batchTo}`) })}
            </button>
            {/* The stage the batch was saved at, not the one the select shows now. */}
            {batch.data && batch.variables && <p role="status">{t('pipeline.batchSaved', { count: batch.data.changed, stage: t(`stage.${batch.variables.to}`) })}</p>}
            {batch.error && <p role="alert">{refusalText(batch.error)}</p>}
          </form>
        </div>
      </div>
    </section>
  );
}
