import type { BilingualText, TaskComment, TaskDecision, TaskOutcome, TaskReassignment, TaskRequest } from './task.messages';

/** Activities of the human-task primitive; implemented in libs/server/tasks. All are idempotent. */
export interface TaskActivities {
  /**
   * Writes the task to the inbox: pins the form version in effect for the jurisdiction, computes due,
   * reminder and escalation times on the working-day calendar, notifies the assignee.
   */
  openTask(input: { taskId: string; workflowId: string; processKey: string; processId: string; request: TaskRequest; /** Workflow time when asked: dates count from here, whenever the activity runs. */ openedAt: string }): Promise<{ formVersionId: string | null; dueAt: string; remindAt: string | null; escalateAt: string | null }>;
  /** Records the decision; stores the staged form data as a submission pinned to the task's version. */
  recordTaskDecision(input: TaskDecision & { /** Workflow time when the decision was taken (the task's completion time); absent from decisions recorded before it existed. */ decidedAt?: string }): Promise<{ submissionId: string | null }>;
  recordTaskReassigned(input: TaskReassignment): Promise<void>;
  /** Reminds the assignee that the task is due soon. */
  remindTask(input: { taskId: string }): Promise<void>;
  /** Tells the escalation role the task is overdue. */
  escalateTask(input: { taskId: string }): Promise<void>;
  cancelTask(input: { taskId: string; reason: BilingualText; /** Workflow time of the cancellation. */ at?: string }): Promise<void>;
  /**
   * The task's clock was stopped from `pausedAt` to `resumedAt` (workflow times: a body outside the task
   * force held the work): its due, reminder and escalation move on by the working days in between.
   * Idempotent per pause (`pauseId`).
   */
  shiftTaskDates(input: { taskId: string; pauseId: string; pausedAt: string; resumedAt: string }): Promise<{ dueAt: string; remindAt: string | null; escalateAt: string | null }>;
}

export type { TaskComment, TaskOutcome };
