import { CHART_PALETTE, type ChartPalette } from '../../geo/palette/index.ts';
import { CHART_FONT } from './chart-font.ts';
import type { ChartOption } from './echart.tsx';

export interface ProgressDay {
  date: string;
  stairwellsConfirmed: number;
  stairwellsRuleMet: number;
  flatsSigned: number;
}

/**
 * Stairwells confirmed and stairwells meeting the rule unconfirmed (left axis) and flats signed (right axis) at the end of
 * each campaign day. `u` is the screen's type unit in pixels; `C` the dark palette, or the light one on paper.
 */
export function progressOption(days: readonly ProgressDay[], labels: { confirmed: string; ruleMet: string; signed: string }, u: number, C: ChartPalette = CHART_PALETTE): ChartOption {
  const axisText = { color: C.muted, fontSize: 0.8 * u };
  const line = (name: string, color: string, data: number[], yAxisIndex: number, area: boolean) => ({
    name,
    type: 'line',
    yAxisIndex,
    data,
    // A line needs two days; a campaign's first day (a register just imported) shows as dots.
    showSymbol: days.length < 2,
    symbolSize: 0.6 * u,
    lineStyle: { color, width: Math.max(2, 0.18 * u) },
    itemStyle: { color },
    areaStyle: area ? { color, opacity: 0.18 } : undefined,
  });
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 2.4 * u, right: 3.2 * u, top: 2 * u, bottom: 1.5 * u },
    legend: { top: 0.2 * u, left: 0, itemGap: 1.5 * u, itemWidth: 1.2 * u, itemHeight: 0.5 * u, textStyle: { color: C.text, fontSize: 0.85 * u } },
    xAxis: {
      type: 'category',
      data: days.map((d) => d.date.slice(5)),
      boundaryGap: false,
      axisLabel: { ...axisText, interval: Math.max(0, Math.ceil(days.length / 5) - 1) },
      axisLine: { lineStyle: { color: C.grid } },
    },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: axisText, splitLine: { lineStyle: { color: C.grid } } },
      { type: 'value', minInterval: 1, axisLabel: axisText, splitLine: { show: false } },
    ],
    series: [
      line(labels.confirmed, C.confirmed, days.map((d) => d.stairwellsConfirmed), 0, false),
      line(labels.ruleMet, C.ruleMet, days.map((d) => d.stairwellsRuleMet), 0, false),
      line(labels.signed, C.signed, days.map((d) => d.flatsSigned), 1, true),
    ],
  };
}
