import { lazy, Suspense } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import './EChart.css';

/** An ECharts option (https://echarts.apache.org/en/option.html) for the series and components the app registers. */
export type ChartOption = EChartsCoreOption;

export interface EChartProps {
  option: ChartOption;
  /** In CSS pixels; the width follows the container. */
  height?: number;
  /** What the chart shows, for screen readers; every chart also has a table view beside it. */
  label: string;
  testId?: string;
}

const EChartCanvas = lazy(() => import('./EChartCanvas'));

/**
 * One chart (Apache ECharts, SVG). ECharts is loaded with the first chart on a page; until then the chart's
 * place is kept, so the page does not jump.
 */
export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<div className="gu-chart" style={{ height: props.height ?? 320 }} aria-busy="true" />}>
      <EChartCanvas {...props} />
    </Suspense>
  );
}
