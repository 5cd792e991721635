import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@gugus/web-i18n';
import { EChart, type ChartOption } from '@gugus/web-ui';
import { decimal, rupiah, rupiahShort } from '../format';
import { niceCeil, wrapWords } from './scale';

// The theme's colours (libs/web/ui theme.css), as SVG fills: primary, its soft tint, the accent, muted text.
const PRIMARY = '#17426e';
const SOFT = '#8fb0d3';
const ACCENT = '#b3202a';
const UP = '#176b3a';
const MUTED = '#4f5b6b';
const GRID_LINE = { lineStyle: { color: '#d6dce4' } };
const AXIS_LABEL = { fontSize: 12, color: MUTED };

const tooltipValue = (format: (value: number) => string) => (value: unknown) => (typeof value === 'number' ? format(value) : String(value ?? ''));

/** One bar per category, two series (e.g. actual against target), laid out horizontally so long names fit a phone. */
interface PairedBarsProps {
  rows: { name: string; a: number; b: number | null }[];
  a: string;
  b: string;
  format: (value: number) => string;
  /** For the axis's ticks, where the full figure does not fit. */
  formatTick?: (value: number) => string;
  testId: string;
}

function PairedBars({ rows, a, b, format, formatTick = format, testId }: PairedBarsProps) {
  // A series without a single value (e.g. no targets for means) is left out, legend included.
  const withB = rows.some((r) => r.b !== null);
  const height = Math.max(160, rows.length * (withB ? 56 : 40) + 60);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { top: 32, right: 16, bottom: 8, left: 8, containLabel: true },
      legend: { top: 0, textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipValue(format) },
      xAxis: { type: 'value', axisLabel: { ...AXIS_LABEL, formatter: (v: number) => formatTick(v) }, splitLine: GRID_LINE },
      // The first row on top, as in the table; long names on up to three lines.
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { ...AXIS_LABEL, interval: 0, lineHeight: 15, formatter: (v: string) => wrapWords(v, 20).slice(0, 3).join('\n') } },
      series: [
        { type: 'bar', name: a, data: rows.map((r) => r.a), itemStyle: { color: PRIMARY } },
        ...(withB ? [{ type: 'bar', name: b, data: rows.map((r) => r.b), itemStyle: { color: SOFT } }] : []),
      ],
    }),
    [rows, a, b, withB, format, formatTick],
  );
  return (
    <div className="gu-plans__chart">
      <EChart option={option} height={height} label={`${a} / ${b}`} testId={testId} />
    </div>
  );
}

/** Budget per section against what has been allocated to it. */
export function BudgetChart({ rows }: { rows: { name: string; budget: number; allocated: number }[] }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const paired = useMemo(() => rows.map((r) => ({ name: r.name, a: r.budget, b: r.allocated })), [rows]);
  const format = useMemo(() => (v: number) => rupiah(v, language), [language]);
  const formatTick = useMemo(() => (v: number) => rupiahShort(v, language), [language]);
  return <PairedBars rows={paired} a={t('charts.budget')} b={t('charts.allocated')} format={format} formatTick={formatTick} testId="chart-budget" />;
}

/** Working days per stage against the settings' target for it. */
export function StageDaysChart({ rows }: { rows: { name: string; days: number; target: number | null }[] }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const paired = useMemo(() => rows.map((r) => ({ name: r.name, a: r.days, b: r.target })), [rows]);
  const format = useMemo(() => (v: number) => decimal(v, language), [language]);
  return <PairedBars rows={paired} a={t('charts.workingDays')} b={t('charts.target')} format={format} testId="chart-stage-days" />;
}

export interface ProgressSeries {
  /** Reporting periods in order, e.g. `2028-Q1`, with their labels. */
  periods: { period: string; label: string; indicator: number | null; spentToDate: number | null }[];
  baseline: number;
  target: number;
  budget: number;
  unit: string;
}

/** A reference line across the chart (a target, a baseline, a budget), labelled at its right end. */
const referenceLine = (yAxis: number, color: string, dash: number[], label: string, below = false) => ({
  // `yAxis` is a value on the axis (`y` would be a pixel position, and ECharts fails on it without a pair).
  yAxis,
  lineStyle: { color, type: dash, width: 1.5 },
  label: { formatter: label, position: below ? 'insideEndBottom' : 'insideEndTop', color, fontSize: 12 },
});

/** Bars per reporting period with reference lines; the axis reaches a round number above the highest line. */
function periodBars(labels: string[], name: string, values: (number | null)[], color: string, lines: ReturnType<typeof referenceLine>[], format: (v: number) => string, formatTick: (v: number) => string): ChartOption {
  const top = Math.max(0, ...values.map((v) => v ?? 0), ...lines.map((l) => l.yAxis));
  return {
    grid: { top: 16, right: 16, bottom: 8, left: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipValue(format) },
    xAxis: { type: 'category', data: labels, axisLabel: AXIS_LABEL },
    yAxis: { type: 'value', min: 0, max: niceCeil(top), axisLabel: { ...AXIS_LABEL, formatter: (v: number) => formatTick(v) }, splitLine: GRID_LINE },
    series: [{ type: 'bar', name, data: values, itemStyle: { color }, markLine: { silent: true, symbol: 'none', data: lines } }],
  };
}

/** One activity's quarterly progress: the indicator against its target, and spending to date against its budget. */
export function ProgressCharts({ series }: { series: ProgressSeries }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const indicatorTitle = t('charts.indicatorTitle', { unit: series.unit });
  const options = useMemo(() => {
    const labels = series.periods.map((p) => p.label);
    const number = (v: number) => decimal(v, language);
    const money = (v: number) => rupiah(v, language);
    const moneyTick = (v: number) => rupiahShort(v, language);
    const indicatorLines = [referenceLine(series.target, UP, [6, 3], t('charts.targetLine', { value: number(series.target) }))];
    if (series.baseline > 0) indicatorLines.push(referenceLine(series.baseline, MUTED, [2, 3], t('charts.baselineLine'), true));
    return {
      indicator: periodBars(labels, t('charts.indicator'), series.periods.map((p) => p.indicator), PRIMARY, indicatorLines, number, number),
      spending: periodBars(labels, t('charts.spentToDate'), series.periods.map((p) => p.spentToDate), ACCENT, [referenceLine(series.budget, PRIMARY, [6, 3], t('charts.budgetLine'))], money, moneyTick),
    };
  }, [series, language, t]);
  return (
    <div className="gu-plans__charts-pair">
      <figure className="gu-plans__figure">
        <figcaption>{indicatorTitle}</figcaption>
        <div className="gu-plans__chart">
          <EChart option={options.indicator} height={240} label={indicatorTitle} testId="chart-indicator" />
        </div>
      </figure>
      <figure className="gu-plans__figure">
        <figcaption>{t('charts.spendingTitle')}</figcaption>
        <div className="gu-plans__chart">
          <EChart option={options.spending} height={240} label={t('charts.spendingTitle')} testId="chart-spending" />
        </div>
      </figure>
    </div>
  );
}
