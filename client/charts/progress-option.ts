import { CHART_PALETTE, type ChartPalette } from '../../geo/palette/index.ts';
import { CHART_FONT } from './chart-font.ts';
import type { ChartOption } from './echart.tsx';

export interface ProgressDay {
  date: string;
  stairwellsConfirmed: number;
  stairwellsRuleMet: number;
  flatsSigned: number;
}

/** Steps an axis may count in: 1, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten. */
const STEPS = [1, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * An axis from 0 in `intervals` equal steps whose top tick is at or above `max`, so a line never runs above the
 * last labelled value and two axes with the same number of steps share their grid lines.
 */
export function niceAxis(max: number, intervals = 4): { max: number; interval: number } {
  const raw = Math.max(1, max) / intervals;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.map((m) => m * power).find((s) => s >= raw && Number.isInteger(s)) ?? Math.ceil(raw);
  return { max: step * intervals, interval: step };
}

/**
 * Stairwells confirmed and stairwells meeting the rule unconfirmed (left axis) and flats signed (right axis) at the end of
 * each campaign day. `u` is the screen's type unit in pixels; `C` the dark palette, or the light one on paper.
 */
export function progressOption(
  days: readonly ProgressDay[],
  labels: { confirmed: string; ruleMet: string; signed: string; stairwellAxis: string; flatAxis: string },
  u: number,
  C: ChartPalette = CHART_PALETTE,
  widthPx = Infinity,
  heightPx = Infinity,
): ChartOption {
  // The legend wraps when its words are longer than the chart is wide (English): the plot starts below its lines.
  const textWidth = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.56) * u, 0);
  const legendWidth = [labels.confirmed, labels.ruleMet, labels.signed].reduce((w, s) => w + textWidth(s) + 2.4 * u, 0);
  const legendLines = Math.max(1, Math.ceil(legendWidth / Math.max(1, widthPx)));
  const axisText = { color: C.muted, fontSize: u };
  const top = (1.4 * legendLines + 2.2) * u;
  // As many steps as the plot has room for, up to 4, each label 1.8 units apart (a full side column squeezed 4 into 80 px, their labels overlapping).
  const plotHeight = heightPx - top - 0.2 * u - 1.6 * u;
  const intervals = Math.min(4, Math.max(1, Math.floor(plotHeight / (1.8 * u))));
  const left = niceAxis(Math.max(0, ...days.map((d) => Math.max(d.stairwellsConfirmed, d.stairwellsRuleMet))), intervals);
  const right = niceAxis(Math.max(0, ...days.map((d) => d.flatsSigned)), intervals);
  // Each axis says what it counts, in the colour of what it counts on the right (the one area).
  const axisName = (name: string, color: string, align: 'left' | 'right') => ({
    name,
    nameLocation: 'end' as const,
    nameGap: 0.5 * u,
    nameTextStyle: { color, fontSize: u, align },
  });
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
    grid: { left: 0.4 * u, right: 0.4 * u, top, bottom: 0.2 * u, containLabel: true },
    legend: { top: 0.15 * u, left: 0.1 * u, itemGap: 1 * u, itemWidth: 1.2 * u, itemHeight: 0.5 * u, textStyle: { color: C.text, fontSize: u } },
    xAxis: {
      type: 'category',
      data: days.map((d) => d.date.slice(5)),
      boundaryGap: false,
      axisLabel: { ...axisText, interval: Math.max(0, Math.ceil(days.length / 5) - 1) },
      axisLine: { lineStyle: { color: C.grid } },
    },
    yAxis: [
      { type: 'value', min: 0, ...left, axisLabel: axisText, splitLine: { lineStyle: { color: C.grid } }, ...axisName(labels.stairwellAxis, C.muted, 'left') },
      { type: 'value', min: 0, ...right, axisLabel: { ...axisText, color: C.signed }, splitLine: { show: false }, ...axisName(labels.flatAxis, C.signed, 'right') },
    ],
    series: [
      line(labels.confirmed, C.confirmed, days.map((d) => d.stairwellsConfirmed), 0, false),
      line(labels.ruleMet, C.ruleMet, days.map((d) => d.stairwellsRuleMet), 0, false),
      line(labels.signed, C.signed, days.map((d) => d.flatsSigned), 1, true),
    ],
  };
}
