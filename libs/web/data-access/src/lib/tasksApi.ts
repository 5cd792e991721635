import type { Role, TaskContext } from '@gugus/contracts';
import type { ExtraErrors } from '@gugus/forms';
import { apiClient, withQuery } from './apiClient';
import type { FormVersionView } from './formsApi';

export type TaskStatus = 'open' | 'completed' | 'approved' | 'returned' | 'cancelled';
export type TaskOutcome = 'completed' | 'approved' | 'returned';
export type InboxScope = 'mine' | 'agency' | 'jurisdiction';
export type TaskEventKind = 'created' | 'claimed' | 'unclaimed' | 'draft_saved' | 'completed' | 'approved' | 'returned' | 'reassigned' | 'delegated' | 'reminded' | 'escalated' | 'cancelled' | 'rescheduled';

import type { BilingualText } from '@gugus/contracts';
export type { BilingualText };

/** Who a task is for: an agency and a role in it, optionally one position (e.g. an acting official's). */
export interface TaskAssigneeView {
  agencyId: string;
  agencyName: string | null;
  role: Role;
  positionId: string | null;
  positionTitle: string | null;
}

export interface PersonRef {
  id: string;
  name: string | null;
}

/** One row of the inbox. `overdue` and `dueSoon` (within 72 hours) are judged by the server's clock. */
export interface TaskSummary {
  id: string;
  title: BilingualText;
  step: string;
  processKey: string;
  processId: string;
  status: TaskStatus;
  jurisdictionCode: string;
  assignee: TaskAssigneeView;
  claimedBy: PersonRef | null;
  dueAt: string;
  overdue: boolean;
  dueSoon: boolean;
  escalated: boolean;
  createdAt: string;
  completedAt: string | null;
  /** Assigned to the reader's own agency + role (+ position). */
  mine: boolean;
}

/** Counts of the whole scope, whatever the status and due filters: for badges. */
export interface InboxCounts {
  open: number;
  overdue: number;
  dueSoon: number;
  done: number;
}

export interface TaskInbox {
  items: TaskSummary[];
  /** Rows matching the filters, counted up to `countCap`. */
  total: number;
  counts: InboxCounts;
  /** Counts stop here (a national scope has far more open tasks than is worth counting on each read). */
  countCap: number;
  /** Which figures went past `countCap` (shown as `countCap`): the true number is more. */
  capped: { total: boolean } & Record<keyof InboxCounts, boolean>;
  /** Give as `cursor` for the next page (keyset paging, same filters and sort); null on the last page. */
  nextCursor: string | null;
}

export interface InboxFilter {
  scope?: InboxScope;
  status?: 'open' | 'done' | 'all';
  due?: 'overdue' | 'soon';
  jurisdictionCode?: string;
  processKey?: string;
  processId?: string;
  sort?: 'due' | 'created';
  limit?: number;
  offset?: number;
  /** A `nextCursor` from an earlier answer (instead of `offset`). */
  cursor?: string;
}

/** A comment on a decision; `field` is a JSON pointer into the reviewed form (`/actionPoints/1`). */
export interface TaskComment {
  field?: string;
  text: string;
}

export interface TaskHistoryEntry {
  kind: TaskEventKind;
  at: string;
  actor: PersonRef | null;
  detail: Record<string, unknown>;
}

/** What the reader may do now (the server checks again). */
export interface TaskAbilities {
  claim: boolean;
  unclaim: boolean;
  act: boolean;
  delegate: boolean;
  reassign: boolean;
}

/** The task page: context, the pinned form in the reader's language, draft or submission, history. */
export interface TaskView extends Omit<TaskSummary, 'dueSoon' | 'escalated' | 'mine'> {
  outcomes: TaskOutcome[];
  remindAt: string | null;
  escalateAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  completedBy: PersonRef | null;
  /** What the process put there, one shape per process (`kind`); the task page shows it through the view that process registered. */
  context: TaskContext;
  /** Roles a coordinator may move this task to. */
  reassignRoles: Role[];
  /** The jurisdictions whose agencies the task's form may name (the task's own; for a case, its regency and its province). */
  agencyJurisdictions: string[];
  /** Comments given with this task's decision (empty when the reader may not read free text). */
  comments: TaskComment[];
  /** The comments of the return this task answers (a revision). */
  returnedComments: TaskComment[];
  /** The form version the task was pinned to when it was created (null for a decision without a form). */
  form: FormVersionView | null;
  draft: { data: Record<string, unknown>; savedAt: string | null; savedBy: PersonRef | null } | null;
  /** `withheld`: JSON pointers of answers left out because the reader does not work on this record. */
  submission: { id: string; data: Record<string, unknown>; withheld: string[] } | null;
  /** What the step is about (e.g. the minutes the chair approves), with its own form version. */
  review: { submissionId: string; form: FormVersionView; data: Record<string, unknown>; withheld: string[] } | null;
  /**
   * Why the reader sees what they see: the assignee everything; oversight up to `level` (need to know).
   * `textWithheld`: comments or notes exist that the reader is not shown.
   */
  access: { purpose: 'assignee' | 'oversight'; level: 'public' | 'internal' | 'restricted' | 'identifying'; textWithheld: boolean };
  /** Where the form starts (draft, work being revised, or prefill); null unless the reader acts on it. */
  initialData: Record<string, unknown> | null;
  history: TaskHistoryEntry[];
  can: TaskAbilities;
  /**
   * Only in the answer to a decision (HTTP 202): the process accepted the decision but has not recorded
   * it yet (a worker is down); the task closes shortly and must not be decided again.
   */
  processing?: BilingualText;
}

export interface TaskDecision {
  taskId: string;
  outcome: TaskOutcome;
  data?: Record<string, unknown>;
  comments?: TaskComment[];
}

/** `details` of a 400 on a decision: form errors in rjsf's `extraErrors` shape, or request fields. */
export interface DecisionErrorDetails {
  extraErrors?: ExtraErrors;
}

export interface TaskReassignment {
  taskId: string;
  agencyId: string;
  role: Role;
  positionId?: string;
  note: string;
}

export interface TaskDelegation {
  taskId: string;
  positionId: string;
  note: string;
}

const seg = encodeURIComponent;

/** Human tasks: the inbox, the task page, and every action on a task. */
export const tasksApi = {
  inbox: (filter: InboxFilter, signal?: AbortSignal) => apiClient.get<TaskInbox>(withQuery('/tasks', { ...filter }), { signal }),
  task: (id: string, signal?: AbortSignal) => apiClient.get<TaskView>(`/tasks/${seg(id)}`, { signal }),
  claim: (id: string) => apiClient.post<TaskView>(`/tasks/${seg(id)}/claim`, {}),
  unclaim: (id: string) => apiClient.post<TaskView>(`/tasks/${seg(id)}/unclaim`, {}),
  /** Keeps unfinished form data with the task; not validated. */
  saveDraft: ({ taskId, data }: { taskId: string; data: Record<string, unknown> }) => apiClient.put<{ savedAt: string }>(`/tasks/${seg(taskId)}/draft`, { data }),
  /** 400 with `DecisionErrorDetails` for form errors; 409 when no longer open or held by someone else. */
  decide: ({ taskId, ...body }: TaskDecision) => apiClient.post<TaskView>(`/tasks/${seg(taskId)}/decision`, body),
  reassign: ({ taskId, ...body }: TaskReassignment) => apiClient.post<TaskView>(`/tasks/${seg(taskId)}/reassign`, body),
  delegate: ({ taskId, ...body }: TaskDelegation) => apiClient.post<TaskView>(`/tasks/${seg(taskId)}/delegate`, body),
};
