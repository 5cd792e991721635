import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Apache ECharts, only the parts the dashboard draws (bars and lines, as SVG: sharp when printed), loaded
// with the dashboard page alone.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** One chart. `label` names it for screen readers; every chart has a table view beside it (ChartCard). */
export function EChart({ option, height = 320, label, testId }: { option: ChartOption; height?: number; label: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({ aria: { enabled: true }, animation: false, ...option });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ height, width: '100%' }} role="img" aria-label={label} data-testid={testId} />;
}

export default EChart;
