import { allHandlersFinished, ApplicationFailure, CancellationScope, condition, patched, proxyActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import { DATABASE_ACTIVITY } from '../activity-options';
import type { TaskActivities } from './task.activities';
import {
  decideTaskUpdate,
  openTasksQuery,
  reassignTaskUpdate,
  TaskRefusal,
  type BilingualText,
  type TaskActor,
  type TaskAssignee,
  type TaskRequest,
  type TaskResult,
} from './task.messages';

const activities = proxyActivities<TaskActivities>(DATABASE_ACTIVITY);

interface OpenTask {
  taskId: string;
  request: TaskRequest;
  assignee: TaskAssignee;
  /** `opening` until the inbox row exists; `deciding` while a decision is being recorded. */
  state: 'opening' | 'open' | 'deciding' | 'done';
  result: TaskResult | null;
  /** Reminder and escalation times in force (moved when a paused clock resumes). */
  dates: { remindAt: string | null; escalateAt: string | null } | null;
  /** While paused (an outside body holds the work) no reminder or escalation goes out. */
  pausedAt: string | null;
  /** Bumped whenever `dates` or `pausedAt` change, so the waiting loop re-reads them. */
  version: number;
  /** The reminder and the escalation already went out (in this run or an earlier one). */
  reminded: boolean;
  escalated: boolean;
  /** Being cancelled: no new decision is taken (one already being recorded is waited for). */
  closing?: boolean;
  /** Settles once opening the inbox row has ended, well or not. */
  openingEnded: Promise<void>;
  /** Opening runs to its end even when the process's scope is cancelled, and a cancellation waits for it (newer runs). */
  settlesOpening: boolean;
}

// Module state is per workflow run: Temporal gives each run its own isolate context.
const open = new Map<string, OpenTask>();
let handlersInstalled = false;

/** May `actor` act on a task for `assignee`? The same rule as the API's inbox. */
export function actsFor(actor: TaskActor, assignee: TaskAssignee): boolean {
  return actor.grants.some((g) => g.agencyId === assignee.agencyId && g.role === assignee.role && (!assignee.positionId || g.positionId === assignee.positionId));
}

function refuse(type: string, message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

function taskOf(taskId: string): OpenTask {
  const task = open.get(taskId);
  // `opening`: the inbox row is written but the workflow has not yet seen the activity's answer.
  if (!task || task.closing || (task.state !== 'open' && task.state !== 'opening')) refuse(TaskRefusal.NOT_OPEN, `Task ${taskId} is not open`);
  return task;
}

/** Registers the task updates and query once per run (called by `startHumanTask`). */
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  setHandler(openTasksQuery, () =>
    [...open.values()].filter((t) => t.state === 'open').map((t) => ({ taskId: t.taskId, step: t.request.step, assignee: t.assignee, outcomes: t.request.outcomes })),
  );
  setHandler(
    decideTaskUpdate,
    async (decision) => {
      const task = taskOf(decision.taskId);
      task.state = 'deciding';
      let submissionId: string | null;
      try {
        // The workflow's clock dates the decision, as it dated the opening: the two measure the holder's time.
        ({ submissionId } = await activities.recordTaskDecision({ ...decision, decidedAt: new Date().toISOString() }));
      } catch (err) {
        // Refused for good (or out of retries), in one transaction that wrote nothing: the task stays
        // open for another decision (unless it was closed meanwhile), and the person is told why.
        if (task.state === 'deciding') task.state = 'open';
        throw err;
      }
      task.result = { taskId: task.taskId, outcome: decision.outcome, submissionId, commentCount: decision.commentCount, completedBy: decision.actor.personId };
      task.state = 'done';
      return task.result;
    },
    {
      validator: (decision) => {
        const task = taskOf(decision.taskId);
        if (!actsFor(decision.actor, task.assignee)) refuse(TaskRefusal.NOT_ASSIGNEE, `Not assigned to task ${decision.taskId}`);
        if (!task.request.outcomes.includes(decision.outcome)) refuse(TaskRefusal.OUTCOME_NOT_ALLOWED, `Outcome ${decision.outcome} not allowed`);
      },
    },
  );
  setHandler(
    reassignTaskUpdate,
    async (change) => {
      const task = taskOf(change.taskId);
      const previous = task.assignee;
      task.assignee = change.to;
      try {
        await activities.recordTaskReassigned(change);
      } catch (err) {
        task.assignee = previous;
        throw err;
      }
      return { taskId: task.taskId, assignee: task.assignee };
    },
    {
      validator: (change) => {
        const task = taskOf(change.taskId);
        const roles = task.request.reassignRoles?.length ? task.request.reassignRoles : [task.request.assignee.role];
        if (!roles.includes(change.to.role)) refuse(TaskRefusal.ROLE_NOT_ALLOWED, `Role ${change.to.role} not allowed for task ${change.taskId}`);
      },
    },
  );
}

export interface HumanTask {
  taskId: string;
  /** Settles once the task's inbox row exists (what records that refer to the task wait for). */
  opened: Promise<void>;
  /** Settles when the task is decided (or cancelled). */
  result: Promise<TaskResult>;
}

/**
 * Asks a person for a task and returns at once with its id; `result` settles when it is decided. While
 * it waits, the assignee is reminded before the due date and the escalation role is told after it.
 * Deterministic: the task id comes from the workflow's seeded random source, so a replay opens the same
 * task and the idempotent `openTask` writes it once.
 */
export function startHumanTask(processKey: string, processId: string, request: TaskRequest): HumanTask {
  installHandlers();
  const taskId = uuid4();
  return watch(processKey, processId, request, taskId);
}

/**
 * Takes over a task a previous run of this workflow opened (after continue-as-new): `openTask` is
 * idempotent, so it finds the row and its dates, and the task is watched and decided here as before.
 */
export function resumeHumanTask(processKey: string, processId: string, carried: CarriedTask): HumanTask {
  installHandlers();
  return watch(processKey, processId, carried.request, carried.taskId, carried.assignee, carried.pausedAt, { reminded: carried.reminded ?? false, escalated: carried.escalated ?? false });
}

/** What a run hands to its successor about a task still open (see {@link openHumanTasks}). */
export interface CarriedTask {
  taskId: string;
  request: TaskRequest;
  assignee: TaskAssignee;
  pausedAt: string | null;
  /**
   * Whether the reminder / escalation already went out: an overdue task carried from run to run is not
   * reminded and escalated again in each (the notifications are deduplicated, but each attempt would cost
   * the new run's history two activities).
   */
  reminded?: boolean;
  escalated?: boolean;
}

/** The tasks this run is still waiting on, for continue-as-new. */
export function openHumanTasks(): CarriedTask[] {
  return [...open.values()].filter((t) => t.result === null).map((t) => ({ taskId: t.taskId, request: t.request, assignee: t.assignee, pausedAt: t.pausedAt, reminded: t.reminded, escalated: t.escalated }));
}

function watch(processKey: string, processId: string, request: TaskRequest, taskId: string, assignee: TaskAssignee = request.assignee, pausedAt: string | null = null, sent = { reminded: false, escalated: false }): HumanTask {
  let markOpened: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (markOpened = resolve));
  // A process cancelled (a case closed) while a task is being opened: the row is written all the same, then
  // cancelled — never left open in an inbox with nobody waiting for it.
  const settlesOpening = patched('human-task-open-settles');
  let endOpening: () => void = () => undefined;
  const openingEnded = new Promise<void>((resolve) => (endOpening = resolve));
  const task: OpenTask = { taskId, request, assignee, state: 'opening', result: null, dates: null, pausedAt, version: 0, ...sent, openingEnded, settlesOpening };
  open.set(taskId, task);
  const result = (async () => {
    const openRow = () => activities.openTask({ taskId, workflowId: workflowInfo().workflowId, processKey, processId, request, openedAt: new Date().toISOString() });
    try {
      task.dates = await (settlesOpening ? CancellationScope.nonCancellable(openRow) : openRow());
    } finally {
      endOpening();
    }
    if (task.state === 'opening') task.state = 'open';
    markOpened();
    // Remind before the due date, escalate after it; a pause holds both, a resume may move them.
    while (task.result === null) {
      const seen = task.version;
      const changed = () => task.result !== null || task.version !== seen;
      const next = task.pausedAt ? null : !task.reminded && task.dates?.remindAt ? ('remind' as const) : !task.escalated && task.dates?.escalateAt ? ('escalate' as const) : null;
      if (!next) {
        await condition(changed);
        continue;
      }
      const wait = Date.parse((next === 'remind' ? task.dates?.remindAt : task.dates?.escalateAt) as string) - Date.now();
      if (wait > 0 && (await condition(changed, wait))) continue;
      if (task.result !== null) break;
      if (next === 'remind') {
        task.reminded = true;
        await activities.remindTask({ taskId });
      } else {
        task.escalated = true;
        await activities.escalateTask({ taskId });
      }
    }
    open.delete(taskId);
    return task.result as TaskResult;
  })();
  return { taskId, result, opened };
}

/** Stops an open task's clock (an outside body holds the work): no reminder or escalation until it resumes. */
export function pauseHumanTask(taskId: string): void {
  const task = open.get(taskId);
  if (!task || task.result || task.pausedAt) return;
  task.pausedAt = new Date().toISOString();
  task.version += 1;
}

/** Restarts a paused task's clock: its due date, reminder and escalation move on by the working days it was paused. */
export async function restartHumanTaskClock(taskId: string, pauseId: string): Promise<void> {
  const task = open.get(taskId);
  if (!task || task.result || !task.pausedAt) return;
  const dates = await activities.shiftTaskDates({ taskId, pauseId, pausedAt: task.pausedAt, resumedAt: new Date().toISOString() });
  task.dates = { remindAt: dates.remindAt && Date.parse(dates.remindAt) > Date.now() ? dates.remindAt : null, escalateAt: dates.escalateAt };
  task.pausedAt = null;
  task.version += 1;
}

/** Asks for a task and waits for its decision. */
export function humanTask(processKey: string, processId: string, request: TaskRequest): Promise<TaskResult> {
  return startHumanTask(processKey, processId, request).result;
}

/** Cancels an open task (the process no longer needs it); its `result` settles as `cancelled`. */
export async function cancelHumanTask(taskId: string, reason: BilingualText): Promise<void> {
  const task = open.get(taskId);
  if (!task || task.result) return;
  if (task.settlesOpening && task.state === 'opening') {
    await task.openingEnded;
    if (task.result) return;
  }
  // A decision being recorded as the process closes the task: it is waited for, and stands (newer runs).
  if (task.state === 'deciding' && patched('human-task-cancel-waits-for-decision')) {
    task.closing = true;
    await condition(() => task.state !== 'deciding');
    if (task.result) return;
  }
  task.closing = true;
  await activities.cancelTask({ taskId, reason, at: new Date().toISOString() });
  task.result = { taskId, outcome: 'cancelled', submissionId: null, commentCount: 0, completedBy: null };
  task.state = 'done';
}

/** Waits until every task update in flight has finished (call before the workflow returns). */
export function taskHandlersFinished(): Promise<void> {
  return condition(allHandlersFinished);
}
