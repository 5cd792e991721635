import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ActivityRef, BilingualText, OutsideBodyStep, PlanOfActionSettings, PlanStage, SubTaskForceKind } from '@gugus/contracts';
import type { CarriedTask } from '../tasks/human-task';
import type { ReportChain } from './annual-report';
import type { TaskAssignee } from '../tasks/task.messages';

/** Where the process is: the stages of the plan, plus the monitoring year it is in. */
export type PlanPhase = 'drafting' | 'legal_review' | 'endorsement' | 'monitoring' | 'closed';

/** What one run of the plan's workflow hands to the next (continue-as-new): the plan's state, never its content. */
export interface PlanCarry {
  phase: PlanPhase;
  generation: number;
  round: number;
  /** Plan year being monitored (the period's first year first). */
  year: number;
  /** Version sequence numbers: the newest, and the endorsed one. */
  currentSeq: number | null;
  endorsedSeq: number | null;
  /** The section submissions the newest version was compiled from (a revision starts from them). */
  sectionSubmissions: { subTaskForce: SubTaskForceKind; submissionId: string | null }[];
  openTasks: CarriedTask[];
  /** A revision was asked for and has not started yet. */
  revisionRequested: boolean;
  /** Renstra integration opened (it is asked once per generation). */
  renstraOpened: boolean;
  /** Annual and end-of-period reports on their way (absent in the carry of a run started before they were modelled). */
  reports?: ReportChain[];
  runs: number;
}

export interface PlanOfActionInput {
  planId: string;
  carry?: PlanCarry;
}

/** Everything the workflow needs about a plan, resolved when it starts (settings captured then, kept by the plan). */
export interface PlanProcessPlan {
  planId: string;
  jurisdictionCode: string;
  title: string;
  periodStart: number;
  periodYears: number;
  settings: PlanOfActionSettings;
  secretariat: TaskAssignee;
  legalReviewer: TaskAssignee;
  decreeHolder: TaskAssignee;
  /** The steering chair (ketua harian), who reviews the performance reports before the chair. */
  steeringChair: TaskAssignee;
  /** One per section, in the national order, with who drafts it (the Sub-TF lead, or the secretariat where there is none). */
  sections: { subTaskForce: SubTaskForceKind; assignee: TaskAssignee; leadAgencyId: string | null }[];
  /** Member agencies asked to comment on the compiled draft. */
  members: { agencyId: string; assignee: TaskAssignee }[];
}

/** The outcome of compiling sections into a version. */
export type CompileOutcome = { ok: true; seq: number; activityCount: number } | { ok: false; problems: { subTaskForce: SubTaskForceKind | null; message: BilingualText }[] };

/** A piece of monitoring or integration work for one agency. */
export interface AgencyAssignment {
  agencyId: string;
  assignee: TaskAssignee;
  activities: ActivityRef[];
  prefill: Record<string, unknown>;
}

export interface PlanState {
  phase: PlanPhase;
  stage: PlanStage;
  round: number;
  generation: number;
  year: number;
  currentSeq: number | null;
  endorsedSeq: number | null;
  outsideStepOpen: boolean;
  runs: number;
}

export const planStateQuery = defineQuery<PlanState>('planState');

/** A body outside the task force holds the draft: the reviewer's clock stops. Refused unless the plan is in legal review. */
export const startOutsideStepUpdate = defineUpdate<{ stepId: string }, [{ stepId: string; body: OutsideBodyStep['body']; referenceNumber: string; date: string; note: string | null; actorId: string }]>('startOutsideStep');
/** The outside body is done: the reviewer's clock resumes, due dates moved by the working days paused. */
export const endOutsideStepUpdate = defineUpdate<{ stepId: string }, [{ stepId: string; actorId: string; referenceNumber?: string | null; date?: string | null }]>('endOutsideStep');
/** Monitoring found the plan needs changing: a revision goes through review and endorsement again. */
export const openRevisionUpdate = defineUpdate<{ generation: number }, [{ actorId: string; reason: string }]>('openRevision');
/** The secretariat closes the member comment period (agencies that have not commented by then are not waited for). */
export const closeCommentsUpdate = defineUpdate<{ closed: number }, [{ actorId: string }]>('closeComments');

/** Why the plan's workflow refused an update; the API maps each to a 409 naming the plan's state. */
export const PlanRefusal = {
  WRONG_STAGE: 'PLAN_WRONG_STAGE',
  OUTSIDE_STEP_OPEN: 'PLAN_OUTSIDE_STEP_OPEN',
  NO_OUTSIDE_STEP: 'PLAN_NO_OUTSIDE_STEP',
} as const;
