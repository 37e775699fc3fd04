import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_STEPS } from '../../geo/campaign/index.ts';
import { DistrictMap } from '../components/district-map.tsx';
import { LoadState } from '../components/load-state.tsx';
import { chooseEstate } from '../estate-choice.ts';
import { useDistrictOverview } from '../hooks/use-district-overview.ts';
import '../styles/district.css';

const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (a: number, b: number) => (b ? Math.round((100 * a) / b) : 0);
/** The steps after confirmation, listed per estate when any stairwell stands there. */
const LATER_STEPS = CAMPAIGN_STEPS.filter((s) => s !== 'canvassing' && s !== 'rule_met' && s !== 'consent_passed');

/** 街道总览: every estate's progress side by side and on one map; choosing one switches every screen to it. */
export function DistrictPage() {
  const { t } = useTranslation();
  const overview = useDistrictOverview();
  const open = useCallback((id: number) => {
    chooseEstate(id, '/wall');
  }, []);
  if (!overview.data) return <LoadState error={overview.error} refetch={() => void overview.refetch()} />;
  const { estates, total } = overview.data;
  return (
    <div className="district">
      <header>
        <h1>{t('district.title')}</h1>
        <p data-testid="district-total">
          {t('district.total', { estates: estates.length, confirmed: fmt(total.campaign.confirmed), ruleMet: fmt(total.campaign.ruleMet), stairwells: fmt(total.campaign.total), signed: fmt(total.flatsSigned), flats: fmt(total.flatTotal) })}
        </p>
      </header>
      <DistrictMap overview={overview.data} onOpen={open} />
      <table className="district-table" data-testid="district-table">
        <thead>
          <tr>
            <th>{t('district.estate')}</th>
            <th>{t('headline.confirmed')}</th>
            <th>{t('step.rule_met')}</th>
            <th>{t('district.stages')}</th>
            <th>{t('headline.signed')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {estates.map((e) => (
            <tr key={e.id} data-estate={e.id}>
              <th>
                {e.name}
                {e.schematic ? ' · 示意' : ''}
              </th>
              <td>
                <b>{e.headline.campaign.confirmed}</b> / {e.headline.campaign.total}
                <span className="bar" style={{ width: `${pct(e.headline.campaign.confirmed, e.headline.campaign.total)}%` }} />
              </td>
              <td data-testid="district-rule-met">{e.headline.campaign.ruleMet}</td>
              <td className="district-steps" data-steps={JSON.stringify(e.headline.campaign.steps)}>
                {LATER_STEPS.filter((s) => e.headline.campaign.steps[s] > 0)
                  .map((s) => `${t(`step.${s}`)} ${e.headline.campaign.steps[s]}`)
                  .join(' · ') || '—'}
              </td>
              <td>
                <b>{fmt(e.headline.flatsSigned)}</b> / {fmt(e.headline.flatTotal)} ({pct(e.headline.flatsSigned, e.headline.flatTotal)}%)
              </td>
              <td>
                <button type="button" onClick={() => open(e.id)}>
                  {t('district.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
