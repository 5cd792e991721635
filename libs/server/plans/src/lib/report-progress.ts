import type { PlanReportProgress } from '@gugus/contracts';
import type { ReportTaskRow } from './plans.repository';

const STEPS: PlanReportProgress['step'][] = ['part', 'report', 'review', 'approval', 'plenary', 'release'];

/** The task step's report and stage: `annual-report-part` → annual, part; `final-report` → final, report. */
function parse(step: string): { kind: 'annual' | 'final'; stage: PlanReportProgress['step'] } | null {
  const m = /^(annual|final)-report(?:-(part|review|approval|plenary|release))?$/.exec(step);
  return m ? { kind: m[1] as 'annual' | 'final', stage: (m[2] ?? 'report') as PlanReportProgress['step'] } : null;
}

/** Each report's furthest step and who holds it now, from its tasks (the workflow's chain leaves one row per step and round). */
export function reportProgress(rows: ReportTaskRow[], names: Record<string, string>): PlanReportProgress[] {
  const reports = new Map<string, PlanReportProgress & { rank: number }>();
  for (const row of rows) {
    const at = parse(row.step);
    if (!at || !Number.isInteger(row.year)) continue;
    const key = `${at.kind}:${row.year}`;
    const report = reports.get(key) ?? { kind: at.kind, year: row.year, period: row.period ?? String(row.year), step: 'part', round: 1, partsDone: 0, partsTotal: 0, heldBy: [], cancelled: false, rank: 0 };
    reports.set(key, report);
    if (at.stage === 'part') {
      report.partsTotal += 1;
      if (row.status !== 'open' && row.status !== 'cancelled') report.partsDone += 1;
    }
    const rank = STEPS.indexOf(at.stage) + (row.round - 1) * STEPS.length;
    if (rank >= report.rank) {
      report.rank = rank;
      report.step = at.stage === 'release' && row.status !== 'open' && row.status !== 'cancelled' ? 'done' : at.stage;
      report.round = row.round;
    }
    if (row.status === 'open') report.heldBy.push({ taskId: row.id, agency: { id: row.agencyId, name: names[row.agencyId] ?? null }, role: row.role });
    if (row.status === 'cancelled') report.cancelled = true;
  }
  return [...reports.values()].map(({ rank: _rank, ...r }) => ({ ...r, cancelled: r.cancelled && r.step !== 'done' && r.heldBy.length === 0 }));
}
