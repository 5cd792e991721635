import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { NATIONAL_CODE, PERIODIC_REPORT_PROCESS, Role, withDefaults, type PeriodicReportSettings, type ReportFigures, type ReportLevel } from '@gugus/contracts';
import { figuresOfAnswers, partAnswersOf, periodDays, reportPrefill } from '@gugus/reporting';
import type { AuditService } from '@gugus/server-audit';
import type { WorkingCalendarService } from '@gugus/server-calendar';
import type { FormsService } from '@gugus/server-forms';
import type { TasksRepository } from '@gugus/server-tasks';
import type { OpenedReport, ReportActivities, ReportTaskSettings, Reviewer, TaskAssignee } from '@gugus/workflows';
import type { PeriodicReportRow, PeriodicReportsRepository } from './periodic-reports.repository';

/** Process settings, as the report cycle needs them (implemented by `@gugus/server-process-settings`). */
export interface ReportSettingsSource {
  effective(processKey: string, jurisdictionCode: string): Promise<{ version: number; settings: unknown }>;
}
export const REPORT_SETTINGS = Symbol('REPORT_SETTINGS');

export interface ReportActivityDeps {
  reports: PeriodicReportsRepository;
  tasks: TasksRepository;
  forms: FormsService;
  audit: AuditService;
  calendar: WorkingCalendarService;
  settings: ReportSettingsSource;
}

/** The settings in force for a jurisdiction (a regency's come from its province unless it has its own). */
export async function reportSettings(source: ReportSettingsSource, jurisdictionCode: string): Promise<PeriodicReportSettings> {
  return withDefaults(PERIODIC_REPORT_PROCESS, (await source.effective(PERIODIC_REPORT_PROCESS.key, jurisdictionCode)).settings);
}

const taskSettings = (s: PeriodicReportSettings): ReportTaskSettings => ({
  reminderWorkingDays: s.taskReminderWorkingDays,
  escalationWorkingDays: s.escalationWorkingDays,
  escalationRole: s.roles.escalation,
  reviewWorkingDays: s.reviewWorkingDays,
  revisionWorkingDays: s.revisionWorkingDays,
});

/** Who holds `role` in a jurisdiction, as a task assignee (null: nobody). */
async function holder(tasks: TasksRepository, jurisdictionCode: string, role: TaskAssignee['role']): Promise<TaskAssignee | null> {
  const found = await tasks.agencyWithRole(jurisdictionCode, role);
  return found ? { agencyId: found.agencyId, role, positionId: null } : null;
}

/** The level a jurisdiction code reports at. */
export const levelOf = (code: string): ReportLevel => (code === NATIONAL_CODE ? 'national' : code.includes('.') ? 'regency' : 'province');
/** The jurisdiction that reviews a report (null for the nation's). */
export const reviewerJurisdiction = (code: string): string | null => (code === NATIONAL_CODE ? null : code.includes('.') ? code.slice(0, 2) : NATIONAL_CODE);

/** What a report's figures are computed from: a regency/city's cases, or the accepted reports below plus the task force's own cases. */
export async function computeFigures(reports: PeriodicReportsRepository, cycleId: string, jurisdictionCode: string, period: string): Promise<{ computed: ReportFigures; counted: PeriodicReportRow['counted'] }> {
  const { from, until } = periodDays(period);
  if (levelOf(jurisdictionCode) === 'regency') return { computed: await reports.ownFigures(jurisdictionCode, from, until), counted: [] };
  const { figures, counted } = await reports.aggregate(cycleId, jurisdictionCode, from, until);
  return { computed: figures, counted };
}

/** Who reviews a task force's report: the province's review role for a regency/city, the national analyst for a province. */
export async function reviewerOf(tasks: TasksRepository, settings: ReportSettingsSource, jurisdictionCode: string): Promise<Reviewer | null> {
  const at = reviewerJurisdiction(jurisdictionCode);
  if (!at) return null;
  const role = at === NATIONAL_CODE ? Role.NATIONAL_ANALYST : (await reportSettings(settings, at)).roles.review;
  const assignee = await holder(tasks, at, role);
  return assignee ? { assignee, jurisdictionCode: at } : null;
}

/** Who compiles a task force's report: its focal point (the report role), the national analyst for the nation. */
export async function compilerOf(tasks: TasksRepository, settings: ReportSettingsSource, jurisdictionCode: string): Promise<TaskAssignee | null> {
  if (jurisdictionCode === NATIONAL_CODE) return holder(tasks, NATIONAL_CODE, Role.NATIONAL_ANALYST);
  return holder(tasks, jurisdictionCode, (await reportSettings(settings, jurisdictionCode)).roles.report);
}

/** Activity implementations of the periodic report cycle. Each is idempotent. */
export function createReportActivities({ reports, tasks, forms, audit, calendar, settings }: ReportActivityDeps): ReportActivities {
  /** The last day of the period + n working days (Jakarta), and the end of that day as an instant. */
  const dueAfter = async (period: string, n: number) => {
    const { until } = periodDays(period);
    return calendar.addWorkingDays(new Date(Date.parse(`${until}T00:00:00+07:00`) - 12 * 3600 * 1000), n);
  };
  const opened = async (row: PeriodicReportRow): Promise<OpenedReport> => ({
    reportId: row.id,
    cycleId: row.cycleId,
    period: row.period,
    level: row.level,
    jurisdictionCode: row.jurisdictionCode,
    name: row.jurisdictionName,
    version: row.version,
    round: row.round,
    dueDate: row.dueDate,
    prefill: row.level === 'regency' ? reportPrefill(row.computed, row.jurisdictionCode, row.period) : null,
  });
  const load = async (id: string) => {
    const row = await reports.report(id);
    if (!row) throw new Error(`Report ${id} not found`);
    return row;
  };

  return {
    async openCycle({ period, workflowId, openedBy, at }) {
      const { from, until } = periodDays(period);
      const cycle = await reports.insertCycle({ id: randomUUID(), period, from, until, workflowId, openedBy, openedAt: at });
      const s = await reportSettings(settings, NATIONAL_CODE);
      const [nationalDue, provincesIn] = await Promise.all([dueAfter(period, s.nationalReportWorkingDays), dueAfter(period, s.provinceReportWorkingDays)]);
      const opensOn = (await calendar.addWorkingDays(provincesIn.dueAt, s.reviewWorkingDays)).date;
      const opensAt = opensOn < nationalDue.date ? (await calendar.addWorkingDays(provincesIn.dueAt, s.reviewWorkingDays)).dueAt : nationalDue.dueAt;
      if (cycle.workflowId === workflowId) await audit.record({ actorId: openedBy, action: 'report_cycle.open', targetType: 'report_cycle', targetId: cycle.id, jurisdictionCode: NATIONAL_CODE, requestId: null, after: { period, workflowId } });
      return {
        cycleId: cycle.id,
        owner: cycle.workflowId === workflowId,
        provinces: (await reports.taskForces(null)).map((p) => p.code),
        national: { assignee: await compilerOf(tasks, settings, NATIONAL_CODE), dueDate: nationalDue.date, opensAt: opensAt.toISOString(), settings: taskSettings(s) },
      };
    },

    async prepareProvince({ cycleId, provinceCode }) {
      const cycle = await reports.cycle(cycleId);
      if (!cycle) throw new Error(`Cycle ${cycleId} not found`);
      const s = await reportSettings(settings, provinceCode);
      const [regencyDue, provinceDue] = await Promise.all([dueAfter(cycle.period, s.regencyReportWorkingDays), dueAfter(cycle.period, s.provinceReportWorkingDays)]);
      const afterReviews = await calendar.addWorkingDays(regencyDue.dueAt, s.reviewWorkingDays);
      const regencies = await reports.taskForces(provinceCode);
      const unit = async (r: { code: string; name: string }) => {
        // The regency/city's settings in force, read once: its focal point's role, who sends a part, the part's limit.
        const own = await reportSettings(settings, r.code);
        const assignee = await holder(tasks, r.code, own.roles.report);
        const agencies = (await reports.memberAgencies(r.code)).filter((a) => a.id !== assignee?.agencyId);
        const members = await Promise.all(agencies.map(async (a) => ({ agencyId: a.id, name: a.name, assignee: await tasks.representativeOf(a.id, own.roles.agencyPart) })));
        // Parts are due before the report: the earlier of the regency/city's own limits for each.
        const partDue = await dueAfter(cycle.period, Math.min(own.agencyPartWorkingDays, own.regencyReportWorkingDays, s.regencyReportWorkingDays));
        return { jurisdictionCode: r.code, name: r.name, assignee, members, partDueDate: partDue.date };
      };
      return {
        regencies: await Promise.all(regencies.map(unit)),
        province: { jurisdictionCode: provinceCode, name: await reports.jurisdictionName(provinceCode), assignee: await compilerOf(tasks, settings, provinceCode) },
        reviewer: regencies.length ? await reviewerOf(tasks, settings, regencies[0].code) : null,
        nationalReviewer: await reviewerOf(tasks, settings, provinceCode),
        regencyDueDate: regencyDue.date,
        provinceDueDate: provinceDue.date,
        provinceOpensAt: (afterReviews.date < provinceDue.date ? afterReviews.dueAt : provinceDue.dueAt).toISOString(),
        settings: taskSettings(s),
      };
    },

    async openReport({ cycleId, jurisdictionCode, level, reportId }) {
      if (reportId) {
        const row = await load(reportId);
        if (row.status === 'returned') {
          const { computed, counted } = await computeFigures(reports, cycleId, jurisdictionCode, row.period);
          await reports.reopen(row.id, computed, counted);
          return opened(await load(row.id));
        }
        return opened(row);
      }
      const working = await reports.workingReport(cycleId, jurisdictionCode);
      if (working) return opened(working);
      const existing = await reports.versions(cycleId, jurisdictionCode);
      if (existing.length) return opened(existing[existing.length - 1]);
      const cycle = await reports.cycle(cycleId);
      if (!cycle) throw new Error(`Cycle ${cycleId} not found`);
      const s = await reportSettings(settings, jurisdictionCode);
      const days = level === 'regency' ? s.regencyReportWorkingDays : level === 'province' ? s.provinceReportWorkingDays : s.nationalReportWorkingDays;
      const due = await dueAfter(cycle.period, days);
      const { computed, counted } = await computeFigures(reports, cycleId, jurisdictionCode, cycle.period);
      const id = randomUUID();
      await reports.insertReport({ id, cycleId, jurisdictionCode, level, version: 1, dueDate: due.date, computed, counted, at: new Date().toISOString() });
      return opened(await load(id));
    },

    async recordSubmitted({ reportId, taskId, submissionId, by, at }) {
      const row = await load(reportId);
      if (row.status !== 'open') return;
      // A regency/city's figures are what its focal point submitted on the form (counts and codes only); a province's and the nation's are the computed aggregate.
      const figures = row.level === 'regency' && submissionId ? figuresOfAnswers(((await forms.submissionData(submissionId))?.data ?? {}) as Record<string, unknown>) : row.computed;
      await reports.markSubmitted(reportId, { taskId, submissionId, figures, by, at });
      await audit.record({ actorId: by, action: 'periodic_report.submit', targetType: 'periodic_report', targetId: reportId, jurisdictionCode: row.jurisdictionCode, requestId: null, after: { period: row.period, version: row.version, round: row.round } });
    },

    async recordReviewed({ reportId, taskId, outcome, by, at }) {
      const row = await load(reportId);
      if (row.status !== 'submitted') return;
      await reports.markReviewed(reportId, { taskId, outcome, by, at });
      await audit.record({ actorId: by, action: outcome === 'accepted' ? 'periodic_report.accept' : 'periodic_report.return', targetType: 'periodic_report', targetId: reportId, jurisdictionCode: row.jurisdictionCode, requestId: null, after: { period: row.period, version: row.version, round: row.round } });
    },

    async requestParts({ cycleId, jurisdictionCode, dueDate, parts }) {
      await reports.requestParts(cycleId, jurisdictionCode, dueDate, parts);
    },

    async recordPart({ cycleId, jurisdictionCode, agencyId, submissionId, by, at }) {
      const stored = submissionId ? await forms.submissionData(submissionId) : null;
      if (!stored) throw ApplicationFailure.nonRetryable(`Part of agency ${agencyId}: submission ${submissionId ?? '(none)'} not found`, 'PartWithoutSubmission');
      // Counts and remarks only: whatever else the submission holds stays with the form.
      const answers = partAnswersOf(stored.data as Record<string, unknown>);
      await reports.transaction(async (tx) => {
        // Audited once: a retry finds the part recorded and writes nothing.
        if (!(await reports.recordPart(cycleId, jurisdictionCode, agencyId, { submissionId, answers, by, at }, tx))) return;
        await audit.record({ actorId: by, action: 'periodic_report.part_submit', targetType: 'agency', targetId: agencyId, jurisdictionCode, requestId: null, after: { cycleId } }, tx);
      });
    },

    async closeParts({ cycleId, jurisdictionCode }) {
      await reports.closeParts(cycleId, jurisdictionCode);
    },

    async prepareCorrection({ reportId }) {
      const row = await load(reportId);
      const s = await reportSettings(settings, row.jurisdictionCode);
      return { report: await opened(row), assignee: await compilerOf(tasks, settings, row.jurisdictionCode), reviewer: await reviewerOf(tasks, settings, row.jurisdictionCode), settings: taskSettings(s) };
    },

    async closeCycle({ cycleId, at }) {
      await reports.closeCycle(cycleId, at);
    },
  };
}
