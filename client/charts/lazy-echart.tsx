import { lazy, Suspense } from 'react';
import { afterFirstMap } from '../map/first-drawn.ts';
import type { ChartOption } from './echart.tsx';

/** ECharts (170 KiB gzip) is fetched once the map is drawn, or after 1.5 s on a page without one. */
const Chart = lazy(() => afterFirstMap(1500).then(() => import('./echart.tsx').then((m) => ({ default: m.EChart }))));

/** EChart (echart.tsx) with its library loaded after the map: its box holds the place meanwhile (marked data-chart-pending, which exports wait for). */
export function EChart(props: { option: (unitPx: number, widthPx: number, heightPx: number) => ChartOption; className?: string; testId?: string }) {
  return (
    <Suspense fallback={<div className={props.className} data-chart-pending="" />}>
      <Chart {...props} />
    </Suspense>
  );
}
