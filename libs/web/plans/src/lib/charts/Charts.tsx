import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLanguage } from '@gugus/web-i18n';
import { decimal, rupiah, rupiahShort } from '../format';
import { niceCeil, wrapWords } from './scale';

// The theme's colours (libs/web/ui theme.css), as SVG fills: primary, its soft tint, the accent, muted text.
const PRIMARY = '#17426e';
const SOFT = '#8fb0d3';
const ACCENT = '#b3202a';
const UP = '#176b3a';
const MUTED = '#4f5b6b';
const AXIS = { fontSize: 12, fill: MUTED };

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

function WrappedTick({ x = 0, y = 0, payload }: TickProps) {
  const lines = wrapWords(String(payload?.value ?? ''), 20).slice(0, 3);
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="end" fontSize={12} fill={MUTED}>
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x) - 4} dy={i === 0 ? `${0.35 - (lines.length - 1) * 0.55}em` : '1.1em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

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
  return (
    <div className="gu-plans__chart" data-testid={testId} role="img" aria-label={`${a} / ${b}`}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} barGap={2}>
          <CartesianGrid horizontal={false} stroke="#d6dce4" />
          <XAxis type="number" tick={AXIS} tickFormatter={(v: number) => formatTick(v)} />
          <YAxis type="category" dataKey="name" width={150} tick={<WrappedTick />} interval={0} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : String(v ?? ''))} />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <Bar dataKey="a" name={a} fill={PRIMARY} isAnimationActive={false} />
          {withB && <Bar dataKey="b" name={b} fill={SOFT} isAnimationActive={false} />}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Budget per section against what has been allocated to it. */
export function BudgetChart({ rows }: { rows: { name: string; budget: number; allocated: number }[] }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  return (
    <PairedBars
      rows={rows.map((r) => ({ name: r.name, a: r.budget, b: r.allocated }))}
      a={t('charts.budget')}
      b={t('charts.allocated')}
      format={(v) => rupiah(v, language)}
      formatTick={(v) => rupiahShort(v, language)}
      testId="chart-budget"
    />
  );
}

/** Working days per stage against the settings' target for it. */
export function StageDaysChart({ rows }: { rows: { name: string; days: number; target: number | null }[] }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  return <PairedBars rows={rows.map((r) => ({ name: r.name, a: r.days, b: r.target }))} a={t('charts.workingDays')} b={t('charts.target')} format={(v) => decimal(v, language)} testId="chart-stage-days" />;
}

export interface ProgressSeries {
  /** Reporting periods in order, e.g. `2028-Q1`, with their labels. */
  periods: { period: string; label: string; indicator: number | null; spentToDate: number | null }[];
  baseline: number;
  target: number;
  budget: number;
  unit: string;
}

/** One activity's quarterly progress: the indicator against its target, and spending to date against its budget. */
export function ProgressCharts({ series }: { series: ProgressSeries }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const data = series.periods;
  return (
    <div className="gu-plans__charts-pair">
      <figure className="gu-plans__figure">
        <figcaption>{t('charts.indicatorTitle', { unit: series.unit })}</figcaption>
        <div className="gu-plans__chart" data-testid="chart-indicator" role="img" aria-label={t('charts.indicatorTitle', { unit: series.unit })}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid vertical={false} stroke="#d6dce4" />
              <XAxis dataKey="label" tick={AXIS} />
              <YAxis tick={AXIS} width={56} domain={[0, (top: number) => niceCeil(Math.max(top, series.target))]} tickFormatter={(v: number) => decimal(v, language)} />
              <Tooltip formatter={(v) => (typeof v === 'number' ? decimal(v, language) : String(v ?? ''))} />
              <Bar dataKey="indicator" name={t('charts.indicator')} fill={PRIMARY} isAnimationActive={false} />
              <ReferenceLine y={series.target} stroke={UP} strokeDasharray="6 3" label={{ value: t('charts.targetLine', { value: decimal(series.target, language) }), position: 'insideTopRight', fill: UP, fontSize: 12 }} />
              {series.baseline > 0 && <ReferenceLine y={series.baseline} stroke={MUTED} strokeDasharray="2 3" label={{ value: t('charts.baselineLine'), position: 'insideBottomRight', fill: MUTED, fontSize: 12 }} />}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="gu-plans__figure">
        <figcaption>{t('charts.spendingTitle')}</figcaption>
        <div className="gu-plans__chart" data-testid="chart-spending" role="img" aria-label={t('charts.spendingTitle')}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid vertical={false} stroke="#d6dce4" />
              <XAxis dataKey="label" tick={AXIS} />
              <YAxis tick={AXIS} width={72} domain={[0, (top: number) => niceCeil(Math.max(top, series.budget))]} tickFormatter={(v: number) => rupiahShort(v, language)} />
              <Tooltip formatter={(v) => (typeof v === 'number' ? rupiah(v, language) : String(v ?? ''))} />
              <Bar dataKey="spentToDate" name={t('charts.spentToDate')} fill={ACCENT} isAnimationActive={false} />
              <ReferenceLine y={series.budget} stroke={PRIMARY} strokeDasharray="6 3" label={{ value: t('charts.budgetLine'), position: 'insideTopRight', fill: PRIMARY, fontSize: 12 }} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
