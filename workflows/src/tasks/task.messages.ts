import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Role, TaskContext } from '@gugus/contracts';

import type { BilingualText } from '@gugus/contracts';
export type { BilingualText };

/** Who a task is for: an agency and a role in it, optionally one position (whoever holds or acts for it). */
export interface TaskAssignee {
  agencyId: string;
  role: Role;
  positionId?: string | null;
}

/** How a task ends. `completed` for a form to fill in; `approved` / `returned` for a review step. */
export type TaskOutcome = 'completed' | 'approved' | 'returned';

/** A remark on returned or reviewed work; `field` points at a field or section (`/actionPoints/2`). */
export interface TaskComment {
  field?: string;
  text: string;
}

/**
 * What a workflow asks of a person. Only ids, codes and texts about the step: never victim data (that is
 * in form submissions, referenced by id).
 */
export interface TaskRequest {
  /** The step within the process, e.g. `agenda`, `rsvp`, `action-point`. */
  step: string;
  title: BilingualText;
  /** The form to fill in (its version is resolved and pinned when the task opens); null for a plain decision. */
  formKey: string | null;
  jurisdictionCode: string;
  assignee: TaskAssignee;
  /**
   * Due in this many working days from when the task opens, on a date (YYYY-MM-DD, Asia/Jakarta), or in
   * this many clock hours (weekends included; reminded halfway, escalated at the deadline).
   */
  due: { workingDays: number } | { date: string } | { hours: number };
  /** Remind the assignee this many working days before the due date (0: no reminder). */
  reminderWorkingDays: number;
  /** Escalate to `escalationRole` of the same task force this many working days after the due date. */
  escalationWorkingDays: number;
  escalationRole: Role;
  outcomes: TaskOutcome[];
  /** Roles a coordinator may move the task to (default: only `assignee.role`); the agency must be of the same task force. */
  reassignRoles?: Role[];
  /**
   * Shown on the task page: ids, dates and texts about the step, one shape per process (`kind`; see
   * `@gugus/contracts` task-context). `returnedFromTaskId` names a task whose comments this one must
   * address (the API shows them). Never victim data.
   */
  context?: TaskContext;
}

/** The person acting, with the grants the API resolved for them (holder or acting official, today). */
export interface TaskActor {
  personId: string;
  grants: { agencyId: string; role: Role; positionId: string }[];
}

/**
 * A person's decision. Like form data, the comments that come with it stay in PostgreSQL (sealed, staged
 * on the task by the API): the workflow learns only how many there are.
 */
export interface TaskDecision {
  taskId: string;
  /**
   * Names the form data and comments this decision staged (one API request); the recording takes them,
   * and refuses the decision if the request has let go of them. Absent in decisions sent before it existed.
   */
  decisionId?: string;
  actor: TaskActor;
  outcome: TaskOutcome;
  commentCount: number;
  /** A request id, for the audit trail. */
  requestId?: string | null;
}

export interface TaskResult {
  taskId: string;
  outcome: TaskOutcome | 'cancelled';
  /** The stored form submission (its data stays in PostgreSQL; activities read it by id). */
  submissionId: string | null;
  /** How many comments came with the decision (they are on the task, read through the API). */
  commentCount: number;
  completedBy: string | null;
}

export interface TaskReassignment {
  taskId: string;
  actor: { personId: string };
  to: TaskAssignee;
  /** `delegated`: the assignee hands the task to an acting official; `reassigned`: a coordinator moves it. */
  kind: 'reassigned' | 'delegated';
  note: string;
  requestId?: string | null;
}

/** A task the workflow is waiting on, as its query answers. */
export interface OpenTaskState {
  taskId: string;
  step: string;
  assignee: TaskAssignee;
  outcomes: TaskOutcome[];
}

/** Why the workflow refused an update; the API maps each to a 4xx. */
export const TaskRefusal = {
  NOT_OPEN: 'TASK_NOT_OPEN',
  NOT_ASSIGNEE: 'TASK_NOT_ASSIGNEE',
  OUTCOME_NOT_ALLOWED: 'TASK_OUTCOME_NOT_ALLOWED',
  ROLE_NOT_ALLOWED: 'TASK_ROLE_NOT_ALLOWED',
} as const;

/** Completes, approves or returns a task. Refused (nothing changes) unless the task is open and the actor may act on it. */
export const decideTaskUpdate = defineUpdate<TaskResult, [TaskDecision]>('decideTask');
/** Moves an open task to another assignee. */
export const reassignTaskUpdate = defineUpdate<{ taskId: string; assignee: TaskAssignee }, [TaskReassignment]>('reassignTask');
/** The tasks the workflow is waiting on. */
export const openTasksQuery = defineQuery<OpenTaskState[]>('openTasks');
