import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EstatePicker } from '../components/estate-picker.tsx';
import { LanguageToggle } from '../components/language-toggle.tsx';
import { LoadState } from '../components/load-state.tsx';
import { PlanTabs } from '../components/plan/plan-tabs.tsx';
import { ProgrammeGantt } from '../components/plan/programme-gantt.tsx';
import { OverduePromises } from '../components/plan/overdue-promises.tsx';
import { StaffOnly } from '../components/staff-only.tsx';
import { useChanges } from '../hooks/use-changes.ts';
import { useEstateMap } from '../hooks/use-estate-map.ts';
import { useTRPC } from '../trpc.ts';
import { refusalText } from '../hooks/use-problem-text.ts';

/** 施工计划: the adopted programme's planned bars against the recorded dates, with every late stairwell and every overdue promise to low floors named. */
export function ProgrammePage() {
  return (
    <StaffOnly>
      <ProgrammeView />
    </StaffOnly>
  );
}

function ProgrammeView() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const estate = useEstateMap();
  const estateId = estate.data?.estate.id;
  const q = useQuery({ ...trpc.plan.programme.queryOptions({ estateId: estateId ?? 0 }), enabled: estateId !== undefined });
  // A stage recorded in /admin moves the actual bars here.
  useChanges(estateId);
  if (!estate.data || q.isLoading) return <LoadState error={estate.error ?? q.error} refetch={estate.refetch} />;
  const p = q.data;
  const late = p ? p.sites.filter((s) => s.slipped).sort((a, b) => b.slipDays - a.slipDays) : [];
  return (
    <div className="programme-page">
      <header className="plan-header">
        <h1>{t('programme.title', { name: estate.data.estate.name })}</h1>
        <EstatePicker estates={estate.estates} current={estate.data.estate.id} />
        <PlanTabs current="programme" />
        <LanguageToggle />
      </header>
      {q.error && <p role="alert">{refusalText(q.error)}</p>}
      {!p ? (
        <p className="programme-none" data-testid="programme-none">
          {t('programme.none')}
        </p>
      ) : (
        <>
          <p className="programme-headline" data-testid="programme-headline">
            {t('programme.headline', { name: p.scenario.name, adopted: p.scenario.adoptedAt.slice(0, 10), today: p.today })} ·{' '}
            <strong className={p.slipped > 0 ? 'late' : 'ok'}>{p.slipped > 0 ? t('programme.slipped', { count: p.slipped, days: p.maxSlipDays }) : t('programme.noSlip')}</strong>
          </p>
          <p className="programme-key">
            <span className="key-planned" /> {t('programme.planned')} <span className="key-actual" /> {t('programme.actual')} <span className="key-ready" /> {t('programme.ready')} <span className="key-today" /> {t('programme.today')}
          </p>
          <ProgrammeGantt programme={p} />
          {late.length > 0 && (
            <section className="programme-late">
              <h2>{t('programme.list')}</h2>
              <table data-testid="programme-late">
                <thead>
                  <tr>
                    <th>{t('programme.door')}</th>
                    <th>{t('programme.phase')}</th>
                    <th>{t('programme.planned')}</th>
                    <th>{t('programme.actual')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {late.map((s) => (
                    <tr key={s.stairwellId} data-stairwell={s.stairwellId}>
                      <td>{s.doorNumber}</td>
                      <td>{s.phase + 1}</td>
                      <td>
                        {s.planned.start} – {s.planned.end}
                      </td>
                      <td>{s.actual.start ? `${s.actual.start} – ${s.actual.end ?? '…'}` : `${t('programme.ready')} ${s.readyDate ?? '—'}`}</td>
                      <td className="late">
                        {t(`programme.status.${s.status}`)} {t('programme.late', { days: s.slipDays })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
      <OverduePromises estateId={estate.data.estate.id} />
    </div>
  );
}
