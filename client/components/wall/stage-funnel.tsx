import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../geo/stages/stages.ts';
import type { StairwellProperties } from '../../../server/queries/stairwell-properties.ts';
import { EChart } from '../../charts/echart.tsx';
import { stageFunnelOption } from '../../charts/stage-funnel-option.ts';

/** How many stairwells stand at each stage (SPEC §4), from canvassing to a lift in service. */
export function StageFunnel({ stairwells, className = 'wall-card funnel' }: { stairwells: readonly StairwellProperties[]; className?: string }) {
  const { t } = useTranslation();
  const counts = useMemo(() => {
    const c: Partial<Record<Stage, number>> = {};
    for (const s of stairwells) c[s.stage] = (c[s.stage] ?? 0) + 1;
    return c;
  }, [stairwells]);
  const option = useCallback((u: number) => stageFunnelOption(counts, (s) => t(`stage.${s}`), u), [counts, t]);
  return (
    <section className={className} aria-label={t('wall.funnel')} data-counts={JSON.stringify(counts)} data-testid="stage-funnel">
      <h2>{t('wall.funnel')}</h2>
      <EChart option={option} className="chart" />
    </section>
  );
}
