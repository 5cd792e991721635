import { ApplicationFailure, condition, ParentClosePolicy, patched, proxyActivities, setHandler, sleep, startChild } from '@temporalio/workflow';
import { DATABASE_ACTIVITY } from '../activity-options';
import { cancelHumanTask, humanTask, startHumanTask, taskHandlersFinished, type HumanTask } from '../tasks/human-task';
import { draftReviewLoop } from '../tasks/review-loop';
import type { MeetingTaskContext, Role } from '@gugus/contracts';
import type { BilingualText, TaskRequest, TaskResult } from '../tasks/task.messages';
import type { MeetingActivities } from './meeting.activities';
import { cancelMeetingUpdate, MeetingRefusal, meetingStateQuery, rescheduleMeetingUpdate, type ActionPointPlan, type CoordinationMeetingInput, type MeetingState } from './meeting.messages';

const DAY = 24 * 3600 * 1000;
const PROCESS = 'coordination-meeting';

const act = proxyActivities<MeetingActivities>(DATABASE_ACTIVITY);

/** The calendar date in Jakarta (WIB, UTC+7) of an instant. */
const jakartaDate = (ms: number) => new Date(ms + 7 * 3600 * 1000).toISOString().slice(0, 10);
const formatWib = (iso: string) => `${jakartaDate(Date.parse(iso))}`;
/** HH:MM in Jakarta. */
const jakartaTime = (ms: number) => new Date(ms + 7 * 3600 * 1000).toISOString().slice(11, 16);
const MEETING_TYPE = { plenary: 'plenary', sub_tf: 'sub_task_force', special: 'special' } as const;
/**
 * Moving or cancelling a meeting (issue 13). A history without either replays as before: the waits became
 * `condition(…, timeout)` (one timer, as `sleep` was); what a move or a cancellation adds is recorded
 * after this marker.
 */
const CHANGE_PATCH = 'meeting-cancel-reschedule';
const INVITATIONS_AFTER_TASKS = 'meeting-invitations-after-tasks';
const MOVED: BilingualText = { id: 'Rapat dijadwalkan ulang; tugas baru menyebut waktu yang baru.', en: 'The meeting was rescheduled; a new task gives the new time.' };
const CANCELLED: BilingualText = { id: 'Rapat dibatalkan.', en: 'The meeting was cancelled.' };
const PLENARY_HELD: BilingualText = { id: 'Rapat pleno sudah diadakan sejak tugas ini dibuka.', en: 'A plenary has been held since this task opened.' };
const OVERDUE_CLOSES = 'plenary-overdue-closes-when-held';
const refuse = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};


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

  // Moves and the cancellation arrive as updates until the meeting begins. Each bumps `changes`; every wait
  // before the meeting ends on it. `busy` keeps a move from landing while the process itself writes the
  // meeting's date or invitations (the two writes would race).
  const control = { changes: 0, moves: 0, cancelled: false, started: false, busy: false };
  const changeable = () => !control.cancelled && !control.started;
  setHandler(
    cancelMeetingUpdate,
    async (request) => {
      await condition(() => !control.busy);
      if (!changeable()) refuse(MeetingRefusal.WRONG_STAGE, `Meeting is ${state.status}`);
      control.cancelled = true;
      control.changes += 1;
      state.status = 'cancelled';
      await act.recordMeetingCancelled({ ...request, meetingId, at: new Date().toISOString() });
      return { status: 'cancelled' as const };
    },
    {
      validator: (_request) => {
        if (!changeable()) refuse(MeetingRefusal.WRONG_STAGE, `Meeting is ${state.status}`);
      },
    },
  );
  setHandler(
    rescheduleMeetingUpdate,
    async (request) => {
      await condition(() => !control.busy);
      if (!changeable()) refuse(MeetingRefusal.WRONG_STAGE, `Meeting is ${state.status}`);
      if (Date.parse(request.scheduledAt) <= Date.now()) refuse(MeetingRefusal.PAST, 'The new time has passed');
      const at = new Date(Date.parse(request.scheduledAt)).toISOString();
      // A new venue alone is told to the invitees, but asks nobody again and moves no reminder.
      if (at !== state.scheduledAt) {
        state.scheduledAt = at;
        control.moves += 1;
        control.changes += 1;
      }
      await act.recordMeetingRescheduled({ ...request, meetingId, at: new Date().toISOString() });
      return { scheduledAt: state.scheduledAt };
    },
    {
      validator: (request) => {
        if (!changeable()) refuse(MeetingRefusal.WRONG_STAGE, `Meeting is ${state.status}`);
        if (!(Date.parse(request.scheduledAt) > Date.now())) refuse(MeetingRefusal.PAST, 'The new time has passed');
      },
    },
  );
  /** `work`'s value, or null when the meeting is moved or cancelled first. */
  const unlessChanged = async <T>(work: Promise<T>): Promise<{ value: T } | null> => {
    const seen = control.changes;
    const box: { settled?: { value: T } | { error: unknown } } = {};
    work.then(
      (value) => (box.settled = { value }),
      (error: unknown) => (box.settled = { error }),
    );
    await condition(() => box.settled !== undefined || control.changes !== seen);
    if (!box.settled) return null;
    if ('error' in box.settled) throw box.settled.error;
    return box.settled;
  };
  /** Waits until `at()`: `due`, or `changed` when the meeting was moved or cancelled meanwhile. */
  const sleepUntil = async (at: () => number): Promise<'due' | 'changed'> => {
    const seen = control.changes;
    const wait = at() - Date.now();
    if (wait > 0) await condition(() => control.changes !== seen, wait);
    return control.changes === seen ? 'due' : 'changed';
  };
  const writing = async <T>(work: () => Promise<T>): Promise<T> => {
    control.busy = true;
    try {
      return await work();
    } finally {
      control.busy = false;
    }
  };
  /** Called off: what is still open closes as cancelled; a plenary's 4-month rule keeps running. */
  const endCancelled = async (open: (HumanTask | null)[]): Promise<MeetingState> => {
    patched(CHANGE_PATCH);
    for (const task of open) if (task) await cancelHumanTask(task.taskId, CANCELLED);
    if (plan.kind === 'plenary') await keepPlenaryRule();
    await taskHandlersFinished();
    return state;
  };
  /**
   * A plenary is due at least every 4 months whatever happens to one meeting: when none has been held in
   * the jurisdiction by then, the secretariat gets a task to hold one (escalated to the chair as any
   * overdue task), and the chair and secretariat are told at once. The task closes itself once a plenary
   * has been held.
   */
  const keepPlenaryRule = async (): Promise<void> => {
    const { lastHeldAt, dueBy } = await act.plenaryRequirement({ meetingId });
    const wait = Date.parse(dueBy) - Date.now();
    if (wait > 0) await sleep(wait);
    if (await act.plenaryHeldSince({ meetingId, since: lastHeldAt })) return;
    const task = startHumanTask(PROCESS, meetingId, {
      ...common,
      step: 'plenary-overdue',
      title: { id: `Rapat pleno belum diadakan dalam 4 bulan: jadwalkan segera (${plan.title} dibatalkan)`, en: `No plenary held within 4 months: schedule one now (${plan.title} was cancelled)` },
      formKey: null,
      assignee: plan.secretariat,
      due: { workingDays: s.agendaWorkingDays },
      outcomes: ['completed'],
      context: context({ autoScheduled: plan.autoScheduled, plenaryDueBy: dueBy }),
    });
    await task.opened;
    await act.escalateMissingPlenary({ meetingId, dueBy, taskId: task.taskId });
    // Once a plenary is held (whichever meeting it was), the task closes by itself: looked at daily (newer runs).
    if (patched(OVERDUE_CLOSES)) {
      let decided = false;
      const settle = () => (decided = true);
      void task.result.then(settle, settle);
      while (!(await condition(() => decided, DAY))) {
        if (await act.plenaryHeldSince({ meetingId, since: lastHeldAt })) {
          await cancelHumanTask(task.taskId, PLENARY_HELD);
          break;
        }
      }
    }
    await task.result;
  };

  // 1. The agenda, due the day before invitations go out (or within the configured working days when that
  // is sooner). It opens with what earlier meetings left open. A move asks for it again with the new date.
  const earlierPoints = await act.openActionPoints({ meetingId });
  let agenda: TaskResult | null = null;
  while (!agenda) {
    const agendaDay = jakartaDate(invitationAt() - DAY);
    const task = startHumanTask(PROCESS, meetingId, {
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
    const done = await unlessChanged(task.result);
    if (done) {
      agenda = done.value;
      break;
    }
    if (control.cancelled) return endCancelled([task]);
    patched(CHANGE_PATCH);
    await cancelHumanTask(task.taskId, MOVED);
  }
  const agendaSubmissionId = agenda.submissionId;
  state.scheduledAt = (await writing(() => act.recordAgenda({ meetingId, submissionId: agendaSubmissionId }))).scheduledAt;
  if (control.cancelled) return endCancelled([]);
  state.status = 'agenda_ready';

  // 2. Invitations ~2 weeks ahead; each member agency answers in an RSVP task (asked again after a move).
  while ((await sleepUntil(invitationAt)) === 'changed') {
    if (control.cancelled) return endCancelled([]);
    patched(CHANGE_PATCH);
  }
  const askAll = () => {
    const rsvpDue = jakartaDate(Date.parse(state.scheduledAt) - s.meetingReminderLeadDays * DAY);
    return plan.members.map((m) => ({
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
            context: context({ reviewSubmissionId: agendaSubmissionId, prefill: { agencyId: m.agencyId } }),
          })
        : null,
    }));
  };
  const listen = (asked: ReturnType<typeof askAll>) =>
    asked.map(async (r) => {
      if (!r.task) return;
      const result = await r.task.result;
      if (result.outcome === 'completed') await act.recordRsvp({ meetingId, agencyId: r.agencyId, submissionId: result.submissionId, taskId: r.task.taskId });
    });
  const invitations = (asked: ReturnType<typeof askAll>) => asked.map((r) => ({ agencyId: r.agencyId, taskId: r.task?.taskId ?? null }));
  // The invitation rows refer to the RSVP tasks: written once their inbox rows exist (newer runs; older
  // ones retried the write until they did). A task that fails to open fails the process, as before.
  const rowsWritten = (asked: ReturnType<typeof askAll>) => (patched(INVITATIONS_AFTER_TASKS) ? Promise.all(asked.map((r) => r.task && Promise.race([r.task.opened, r.task.result]))) : undefined);
  let rsvps = askAll();
  const written = rowsWritten(rsvps);
  if (written) await written;
  await writing(() => act.sendInvitations({ meetingId, invitations: invitations(rsvps) }));
  state.status = 'invited';
  const answered = listen(rsvps);

  // 3. Reminder shortly before; 4. the meeting itself. Unanswered invitations close when it starts. A move
  // asks every agency again for the new time and moves the reminder with it.
  let movesSeen = control.moves;
  let reminded = false;
  for (;;) {
    if (control.cancelled) return endCancelled(rsvps.map((r) => r.task));
    if (control.moves !== movesSeen) {
      patched(CHANGE_PATCH);
      movesSeen = control.moves;
      reminded = false;
      for (const r of rsvps) if (r.task) await cancelHumanTask(r.task.taskId, MOVED);
      rsvps = askAll();
      const asked = rsvps;
      const rewritten = rowsWritten(asked);
      if (rewritten) await rewritten;
      await writing(() => act.reopenInvitations({ meetingId, invitations: invitations(asked) }));
      answered.push(...listen(asked));
      continue;
    }
    if (!reminded) {
      if ((await sleepUntil(() => Date.parse(state.scheduledAt) - s.meetingReminderLeadDays * DAY)) === 'changed') continue;
      await act.remindMeeting({ meetingId });
      reminded = true;
      continue;
    }
    if ((await sleepUntil(() => Date.parse(state.scheduledAt))) === 'changed') continue;
    break;
  }
  control.started = true;
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
