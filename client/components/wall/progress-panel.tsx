import { useCallback, useContext } from 'react';
import { CHART_PALETTE, LIGHT_CHART_PALETTE } from '../../../geo/palette/index.ts';
import { MapThemeContext } from '../../map/map-theme.ts';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/lazy-echart.tsx';
import { progressOption, type ProgressDay } from '../../charts/progress-option.ts';

/** Stairwells confirmed, stairwells meeting the rule unconfirmed, and flats signed per day since the campaign began. */
export function ProgressPanel({ days, className = 'wall-card progress' }: { days: readonly ProgressDay[]; className?: string }) {
  const { t } = useTranslation();
  const confirmed = t('step.consent_passed');
  const ruleMet = t('step.rule_met');
  const signed = t('headline.signed');
  const stairwellAxis = t('wall.stairwellAxis');
  const flatAxis = t('wall.flatAxis');
  // Dark on the wall and the slides, light on paper (the printed deck).
  const palette = useContext(MapThemeContext) === 'light' ? LIGHT_CHART_PALETTE : CHART_PALETTE;
  const option = useCallback((u: number, width: number, height: number) => progressOption(days, { confirmed, ruleMet, signed, stairwellAxis, flatAxis }, u, palette, width, height), [days, confirmed, ruleMet, signed, stairwellAxis, flatAxis, palette]);
  return (
    <section className={className} aria-label={t('wall.progress')}>
      <h2>{t('wall.progress')}</h2>
      <EChart option={option} className="chart" testId="progress-chart" />
    </section>
  );
}
