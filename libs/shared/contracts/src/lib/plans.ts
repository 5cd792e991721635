import type { SubTaskForceKind } from './orgs';
import type { ActivityRef, PlanBudget, PlanDiff, PlanVersionContent } from './plan-content';
import type { BilingualText } from './text';

/*
 * The plan of action (Rencana Aksi Daerah, RAD) as the API returns it (PRODUCT.md §3.1; seed 000
 * §4.5–4.9). One durable process per plan (`plan-<id>` in Temporal); its versions are immutable rows.
 */

/** Where a plan is in its life. `outside_body`: the draft waits on a body outside the task force (the reviewer's clock is paused). */
export const PLAN_STAGES = ['drafting', 'member_comments', 'section_revision', 'legal_review', 'outside_body', 'legal_revision', 'endorsement', 'integration', 'monitoring', 'closed'] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];

/**
 * What budgets may be recorded against: `draft` (never endorsed), `endorsed`, `under_revision` (an
 * endorsed version stands, a revision is being reviewed), `closed` (its period is over).
 */
export type PlanStatus = 'draft' | 'endorsed' | 'under_revision' | 'closed';

/** A Working Group member (seed 000 §4.5): agency, the position it sends, and its part. */
export interface WorkingGroupMember {
  agencyId: string;
  positionTitle: string;
  part: 'facilitator' | 'note_taker' | 'resource_person' | 'member';
}

/** Body of `POST /plans`. */
export interface StartPlanRequest {
  jurisdictionCode: string;
  /** First year of the period, e.g. 2027. */
  periodStart: number;
  periodYears: 3 | 5;
  title?: string;
  workingGroup: WorkingGroupMember[];
}

export interface AgencyRef {
  id: string;
  name: string | null;
}

/** A stretch of the plan's life with one holder: what analytics and the timeline are made of. */
export interface PlanStageSpan {
  stage: PlanStage;
  /** Legal review round (1, 2, …) or 0 outside review. */
  round: number;
  holder: { agency: AgencyRef | null; role: string } | null;
  startedAt: string;
  endedAt: string | null;
  /** Working days (Asia/Jakarta, holidays and cuti bersama excluded) from start to end, or to now while open. */
  workingDays: number;
  /**
   * A stage held by several agencies at once (drafting, member comments, section revision, revision after
   * legal review; `holder` null): each agency's time with its tasks opened in this span, in working days
   * (see `PlanAnalyticsHolder`). Absent for the other stages.
   */
  holders?: PlanSpanHolder[];
}

/** One agency's part of a parallel stage span: its tasks of one step, how long it had them, whether one is still open. */
export interface PlanSpanHolder {
  agency: AgencyRef;
  role: string;
  step: string;
  workingDays: number;
  taskCount: number;
  open: boolean;
}

/** A step held by a body outside the task force (harmonisation of regional regulations, signature queue). */
export interface OutsideBodyStep {
  id: string;
  round: number;
  body: 'regulation_harmonisation' | 'signature_queue' | 'other';
  referenceNumber: string;
  /** The date on the outside body's letter or register, YYYY-MM-DD. */
  date: string;
  note: string | null;
  startedAt: string;
  endedAt: string | null;
}

export interface PlanVersionSummary {
  id: string;
  seq: number;
  /** Why the version exists. */
  kind: 'compiled' | 'member_revision' | 'legal_round' | 'revision';
  /** Legal review round it was sent to (0 before legal review). */
  round: number;
  /** The plan generation (0 for the original plan, 1 for its first revision, …). */
  generation: number;
  createdAt: string;
  activityCount: number;
  budgetTotal: number;
  endorsed: boolean;
}

export interface PlanDecree {
  versionSeq: number;
  number: string;
  date: string;
  monitoringFrequency: 'quarterly' | 'semester' | 'annual';
  budgetSources: string[];
  recordedAt: string;
}

/** A comment someone made on the plan (member comments, legal review), anchored to a place. */
export interface PlanComment {
  taskId: string;
  step: string;
  round: number;
  /** The version it was made on. */
  versionSeq: number;
  author: { name: string | null; agency: AgencyRef | null };
  /** `/sections/<subTaskForce>` or `/sections/<subTaskForce>/activities/<activityId>[/<field>]`, or '' for the whole plan. */
  anchor: string;
  text: string;
  at: string;
  /** The later version whose changes touched the anchored place (null: not addressed yet). */
  addressedInVersionSeq: number | null;
}

export interface PlanAllocation {
  id: string;
  versionSeq: number;
  activityId: string;
  fiscalYear: number;
  amount: number;
  budgetSource: string;
  /** Money counts as allocated only once the regional parliament has approved the budget. */
  approvedByParliament: boolean;
  recordedAt: string;
}

/** Body of `POST /plans/:id/allocations`. */
export interface RecordAllocationRequest {
  activityId: string;
  fiscalYear: number;
  amount: number;
  budgetSource: string;
  approvedByParliament: boolean;
  /** The version the allocation is against (default: the endorsed one); refused unless that version is endorsed. */
  versionSeq?: number;
}

/** What an agency recorded for gender-responsive planning and budgeting (PPRG) in its integration form. */
export interface PlanPprg {
  gapAnalysisDone: boolean;
  genderBudgetStatementPrepared: boolean;
  gbsDocumentRef: string | null;
  genderIssues: string | null;
}

/**
 * An agency's integration into one planning document of a budget year, or (`dprd_approval`, held by the
 * secretariat's agency) the confirmation of the RKA proposals the DPRD approved.
 */
export interface PlanIntegration {
  agency: AgencyRef;
  document: 'renstra' | 'renja' | 'rka' | 'dprd_approval';
  fiscalYear: number | null;
  status: 'open' | 'done' | 'skipped';
  /** Why it was skipped (e.g. funded from the central budget). */
  reason: BilingualText | null;
  dueDate: string | null;
  taskId: string | null;
  /** PPRG as the agency recorded it in its integration form (null before it sent one, or when it has no PPRG part). */
  pprg: PlanPprg | null;
}

/**
 * One milestone of the regional budget calendar for a budget year (codes of the `plan-budget-milestones`
 * list), dated. `done`/`open`: the step the plan tracks (agencies' Renja and RKA, the secretariat's
 * confirmation of what the DPRD approved); the others are dates, `passed` or `upcoming`.
 */
export interface PlanBudgetCalendarStep {
  milestone: 'rkpd_renja' | 'kua_ppas' | 'rka' | 'rapbd_submitted' | 'rapbd_approved' | 'evaluation_submitted' | 'evaluation_received' | 'evaluation_incorporated' | 'apbd_enacted';
  /** YYYY-MM-DD (Asia/Jakarta); working-day steps counted on the jurisdiction's calendar. */
  date: string;
  status: 'done' | 'open' | 'passed' | 'upcoming';
  /** Agencies done / expected (Renja, RKA); skipped agencies are not expected. */
  done?: number;
  of?: number;
  /** The secretariat's confirmation task (DPRD approval). */
  taskId?: string | null;
}

export interface PlanBudgetCalendarYear {
  fiscalYear: number;
  steps: PlanBudgetCalendarStep[];
}

/** One period's reported progress of one activity. */
export interface PlanProgressPoint {
  activityId: string;
  period: string;
  indicatorValue: number | null;
  status: string | null;
  spent: number | null;
  agencyId: string;
}

/** Who has not reported for a period. */
export interface PlanReportingGap {
  period: string;
  agency: AgencyRef;
  taskId: string | null;
}

/** Where a performance report is on its way (seed 000 §4.9): the step it is at, and who holds it. */
export interface PlanReportProgress {
  kind: 'annual' | 'final';
  /** The year reported on; for the end-of-period report, the period's last year. */
  year: number;
  /** `2027`, or `2027–2031` for the end-of-period report. */
  period: string;
  /** The furthest step reached: the Sub-TFs' parts, compiling, the steering chair, the chair, the plenary, the release; `done` once released. */
  step: 'part' | 'report' | 'review' | 'approval' | 'plenary' | 'release' | 'done';
  round: number;
  partsDone: number;
  partsTotal: number;
  /** The open tasks of the report (several while the Sub-TFs write their parts). */
  heldBy: { taskId: string; agency: AgencyRef; role: string }[];
  /** A report the plan's end closed before it was released. */
  cancelled: boolean;
}

export interface PlanSummary {
  id: string;
  jurisdictionCode: string;
  title: string;
  periodStart: number;
  periodYears: number;
  stage: PlanStage;
  status: PlanStatus;
  round: number;
  generation: number;
  createdAt: string;
  /** Who holds the plan now (the open stage's holder). */
  holder: PlanStageSpan['holder'];
}

/** `GET /plans?jurisdictionCode=`: the plans of a jurisdiction (of every province for `00`), newest first. */
export interface PlanList {
  items: PlanSummary[];
}

/** `GET /plans/:id`: where the plan is, its current version as a document, and everything around it. */
export interface PlanView extends PlanSummary {
  sectionKinds: SubTaskForceKind[];
  workingGroup: (WorkingGroupMember & { agencyName: string | null })[];
  settingsVersion: number;
  timeline: PlanStageSpan[];
  outsideSteps: OutsideBodyStep[];
  versions: PlanVersionSummary[];
  /** The newest version (null while sections are being drafted), with its budget. */
  current: PlanVersionView | null;
  endorsedVersionSeq: number | null;
  decree: PlanDecree | null;
  comments: PlanComment[];
  allocations: PlanAllocation[];
  integrations: PlanIntegration[];
  /** The budget calendar of each budget year the plan has integration steps for, in year order. */
  budgetCalendar: PlanBudgetCalendarYear[];
  progress: PlanProgressPoint[];
  reportingGaps: PlanReportingGap[];
  /** The annual and end-of-period performance reports, oldest first. */
  reports: PlanReportProgress[];
  /** Names of the agencies the content refers to. */
  agencyNames: Record<string, string>;
  /** What the reader may do now. */
  can: { recordAllocation: boolean; recordOutsideStep: boolean; openRevision: boolean };
}

export interface PlanVersionView extends PlanVersionSummary {
  content: PlanVersionContent;
  budget: PlanBudget;
}

/** `GET /plans/:id/diff?from=&to=`: what changed between two versions, and which earlier comments the changes address. */
export interface PlanDiffView {
  from: number;
  to: number;
  diff: PlanDiff;
  addressed: { taskId: string; anchor: string; text: string }[];
  unaddressed: { taskId: string; anchor: string; text: string }[];
}

/**
 * Time one holder had the plan in one stage of one round. The reviewer's and the decree's rows come from
 * the stage spans (one holder holds the whole stage, paused time excluded); in the parallel stages
 * (drafting, member comments, section revision, revision after legal review) there is one row per agency
 * and role (and task step) from its own tasks: from when each was opened to when it was decided or
 * cancelled (now while open), the days of tasks that overlap counted once.
 */
export interface PlanAnalyticsHolder {
  /** Legal review round (0: before the first review). */
  round: number;
  stage: PlanStage;
  /** Null only for a stage nobody in particular holds (integration, monitoring) or old data without tasks. */
  agency: AgencyRef | null;
  role: string;
  /** The task step (`section`, `section-revision`, `member-comment`, `legal-review`, `decree`); null for a span without one. */
  step: string | null;
  /** Working days on the calendar of holidays and cuti bersama: the day the holder got it not counted, the day it was handed on counted. */
  workingDays: number;
  /** How many tasks of this step the holder had in this stage and round (0 for a span without tasks). */
  taskCount: number;
  /** True while one of them is still open: `workingDays` counts up to today. */
  open: boolean;
}

/** `GET /plans/:id/analytics`, and one row per plan of `GET /plans/analytics`. */
export interface PlanAnalytics {
  planId: string;
  jurisdictionCode: string;
  title: string;
  rounds: number;
  /** Working days per stage (from the stage spans) against the settings' target for it (null where the settings set none). */
  stages: { stage: PlanStage; workingDays: number; targetWorkingDays: number | null }[];
  /** Working days with each holder, per round and stage (see {@link PlanAnalyticsHolder}). */
  holders: PlanAnalyticsHolder[];
  /** Working days the reviewer's clock was paused by outside bodies. */
  pausedWorkingDays: number;
}

/** `GET /plans/analytics?jurisdictionCode=`: across the plans of a province (secretariat) or of every province (national analyst). */
export interface PlanAnalyticsOverview {
  jurisdictionCode: string;
  plans: PlanAnalytics[];
  /**
   * Per stage, over the plans that reached it: mean working days, mean target (null where the settings set
   * none), how many plans, and how many went over their own target.
   */
  meanStageWorkingDays: { stage: PlanStage; workingDays: number; targetWorkingDays: number | null; plans: number; overTarget: number }[];
  meanRounds: number;
  /**
   * Per agency, role and stage over all rounds of all the plans: total working days, tasks, plans, and the
   * mean per task (what a secretariat compares agencies by); `stillOpen` counts the rows among them still
   * open (their days count up to today). Parallel stages and the reviewer / decree only.
   */
  holderTotals: { agency: AgencyRef; role: string; stage: PlanStage; workingDays: number; taskCount: number; plans: number; meanPerTask: number; stillOpen: number }[];
}

/** Body of `POST /plans/:id/outside-steps`. */
export interface StartOutsideStepRequest {
  body: OutsideBodyStep['body'];
  referenceNumber: string;
  date: string;
  note?: string;
}

/** A task of the plan-of-action process. */
export interface PlanTaskContextFields {
  kind: 'plan';
  planId: string;
  planTitle: string;
  stage: PlanStage;
  /** The section this task drafts or revises. */
  subTaskForce?: SubTaskForceKind;
  /** The version a review or comment task is about, and the one its diff is from. */
  versionSeq?: number;
  diffFromSeq?: number | null;
  /** Progress / integration tasks: the period or document and the activities concerned (ids and codes only). */
  period?: string;
  document?: 'renstra' | 'renja' | 'rka' | 'dprd_approval';
  fiscalYear?: number;
  activities?: ActivityRef[];
  /** Why a section came back from compiling (e.g. an activity code another section also uses). */
  problems?: BilingualText[];
  /** Performance report tasks: the annual report (its year in `fiscalYear`) or the end-of-period one, and the period's label (`2027`, `2027–2031`). */
  reportKind?: 'annual' | 'final';
  reportPeriod?: string;
}
