import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DELIVERER_ZH, PROMISE_KIND_ZH } from '../../../geo/register/index.ts';
import { STAGE_EN, STAGE_ZH } from '../../../geo/stages/index.ts';
import { useTRPC } from '../../trpc.ts';

/**
 * The promises to low floors the programme has let slip: each stairwell that
 * has reached the stage a promise was due by while it is not delivered, with
 * what, who delivers it and by when. Door numbers only, no room or household.
 */
export function OverduePromises({ estateId }: { estateId: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const q = useQuery(trpc.promises.ofEstate.queryOptions({ estateId }));
  if (!q.data) return null;
  const late = q.data.promises.filter((p) => p.overdue);
  const stage = (s: keyof typeof STAGE_ZH) => (i18n.language === 'en' ? STAGE_EN[s] : STAGE_ZH[s]);
  return (
    <section className="programme-late" data-testid="programme-promises">
      <h2>{late.length ? t('programme.promisesLate', { count: late.length }) : t('programme.promisesNone')}</h2>
      {late.length > 0 && (
        <>
          <p className="hint">{t('programme.promisesHint')}</p>
          <table>
            <thead>
              <tr>
                <th>{t('programme.door')}</th>
                <th>{t('programme.promise')}</th>
                <th>{t('programme.deliverer')}</th>
                <th>{t('programme.dueBy')}</th>
                <th>{t('programme.stageNow')}</th>
              </tr>
            </thead>
            <tbody>
              {late.map((p) => (
                <tr key={p.id} data-promise={p.id}>
                  <td>{p.doorNumber}</td>
                  <td>{PROMISE_KIND_ZH[p.kind]}</td>
                  <td>{DELIVERER_ZH[p.deliverer]}</td>
                  <td>{t('promises.by', { stage: stage(p.dueStage) })}</td>
                  <td className="late">{stage(p.stage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
