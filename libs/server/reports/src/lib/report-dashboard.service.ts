import { Injectable } from '@nestjs/common';
import { ErrorCode, NATIONAL_CODE, type BilingualText, type LabelledCount, type ReportDashboardView, type ReportFigures } from '@gugus/contracts';
import { optionLabels } from '@gugus/forms';
import { INDICATOR_BUCKETS, isPeriod, NOT_REPORTED, onTime, periodDays, periodsBetween, previousQuarter, rollUp, summarisePlanProgress, sumFigures, type AcceptedReport } from '@gugus/reporting';
import { abilityFor, canOn, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { DomainError } from '@gugus/server-http';
import { CAVEATS } from './case-figures.service';
import { levelOf } from './periodic-report.activities';
import { PeriodicReportsRepository } from './periodic-reports.repository';
import { CATEGORY_LABELS as FIXED } from './report-labels';

const MAX_PERIODS = 40;
const invalid = (field: string, message: BilingualText) => new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field, message }] });
const PERIOD_MESSAGE = { id: 'harus triwulan seperti 2027-Q1 (tahun 2000–2100)', en: 'must be a quarter like 2027-Q1 (year 2000–2100)' };

const PLAN_LABELS: Record<string, BilingualText> = {
  not_reported: { id: 'Belum dilaporkan', en: 'Not reported yet' },
  reached: { id: 'Target tercapai', en: 'Target reached' },
  halfway: { id: 'Setengah jalan atau lebih', en: 'Half-way or more' },
  behind: { id: 'Kurang dari setengah jalan', en: 'Less than half-way' },
};
const STATUS: Record<string, BilingualText> = {
  sent: { id: 'Terkirim, belum dijawab', en: 'Sent, not answered' },
  accepted: { id: 'Diterima lembaga', en: 'Accepted by the agency' },
  declined: { id: 'Ditolak lembaga', en: 'Declined by the agency' },
  completed: { id: 'Layanan selesai', en: 'Service completed' },
  cancelled: { id: 'Berakhir dengan penutupan kasus', en: 'Ended with the case' },
};

/**
 * The scope and quarters a dashboard or an export covers, checked: the nation (00) or a province the
 * caller reads periodic reports of; `to` defaults to the quarter that ended last, `from` to seven before it.
 */
export function reportRange(user: AuthUser, query: { jurisdictionCode?: string; from?: string; to?: string }): { scope: string; from: string; to: string; periods: string[] } {
  const scope = query.jurisdictionCode ?? NATIONAL_CODE;
  if (scope !== NATIONAL_CODE && !/^\d{2}$/.test(scope)) throw invalid('jurisdictionCode', { id: 'harus 00 (nasional) atau kode provinsi (32)', en: 'must be 00 (national) or a province code (32)' });
  if (!canOn(abilityFor(user.grants), 'read', 'PeriodicReport', { jurisdictionCode: scope })) throw new DomainError(ErrorCode.FORBIDDEN, { id: 'Laporan wilayah ini bukan untuk peran Anda.', en: 'This region’s reports are not for your role.' });
  const to = query.to ?? previousQuarter(Date.now());
  if (!isPeriod(to)) throw invalid('to', PERIOD_MESSAGE);
  const from = query.from ?? periodsBetween('2000-Q1', to).slice(-8)[0];
  if (!isPeriod(from)) throw invalid('from', PERIOD_MESSAGE);
  const periods = periodsBetween(from, to);
  if (!periods.length) throw invalid('to', { id: 'tidak boleh sebelum "from"', en: 'may not be before "from"' });
  if (periods.length > MAX_PERIODS) throw invalid('from', { id: `paling banyak ${MAX_PERIODS} triwulan sekaligus`, en: `at most ${MAX_PERIODS} quarters at once` });
  return { scope, from, to, periods };
}

/**
 * The monitoring dashboard (issue 12, item 2): identified victims over time for the nation (a series per
 * province) or a province (a series per regency/city), breakdowns over the range, referral outcomes and
 * response times, review-stage times, and the latest cycle's timeliness for every task force in scope —
 * from the accepted periodic reports and the case records, aggregates only. Read by the national analyst
 * (any scope) and a task force's administrators, secretariat and chair (their own); audited.
 */
@Injectable()
export class ReportDashboardService {
  constructor(
    private readonly reports: PeriodicReportsRepository,
    private readonly audit: AuditService,
  ) {}

  async view(user: AuthUser, query: { jurisdictionCode?: string; from?: string; to?: string }, requestId: string | null): Promise<ReportDashboardView> {
    const { scope, from, to, periods } = reportRange(user, query);
    const [accepted, units, names] = await Promise.all([this.reports.acceptedReports(from, to, scope === NATIONAL_CODE ? null : scope), this.reports.unitsOf(scope), this.reports.jurisdictionNames([scope])]);
    const { totals, series, range } = scope === NATIONAL_CODE ? this.national(accepted, units, periods) : this.province(scope, accepted, units, periods);
    const { from: day0 } = periodDays(from);
    const { until: dayN } = periodDays(to);
    const [referrals, reviewTimes, cycle] = await Promise.all([this.reports.referralFigures(scope, day0, dayN), this.reports.reviewTimes(scope, from, to), this.reports.latestCycleIn(from, to)]);
    const timeliness = cycle ? await this.reports.timelinessRows(cycle.id, scope) : [];
    const plans = await this.plans(scope, to, units, names);
    await this.audit.record({ actorId: user.personId, action: 'report_dashboard.read', targetType: 'report', targetId: `dashboard:${scope}:${from}:${to}`, jurisdictionCode: scope, requestId, purpose: 'report' });
    return {
      jurisdictionCode: scope,
      jurisdictionName: names.get(scope) ?? scope,
      from,
      to,
      periods,
      totals,
      series,
      breakdowns: breakdowns(range),
      referrals: { byStatus: referrals.byStatus.map((r) => ({ code: r.status, label: STATUS[r.status] ?? { id: r.status, en: r.status }, count: r.n })), medianResponseDays: referrals.medianResponseDays, answered: referrals.answered },
      reviewTimes,
      plans,
      timeliness: {
        period: cycle?.period ?? null,
        rows: timeliness.map((r) => ({ jurisdictionCode: r.jurisdictionCode, name: r.name, level: levelOf(r.jurisdictionCode), status: r.status ?? 'none', onTime: r.dueDate ? onTime(r.dueDate, r.firstSubmittedAt ? new Date(r.firstSubmittedAt).getTime() : null) : null })),
      },
      caveats: [...CAVEATS, { id: 'Angka berasal dari laporan yang sudah diterima; triwulan tanpa laporan diterima kosong, bukan nol.', en: 'Figures come from accepted reports; a quarter with no accepted report is blank, not zero.' }],
    };
  }

  /** Endorsed plans' progress up to `to`: the scope's summary, and per province (nation) or per plan's region (province). */
  private async plans(scope: string, to: string, units: { code: string; name: string }[], names: Map<string, string>): Promise<ReportDashboardView['plans']> {
    const { plans, progress } = await this.reports.planProgress(scope, to);
    const byPlan = new Map<string, typeof progress>();
    for (const p of progress) byPlan.set(p.planId, [...(byPlan.get(p.planId) ?? []), p]);
    const unitOf = (code: string) => (scope === NATIONAL_CODE ? code.split('.')[0] : code);
    const unitNames = new Map([...units.map((u) => [u.code, u.name] as const), ...names]);
    const all = summarisePlanProgress(plans.flatMap((p) => p.activities.map((a) => ({ ...a, activityId: `${p.id}/${a.activityId}` }))), progress.map((r) => ({ ...r, activityId: `${r.planId}/${r.activityId}` })));
    const rows = new Map<string, ReportDashboardView['plans']['units'][number]>();
    for (const plan of plans) {
      const s = summarisePlanProgress(plan.activities, byPlan.get(plan.id) ?? []);
      const code = unitOf(plan.jurisdictionCode);
      const row = rows.get(code) ?? { code, name: unitNames.get(code) ?? code, plans: 0, activities: 0, completed: 0, delayed: 0, notReported: 0, plannedBudget: 0, spent: 0 };
      rows.set(code, {
        ...row,
        plans: row.plans + 1,
        activities: row.activities + s.activities,
        completed: row.completed + (s.byStatus['completed'] ?? 0),
        delayed: row.delayed + (s.byStatus['delayed'] ?? 0) + (s.byStatus['postponed'] ?? 0),
        notReported: row.notReported + (s.byStatus[NOT_REPORTED] ?? 0),
        plannedBudget: row.plannedBudget + plan.budgetTotal,
        spent: row.spent + s.spent,
      });
    }
    const statusLabels = optionLabels('activity-status');
    const statusOrder = [...statusLabels.keys(), NOT_REPORTED];
    return {
      plans: plans.length,
      activities: all.activities,
      byStatus: statusOrder.filter((code) => all.byStatus[code]).map((code) => ({ code, label: statusLabels.get(code) ?? PLAN_LABELS[code] ?? { id: code, en: code }, count: all.byStatus[code] as number })),
      indicator: INDICATOR_BUCKETS.map((code) => ({ code, label: PLAN_LABELS[code] as BilingualText, count: all.indicator[code] })),
      plannedBudget: plans.reduce((n, p) => n + p.budgetTotal, 0),
      spent: all.spent,
      units: [...rows.values()].sort((a, b) => a.code.localeCompare(b.code)),
    };
  }

  /** The nation: each province's figures per period from the roll-up; the total is their sum. */
  private national(accepted: AcceptedReport[], provinces: { code: string; name: string }[], periods: string[]) {
    const r = rollUp(accepted);
    const series = provinces.map((p) => ({
      code: p.code,
      name: p.name,
      values: periods.map((period) => r.provinces[p.code]?.[period]?.figures.victims.total ?? null),
      fromBelow: periods.filter((period) => r.provinces[p.code]?.[period]?.source === 'regencies'),
    }));
    const totals = periods.map((period) => (r.national[period] && series.some((s) => s.values[periods.indexOf(period)] !== null) ? r.national[period].victims.total : null));
    return { totals, series, range: sumFigures(periods.map((period) => r.national[period]).filter((f): f is ReportFigures => !!f)) };
  }

  /** A province: each regency/city's accepted report per period; the total is the province's accepted report, else the sum of its regencies'. */
  private province(scope: string, accepted: AcceptedReport[], regencies: { code: string; name: string }[], periods: string[]) {
    const key = (code: string, period: string) => `${code}|${period}`;
    const byKey = new Map(accepted.map((a) => [key(a.jurisdictionCode, a.period), a.figures]));
    const series = regencies.map((u) => ({ code: u.code, name: u.name, values: periods.map((period) => byKey.get(key(u.code, period))?.victims.total ?? null), fromBelow: [] as string[] }));
    const perPeriod = periods.map((period) => byKey.get(key(scope, period)) ?? (regencies.some((u) => byKey.has(key(u.code, period))) ? sumFigures(regencies.map((u) => byKey.get(key(u.code, period))).filter((f): f is ReportFigures => !!f)) : null));
    return { totals: perPeriod.map((f) => f?.victims.total ?? null), series, range: sumFigures(perPeriod.filter((f): f is ReportFigures => !!f)) };
  }
}

function breakdowns(f: ReportFigures): ReportDashboardView['breakdowns'] {
  const fixed = (values: Record<string, number>, total: number): LabelledCount[] => {
    const items = Object.entries(values).map(([code, count]) => ({ code, label: FIXED[code] ?? { id: code, en: code }, count }));
    const rest = total - items.reduce((n, i) => n + i.count, 0);
    return rest > 0 ? [...items, { code: 'not_recorded', label: FIXED['not_recorded'], count: rest }] : items;
  };
  const categories = (rows: { category: string; count: number }[], list: string): LabelledCount[] => {
    const labels = optionLabels(list);
    // Only codes of the option list: a code field can never carry words out of a report.
    return rows.filter((r) => labels.has(r.category)).map((r) => ({ code: r.category, label: labels.get(r.category) as BilingualText, count: r.count })).sort((a, b) => b.count - a.count);
  };
  const v = f.victims;
  return [
    { key: 'sex', label: { id: 'Jenis kelamin', en: 'Sex' }, items: fixed(v.bySex, v.total), multiValued: false },
    { key: 'age', label: { id: 'Kelompok usia', en: 'Age group' }, items: fixed(v.byAgeGroup, v.total), multiValued: false },
    { key: 'nationality', label: { id: 'Kewarganegaraan', en: 'Nationality' }, items: fixed(v.byNationality, v.total), multiValued: false },
    { key: 'scope', label: { id: 'Dalam negeri atau lintas negara', en: 'Internal or international' }, items: fixed(v.byScope, v.total), multiValued: false },
    { key: 'exploitation', label: { id: 'Bentuk eksploitasi', en: 'Exploitation type' }, items: categories(v.byExploitationType, 'exploitation-types'), multiValued: true },
    { key: 'sector', label: { id: 'Sektor', en: 'Sector' }, items: categories(v.bySector, 'exploitation-sectors'), multiValued: true },
    { key: 'source', label: { id: 'Sumber rujukan', en: 'Referral source' }, items: categories(v.byReferralSource, 'referral-sources'), multiValued: false },
  ];
}
