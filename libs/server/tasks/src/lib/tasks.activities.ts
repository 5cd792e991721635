import { Context } from '@temporalio/activity';
import { ErrorCode } from '@gugus/contracts';
import type { AuditService } from '@gugus/server-audit';
import type { FormsService } from '@gugus/server-forms';
import { DomainError } from '@gugus/server-http';
import type { TaskActivities, TaskAssignee } from '@gugus/workflows';
import { TaskEntity } from './tasks.entities';
import { notificationTitle, notifyOrLog, type TaskCalendar, type TaskNotifier } from './tasks.ports';
import { TasksRepository, type StagedDecision } from './tasks.repository';

export interface TaskActivityDeps {
  repo: TasksRepository;
  forms: FormsService;
  audit: AuditService;
  calendar: TaskCalendar;
  notifier: TaskNotifier;
}

/** The morning (08:00 WIB) of a Jakarta calendar date: when reminders and escalations go out. */
const morningOf = (date: string) => new Date(`${date}T08:00:00+07:00`);
const endOfDay = (d: Date) => d.toLocaleTimeString('en-GB', { timeZone: 'Asia/Jakarta', hour12: false }) === '23:59:59';
/** A due date as people read it: the day, and the hour (WIB) when the deadline is in hours, not days. */
const fmtDate = (d: Date, language: 'id' | 'en') =>
  d.toLocaleDateString(language === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }) +
  (endOfDay(d) ? '' : ` ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta', hour12: false })} WIB`);
const HOUR = 3_600_000;

const taskClosed = () =>
  new DomainError(ErrorCode.CONFLICT, {
    id: 'Keputusan ini tidak dicatat: tugasnya sudah ditutup oleh prosesnya.',
    en: 'This decision was not recorded: its task has been closed by its process.',
  });

const decisionWithdrawn = () =>
  new DomainError(ErrorCode.CONFLICT, {
    id: 'Keputusan ini tidak dicatat: permintaannya sudah dibatalkan karena mesin proses tidak menjawab tepat waktu.',
    en: 'This decision was not recorded: its request gave up because the process engine did not answer in time.',
  });

/** A key stable across retries of the running activity (one per scheduled activity). */
function activityKey(): string {
  const info = Context.current().info;
  return `${info.workflowExecution?.workflowId}/${info.workflowExecution?.runId}/${info.activityId}`;
}

function datesOf(task: TaskEntity) {
  return { formVersionId: task.formVersionId, dueAt: task.dueAt.toISOString(), remindAt: task.remindAt?.toISOString() ?? null, escalateAt: task.escalateAt?.toISOString() ?? null };
}

/**
 * Activity implementations of the human-task primitive. Each is idempotent: a retry (after a lost worker
 * or a timeout) finds its work done and changes nothing.
 */
export function createTaskActivities({ repo, forms, audit, calendar, notifier }: TaskActivityDeps): TaskActivities {
  const link = (taskId: string) => `/tugas/${taskId}`;

  const notifyAssignee = async (task: TaskEntity, assignee: TaskAssignee, dedupeKey: string, kind: string, body: { id: string; en: string }) => {
    const personIds = await repo.peopleFor(assignee);
    if (personIds.length) await notifyOrLog(notifier, { dedupeKey, recipients: { personIds }, kind, title: notificationTitle(task.title), body, link: link(task.id), email: true });
  };

  /** Writes the inbox row, its first event and its audit entry, once. */
  const writeTask = async ({ taskId, workflowId, processKey, processId, request, openedAt }: Parameters<TaskActivities['openTask']>[0]): Promise<void> => {
    const pinned = request.formKey ? await forms.pinVersion(request.formKey, request.jurisdictionCode) : null;
    // Dates count from when the workflow asked (its clock), not from when this attempt happens to run.
    const now = new Date(openedAt);
    let due: { dueAt: Date };
    let remindAt: Date | null;
    let escalateAt: Date;
    if ('hours' in request.due) {
      // A deadline in clock hours (the 48-hour case conference): weekends and holidays count, the
      // reminder goes out halfway and the escalation at the deadline itself.
      const hours = request.due.hours;
      due = { dueAt: new Date(now.getTime() + hours * HOUR) };
      remindAt = request.reminderWorkingDays > 0 ? new Date(now.getTime() + (hours / 2) * HOUR) : null;
      escalateAt = due.dueAt;
    } else {
      due = 'date' in request.due ? { dueAt: new Date(`${request.due.date}T23:59:59+07:00`) } : await calendar.addWorkingDays(now, request.due.workingDays);
      remindAt = request.reminderWorkingDays > 0 ? morningOf((await calendar.addWorkingDays(due.dueAt, -request.reminderWorkingDays)).date) : null;
      escalateAt = morningOf((await calendar.addWorkingDays(due.dueAt, Math.max(1, request.escalationWorkingDays))).date);
    }
    const task: Omit<TaskEntity, 'updatedAt'> = {
      id: taskId,
      // The process's clock, like the due date: how long each holder had the task is measured on it.
      createdAt: now,
      workflowId,
      processKey,
      processId,
      step: request.step,
      title: request.title,
      formKey: request.formKey,
      formVersionId: pinned?.id ?? null,
      jurisdictionCode: request.jurisdictionCode,
      assigneeAgencyId: request.assignee.agencyId,
      assigneeRole: request.assignee.role,
      assigneePositionId: request.assignee.positionId ?? null,
      status: 'open',
      outcomes: request.outcomes,
      claimedBy: null,
      claimedAt: null,
      draftData: null,
      draftSavedBy: null,
      draftSavedAt: null,
      stagedData: null,
      stagedBy: null,
      submissionId: null,
      comments: [],
      dataKeyId: null,
      draftSealed: null,
      stagedSealed: null,
      stagedCommentsSealed: null,
      commentsSealed: null,
      reassignRoles: request.reassignRoles?.length ? request.reassignRoles : [request.assignee.role],
      completedBy: null,
      completedAt: null,
      dueAt: due.dueAt,
      remindAt: remindAt && remindAt > now ? remindAt : null,
      escalateAt,
      escalationRole: request.escalationRole,
      remindedAt: null,
      escalatedAt: null,
      context: request.context ?? { kind: 'generic' },
    };
    await repo.transaction(async (tx) => {
      if (!(await repo.insertOnce(task, tx))) return false;
      await repo.addEvent({ taskId, kind: 'created', actorPersonId: null, detail: { assignee: request.assignee, formVersionId: task.formVersionId, dueAt: task.dueAt }, dedupeKey: `${taskId}:created` }, tx);
      await audit.record({ actorId: null, action: 'task.create', targetType: 'task', targetId: taskId, jurisdictionCode: request.jurisdictionCode, requestId: null, after: { step: request.step, assignee: request.assignee, formVersionId: task.formVersionId, dueAt: task.dueAt } }, tx);
      return true;
    });
  };

  return {
    async openTask(input) {
      const { taskId } = input;
      // A retry finds the row written and only repeats the (deduplicated) notification, to whoever has the task now.
      if (!(await repo.find(taskId))) await writeTask(input);
      const saved = (await repo.find(taskId)) as TaskEntity;
      if (saved.status === 'open') {
        await notifyAssignee(saved, { agencyId: saved.assigneeAgencyId, role: saved.assigneeRole, positionId: saved.assigneePositionId }, `task:${taskId}:assigned`, 'task_assigned', {
          id: `Tugas baru untuk instansi Anda, tenggat ${fmtDate(saved.dueAt, 'id')}.`,
          en: `A new task for your agency, due ${fmtDate(saved.dueAt, 'en')}.`,
        });
      }
      return datesOf(saved);
    },

    async recordTaskDecision(decision) {
      const key = activityKey();
      return repo.transaction(async (tx) => {
        const task = await tx.findOne(TaskEntity, { where: { id: decision.taskId }, lock: { mode: 'pessimistic_write' } });
        if (!task) throw new Error(`Task ${decision.taskId} has no inbox row`);
        // Closed by its process meanwhile: refused, so the person is not told an answer was recorded.
        if (task.status === 'cancelled') throw taskClosed();
        if (task.status !== 'open') return { submissionId: task.submissionId };
        // The form data and comments the API checked and staged, sealed, for this decision (on the task row for a decision sent before per-request staging).
        let staged: StagedDecision | null;
        if (decision.decisionId) staged = await repo.takeStagedDecision(task.id, decision.decisionId, tx);
        else {
          const legacy = await repo.openPrivate(task, tx);
          staged = { data: legacy.staged, comments: legacy.stagedComments, by: task.stagedBy ?? decision.actor.personId };
        }
        // Its request let go of it (it told the person nothing was recorded): refused, nothing written.
        if (!staged) throw decisionWithdrawn();
        const comments = staged.comments;
        let submissionId: string | null = null;
        if (task.formVersionId && staged.data) {
          submissionId = await forms.storeSubmission(
            { versionId: task.formVersionId, jurisdictionCode: task.jurisdictionCode, data: staged.data, personId: staged.by, requestId: decision.requestId ?? null },
            tx,
          );
        }
        // When the workflow took the decision (its clock, stable across retries), as the task's opening time is.
        const now = decision.decidedAt ? new Date(decision.decidedAt) : new Date();
        await repo.update(
          task.id,
          { ...TasksRepository.UNSTAGED, status: decision.outcome, submissionId, completedBy: decision.actor.personId, completedAt: now, comments: [], commentsSealed: await repo.sealComments(task.id, comments, tx), draftData: null, draftSealed: null },
          tx,
        );
        await repo.addEvent({ taskId: task.id, kind: decision.outcome, actorPersonId: decision.actor.personId, detail: { submissionId, commentCount: comments.length }, text: { comments }, dedupeKey: key }, tx);
        await audit.record(
          { actorId: decision.actor.personId, action: `task.${decision.outcome}`, targetType: 'task', targetId: task.id, jurisdictionCode: task.jurisdictionCode, requestId: decision.requestId ?? null, after: { outcome: decision.outcome, submissionId, comments: comments.length } },
          tx,
        );
        return { submissionId };
      });
    },

    async recordTaskReassigned(change) {
      const key = activityKey();
      const task = await repo.transaction(async (tx) => {
        const row = await tx.findOne(TaskEntity, { where: { id: change.taskId }, lock: { mode: 'pessimistic_write' } });
        if (!row) throw new Error(`Task ${change.taskId} has no inbox row`);
        const from = { agencyId: row.assigneeAgencyId, role: row.assigneeRole, positionId: row.assigneePositionId };
        if (!(await repo.addEvent({ taskId: row.id, kind: change.kind, actorPersonId: change.actor.personId, detail: { from, to: change.to }, text: { note: change.note }, dedupeKey: key }, tx))) return null;
        await repo.update(row.id, { assigneeAgencyId: change.to.agencyId, assigneeRole: change.to.role, assigneePositionId: change.to.positionId ?? null, claimedBy: null, claimedAt: null }, tx);
        await audit.record({ actorId: change.actor.personId, action: `task.${change.kind}`, targetType: 'task', targetId: row.id, jurisdictionCode: row.jurisdictionCode, requestId: change.requestId ?? null, before: from, after: change.to }, tx);
        return row;
      });
      if (task) {
        await notifyAssignee(task, change.to, `task:${task.id}:${key}`, 'task_assigned', {
          id: `Tugas dialihkan kepada Anda, tenggat ${fmtDate(task.dueAt, 'id')}.`,
          en: `A task was handed to you, due ${fmtDate(task.dueAt, 'en')}.`,
        });
      }
    },

    async remindTask({ taskId }) {
      const task = await repo.find(taskId);
      if (!task || task.status !== 'open') return;
      if (await repo.addEvent({ taskId, kind: 'reminded', actorPersonId: null, dedupeKey: `${taskId}:reminded` })) await repo.update(taskId, { remindedAt: new Date() });
      await notifyAssignee(task, { agencyId: task.assigneeAgencyId, role: task.assigneeRole, positionId: task.assigneePositionId }, `task:${taskId}:reminder`, 'task_reminder', {
        id: `Pengingat: tugas ini jatuh tempo ${fmtDate(task.dueAt, 'id')}.`,
        en: `Reminder: this task is due ${fmtDate(task.dueAt, 'en')}.`,
      });
    },

    async escalateTask({ taskId }) {
      const task = await repo.find(taskId);
      if (!task || task.status !== 'open') return;
      const supervisor = (await repo.agencyWithRole(task.jurisdictionCode, task.escalationRole)) ?? (task.jurisdictionCode.includes('.') ? await repo.agencyWithRole(task.jurisdictionCode.split('.')[0], task.escalationRole) : null);
      if (await repo.addEvent({ taskId, kind: 'escalated', actorPersonId: null, detail: { to: supervisor ? { ...supervisor, role: task.escalationRole } : null }, dedupeKey: `${taskId}:escalated` })) {
        await repo.update(taskId, { escalatedAt: new Date() });
        await audit.record({ actorId: null, action: 'task.escalate', targetType: 'task', targetId: taskId, jurisdictionCode: task.jurisdictionCode, requestId: null, after: { role: task.escalationRole, agencyId: supervisor?.agencyId ?? null } });
      }
      const body = { id: `Tugas ini melewati tenggat ${fmtDate(task.dueAt, 'id')} dan belum diselesaikan.`, en: `This task passed its due date of ${fmtDate(task.dueAt, 'en')} and is not done.` };
      if (supervisor) {
        const personIds = await repo.peopleFor({ agencyId: supervisor.agencyId, role: task.escalationRole });
        if (personIds.length) await notifyOrLog(notifier, { dedupeKey: `task:${taskId}:escalation`, recipients: { personIds }, kind: 'task_escalated', title: notificationTitle(task.title), body, link: link(taskId), email: true });
      }
      await notifyAssignee(task, { agencyId: task.assigneeAgencyId, role: task.assigneeRole, positionId: task.assigneePositionId }, `task:${taskId}:overdue`, 'task_overdue', body);
    },

    async shiftTaskDates({ taskId, pauseId, pausedAt, resumedAt }) {
      const task = await repo.find(taskId);
      if (!task) throw new Error(`Task ${taskId} not found`);
      const days = Math.max(0, await calendar.workingDaysBetween(new Date(pausedAt), new Date(resumedAt)));
      if (task.status !== 'open' || days === 0) return datesOf(task);
      await repo.transaction(async (tx) => {
        // The event's dedupe key makes a retried shift a no-op: the dates move once per pause.
        const added = await repo.addEvent({ taskId, kind: 'rescheduled', actorPersonId: null, detail: { pausedAt, resumedAt, workingDays: days, dueAt: task.dueAt }, dedupeKey: `${taskId}:paused:${pauseId}` }, tx);
        if (!added) return;
        const due = await calendar.addWorkingDays(task.dueAt, days);
        const remindAt = task.remindAt ? morningOf((await calendar.addWorkingDays(task.remindAt, days)).date) : null;
        const escalateAt = task.escalateAt ? morningOf((await calendar.addWorkingDays(task.escalateAt, days)).date) : null;
        await repo.update(taskId, { dueAt: due.dueAt, remindAt, escalateAt }, tx);
      });
      return datesOf((await repo.find(taskId)) as TaskEntity);
    },

    async cancelTask({ taskId, reason, at }) {
      await repo.transaction(async (tx) => {
        // Under the row's lock: a decision committed meanwhile stands.
        const task = await tx.findOne(TaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
        if (!task || task.status !== 'open') return;
        await repo.update(taskId, { ...TasksRepository.UNSTAGED, status: 'cancelled', completedAt: at ? new Date(at) : new Date() }, tx);
        await repo.addEvent({ taskId, kind: 'cancelled', actorPersonId: null, detail: { reason }, dedupeKey: `${taskId}:cancelled` }, tx);
        await audit.record({ actorId: null, action: 'task.cancel', targetType: 'task', targetId: taskId, jurisdictionCode: task.jurisdictionCode, requestId: null, after: { reason } }, tx);
      });
    },
  };
}
