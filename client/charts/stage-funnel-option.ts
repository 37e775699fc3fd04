import { CHART_PALETTE, type ChartPalette, stageEntry } from '../../geo/palette/index.ts';
import { CAMPAIGN_STEPS, type CampaignStep } from '../../geo/campaign/index.ts';
import { CHART_FONT } from './chart-font.ts';
import type { ChartOption } from './echart.tsx';

/** How many stairwells stand at each step of the campaign count, first step on top, each bar in its map colour. */
export function stageFunnelOption(counts: Readonly<Record<CampaignStep, number>>, label: (step: CampaignStep) => string, u: number, C: ChartPalette = CHART_PALETTE): ChartOption {
  const stages = [...CAMPAIGN_STEPS];
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 7.2 * u, right: 2.4 * u, top: 0.2 * u, bottom: 0.2 * u },
    xAxis: { type: 'value', show: false, max: (v: { max: number }) => Math.max(1, v.max) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: stages.map(label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: C.text, fontSize: 0.76 * u, interval: 0 },
    },
    series: [
      {
        type: 'bar',
        barWidth: '68%',
        data: stages.map((s) => ({ value: counts[s] ?? 0, itemStyle: { color: stageEntry(s).color, borderRadius: 0.15 * u } })),
        label: { show: true, position: 'right', color: C.text, fontSize: 0.76 * u, fontWeight: 'bold' },
      },
    ],
  };
}
