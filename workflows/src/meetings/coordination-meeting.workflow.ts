import { ParentClosePolicy, proxyActivities, setHandler, sleep, startChild } from '@temporalio/workflow';
import { DATABASE_ACTIVITY } from '../activity-options';
import { cancelHumanTask, humanTask, startHumanTask, taskHandlersFinished } from '../tasks/human-task';
import { draftReviewLoop } from '../tasks/review-loop';
import type { MeetingTaskContext, Role } from '@gugus/contracts';
import type { TaskRequest } from '../tasks/task.messages';
import type { MeetingActivities } from './meeting.activities';
import { meetingStateQuery, type ActionPointPlan, type CoordinationMeetingInput, type MeetingState } from './meeting.messages';

const DAY = 24 * 3600 * 1000;
const PROCESS = 'coordination-meeting';

const act = proxyActivities<MeetingActivities>(DATABASE_ACTIVITY);

/** The calendar date in Jakarta (WIB, UTC+7) of an instant. */
const jakartaDate = (ms: number) => new Date(ms + 7 * 3600 * 1000).toISOString().slice(0, 10);
const until = async (ms: number) => {
  const wait = ms - Date.now();
  if (wait > 0) await sleep(wait);
};
const formatWib = (iso: string) => `${jakartaDate(Date.parse(iso))}`;
/** HH:MM in Jakarta. */
const jakartaTime = (ms: number) => new Date(ms + 7 * 3600 * 1000).toISOString().slice(11, 16);
const MEETING_TYPE = { plenary: 'plenary', sub_tf: 'sub_task_force', special: 'special' } as const;

/** The meeting's workflow id: one workflow per meeting. */
export const meetingWorkflowId = (meetingId: string) => `meeting-${meetingId}`;

/**
 * One coordination meeting (PRODUCT.md §3.1 step 6; seed 000 §4.7): agenda by the secretariat →
 * invitations ~2 weeks ahead with an RSVP task per member agency → reminder 2 days before → minutes with
 * attendance and action points → approval by the steering chair (returned minutes go round again) →
 * each action point a task for its agency, tracked to done. When a plenary's (or Sub-TF meeting's) minutes
 * are approved, the next one is scheduled at once; its agenda is due before its invitations, and
 * escalates if missed.
 */
export async function coordinationMeeting({ meetingId }: CoordinationMeetingInput): Promise<MeetingState> {
  const plan = await act.prepareMeeting({ meetingId });
  const s = plan.settings;
  const state: MeetingState = { status: 'planned', scheduledAt: plan.scheduledAt, minutesRound: 0, openActionPoints: 0 };
  setHandler(meetingStateQuery, () => state);
  const common = {
    jurisdictionCode: plan.jurisdictionCode,
    reminderWorkingDays: s.taskReminderWorkingDays,
    escalationWorkingDays: s.escalationWorkingDays,
    escalationRole: s.roles.escalation,
  } satisfies Partial<TaskRequest>;
  const context = (extra: Partial<MeetingTaskContext> = {}): MeetingTaskContext => ({ kind: 'meeting', meetingId, meetingTitle: plan.title, meetingKind: plan.kind, scheduledAt: state.scheduledAt, ...extra });
  const invitationAt = () => Date.parse(state.scheduledAt) - s.invitationLeadDays * DAY;
  // Agenda and minutes are staff work a coordinator may move to another member agency's officer.
  const staffRoles = (role: Role): Role[] => (role === 'agency_officer' ? [role] : [role, 'agency_officer']);

  // 1. The agenda, due the day before invitations go out (or within the configured working days when that
  // is sooner). It opens with what earlier meetings left open.
  const earlierPoints = await act.openActionPoints({ meetingId });
  const agendaDay = jakartaDate(invitationAt() - DAY);
  const agenda = await humanTask(PROCESS, meetingId, {
    ...common,
    step: 'agenda',
    title: { id: `Susun agenda: ${plan.title}`, en: `Draft the agenda: ${plan.title}` },
    formKey: 'meeting-agenda',
    assignee: plan.secretariat,
    reassignRoles: staffRoles(plan.secretariat.role),
    due: agendaDay > jakartaDate(Date.now() + s.agendaWorkingDays * DAY) ? { date: agendaDay } : { workingDays: s.agendaWorkingDays },
    outcomes: ['completed'],
    context: context({
      autoScheduled: plan.autoScheduled,
      openActionPoints: earlierPoints,
      prefill: { meetingType: MEETING_TYPE[plan.kind], ...(plan.subTaskForce ? { subTaskForce: plan.subTaskForce } : {}), meetingDate: jakartaDate(Date.parse(state.scheduledAt)), startTime: jakartaTime(Date.parse(state.scheduledAt)), reviewOpenActionPoints: true },
    }),
  });
  state.scheduledAt = (await act.recordAgenda({ meetingId, submissionId: agenda.submissionId })).scheduledAt;
  state.status = 'agenda_ready';

  // 2. Invitations ~2 weeks ahead; each member agency answers in an RSVP task.
  await until(invitationAt());
  const rsvpDue = jakartaDate(Date.parse(state.scheduledAt) - s.meetingReminderLeadDays * DAY);
  const rsvps = plan.members.map((m) => ({
    agencyId: m.agencyId,
    task: m.assignee
      ? startHumanTask(PROCESS, meetingId, {
          ...common,
          step: 'rsvp',
          title: { id: `Konfirmasi kehadiran: ${plan.title} (${formatWib(state.scheduledAt)})`, en: `Confirm attendance: ${plan.title} (${formatWib(state.scheduledAt)})` },
          formKey: 'meeting-rsvp',
          assignee: m.assignee,
          due: rsvpDue > jakartaDate(Date.now()) ? { date: rsvpDue } : { workingDays: 1 },
          reminderWorkingDays: 1,
          outcomes: ['completed'],
          context: context({ reviewSubmissionId: agenda.submissionId, prefill: { agencyId: m.agencyId } }),
        })
      : null,
  }));
  await act.sendInvitations({ meetingId, invitations: rsvps.map((r) => ({ agencyId: r.agencyId, taskId: r.task?.taskId ?? null })) });
  state.status = 'invited';
  const answered = rsvps.map(async (r) => {
    if (!r.task) return;
    const result = await r.task.result;
    if (result.outcome === 'completed') await act.recordRsvp({ meetingId, agencyId: r.agencyId, submissionId: result.submissionId });
  });

  // 3. Reminder shortly before; 4. the meeting itself. Unanswered invitations close when it starts.
  await until(Date.parse(state.scheduledAt) - s.meetingReminderLeadDays * DAY);
  await act.remindMeeting({ meetingId });
  await until(Date.parse(state.scheduledAt));
  for (const r of rsvps) if (r.task) await cancelHumanTask(r.task.taskId, { id: 'Rapat sudah dimulai.', en: 'The meeting has started.' });
  await Promise.all(answered);
  await act.recordMeetingStatus({ meetingId, status: 'held', at: new Date().toISOString() });
  state.status = 'held';

  // 5. Minutes, approved by the steering chair; returned minutes go back with the chair's comments (the
  // revision task names the return; its comments stay in PostgreSQL and the task page shows them).
  const stillOpen = await act.openActionPoints({ meetingId });
  const { work: minutesSubmission } = await draftReviewLoop<string | null>({
    draft: async ({ round, returnedFromTaskId, previous }) => {
      state.minutesRound = round;
      const minutes = await humanTask(PROCESS, meetingId, {
        ...common,
        step: 'minutes',
        title: round === 1 ? { id: `Susun notulen: ${plan.title}`, en: `Write the minutes: ${plan.title}` } : { id: `Perbaiki notulen: ${plan.title}`, en: `Revise the minutes: ${plan.title}` },
        formKey: 'meeting-minutes',
        assignee: plan.minutesTaker,
        reassignRoles: staffRoles(plan.minutesTaker.role),
        due: { workingDays: s.minutesWorkingDays },
        outcomes: ['completed'],
        context: context({
          round,
          returnedFromTaskId,
          prefillFromSubmissionId: previous,
          openActionPoints: stillOpen,
          prefill: {
            meetingType: MEETING_TYPE[plan.kind],
            ...(plan.subTaskForce ? { subTaskForce: plan.subTaskForce } : {}),
            meetingDate: jakartaDate(Date.parse(state.scheduledAt)),
            ...(stillOpen.length ? { previousActionPointsReview: stillOpen.map((p) => ({ actionPoint: p.description, status: p.status })) } : {}),
          },
        }),
      });
      return minutes.submissionId;
    },
    review: (submissionId, { round }) =>
      humanTask(PROCESS, meetingId, {
        ...common,
        step: 'minutes-approval',
        title: { id: `Setujui notulen: ${plan.title}`, en: `Approve the minutes: ${plan.title}` },
        formKey: null,
        assignee: plan.chair,
        due: { workingDays: s.approvalWorkingDays },
        outcomes: ['approved', 'returned'],
        context: context({ round, reviewSubmissionId: submissionId }),
      }),
  });
  const { actionPoints } = await act.recordMinutesApproved({ meetingId, submissionId: minutesSubmission });
  state.status = 'minutes_approved';

  // 6. The next regular meeting (plenary ≤ 4 months, Sub-TF monthly), scheduled as this one ends: its own
  // workflow, which outlives this one. Special meetings are called on demand.
  if (plan.kind !== 'special') {
    const next = await act.scheduleNextMeeting({ meetingId });
    await startChild(coordinationMeeting, { workflowId: next.workflowId, args: [{ meetingId: next.meetingId }], parentClosePolicy: ParentClosePolicy.ABANDON });
  }

  // 7. Every action point, tracked to done.
  state.openActionPoints = actionPoints.length;
  await Promise.all(
    actionPoints.map(async (point) => {
      await trackActionPoint(point, common, context, s.actionPointWorkingDays);
      state.openActionPoints -= 1;
    }),
  );
  await act.recordMeetingStatus({ meetingId, status: 'closed', at: new Date().toISOString() });
  state.status = 'closed';
  await taskHandlersFinished();
  return state;
}

/** Asks the responsible agency to report on an action point until it reports it done (or dropped). */
async function trackActionPoint(
  point: ActionPointPlan,
  common: Pick<TaskRequest, 'jurisdictionCode' | 'reminderWorkingDays' | 'escalationWorkingDays' | 'escalationRole'>,
  context: (extra?: Partial<MeetingTaskContext>) => MeetingTaskContext,
  followUpWorkingDays: number,
): Promise<void> {
  let due: TaskRequest['due'] = point.dueDate > jakartaDate(Date.now()) ? { date: point.dueDate } : { workingDays: followUpWorkingDays };
  for (let round = 1; ; round++) {
    const report = await humanTask(PROCESS, context().meetingId, {
      ...common,
      step: 'action-point',
      title: { id: `Tindak lanjut #${point.seq}: ${point.description}`, en: `Action point #${point.seq}: ${point.description}` },
      formKey: 'action-point-report',
      assignee: point.assignee,
      due,
      outcomes: ['completed'],
      context: context({ actionPointId: point.id, seq: point.seq, description: point.description, dueDate: point.dueDate, round, prefill: { agencyId: point.assignee.agencyId, actionPoint: point.description } }),
    });
    const { status } = await act.recordActionPointReport({ actionPointId: point.id, taskId: report.taskId, submissionId: report.submissionId });
    if (status === 'done' || status === 'dropped') return;
    // Not done yet: the next report is due after the configured follow-up period.
    due = { workingDays: followUpWorkingDays };
  }
}
