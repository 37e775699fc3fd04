import { useCallback, useContext } from 'react';
import { CHART_PALETTE, LIGHT_CHART_PALETTE } from '../../../geo/palette/index.ts';
import { MapThemeContext } from '../../map/map-theme.ts';
import { useTranslation } from 'react-i18next';
import type { CampaignCounts } from '../../../geo/campaign/index.ts';
import { EChart } from '../../charts/lazy-echart.tsx';
import { stageFunnelOption } from '../../charts/stage-funnel-option.ts';

/**
 * How many stairwells stand at each step (SPEC §4), from canvassing through
 * 已达标 and 征询通过 to a lift in service: the same count as the headline.
 */
export function StageFunnel({ counts, className = 'wall-card funnel' }: { counts: CampaignCounts; className?: string }) {
  const { t } = useTranslation();
  const palette = useContext(MapThemeContext) === 'light' ? LIGHT_CHART_PALETTE : CHART_PALETTE;
  const option = useCallback((u: number) => stageFunnelOption(counts.steps, (s) => t(`step.${s}`), u, palette), [counts, t, palette]);
  return (
    <section className={className} aria-label={t('wall.funnel')} data-counts={JSON.stringify(counts.steps)} data-testid="stage-funnel">
      <h2>{t('wall.funnel')}</h2>
      <EChart option={option} className="chart" />
    </section>
  );
}
