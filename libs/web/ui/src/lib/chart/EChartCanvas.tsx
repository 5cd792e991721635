import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartProps } from './EChart';

// Apache ECharts, only the parts the app draws (bars, lines, reference lines; as SVG: sharp when printed).
// This module is the chart chunk: it loads with the first chart a page shows, never with the app.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export default function EChartCanvas({ option, height = 320, label, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const instance = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  // A new option replaces the old one whole (no merge), on the same chart: no flicker when a page re-renders.
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
  }, [option]);
  // The label is ours (both languages, from the page); ECharts' own description would be English only.
  return <div ref={ref} className="gu-chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
