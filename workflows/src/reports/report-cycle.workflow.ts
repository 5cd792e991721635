import { condition, executeChild, ParentClosePolicy, patched, proxyActivities, setHandler, sleep, startChild, workflowInfo } from '@temporalio/workflow';
import { NATIONAL_CODE, type ReportTaskContext } from '@gugus/contracts';
import { periodDays, previousQuarter } from '@gugus/reporting';
import { DATABASE_ACTIVITY } from '../activity-options';
import { cancelHumanTask, humanTask, startHumanTask, taskHandlersFinished } from '../tasks/human-task';
import { draftReviewLoop } from '../tasks/review-loop';
import type { TaskAssignee, TaskRequest, TaskResult } from '../tasks/task.messages';
import type { ReportActivities } from './report.activities';
import { closePartsSignal, provinceReportWorkflowId, reportPartsWorkflowId, type OpenedReport, type ProvinceReportInput, type RegencyPartsInput, type ReportCorrectionInput, type ReportCycleInput, type ReportTaskSettings, type Reviewer } from './report.messages';

const PROCESS = 'periodic-report';
const act = proxyActivities<ReportActivities>(DATABASE_ACTIVITY);

const now = () => new Date().toISOString();
const until = async (ms: number) => {
  const wait = ms - Date.now();
  if (wait > 0) await sleep(wait);
};
const LEVEL = { regency: { id: 'kabupaten/kota', en: 'regency/city' }, province: { id: 'provinsi', en: 'province' }, national: { id: 'nasional', en: 'national' } } as const;
const ACCEPTED_WITHOUT_REVIEW: TaskResult = { taskId: '', outcome: 'approved', submissionId: null, commentCount: 0, completedBy: null };

/** How a report task is reminded and escalated. */
const reminders = (s: ReportTaskSettings) => ({ reminderWorkingDays: s.reminderWorkingDays, escalationWorkingDays: s.escalationWorkingDays, escalationRole: s.escalationRole }) satisfies Partial<TaskRequest>;

/** What a report task says about its report (the task page shows it; `extra` adds the step's own). */
const reportContext = (report: OpenedReport, extra: Partial<ReportTaskContext> = {}): ReportTaskContext => ({
  kind: 'report',
  reportId: report.reportId,
  period: report.period,
  level: report.level,
  reportJurisdictionCode: report.jurisdictionCode,
  reportJurisdictionName: report.name,
  version: report.version,
  round: report.round,
  ...extra,
});

/**
 * One report through "compile → submit → the level above accepts, or returns it with comments → revise":
 * the focal point's task starts from the figures computed for it (a regency/city's national quarterly
 * case report form, pre-filled from its cases; a province's or the nation's aggregate of the reports
 * below, submitted as computed); reminded before the due date, escalated after it. Accepted, it is locked.
 * With nobody to review (the nation's own report), submitting accepts it.
 */
async function submitAndReview(first: OpenedReport, assignee: TaskAssignee, reviewer: Reviewer | null, due: TaskRequest['due'], s: ReportTaskSettings, afterSubmit?: () => Promise<void>): Promise<void> {
  let report = first;
  const common = reminders(s);
  const context = (extra: Partial<ReportTaskContext> = {}) => reportContext(report, extra);
  const label = (r: OpenedReport) => `${r.period} ${r.name}${r.version > 1 ? ` (v${r.version})` : ''}`;
  const { approval } = await draftReviewLoop<{ submissionId: string | null }>({
    draft: async ({ round, returnedFromTaskId, previous }) => {
      if (round > 1) report = await act.openReport({ cycleId: report.cycleId, jurisdictionCode: report.jurisdictionCode, level: report.level, reportId: report.reportId });
      const task = await humanTask(PROCESS, report.cycleId, {
        ...common,
        step: `${report.level}-report`,
        title: round === 1 ? { id: `Laporan ${LEVEL[report.level].id} ${label(report)}`, en: `${LEVEL[report.level].en} report ${label(report)}` } : { id: `Perbaiki laporan ${LEVEL[report.level].id} ${label(report)}`, en: `Revise the ${LEVEL[report.level].en} report ${label(report)}` },
        // A regency/city reports on the national quarterly case report form; a province and the nation submit the computed aggregate.
        formKey: report.level === 'regency' ? 'quarterly-case-report' : null,
        jurisdictionCode: report.jurisdictionCode,
        assignee,
        due: round === 1 ? due : { workingDays: s.revisionWorkingDays },
        outcomes: ['completed'],
        // A revision starts from what was submitted (the comments say what to change); a first round from the computed figures.
        context: context({ returnedFromTaskId, prefillFromSubmissionId: previous?.submissionId ?? null, ...(report.prefill ? { prefill: report.prefill } : {}) }),
      });
      await act.recordSubmitted({ reportId: report.reportId, taskId: task.taskId, submissionId: task.submissionId, by: task.completedBy, at: now() });
      if (afterSubmit) await afterSubmit();
      return { submissionId: task.submissionId };
    },
    review: async (work) =>
      reviewer
        ? humanTask(PROCESS, report.cycleId, {
            ...common,
            step: `${report.level}-report-review`,
            title: { id: `Telaah laporan ${LEVEL[report.level].id} ${label(report)}`, en: `Review the ${LEVEL[report.level].en} report ${label(report)}` },
            formKey: null,
            jurisdictionCode: reviewer.jurisdictionCode,
            assignee: reviewer.assignee,
            due: { workingDays: s.reviewWorkingDays },
            outcomes: ['approved', 'returned'],
            context: context({ reviewSubmissionId: work.submissionId }),
          })
        : ACCEPTED_WITHOUT_REVIEW,
    returned: async (_work, review) => act.recordReviewed({ reportId: report.reportId, taskId: review.taskId, outcome: 'returned', by: review.completedBy, at: now() }),
  });
  await act.recordReviewed({ reportId: report.reportId, taskId: approval.taskId || null, outcome: 'accepted', by: approval.completedBy, at: now() });
}

/**
 * A period's report cycle (issue 12, item 1; seed 000 §4.8): started by the quarterly Schedule as a
 * quarter ends (or by hand). Each province runs its part as a child workflow — its regencies and cities
 * report, it reviews them, then submits its aggregate to the nation, which reviews it. The national report
 * opens once every province's report is accepted, or on its opening day with what is accepted by then
 * (the rest are listed as late or missing). Provinces still under way when it is in carry on by themselves.
 */
export async function reportCycle(input: ReportCycleInput = {}): Promise<void> {
  const period = input.period ?? previousQuarter(Date.now());
  const plan = await act.openCycle({ period, workflowId: workflowInfo().workflowId, openedBy: input.openedBy ?? null, at: now() });
  // Another workflow holds this period (the schedule fired again, or it was opened by hand first).
  if (!plan.owner) return;
  // A cycle opened before its quarter ends waits for the end.
  await until(Date.parse(`${periodDays(period).until}T00:00:00+07:00`));
  const provinces = plan.provinces.map((provinceCode) =>
    executeChild(provinceReportCycle, { workflowId: provinceReportWorkflowId(period, provinceCode), args: [{ cycleId: plan.cycleId, period, provinceCode }], parentClosePolicy: ParentClosePolicy.ABANDON }).catch(() => undefined),
  );
  await Promise.race([Promise.all(provinces), until(Date.parse(plan.national.opensAt))]);
  const national = await act.openReport({ cycleId: plan.cycleId, jurisdictionCode: NATIONAL_CODE, level: 'national' });
  if (plan.national.assignee) await submitAndReview(national, plan.national.assignee, null, { date: plan.national.dueDate }, plan.national.settings);
  await act.closeCycle({ cycleId: plan.cycleId, at: now() });
  await taskHandlersFinished();
}

/** A province's part of a cycle: its regencies' and cities' reports, reviewed by it, then its own report, reviewed by the nation. */
export async function provinceReportCycle({ cycleId, provinceCode }: ProvinceReportInput): Promise<void> {
  const plan = await act.prepareProvince({ cycleId, provinceCode });
  const s = plan.settings;
  // Member agencies send their parts to the focal point (newer runs; a history from before replays without them).
  const withParts = patched('report-agency-parts');
  const regencies = Promise.all(
    plan.regencies.map(async (unit) => {
      const opened = await act.openReport({ cycleId, jurisdictionCode: unit.jurisdictionCode, level: 'regency' });
      // Nobody holds the focal point's role there: the report stays open and is listed as missing.
      if (!unit.assignee) return;
      // A correction or a reopened round keeps the parts the first round asked for.
      const members = unit.members ?? [];
      const asksParts = withParts && members.length > 0 && unit.partDueDate && opened.version === 1 && opened.round === 1;
      if (!asksParts) return submitAndReview(opened, unit.assignee, plan.reviewer, { date: plan.regencyDueDate }, s);
      const parts = await startChild(regencyReportParts, {
        workflowId: reportPartsWorkflowId(opened.period, unit.jurisdictionCode),
        args: [{ cycleId, report: opened, members, dueDate: unit.partDueDate as string, settings: s }],
      });
      // Told once, when the focal point first submits (a returned round does not ask again).
      let told = false;
      const close = async () => {
        if (told) return;
        told = true;
        await parts.signal(closePartsSignal);
      };
      await submitAndReview(opened, unit.assignee, plan.reviewer, { date: plan.regencyDueDate }, s, close);
      // A parts process that failed (its failure is in its own history) does not hold up the province.
      await parts.result().catch(() => undefined);
    }),
  );
  await Promise.race([regencies, until(Date.parse(plan.provinceOpensAt))]);
  const opened = await act.openReport({ cycleId, jurisdictionCode: provinceCode, level: 'province' });
  if (plan.province.assignee) await submitAndReview(opened, plan.province.assignee, plan.nationalReviewer, { date: plan.provinceDueDate }, s);
  // Late regency/city reports are still reviewed and accepted (the province report can be corrected to count them).
  await regencies;
  await taskHandlersFinished();
}

const PART_CLOSED = { id: 'Laporan kabupaten/kota sudah dikirim tanpa bagian ini.', en: 'The regency/city report was submitted without this part.' };

/**
 * A regency/city's member agencies' parts (seed 000 §4.8: "three monthly reports will be submitted to the
 * district focal point"), a child of the province's cycle so that a large province's history stays small:
 * each member agency (the focal point's own aside) is asked for its part, due before the report itself;
 * the focal point sees the parts on its task as they arrive. It ends when the focal point first submits (a
 * signal from the province's cycle): parts still open are closed and listed as not received; a decision
 * being recorded at that moment stands.
 */
export async function regencyReportParts({ cycleId, report, members, dueDate, settings }: RegencyPartsInput): Promise<void> {
  let closing = false;
  setHandler(closePartsSignal, () => void (closing = true));
  const asked = members.map((m) => ({
    member: m,
    task: m.assignee
      ? startHumanTask(PROCESS, cycleId, {
          step: 'regency-report-part',
          title: { id: `Bagian laporan ${m.name} untuk ${report.name} ${report.period}`, en: `${m.name}'s part of the ${report.name} report ${report.period}` },
          formKey: 'agency-report-part',
          jurisdictionCode: report.jurisdictionCode,
          assignee: m.assignee,
          due: { date: dueDate },
          ...reminders(settings),
          outcomes: ['completed'],
          context: reportContext(report, {
            partAgencyId: m.agencyId,
            partAgencyName: m.name,
            prefill: { victimsAssisted: 0, victimsNotRecorded: 0, prevention: { trainings: 0, peopleTrained: 0, materialsDistributed: 0 }, prosecution: { crimesRegistered: 0, verdicts: 0 } },
          }),
        })
      : null,
  }));
  // The rows refer to the tasks: written once their inbox rows exist (a task that fails to open fails this process).
  await Promise.all(asked.map((a) => a.task && Promise.race([a.task.opened, a.task.result])));
  await act.requestParts({ cycleId, jurisdictionCode: report.jurisdictionCode, dueDate, parts: asked.map((a) => ({ agencyId: a.member.agencyId, taskId: a.task?.taskId ?? null })) });
  const received = asked.map(async ({ member, task }) => {
    const result = await task?.result;
    // Only a decision that stored the agency's answers is a part received.
    if (result?.outcome === 'completed' && result.submissionId) await act.recordPart({ cycleId, jurisdictionCode: report.jurisdictionCode, agencyId: member.agencyId, submissionId: result.submissionId, by: result.completedBy, at: now() });
  });
  // Until the focal point submits; then what is still open closes.
  await condition(() => closing);
  for (const { task } of asked) if (task) await cancelHumanTask(task.taskId, PART_CLOSED);
  await act.closeParts({ cycleId, jurisdictionCode: report.jurisdictionCode });
  await Promise.all(received);
  await taskHandlersFinished();
}

/** A correction of an accepted report: its next version goes through the same compile → review loop; accepted, it supersedes the old one. */
export async function reportCorrection({ reportId }: ReportCorrectionInput): Promise<void> {
  const plan = await act.prepareCorrection({ reportId });
  if (plan.assignee) await submitAndReview(plan.report, plan.assignee, plan.reviewer, { workingDays: plan.settings.revisionWorkingDays }, plan.settings);
  await taskHandlersFinished();
}
