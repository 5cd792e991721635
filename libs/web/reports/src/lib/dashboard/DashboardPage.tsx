import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { NATIONAL_CODE, Role, type ReportDashboardView } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { useJurisdictions, useReportDashboard } from '@gugus/web-data-access';
import { formatRupiah } from '@gugus/plan';
import { formatNumber, jakartaToday, useLanguage, type Language } from '@gugus/web-i18n';
import { EChart, Loading, PageHeader, SelectField, type ChartOption } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { ReportsTabs } from '../ReportsTabs';
import { ChartCard } from './ChartCard';
import { ExportButton } from './ExportButton';
import '../Reports.css';
import { CaveatsNote } from '../CaveatsNote';

/** The quarter that ended last (Jakarta) and the quarters of the last six years, newest first. */
function quarterOptions(): string[] {
  const [year, month] = jakartaToday().split('-').map(Number);
  let index = year * 4 + Math.floor((month - 1) / 3) - 1;
  const out: string[] = [];
  for (let i = 0; i < 24; i++, index--) out.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  return out;
}

const COLORS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#a16207'];

/**
 * `/laporan/dasbor?wilayah=00&dari=2026-Q1&sampai=2027-Q4`: the monitoring dashboard for the national
 * analyst (every province), a province's secretariat and chair (its regencies and cities). Every chart has
 * its table; every figure comes from accepted reports or the case records, with what it cannot show.
 */
export function DashboardPage() {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const grants = me?.grants ?? [];
  const national = grants.some((g) => g.jurisdictionCode === NATIONAL_CODE && (g.role === Role.NATIONAL_ANALYST || g.role === Role.SYSTEM_ADMIN));
  const ownProvinces = [...new Set(grants.filter((g) => g.role !== Role.AGENCY_OFFICER).map((g) => g.jurisdictionCode.split('.')[0]).filter((c) => c !== NATIONAL_CODE))];
  const provinces = useJurisdictions(national ? { level: 'province' } : undefined);
  const recent = useMemo(quarterOptions, []);
  const scope = params.get('wilayah') ?? (national ? NATIONAL_CODE : (ownProvinces[0] ?? NATIONAL_CODE));
  const to = params.get('sampai') ?? recent[0];
  const from = params.get('dari') ?? recent[7];
  // An older quarter asked for in the address stays selectable.
  const quarters = [...new Set([...recent, from, to])].sort().reverse();
  const dashboard = useReportDashboard({ jurisdictionCode: scope, from, to });
  const go = (next: Partial<Record<'wilayah' | 'dari' | 'sampai', string>>) => setParams(new URLSearchParams({ wilayah: scope, dari: from, sampai: to, ...next }), { replace: true });
  const scopes = national ? [{ code: NATIONAL_CODE, name: t('dashboard.national') }, ...(provinces.data ?? []).map((p) => ({ code: p.code, name: p.name }))] : ownProvinces.map((code) => ({ code, name: code }));
  const data = dashboard.data;
  return (
    <div className="gu-reports" data-testid="dashboard-page">
      <PageHeader title={t('dashboard.title')} intro={t('dashboard.intro')} />
      <ReportsTabs />
      <div className="gu-reports__filters gu-dashboard__filters">
        <SelectField label={t('dashboard.scope')} value={scope} onChange={(e) => go({ wilayah: e.target.value })} data-testid="dashboard-scope">
          {scopes.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('dashboard.from')} value={from} onChange={(e) => go({ dari: e.target.value })} data-testid="dashboard-from">
          {quarters.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('dashboard.to')} value={to} onChange={(e) => go({ sampai: e.target.value })} data-testid="dashboard-to">
          {quarters.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </SelectField>
      </div>
      <ExportButton query={{ jurisdictionCode: scope, from, to }} caseRecords={national} />
      {dashboard.error && <ApiErrorAlert error={dashboard.error} />}
      {dashboard.isLoading && !data && <Loading label={tc('loading')} />}
      {data && <Charts data={data} language={language} />}
      {data && <CaveatsNote caveats={data.caveats} testId="dashboard-caveats" />}
    </div>
  );
}

function Charts({ data, language }: { data: ReportDashboardView; language: Language }) {
  const { t } = useTranslation('reports');
  const n = (x: number | null) => (x === null ? '—' : formatNumber(x, language));
  const rupiah = (x: number, lang: Language) => formatRupiah(x)[lang];
  const unit = data.jurisdictionCode === NATIONAL_CODE ? t('dashboard.province') : t('dashboard.regency');
  const scopeName = data.jurisdictionCode === NATIONAL_CODE ? t('dashboard.nationalShort') : data.jurisdictionName;
  const byUnit = data.series.map((s) => ({ ...s, sum: s.values.reduce<number>((a, v) => a + (v ?? 0), 0), reported: s.values.filter((v) => v !== null).length })).sort((a, b) => b.sum - a.sum || a.code.localeCompare(b.code));
  const levelName = (level: string) => t(`periodic.levels.${level as 'regency'}`);
  const levels = (['regency', 'province', 'national'] as const).filter((l) => data.timeliness.rows.some((r) => r.level === l));
  const timely = levels.map((level) => {
    const rows = data.timeliness.rows.filter((r) => r.level === level);
    return { level, onTime: rows.filter((r) => r.onTime === true).length, late: rows.filter((r) => r.onTime === false).length, missing: rows.filter((r) => r.onTime === null).length };
  });
  // Axis numbers as the reader writes them (1.500 in Indonesian, 1,500 in English).
  const axisNumber = (v: number) => formatNumber(v, language);
  const options = useMemo(() => {
    const bar = (labels: string[], values: number[], color = COLORS[0], horizontal = false): ChartOption => ({
      color: [color],
      tooltip: { trigger: 'axis' },
      grid: { left: horizontal ? 150 : 48, right: 16, top: 16, bottom: horizontal ? 24 : 64, containLabel: false },
      [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: labels, inverse: horizontal, axisLabel: { interval: 0, rotate: horizontal ? 0 : 30, width: 140, overflow: 'truncate' } },
      [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1, axisLabel: { formatter: axisNumber } },
      series: [{ type: 'bar', data: values }],
    });
    return {
      overTime: {
        color: [COLORS[0]],
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 16, top: 16, bottom: 32 },
        xAxis: { type: 'category', data: data.periods },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: axisNumber } },
        series: [{ type: 'line', name: t('dashboard.victims'), data: data.totals, connectNulls: false, symbolSize: 8 }],
      } as ChartOption,
      byUnit: bar(byUnit.map((u) => u.name), byUnit.map((u) => u.sum), COLORS[0], true),
      breakdowns: data.breakdowns.map((b, i) => bar(b.items.map((x) => x.label[language]), b.items.map((x) => x.count), COLORS[(i + 1) % COLORS.length])),
      referrals: bar(data.referrals.byStatus.map((s) => s.label[language]), data.referrals.byStatus.map((s) => s.count), COLORS[2]),
      reviewTimes: bar(data.reviewTimes.map((r) => levelName(r.level)), data.reviewTimes.map((r) => r.medianDays ?? 0), COLORS[3]),
      planStatus: bar(data.plans.byStatus.map((s) => s.label[language]), data.plans.byStatus.map((s) => s.count), COLORS[5]),
      planIndicator: bar(data.plans.indicator.map((s) => s.label[language]), data.plans.indicator.map((s) => s.count), COLORS[6]),
      timeliness: {
        color: ['#047857', '#b45309', '#9ca3af'],
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: timely.map((x) => levelName(x.level)) },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: axisNumber } },
        series: [
          { type: 'bar', stack: 'all', name: t('periodic.onTime'), data: timely.map((x) => x.onTime) },
          { type: 'bar', stack: 'all', name: t('periodic.late'), data: timely.map((x) => x.late) },
          { type: 'bar', stack: 'all', name: t('periodic.notSubmitted'), data: timely.map((x) => x.missing) },
        ],
      } as ChartOption,
    };
    // The options are rebuilt when the figures or the language change.
  }, [data, language]);
  return (
    <div className="gu-dashboard">
      <ChartCard
        testId="chart-over-time"
        title={t('dashboard.overTime', { name: scopeName })}
        chart={<EChart option={options.overTime} label={t('dashboard.overTime', { name: scopeName })} testId="chart-over-time-svg" />}
        table={
          <SimpleTable caption={t('dashboard.overTime', { name: scopeName })} head={[t('periodic.period'), t('dashboard.victims')]} rows={data.periods.map((p, i) => [p, n(data.totals[i])])} />
        }
      />
      <ChartCard
        testId="chart-by-unit"
        title={t('dashboard.byUnit', { unit })}
        chart={<EChart option={options.byUnit} height={Math.max(320, byUnit.length * 22)} label={t('dashboard.byUnit', { unit })} />}
        table={
          <SimpleTable
            caption={t('dashboard.byUnit', { unit })}
            head={[unit, ...data.periods, t('dashboard.sum')]}
            rows={byUnit.map((u) => [`${u.name}${u.fromBelow.length ? ' *' : ''}`, ...u.values.map(n), n(u.sum)])}
            testId="by-unit-table"
          />
        }
        note={byUnit.some((u) => u.fromBelow.length) ? t('dashboard.fromBelow') : undefined}
      />
      <div className="gu-reports__grid">
        {data.breakdowns.map((b, i) => (
          <ChartCard
            key={b.key}
            testId={`chart-breakdown-${b.key}`}
            title={b.label[language]}
            chart={b.items.length ? <EChart option={options.breakdowns[i]} height={260} label={b.label[language]} /> : <p className="gu-reports__muted">{t('periodic.none')}</p>}
            table={<SimpleTable caption={b.label[language]} head={[t('figures.label'), t('figures.count')]} rows={b.items.map((x) => [x.label[language], n(x.count)])} />}
            note={b.multiValued ? t('figures.multiValued') : undefined}
          />
        ))}
      </div>
      <div className="gu-reports__grid">
        <ChartCard
          testId="chart-plan-status"
          title={t('dashboard.planStatus', { n: formatNumber(data.plans.activities, language), plans: formatNumber(data.plans.plans, language) })}
          chart={data.plans.activities ? <EChart option={options.planStatus} height={260} label={t('dashboard.planStatus', { n: data.plans.activities, plans: data.plans.plans })} /> : <p className="gu-reports__muted">{t('dashboard.noPlans')}</p>}
          table={
            <SimpleTable
              caption={t('dashboard.planUnits', { unit })}
              head={[unit, t('dashboard.planActivities'), t('dashboard.planCompleted'), t('dashboard.planDelayed'), t('dashboard.planNotReported'), t('dashboard.planBudget'), t('dashboard.planSpent')]}
              rows={data.plans.units.map((u) => [u.name, n(u.activities), n(u.completed), n(u.delayed), n(u.notReported), rupiah(u.plannedBudget, language), rupiah(u.spent, language)])}
              testId="plan-units-table"
            />
          }
          note={t('dashboard.planBudgetNote', { spent: rupiah(data.plans.spent, language), planned: rupiah(data.plans.plannedBudget, language), share: data.plans.plannedBudget ? formatNumber((data.plans.spent / data.plans.plannedBudget) * 100, language) : '—' })}
        />
        <ChartCard
          testId="chart-plan-indicator"
          title={t('dashboard.planIndicator')}
          chart={data.plans.activities ? <EChart option={options.planIndicator} height={260} label={t('dashboard.planIndicator')} /> : <p className="gu-reports__muted">{t('dashboard.noPlans')}</p>}
          table={<SimpleTable caption={t('dashboard.planIndicator')} head={[t('figures.label'), t('figures.count')]} rows={data.plans.indicator.map((x) => [x.label[language], n(x.count)])} />}
        />
      </div>
      <div className="gu-reports__grid">
        <ChartCard
          testId="chart-referrals"
          title={t('dashboard.referrals')}
          chart={data.referrals.byStatus.length ? <EChart option={options.referrals} height={260} label={t('dashboard.referrals')} /> : <p className="gu-reports__muted">{t('periodic.none')}</p>}
          table={<SimpleTable caption={t('dashboard.referrals')} head={[t('periodic.status'), t('figures.count')]} rows={data.referrals.byStatus.map((s) => [s.label[language], n(s.count)])} />}
          note={t('dashboard.responseTime', { days: data.referrals.medianResponseDays === null ? '—' : formatNumber(data.referrals.medianResponseDays, language), n: data.referrals.answered })}
        />
        <ChartCard
          testId="chart-review-times"
          title={t('dashboard.reviewTimes')}
          chart={<EChart option={options.reviewTimes} height={260} label={t('dashboard.reviewTimes')} />}
          table={<SimpleTable caption={t('dashboard.reviewTimes')} head={[t('periodic.level'), t('dashboard.medianDays'), t('dashboard.accepted')]} rows={data.reviewTimes.map((r) => [levelName(r.level), r.medianDays === null ? '—' : formatNumber(r.medianDays, language), n(r.accepted)])} />}
        />
        <ChartCard
          testId="chart-timeliness"
          title={t('dashboard.timeliness', { period: data.timeliness.period ?? '—' })}
          chart={<EChart option={options.timeliness} height={260} label={t('dashboard.timeliness', { period: data.timeliness.period ?? '—' })} />}
          table={
            <SimpleTable
              caption={t('dashboard.timelinessAll', { n: data.timeliness.rows.length })}
              head={[t('periodic.region'), t('periodic.level'), t('periodic.timeliness')]}
              rows={data.timeliness.rows.map((r) => [`${r.name} (${r.jurisdictionCode})`, levelName(r.level), r.onTime === true ? t('periodic.onTime') : r.onTime === false ? t('periodic.late') : t('periodic.notSubmitted')])}
              testId="timeliness-table"
            />
          }
        />
      </div>
    </div>
  );
}

function SimpleTable({ caption, head, rows, testId }: { caption: string; head: string[]; rows: string[][]; testId?: string }) {
  const { t } = useTranslation('reports');
  return (
    <div className="gu-dashboard__scroll">
      <table className="gu-reports__table" data-testid={testId}>
        <caption className="gu-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={`${h}-${i}`} scope="col" className={i > 0 ? 'gu-reports__count' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={head.length} className="gu-reports__muted">
                {t('periodic.none')}
              </td>
            </tr>
          )}
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j} className="gu-reports__count">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
