import { useTranslation } from 'react-i18next';
import type { CoverageTotals } from '../../../geo/team/index.ts';

/**
 * 把支部建在梯上 on the wall, in one or two lines: temporary branches, and how
 * many stairwells lack a 楼组长, a party member or a service team (the map's
 * 缺 楼·党·队 badges, which these words explain). Counts only, never a name.
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
        <span className={totals.withGroupLeader < n ? 'gap' : ''}>
          {t('coverage.noLeader')} <b>{n - totals.withGroupLeader}</b>
        </span>
        <span className={totals.withPartyMember < n ? 'gap' : ''}>
          {t('coverage.noParty')} <b>{n - totals.withPartyMember}</b>
        </span>
        <span className={totals.withServiceTeam < n ? 'gap' : ''}>
          {t('coverage.noTeam')} <b>{n - totals.withServiceTeam}</b>
        </span>
      </p>
    </section>
  );
}
