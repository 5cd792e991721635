import type { PlanTaskContextFields } from './plans';

/**
 * What a process tells a task about itself (`TaskRequest.context`, stored on the task, returned in
 * `GET /tasks/:id`). Ids, dates and texts about the step only: never victim data, which stays in form
 * submissions referenced by id. One member per process, told apart by `kind`; the task page shows the
 * process-specific part through a view the process's feature library registers, and the generic part
 * (what is reviewed, what is revised, where the form starts) itself.
 */

/** What every task context may carry, whatever the process. */
export interface TaskContextBase {
  /** The submission this step reviews (e.g. the minutes the chair approves): shown beside the decision. */
  reviewSubmissionId?: string | null;
  /** The submission a revision starts from (the work that was returned). */
  prefillFromSubmissionId?: string | null;
  /** The review task whose comments this revision must address. */
  returnedFromTaskId?: string | null;
  /** Answers the form starts with when there is neither a draft nor work to revise. */
  prefill?: Record<string, unknown>;
  /** Which round of a draft → review → revise loop this is (1 for the first). */
  round?: number;
}

/** An action point left open by an earlier meeting, as an agenda or minutes task lists it. */
export interface OpenActionPointContext {
  id: string;
  meetingTitle: string;
  description: string;
  agencyName: string | null;
  dueDate: string;
  status: 'open' | 'in_progress' | 'overdue';
}

/** A task of the coordination-meeting process (agenda, RSVP, minutes, their approval, action points). */
export interface MeetingTaskContext extends TaskContextBase {
  kind: 'meeting';
  meetingId: string;
  meetingTitle: string;
  meetingKind: 'plenary' | 'sub_tf' | 'special';
  scheduledAt: string;
  /** The meeting was scheduled by the process after the previous one (not by a person). */
  autoScheduled?: boolean;
  openActionPoints?: OpenActionPointContext[];
  /** Action point tasks: which point, its text and due date. */
  actionPointId?: string;
  seq?: number;
  description?: string;
  dueDate?: string;
  /** The plenary-overdue task: by when a plenary had to be held (4 months after the last one). */
  plenaryDueBy?: string;
}

/** A task of the plan-of-action process (sections, comments, legal review, decree, integration, progress). */
export interface PlanTaskContext extends TaskContextBase, PlanTaskContextFields {
  kind: 'plan';
}

/** The steps of a case's process that open tasks (issue 11, steps 1–3 and 5). */
export const CASE_TASK_STEPS = ['intake', 'screening', 'immediate-protection', 'conference', 'conference-action', 'referral-response', 're-referral', 'service-outcome', 'reintegration-plan', 'reunification', 'follow-up', 'closure'] as const;
export type CaseTaskStep = (typeof CASE_TASK_STEPS)[number];

/**
 * A task of a case's process (intake, screening, an immediate need). The case is named only by its coded
 * id; nothing here is an answer of the person's forms (those stay sealed in submissions).
 */
export interface CaseTaskContext extends TaskContextBase {
  kind: 'case';
  caseId: string;
  /** The coded case id, e.g. `32.04-2027-0042`. */
  caseCode: string;
  step: CaseTaskStep;
  /** Immediate-protection tasks: the need's code in the `case-immediate-needs` option list. */
  need?: string;
  /** Conference tasks: 1 for the first conference, 2 for the follow-up after it, … */
  conferenceRound?: number;
  /** Conference actions: the conference's submission and the action's index in its `actions` (read by the API for the agency that must act). */
  conferenceSubmissionId?: string;
  actionIndex?: number;
  /** Follow-up visits: the month after reunification the visit is for. */
  followUpMonth?: number;
  /** Referral steps: the referral (its id and its number within the case, from 1). */
  referralId?: string;
  referralNumber?: number;
  /** Conference actions and referrals: the service code, when the conference named one (a code, never words about the person). */
  service?: string | null;
}

/**
 * A task of a periodic report cycle (issue 12): the report to compile or submit, or the one to review.
 * Ids, the period and region codes only; the figures are read from the report.
 */
export interface ReportTaskContext extends TaskContextBase {
  kind: 'report';
  reportId: string;
  period: string;
  level: 'regency' | 'province' | 'national';
  /** The task force whose report it is (a reviewer's task names the one below). */
  reportJurisdictionCode: string;
  reportJurisdictionName: string;
  version: number;
  /** A member agency's part of a regency/city report (step `regency-report-part`): the agency that sends it to the focal point. */
  partAgencyId?: string;
  partAgencyName?: string;
}

/** A task of a process that shows nothing of its own beyond the generic part (tests, simple steps). */
export interface GenericTaskContext extends TaskContextBase {
  kind: 'generic';
}

export type TaskContext = MeetingTaskContext | PlanTaskContext | CaseTaskContext | ReportTaskContext | GenericTaskContext;
export type TaskContextKind = TaskContext['kind'];

/**
 * A stored context as its kind says. Tasks opened before contexts carried a `kind` are read by their
 * fields (a meeting id makes a meeting task); anything else is generic.
 */
export function readTaskContext(stored: unknown): TaskContext {
  const value = stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  if (value['kind'] === 'plan') return { ...value, kind: 'plan' } as PlanTaskContext;
  if (value['kind'] === 'case') return { ...value, kind: 'case' } as CaseTaskContext;
  if (value['kind'] === 'report') return { ...value, kind: 'report' } as ReportTaskContext;
  if (value['kind'] === 'meeting' || (value['kind'] === undefined && typeof value['meetingId'] === 'string')) return { ...value, kind: 'meeting' } as MeetingTaskContext;
  return { ...value, kind: 'generic' } as GenericTaskContext;
}
