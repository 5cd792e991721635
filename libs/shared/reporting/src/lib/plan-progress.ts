// Plan-of-action progress for the dashboard (issue 12, item 2): how the activities of endorsed plans stand
// by their latest reported status, how far each indicator has come from its baseline towards its target,
// and the budget spent against the plan. Pure (test/repo/pure-libraries.spec.ts).

/** One activity of an endorsed plan version: what it aims for. */
export interface PlannedActivity {
  readonly activityId: string;
  readonly baseline: number;
  readonly target: number;
}

/** One period's reported progress of one activity (plan_progress). */
export interface ReportedProgress {
  readonly activityId: string;
  readonly period: string;
  readonly indicatorValue: number | null;
  readonly status: string | null;
  readonly spent: number | null;
}

export const NOT_REPORTED = 'not_reported';
/** Indicator buckets: reached the target, at least half-way from the baseline, less than half-way, no value reported yet. */
export const INDICATOR_BUCKETS = ['reached', 'halfway', 'behind', NOT_REPORTED] as const;
export type IndicatorBucket = (typeof INDICATOR_BUCKETS)[number];

export interface PlanProgressSummary {
  readonly activities: number;
  /** Each activity under its latest reported status (a status code of `activity-status`), or `not_reported`. */
  readonly byStatus: Readonly<Record<string, number>>;
  readonly indicator: Readonly<Record<IndicatorBucket, number>>;
  /** What was reported spent, over every period (rupiah). */
  readonly spent: number;
}

/** Where one value stands between its baseline and its target. */
export function indicatorBucket(value: number | null, baseline: number, target: number): IndicatorBucket {
  if (value === null || !Number.isFinite(value)) return NOT_REPORTED;
  if (!Number.isFinite(baseline) || !Number.isFinite(target)) return NOT_REPORTED;
  // A target below the baseline (fewer cases, say) is reached by going down.
  const share = target === baseline ? (value >= target ? 1 : 0) : (value - baseline) / (target - baseline);
  if (share >= 1) return 'reached';
  if (share >= 0.5) return 'halfway';
  return 'behind';
}

/**
 * The summary of `activities` from `progress` (rows of other activities are ignored; a period compares
 * as text, so `2027-Q4` is later than `2027-Q1`): each activity counted once under its latest status and
 * its latest indicator value, the spending summed over its periods.
 */
export function summarisePlanProgress(activities: readonly PlannedActivity[], progress: readonly ReportedProgress[]): PlanProgressSummary {
  const byActivity = new Map<string, ReportedProgress[]>();
  const ids = new Set(activities.map((a) => a.activityId));
  let spent = 0;
  for (const p of progress) {
    if (!ids.has(p.activityId)) continue;
    const list = byActivity.get(p.activityId) ?? [];
    list.push(p);
    byActivity.set(p.activityId, list);
    if (typeof p.spent === 'number' && Number.isFinite(p.spent) && p.spent > 0) spent += p.spent;
  }
  const byStatus: Record<string, number> = {};
  const indicator: Record<IndicatorBucket, number> = { reached: 0, halfway: 0, behind: 0, not_reported: 0 };
  for (const a of activities) {
    const rows = [...(byActivity.get(a.activityId) ?? [])].sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0));
    const withStatus = rows.filter((r) => typeof r.status === 'string' && r.status !== '');
    const status = withStatus.at(-1)?.status ?? NOT_REPORTED;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    const withValue = rows.filter((r) => r.indicatorValue !== null);
    indicator[indicatorBucket(withValue.at(-1)?.indicatorValue ?? null, a.baseline, a.target)] += 1;
  }
  return { activities: activities.length, byStatus, indicator, spent };
}
