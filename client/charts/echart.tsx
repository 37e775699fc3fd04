import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkPointComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the wall and slides draw; SVG so exports stay sharp at any scale.
echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkPointComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * One ECharts chart filling its box. `option` gets the box's font size (the
 * wall's and slides' scale unit) so type grows with the screen, and its
 * width and height (a legend wraps, an axis keeps as many ticks as fit).
 */
export function EChart({ option, className, testId }: { option: (unitPx: number, widthPx: number, heightPx: number) => ChartOption; className?: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const build = useRef(option);
  useEffect(() => {
    build.current = option;
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    const unit = () => parseFloat(getComputedStyle(el).fontSize) || 16;
    const observer = new ResizeObserver(() => {
      instance.resize();
      instance.setOption(build.current(unit(), el.clientWidth, el.clientHeight), { notMerge: true });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const el = box.current;
    if (el && chart.current) chart.current.setOption(option(parseFloat(getComputedStyle(el).fontSize) || 16, el.clientWidth, el.clientHeight), { notMerge: true });
  }, [option]);

  return <div ref={box} className={className} data-testid={testId} />;
}
