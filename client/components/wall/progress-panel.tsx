import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/lazy-echart.tsx';
import { progressOption, type ProgressDay } from '../../charts/progress-option.ts';

/** Stairwells confirmed, stairwells meeting the rule unconfirmed, and flats signed per day since the campaign began. */
export function ProgressPanel({ days, className = 'wall-card progress' }: { days: readonly ProgressDay[]; className?: string }) {
  const { t } = useTranslation();
  const confirmed = t('step.consent_passed');
  const ruleMet = t('step.rule_met');
  const signed = t('headline.signed');
  const option = useCallback((u: number) => progressOption(days, { confirmed, ruleMet, signed }, u), [days, confirmed, ruleMet, signed]);
  return (
    <section className={className} aria-label={t('wall.progress')}>
      <h2>{t('wall.progress')}</h2>
      <EChart option={option} className="chart" testId="progress-chart" />
    </section>
  );
}
