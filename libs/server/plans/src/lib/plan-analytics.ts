import type { AgencyRef, PlanAnalytics, PlanAnalyticsHolder, PlanAnalyticsOverview, PlanSpanHolder, PlanStage, PlanStageSpan } from '@gugus/contracts';
import { isWorkingDay, jakartaDate, type HolidaySet } from '@gugus/server-calendar';

/**
 * The review analytics' arithmetic, kept pure (rows in, figures out) so it can be checked against a
 * known timeline without a database. Working days follow the calendar's rule everywhere: the day a
 * holder got the plan is not counted, the day it was handed on is.
 */

/** Stages where the plan is with several holders at once: one task per Sub-TF lead or per member agency. */
export const PARALLEL_STAGES: ReadonlySet<PlanStage> = new Set<PlanStage>(['drafting', 'member_comments', 'section_revision', 'legal_revision']);

/** The task that goes with a stage one holder holds (its span names the holder). */
const SINGLE_HOLDER_STEP: Partial<Record<PlanStage, string>> = { legal_review: 'legal-review', endorsement: 'decree' };

/** A task of the plan-of-action process, as the analytics read it (times on the process's clock). */
export interface PlanTaskTiming {
  planId: string;
  step: string;
  status: string;
  agencyId: string;
  role: string;
  /** The stage and round written into the task's context when it was opened (round absent for member comments). */
  stage: PlanStage | null;
  round: number | null;
  openedAt: Date;
  /** Decided or cancelled; null while open. */
  closedAt: Date | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Working days in the union of the periods `(from, to]` (Jakarta dates): a holder with two tasks open
 * at once (an agency leading two Sub-TFs) has each day counted once.
 */
export function workingDaysInUnion(periods: { from: Date; to: Date }[], holidays: HolidaySet): number {
  const days = new Set<number>();
  for (const p of periods) {
    const last = dayNumber(jakartaDate(p.to));
    for (let d = dayNumber(jakartaDate(p.from)) + 1; d <= last; d++) days.add(d);
  }
  let n = 0;
  for (const d of days) if (isWorkingDay(dateOf(d), holidays)) n++;
  return n;
}

/** The span the plan was in at `at` (the last one started by then). */
function spanAt(spans: PlanStageSpan[], at: Date): PlanStageSpan | undefined {
  let found: PlanStageSpan | undefined;
  for (const s of spans) if (Date.parse(s.startedAt) <= at.getTime()) found = s;
  return found;
}

/** Each agency's part of the parallel spans of one plan (tasks placed in the span they were opened in). */
export function withSpanHolders(spans: PlanStageSpan[], tasks: PlanTaskTiming[], names: Record<string, string>, holidays: HolidaySet, now: Date): PlanStageSpan[] {
  const bySpan = new Map<PlanStageSpan, PlanTaskTiming[]>();
  for (const t of tasks) {
    const span = spanAt(spans, t.openedAt);
    if (span && !span.holder && PARALLEL_STAGES.has(span.stage)) bySpan.set(span, [...(bySpan.get(span) ?? []), t]);
  }
  return spans.map((span) => {
    const mine = bySpan.get(span);
    if (!mine) return span;
    const groups = new Map<string, PlanTaskTiming[]>();
    for (const t of mine) groups.set(`${t.agencyId}|${t.role}|${t.step}`, [...(groups.get(`${t.agencyId}|${t.role}|${t.step}`) ?? []), t]);
    const holders: PlanSpanHolder[] = [...groups.values()].map((g) => ({
      agency: { id: g[0].agencyId, name: names[g[0].agencyId] ?? null },
      role: g[0].role,
      step: g[0].step,
      workingDays: workingDaysInUnion(g.map((t) => ({ from: t.openedAt, to: t.closedAt ?? now })), holidays),
      taskCount: g.length,
      open: g.some((t) => t.closedAt === null),
    }));
    return { ...span, holders: holders.sort((a, b) => (a.agency.name ?? '').localeCompare(b.agency.name ?? '') || a.step.localeCompare(b.step)) };
  });
}

/**
 * Time with each holder, per round and stage: the stage spans for the stages one holder holds (exact,
 * paused time excluded), the plan's own tasks for the parallel stages (one row per agency, role and step).
 * `spans` are the plan's, oldest first; `names` maps agency ids to names.
 */
export function holderRows(spans: PlanStageSpan[], tasks: PlanTaskTiming[], names: Record<string, string>, holidays: HolidaySet, now: Date): PlanAnalyticsHolder[] {
  const agencyRef = (id: string): AgencyRef => ({ id, name: names[id] ?? null });
  const placed = tasks.map((t) => {
    const span = spanAt(spans, t.openedAt);
    return { ...t, stage: t.stage ?? span?.stage ?? null, round: t.round ?? span?.round ?? 0 };
  });
  const parallel = placed.filter((t) => t.stage && PARALLEL_STAGES.has(t.stage));
  const covered = new Set(parallel.map((t) => `${t.round}|${t.stage}`));

  const rows = new Map<string, PlanAnalyticsHolder>();
  for (const s of spans) {
    // A parallel stage's span has no holder: its tasks say who held what (old plans without tasks keep the span's row).
    if (!s.holder && PARALLEL_STAGES.has(s.stage) && covered.has(`${s.round}|${s.stage}`)) continue;
    const step = SINGLE_HOLDER_STEP[s.stage] ?? null;
    const key = `${s.round}|${s.stage}|${s.holder?.agency?.id ?? ''}|${s.holder?.role ?? ''}`;
    const row = rows.get(key) ?? { round: s.round, stage: s.stage, agency: s.holder?.agency ?? null, role: s.holder?.role ?? '', step, workingDays: 0, taskCount: 0, open: false };
    row.workingDays += s.workingDays;
    row.open ||= s.endedAt === null;
    rows.set(key, row);
  }
  for (const row of rows.values()) {
    if (!row.step || !row.agency) continue;
    row.taskCount = placed.filter((t) => t.step === row.step && t.round === row.round && t.agencyId === row.agency?.id && t.role === row.role).length;
  }

  const groups = new Map<string, typeof parallel>();
  for (const t of parallel) {
    const key = `${t.round}|${t.stage}|${t.agencyId}|${t.role}|${t.step}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  for (const [key, group] of groups) {
    const first = group[0];
    rows.set(key, {
      round: first.round,
      stage: first.stage as PlanStage,
      agency: agencyRef(first.agencyId),
      role: first.role,
      step: first.step,
      workingDays: workingDaysInUnion(group.map((t) => ({ from: t.openedAt, to: t.closedAt ?? now })), holidays),
      taskCount: group.length,
      open: group.some((t) => t.closedAt === null),
    });
  }
  return [...rows.values()].sort((a, b) => a.round - b.round || firstStart(spans, a) - firstStart(spans, b) || (a.agency?.name ?? '').localeCompare(b.agency?.name ?? '') || (a.step ?? '').localeCompare(b.step ?? ''));
}

/** When the plan first entered a row's stage in its round (for ordering rows as the plan went). */
function firstStart(spans: PlanStageSpan[], row: PlanAnalyticsHolder): number {
  const s = spans.find((x) => x.stage === row.stage && x.round === row.round);
  return s ? Date.parse(s.startedAt) : Number.MAX_SAFE_INTEGER;
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : 0);

/** Figures across plans: per stage against the targets, and per holder agency. */
export function overviewOf(jurisdictionCode: string, rows: PlanAnalytics[]): PlanAnalyticsOverview {
  const stages = new Map<PlanStage, { days: number[]; targets: number[]; over: number }>();
  for (const r of rows) {
    for (const s of r.stages) {
      const e = stages.get(s.stage) ?? { days: [], targets: [], over: 0 };
      e.days.push(s.workingDays);
      if (s.targetWorkingDays !== null) {
        e.targets.push(s.targetWorkingDays);
        if (s.workingDays > s.targetWorkingDays) e.over += 1;
      }
      stages.set(s.stage, e);
    }
  }
  const totals = new Map<string, PlanAnalyticsOverview['holderTotals'][number] & { planIds: Set<string> }>();
  for (const r of rows) {
    for (const h of r.holders) {
      // Rows without an agency (outside bodies, integration, monitoring) are nobody's time.
      if (!h.agency || !(PARALLEL_STAGES.has(h.stage) || SINGLE_HOLDER_STEP[h.stage])) continue;
      const key = `${h.agency.id}|${h.role}|${h.stage}`;
      const t = totals.get(key) ?? { agency: h.agency, role: h.role, stage: h.stage, workingDays: 0, taskCount: 0, plans: 0, meanPerTask: 0, stillOpen: 0, planIds: new Set<string>() };
      t.workingDays += h.workingDays;
      t.taskCount += h.taskCount;
      t.stillOpen += h.open ? 1 : 0;
      t.planIds.add(r.planId);
      totals.set(key, t);
    }
  }
  return {
    jurisdictionCode,
    plans: rows,
    meanStageWorkingDays: [...stages].map(([stage, e]) => ({ stage, workingDays: mean(e.days), targetWorkingDays: e.targets.length ? mean(e.targets) : null, plans: e.days.length, overTarget: e.over })),
    meanRounds: mean(rows.map((r) => r.rounds)),
    holderTotals: [...totals.values()]
      .map(({ planIds, ...t }) => ({ ...t, plans: planIds.size, meanPerTask: t.taskCount ? Math.round((t.workingDays / t.taskCount) * 10) / 10 : 0 }))
      .sort((a, b) => (a.agency.name ?? '').localeCompare(b.agency.name ?? '') || a.stage.localeCompare(b.stage)),
  };
}
