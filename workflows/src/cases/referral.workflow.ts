import { CancellationScope, isCancellation, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CaseTaskContext } from '@gugus/contracts';
import { DATABASE_ACTIVITY } from '../activity-options';
import { cancelHumanTask, humanTask, openHumanTasks, taskHandlersFinished } from '../tasks/human-task';
import type { CaseActivities } from './case.activities';
import { CASE_PROCESS_KEY, caseTaskDefaults, endReferralSignal, type CaseReferralInput } from './case.messages';

const act = proxyActivities<CaseActivities>(DATABASE_ACTIVITY);

/**
 * One referral of a case to a service, as a closed loop (PRODUCT §3.2 step 6): the receiving agency
 * accepts or declines with a reason; a decline goes back to the coordinator, who re-refers (a new
 * referral, the next number, possibly to another agency) and the loop goes on; an accepted referral ends
 * with the agency's outcome report, reminded before its due date and escalated after it if it stalls.
 * The receiving agency reads the packet (only what the service needs and consent covers) on its task
 * page; this workflow carries ids, codes and numbers only.
 */
export async function caseReferral(input: CaseReferralInput): Promise<void> {
  // The case closes while the loop is under way: the open step is cancelled and the referral ends.
  let ended = false;
  let current = input.referralId;
  const main = new CancellationScope();
  setHandler(endReferralSignal, () => {
    if (ended) return;
    ended = true;
    main.cancel();
  });
  try {
    await main.run(() => referralLoop(input, (id) => (current = id)));
  } catch (err) {
    if (!ended || !isCancellation(err)) throw err;
  }
  if (ended) {
    for (let open = openHumanTasks(); open.length; open = openHumanTasks()) {
      for (const task of open) await cancelHumanTask(task.taskId, { id: `Kasus ${input.caseCode} ditutup`, en: `Case ${input.caseCode} was closed` });
    }
    await act.cancelReferral({ referralId: current });
  }
  await taskHandlersFinished();
}

async function referralLoop({ caseId, caseCode, referralId: first }: CaseReferralInput, onReferral: (referralId: string) => void): Promise<void> {
  let referralId = first;
  for (;;) {
    onReferral(referralId);
    const plan = await act.prepareReferral({ referralId });
    const s = plan.settings;
    const common = caseTaskDefaults(plan.jurisdictionCode, s);
    const context = (step: CaseTaskContext['step']): CaseTaskContext => ({ kind: 'case', caseId, caseCode, step, referralId, referralNumber: plan.number, service: plan.serviceType });
    const label = plan.serviceLabel;

    const response = await humanTask(CASE_PROCESS_KEY, caseId, {
      ...common,
      step: 'referral-response',
      title: { id: `Rujukan #${plan.number} kasus ${caseCode}: ${label.id}`, en: `Referral #${plan.number} of case ${caseCode}: ${label.en}` },
      formKey: 'referral-response',
      assignee: plan.receiver,
      due: { workingDays: s.referralResponseWorkingDays },
      outcomes: ['completed'],
      context: context('referral-response'),
    });
    // What an agency or the coordinator decided is recorded to its end, even when the case closes meanwhile.
    const answered = await CancellationScope.nonCancellable(() => act.recordReferralResponse({ referralId, submissionId: response.submissionId }));

    if (answered.decision === 'declined') {
      // Back to the coordinator with the reason beside the referral form, filled in as sent.
      const again = await humanTask(CASE_PROCESS_KEY, caseId, {
        ...common,
        step: 're-referral',
        title: { id: `Rujuk ulang: rujukan #${plan.number} kasus ${caseCode} ditolak`, en: `Re-refer: referral #${plan.number} of case ${caseCode} was declined` },
        formKey: 'referral',
        assignee: plan.coordinator,
        due: { workingDays: s.referralResponseWorkingDays },
        outcomes: ['completed'],
        context: { ...context('re-referral'), reviewSubmissionId: response.submissionId, prefillFromSubmissionId: plan.referralSubmissionId },
      });
      referralId = (await CancellationScope.nonCancellable(() => act.recordReReferral({ referralId, submissionId: again.submissionId }))).referralId;
      continue;
    }

    const outcome = await humanTask(CASE_PROCESS_KEY, caseId, {
      ...common,
      step: 'service-outcome',
      title: { id: `Laporkan hasil layanan: rujukan #${plan.number} kasus ${caseCode}`, en: `Report the service outcome: referral #${plan.number} of case ${caseCode}` },
      formKey: 'service-outcome',
      assignee: plan.receiver,
      due: { workingDays: s.serviceOutcomeWorkingDays },
      outcomes: ['completed'],
      context: { ...context('service-outcome'), prefill: { serviceType: plan.serviceType } },
    });
    await CancellationScope.nonCancellable(() => act.recordServiceOutcome({ referralId, submissionId: outcome.submissionId }));
    break;
  }
}
