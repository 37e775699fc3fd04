import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/echart.tsx';
import { progressOption, type ProgressDay } from '../../charts/progress-option.ts';

/** Stairwells passed and flats signed per day since the campaign began. */
export function ProgressPanel({ days, className = 'wall-card progress' }: { days: readonly ProgressDay[]; className?: string }) {
  const { t } = useTranslation();
  const passed = t('headline.passed');
  const signed = t('headline.signed');
  const option = useCallback((u: number) => progressOption(days, { passed, signed }, u), [days, passed, signed]);
  return (
    <section className={className} aria-label={t('wall.progress')}>
      <h2>{t('wall.progress')}</h2>
      <EChart option={option} className="chart" testId="progress-chart" />
    </section>
  );
}
