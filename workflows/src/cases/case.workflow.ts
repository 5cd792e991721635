import { CancellationScope, getExternalWorkflowHandle, isCancellation, patched, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { addMonths } from '@gugus/cases';
import { Role, type CaseTaskContext } from '@gugus/contracts';
import { DATABASE_ACTIVITY } from '../activity-options';
import { cancelHumanTask, humanTask, openHumanTasks, startHumanTask, taskHandlersFinished, type HumanTask } from '../tasks/human-task';
import type { TaskRequest } from '../tasks/task.messages';
import type { CaseActivities } from './case.activities';
import { CASE_PROCESS_KEY, caseTaskDefaults, closeCaseSignal, endReferralSignal, startProtectionSignal, type CaseProcessInput, type ImmediateNeed, type ScreeningOutcome } from './case.messages';

const act = proxyActivities<CaseActivities>(DATABASE_ACTIVITY);

/** Who a coordinator may move a conference action to, at the same agency or another of the task force. */
const ACTION_ROLES: Role[] = [Role.AGENCY_OFFICER, Role.CASE_WORKER, Role.CASE_COORDINATOR];
const CONFERENCE_HOURS_DEFAULT = 48;

/**
 * A step's promise that the close signal may cancel while nothing awaits it yet: marked handled here, so
 * a cancellation is not an unhandled rejection (whoever awaits it later still sees the outcome).
 */
function held<T extends Promise<unknown>>(promise: T): T {
  promise.catch(() => undefined);
  return promise;
}

/**
 * One case, from entry through screening and immediate protection to the case conference and its actions
 * (PRODUCT §3.2 steps 1–3 and 5): the intake
 * agency records the intake, then screens; a presumed victim gets one task per immediate need recorded,
 * for the coordinator, at once — whatever the person's cooperation with law enforcement (nothing here
 * reads it). "Not a case" keeps the record open at the `referral` stage; a referral for official
 * determination stays in `screening`. Everything the workflow holds is ids and codes: the answers stay
 * sealed in form submissions, read by activities on the server.
 */
export async function caseProcess({ caseId, caseCode, reopened = false }: CaseProcessInput): Promise<void> {
  // Closed for another reason at any time (withdrew, lost contact, transferred …): the case team records
  // the closure through the API, which signals here; every step still open is cancelled and the case
  // closes. The main line runs in a scope the signal cancels.
  let closure: { submissionId: string } | null = null;
  const main = new CancellationScope();
  setHandler(closeCaseSignal, (input) => {
    if (closure) return;
    closure = input;
    main.cancel();
  });
  try {
    await main.run(() => caseSteps({ caseId, caseCode, reopened }, () => closure !== null));
  } catch (err) {
    if (!closure || !isCancellation(err)) throw err;
  }
  if (closure) {
    const { submissionId } = closure;
    await cancelOpenSteps(caseCode);
    await act.recordClosure({ caseId, submissionId, at: new Date().toISOString() });
    await endReferralLoops(caseId);
  }
  await taskHandlersFinished();
}

/** Ends the case's referral loops still under way: the agencies' open steps are cancelled with the case. */
async function endReferralLoops(caseId: string): Promise<void> {
  if (!patched('case-closure-ends-referrals')) return;
  for (const workflowId of await act.openReferralLoops({ caseId })) {
    try {
      await getExternalWorkflowHandle(workflowId).signal(endReferralSignal);
    } catch {
      // The loop ended meanwhile (its outcome reported): nothing left to end.
    }
  }
}

/** Cancels every step of the case still open (until none is: a cancellation may not open another). */
async function cancelOpenSteps(caseCode: string): Promise<void> {
  for (let open = openHumanTasks(); open.length; open = openHumanTasks()) {
    for (const task of open) await cancelHumanTask(task.taskId, { id: `Kasus ${caseCode} ditutup`, en: `Case ${caseCode} was closed` });
  }
}

/** The case's steps, from entry (or from a reopening) to closure. */
async function caseSteps({ caseId, caseCode, reopened }: Required<CaseProcessInput>, closed: () => boolean): Promise<void> {
  const plan = await act.prepareCase({ caseId });
  const s = plan.settings;
  const common = caseTaskDefaults(plan.jurisdictionCode, s);
  const context = (step: CaseTaskContext['step'], extra: Partial<CaseTaskContext> = {}): CaseTaskContext => ({ kind: 'case', caseId, caseCode, step, ...extra });

  // 3, early. Immediate protection asked for before the screening is done: one task per need, once.
  const protection = new Map<string, HumanTask>();
  const protect = (need: ImmediateNeed) => {
    // Nothing opens once the case team has closed the case.
    if (protection.has(need.code) || closed()) return;
    const task = startHumanTask(CASE_PROCESS_KEY, caseId, {
      ...common,
      step: 'immediate-protection',
      title: { id: `${need.label.id} — kasus ${caseCode}`, en: `${need.label.en} — case ${caseCode}` },
      formKey: null,
      assignee: plan.protection,
      due: { workingDays: s.immediateProtectionWorkingDays },
      outcomes: ['completed'],
      context: context('immediate-protection', { need: need.code }),
    });
    held(task.result);
    protection.set(need.code, task);
  };
  setHandler(startProtectionSignal, ({ needs }) => needs.forEach(protect));

  // A reopened case goes straight back to the case team's conference (its intake and screening stand).
  let outcome: Pick<ScreeningOutcome, 'identificationStatus' | 'immediateNeeds'>;
  if (reopened) {
    outcome = { identificationStatus: 'presumed', immediateNeeds: [] };
  } else {
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
    outcome = await act.recordScreening({ caseId, submissionId: screening.submissionId });
  }

  // 3. Immediate protection: one decision task per need recorded, all open at once (those already open
  // before the screening are not opened again).
  outcome.immediateNeeds.forEach(protect);
  // 5. The case conference, within hours of the referral (48 by default, weekends included), called by
  // the coordinator while the immediate needs are met; each action it assigns is a task at the agency
  // named, and a follow-up conference, when called, is the next round. (Cases started before
  // conferences existed go on without one.)
  const actions: HumanTask[] = [];
  if (outcome.identificationStatus === 'presumed' && patched('case-conference')) {
    const convener = plan.conference ?? plan.protection;
    // Settings captured before conferences existed lack their keys: the national defaults then.
    let due: TaskRequest['due'] = { hours: s.conferenceHours ?? CONFERENCE_HOURS_DEFAULT };
    const actionRole = s.roles.action ?? Role.AGENCY_OFFICER;
    for (let round = 1; ; round++) {
      await act.openConference({ caseId, round });
      const conference = await humanTask(CASE_PROCESS_KEY, caseId, {
        ...common,
        step: 'conference',
        title: round === 1 ? { id: `Konferensi kasus ${caseCode}`, en: `Case conference ${caseCode}` } : { id: `Konferensi kasus lanjutan ${caseCode} (ke-${round})`, en: `Follow-up case conference ${caseCode} (no. ${round})` },
        formKey: 'case-conference',
        assignee: convener,
        due,
        outcomes: ['completed'],
        context: context('conference', { conferenceRound: round }),
      });
      const recorded = await act.recordConference({ caseId, round, submissionId: conference.submissionId, actionRole });
      for (const a of recorded.actions) {
        const what = a.serviceLabel ?? { id: 'tindakan', en: 'action' };
        const action = startHumanTask(CASE_PROCESS_KEY, caseId, {
          ...common,
          step: 'conference-action',
          title: { id: `Tindakan konferensi kasus ${caseCode} #${a.index + 1}: ${what.id}`, en: `Case conference action ${caseCode} #${a.index + 1}: ${what.en}` },
          formKey: null,
          assignee: { agencyId: a.agencyId, role: a.role, positionId: null },
          reassignRoles: ACTION_ROLES,
          due: { date: a.dueDate },
          outcomes: ['completed'],
          context: context('conference-action', { conferenceRound: round, conferenceSubmissionId: conference.submissionId ?? undefined, actionIndex: a.index, service: a.service }),
        });
        held(action.result);
        actions.push(action);
      }
      if (!recorded.followUpDate) break;
      due = { date: recorded.followUpDate };
    }
  }
  // 10. Reintegration: the plan agreed with the person, the day of reunification or return, a follow-up
  // visit at each month of the plan counted from that day (a child's until month 24 at least), then
  // closure with the person's feedback. The API refuses to close a child's case as "regained control"
  // less than two years after reunification.
  const visits: Promise<void>[] = [];
  if (outcome.identificationStatus === 'presumed' && patched('case-reintegration')) {
    // A case shared with the person's area of origin under a cooperation agreement: that task force leads
    // the return and reintegration, and the steps land in its region's inboxes.
    const team = (await act.openReintegration({ caseId })) || null;
    const convener = team?.convener ?? plan.conference ?? plan.protection;
    const here = team ? caseTaskDefaults(team.jurisdictionCode, s) : common;
    // The risk assessment before any return or family reunification is the reunification step's form
    // (PRODUCT §3.2 step 10); when it is not safe, or the person does not agree, the step goes back
    // ("returned", with the reason as a comment) and the plan is made again (another destination,
    // alternative care): every "declined" has a path forward.
    const assessesRisk = patched('case-reunification-risk');
    const reintegrate = async () => {
      const planTask = await humanTask(CASE_PROCESS_KEY, caseId, {
        ...here,
        step: 'reintegration-plan',
        title: { id: `Rencana reintegrasi kasus ${caseCode}`, en: `Reintegration plan ${caseCode}` },
        formKey: 'reintegration-plan',
        assignee: convener,
        due: { workingDays: s.reintegrationPlanWorkingDays ?? 20 },
        outcomes: ['completed'],
        context: context('reintegration-plan'),
      });
      const planned = await act.recordReintegrationPlan({ caseId, submissionId: planTask.submissionId });
      const reunion = await humanTask(CASE_PROCESS_KEY, caseId, {
        ...here,
        step: 'reunification',
        title: { id: `Catat penyatuan kembali atau pemulangan: kasus ${caseCode}`, en: `Record the reunification or return: case ${caseCode}` },
        formKey: assessesRisk ? 'reunification-risk' : null,
        assignee: convener,
        due: { workingDays: s.reunificationWorkingDays ?? 60 },
        outcomes: assessesRisk ? ['completed', 'returned'] : ['completed'],
        context: assessesRisk ? { ...context('reunification'), prefill: { ageGroup: planned.child ? 'child' : 'adult' } } : context('reunification'),
      });
      return { planned, reunion };
    };
    let { planned: schedule, reunion } = await reintegrate();
    while (reunion.outcome === 'returned') ({ planned: schedule, reunion } = await reintegrate());
    const reunifiedAt = new Date().toISOString();
    await act.recordReunification({ caseId, at: reunifiedAt });
    if (assessesRisk) await act.recordRisk({ caseId, submissionId: reunion.submissionId });
    for (const [i, month] of schedule.followUpMonths.entries()) {
      const due = Date.parse(addMonths(reunifiedAt, month)) - Date.now();
      if (due > 0) await sleep(due);
      // A share that ended, or an agreement no longer in force, hands the later steps back to the case's own team.
      const nowTeam = patched('case-reintegration-recheck') ? await act.reintegrationTeam({ caseId }) : team;
      const visit = startHumanTask(CASE_PROCESS_KEY, caseId, {
        ...(nowTeam ? caseTaskDefaults(nowTeam.jurisdictionCode, s) : common),
        step: 'follow-up',
        title: { id: `Kunjungan pemantauan bulan ke-${month}: kasus ${caseCode}`, en: `Follow-up visit, month ${month}: case ${caseCode}` },
        formKey: 'follow-up-visit',
        assignee: nowTeam?.visitor ?? plan.followUp ?? plan.intake,
        due: { workingDays: s.followUpWorkingDays ?? 10 },
        outcomes: ['completed'],
        context: { ...context('follow-up', { followUpMonth: month }), prefill: { visitNumber: i + 1, monthAfterReintegration: month } },
      });
      visits.push(held(visit.result.then((r) => act.recordFollowUp({ caseId, month, submissionId: r.submissionId }))));
    }
    await Promise.all(visits);
    const closingTeam = patched('case-reintegration-recheck') ? await act.reintegrationTeam({ caseId }) : team;
    const closure = await humanTask(CASE_PROCESS_KEY, caseId, {
      ...(closingTeam ? caseTaskDefaults(closingTeam.jurisdictionCode, s) : common),
      step: 'closure',
      title: { id: `Penutupan kasus ${caseCode}`, en: `Case closure ${caseCode}` },
      formKey: 'case-closure',
      assignee: closingTeam?.convener ?? plan.conference ?? plan.protection,
      due: { workingDays: s.closureWorkingDays ?? 10 },
      outcomes: ['completed'],
      context: { ...context('closure'), prefill: { followUpMonthsCompleted: Math.max(...schedule.followUpMonths), ageGroup: schedule.child ? 'child' : 'adult' } },
    });
    await act.recordClosure({ caseId, submissionId: closure.submissionId, at: new Date().toISOString() });
    // Closed: any step still open (a protection need, a conference action, a referral) ends with it.
    if (patched('case-closure-ends-steps')) await cancelOpenSteps(caseCode);
    await endReferralLoops(caseId);
  }
  await Promise.all([...protection.values(), ...actions].map((n) => n.result));
}
