import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERERS, DELIVERER_ZH, PROMISE_DEFAULTS, PROMISE_KIND_ZH, type Deliverer } from '../../../geo/register/index.ts';
import { PIPELINE_STAGES, STAGE_ZH, type PipelineStage } from '../../../geo/stages/index.ts';
import { base64Of } from '../../files/base64-of.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';
import { NewPromiseForm } from './new-promise-form.tsx';
import { useTRPC } from '../../trpc.ts';

/**
 * 最大公约数: every promise to a household with who delivers it and by which stage, overdue ones first; the yeses whose
 * "depends on" has no promise yet, one tap to make one; a promise staff make for any household; delivery with a
 * photo, then the household's sign-off.
 */
export function PromisesPanel({ estateId, stairwells }: { estateId: number; stairwells: readonly { id: number; doorNumber: string }[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const q = useQuery(trpc.promises.ofEstate.queryOptions({ estateId }));
  const refresh = () => void client.invalidateQueries(trpc.promises.pathFilter());
  const make = useMutation(trpc.promises.make.mutationOptions({ onSuccess: refresh }));
  const deliver = useMutation(trpc.promises.deliver.mutationOptions({ onSuccess: refresh }));
  const signOff = useMutation(trpc.promises.signOff.mutationOptions({ onSuccess: refresh }));
  const [choice, setChoice] = useState<Record<string, { deliverer: Deliverer; dueStage: PipelineStage }>>({});
  const [fileError, setFileError] = useState<string | null>(null);
  if (!q.data) return null;
  const { today } = q.data;
  const list = [...q.data.promises].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const error = make.error ?? deliver.error ?? signOff.error;
  return (
    <section className="promises-panel" data-testid="promises-panel">
      <h2>{t('promises.title', { made: q.data.promises.length, kept: q.data.promises.filter((p) => p.deliveredOn).length, overdue: q.data.promises.filter((p) => p.overdue).length })}</h2>
      {q.data.candidates.length > 0 && (
        <>
          <h3>{t('promises.candidates')}</h3>
          <ul data-testid="promise-candidates">
            {q.data.candidates.map((c) => {
              const key = `${c.flatId}-${c.kind}`;
              const v = choice[key] ?? PROMISE_DEFAULTS[c.kind];
              return (
                <li key={key} data-flat={c.flatId} data-kind={c.kind}>
                  {c.doorNumber} {c.room} · {PROMISE_KIND_ZH[c.kind]}{' '}
                  <select name="deliverer" aria-label={t('promises.deliverer')} value={v.deliverer} onChange={(e) => setChoice({ ...choice, [key]: { ...v, deliverer: e.target.value as Deliverer } })}>
                    {DELIVERERS.map((d) => (
                      <option key={d} value={d}>
                        {DELIVERER_ZH[d]}
                      </option>
                    ))}
                  </select>{' '}
                  <select name="dueStage" aria-label={t('promises.dueStage')} value={v.dueStage} onChange={(e) => setChoice({ ...choice, [key]: { ...v, dueStage: e.target.value as PipelineStage } })}>
                    {PIPELINE_STAGES.slice(1).map((s) => (
                      <option key={s} value={s}>
                        {t('promises.by', { stage: STAGE_ZH[s] })}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="button" onClick={() => make.mutate({ flatId: c.flatId, kind: c.kind, deliverer: v.deliverer, dueStage: v.dueStage })}>
                    {t('promises.make')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <table className="promises">
        <tbody>
          {list.map((p) => (
            <tr key={p.id} data-promise={p.id} className={p.overdue ? 'overdue' : undefined}>
              <td>
                {p.doorNumber} {p.room}
              </td>
              <td>{PROMISE_KIND_ZH[p.kind]}</td>
              <td>{DELIVERER_ZH[p.deliverer]}</td>
              <td>{t('promises.by', { stage: STAGE_ZH[p.dueStage] })}</td>
              <td data-testid="promise-state">
                {p.deliveredOn ? t('promises.delivered', { on: p.deliveredOn }) : p.overdue ? t('promises.overdue') : t('promises.open')}
                {p.signedOffOn && ` · ${t('promises.signedOff', { on: p.signedOffOn })}`}
              </td>
              <td>
                {!p.deliveredOn && (
                  <label className="file-button">
                    {t('promises.deliver')}
                    <input
                      type="file"
                      name="deliveryPhoto"
                      accept="image/jpeg,image/png,image/webp"
                      onChange={(e) => {
                        const file = e.target.files?.[0];
                        if (!file) return;
                        setFileError(file.size > 1024 * 1024 ? t('promises.tooLarge') : null);
                        if (file.size > 1024 * 1024) return;
                        void base64Of(file).then((photo) => deliver.mutate({ promiseId: p.id, deliveredOn: today, photo }));
                      }}
                    />
                  </label>
                )}
                {p.deliveredOn && !p.signedOffOn && (
                  <button type="button" onClick={() => signOff.mutate({ promiseId: p.id, on: today })}>
                    {t('promises.signOff')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewPromiseForm stairwells={stairwells} />
      {fileError && <p role="alert">{fileError}</p>}
      {error && <p role="alert">{refusalText(error)}</p>}
    </section>
  );
}
