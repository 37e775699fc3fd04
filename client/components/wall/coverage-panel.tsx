import { useTranslation } from 'react-i18next';
import { COVERAGE_GAPS, COVERAGE_GAP_MARK, COVERAGE_GAP_ZH, type CoverageTotals } from '../../../geo/team/index.ts';

/**
 * 把支部建在梯上 on the wall: temporary branches, stairwells with their
 * 楼组长, a party member and a service team, and the key to the map's
 * badges (缺 楼·党·队). Counts only, never a name.
 */
export function CoveragePanel({ totals }: { totals: CoverageTotals }) {
  const { t } = useTranslation();
  const n = totals.stairwells;
  return (
    <section className="wall-card coverage" aria-label={t('coverage.title')} data-testid="coverage-panel">
      <p className="lifecycle-figures">
        <span>
          {t('coverage.branches')} <b>{totals.branches}</b>
        </span>
        <span>
          {t('coverage.leaders')} <b>{totals.withGroupLeader}</b>/{n}
        </span>
        <span>
          {t('coverage.party')} <b>{totals.withPartyMember}</b>/{n}
        </span>
        <span>
          {t('coverage.teams')} <b>{totals.withServiceTeam}</b>/{n}
        </span>
      </p>
      <p className="coverage-key">
        {COVERAGE_GAPS.map((g) => (
          <span key={g}>
            <b>{COVERAGE_GAP_MARK[g]}</b>={t(`coverage.gap.${g}`, { defaultValue: COVERAGE_GAP_ZH[g] })}
          </span>
        ))}
      </p>
    </section>
  );
}
