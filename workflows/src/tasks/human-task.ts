import { allHandlersFinished, ApplicationFailure, condition, proxyActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
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
  if (!task || (task.state !== 'open' && task.state !== 'opening')) refuse(TaskRefusal.NOT_OPEN, `Task ${taskId} is not open`);
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
        ({ submissionId } = await activities.recordTaskDecision(decision));
      } catch (err) {
        // Refused for good (or out of retries), in one transaction that wrote nothing: the task stays
        // open for another decision, and the person is told why.
        task.state = 'open';
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
  /** Settles when the task is decided (or cancelled). */
  result: Promise<TaskResult>;
}

const untilOrDone = async (task: OpenTask, at: string | null): Promise<boolean> => {
  if (!at) return false;
  const wait = Date.parse(at) - Date.now();
  if (wait <= 0) return task.result !== null;
  return condition(() => task.result !== null, wait);
};

/**
 * Asks a person for a task and returns at once with its id; `result` settles when it is decided. While
 * it waits, the assignee is reminded before the due date and the escalation role is told after it.
 * Deterministic: the task id comes from the workflow's seeded random source, so a replay opens the same
 * task and the idempotent `openTask` writes it once.
 */
export function startHumanTask(processKey: string, processId: string, request: TaskRequest): HumanTask {
  installHandlers();
  const taskId = uuid4();
  const task: OpenTask = { taskId, request, assignee: request.assignee, state: 'opening', result: null };
  open.set(taskId, task);
  const result = (async () => {
    const dates = await activities.openTask({ taskId, workflowId: workflowInfo().workflowId, processKey, processId, request, openedAt: new Date().toISOString() });
    if (task.state === 'opening') task.state = 'open';
    if (!(await untilOrDone(task, dates.remindAt)) && task.result === null && dates.remindAt) await activities.remindTask({ taskId });
    if (!(await untilOrDone(task, dates.escalateAt)) && task.result === null && dates.escalateAt) await activities.escalateTask({ taskId });
    await condition(() => task.result !== null);
    open.delete(taskId);
    return task.result as TaskResult;
  })();
  return { taskId, result };
}

/** Asks for a task and waits for its decision. */
export function humanTask(processKey: string, processId: string, request: TaskRequest): Promise<TaskResult> {
  return startHumanTask(processKey, processId, request).result;
}

/** Cancels an open task (the process no longer needs it); its `result` settles as `cancelled`. */
export async function cancelHumanTask(taskId: string, reason: BilingualText): Promise<void> {
  const task = open.get(taskId);
  if (!task || task.result) return;
  await activities.cancelTask({ taskId, reason });
  task.result = { taskId, outcome: 'cancelled', submissionId: null, commentCount: 0, completedBy: null };
  task.state = 'done';
}

/** Waits until every task update in flight has finished (call before the workflow returns). */
export function taskHandlersFinished(): Promise<void> {
  return condition(allHandlersFinished);
}
