import { proxyActivities } from '@temporalio/workflow';
import type { CaseTaskContext } from '@gugus/contracts';
import { DATABASE_ACTIVITY } from '../activity-options';
import { humanTask, startHumanTask, taskHandlersFinished } from '../tasks/human-task';
import type { TaskRequest } from '../tasks/task.messages';
import type { CaseActivities } from './case.activities';
import { CASE_PROCESS_KEY, type CaseProcessInput } from './case.messages';

const act = proxyActivities<CaseActivities>(DATABASE_ACTIVITY);

/**
 * One case, from entry through screening to immediate protection (PRODUCT §3.2 steps 1–3): the intake
 * agency records the intake, then screens; a presumed victim gets one task per immediate need recorded,
 * for the coordinator, at once — whatever the person's cooperation with law enforcement (nothing here
 * reads it). "Not a case" keeps the record open at the `referral` stage; a referral for official
 * determination stays in `screening`. Everything the workflow holds is ids and codes: the answers stay
 * sealed in form submissions, read by activities on the server.
 */
export async function caseProcess({ caseId, caseCode }: CaseProcessInput): Promise<void> {
  const plan = await act.prepareCase({ caseId });
  const s = plan.settings;
  const common = {
    jurisdictionCode: plan.jurisdictionCode,
    reminderWorkingDays: s.taskReminderWorkingDays,
    escalationWorkingDays: s.escalationWorkingDays,
    escalationRole: s.roles.escalation,
  } satisfies Partial<TaskRequest>;
  const context = (step: CaseTaskContext['step'], extra: Partial<CaseTaskContext> = {}): CaseTaskContext => ({ kind: 'case', caseId, caseCode, step, ...extra });

  // 1. Intake by the agency the case came in through.
  const intake = await humanTask(CASE_PROCESS_KEY, caseId, {
    ...common,
    step: 'intake',
    title: { id: `Penerimaan kasus ${caseCode}`, en: `Case intake ${caseCode}` },
    formKey: 'case-intake',
    assignee: plan.intake,
    due: { workingDays: s.intakeWorkingDays },
    outcomes: ['completed'],
    context: context('intake'),
  });
  await act.recordIntake({ caseId, submissionId: intake.submissionId });

  // 2. Initial screening, beside the intake record. The API checks the result against the rules
  // (`checkScreeningDecision`) before the decision reaches this workflow.
  const screening = await humanTask(CASE_PROCESS_KEY, caseId, {
    ...common,
    step: 'screening',
    title: { id: `Penapisan awal kasus ${caseCode}`, en: `Initial screening ${caseCode}` },
    formKey: 'victim-screening',
    assignee: plan.intake,
    due: { workingDays: s.screeningWorkingDays },
    outcomes: ['completed'],
    context: context('screening', { reviewSubmissionId: intake.submissionId }),
  });
  const outcome = await act.recordScreening({ caseId, submissionId: screening.submissionId });

  // 3. Immediate protection: one decision task per need, all open at once.
  const needs = outcome.immediateNeeds.map((need) =>
    startHumanTask(CASE_PROCESS_KEY, caseId, {
      ...common,
      step: 'immediate-protection',
      title: { id: `${need.label.id} — kasus ${caseCode}`, en: `${need.label.en} — case ${caseCode}` },
      formKey: null,
      assignee: plan.protection,
      due: { workingDays: s.immediateProtectionWorkingDays },
      outcomes: ['completed'],
      context: context('immediate-protection', { need: need.code }),
    }),
  );
  await Promise.all(needs.map((n) => n.result));
  await taskHandlersFinished();
}
