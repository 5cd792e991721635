import type { ActivityRef, PlanStage, SubTaskForceKind } from '@gugus/contracts';
import type { TaskAssignee } from '../tasks/task.messages';
import type { AgencyAssignment, CompileOutcome, PlanProcessPlan } from './plan.messages';

/** Activities of the plan-of-action process; implemented in libs/server/plans. All idempotent. */
export interface PlanActivities {
  /** Resolves who does what and captures the jurisdiction's settings (kept with the plan from then on). */
  preparePlan(input: { planId: string }): Promise<PlanProcessPlan>;
  /** Closes the open stage span and opens the next (timeline, analytics); keyed by `spanId` so a retry writes one. */
  recordStage(input: { planId: string; spanId: string; stage: PlanStage; round: number; holder: TaskAssignee | null; at: string; status?: 'draft' | 'endorsed' | 'under_revision' | 'closed'; generation?: number }): Promise<void>;
  /** Compiles the sections' submissions into the next immutable version (activity ids kept from the previous one). */
  compileVersion(input: { planId: string; versionId: string; kind: 'compiled' | 'member_revision' | 'legal_round' | 'revision'; round: number; generation: number; sections: { subTaskForce: SubTaskForceKind; submissionId: string | null }[] }): Promise<CompileOutcome>;
  /** The sections the comments of these tasks are anchored in (a comment on the whole plan names every section). */
  commentedSections(input: { planId: string; taskIds: string[] }): Promise<SubTaskForceKind[]>;
  /** The decree: marks the version endorsed; returns how often progress is reported. */
  recordDecree(input: { planId: string; versionSeq: number; submissionId: string | null; at: string }): Promise<{ monitoringFrequency: 'quarterly' | 'semester' | 'annual' }>;
  /** Who integrates a document into its budget for a fiscal year (0: the Renstra, once); agencies funded centrally are recorded as skipped. */
  integrationAssignments(input: { planId: string; document: 'renstra' | 'renja' | 'rka'; fiscalYear: number }): Promise<AgencyAssignment[]>;
  recordIntegration(input: { planId: string; agencyId: string; document: 'renstra' | 'renja' | 'rka' | 'dprd_approval'; fiscalYear: number; taskId: string; submissionId: string | null; status: 'open' | 'done' }): Promise<void>;
  /** The RKA proposals of a budget year, from the agencies' submitted RKA integration forms, to confirm after the DPRD's approval. */
  budgetApprovalAssignment(input: { planId: string; fiscalYear: number }): Promise<{ activities: ActivityRef[]; prefill: Record<string, unknown> }>;
  /** Records the proposals the DPRD approved as allocations (approved by parliament) against the endorsed version; once per task and activity. */
  recordApprovedBudget(input: { planId: string; fiscalYear: number; taskId: string; submissionId: string | null }): Promise<void>;
  /** Each responsible agency's activities for a period, pre-filled from the last report; records who is expected to report. */
  progressAssignments(input: { planId: string; period: string; year: number }): Promise<AgencyAssignment[]>;
  recordProgress(input: { planId: string; period: string; agencyId: string; taskId: string; submissionId: string | null; opened: boolean }): Promise<void>;
  /** For a revision: the previous sections with only the unfinished activities carried over (ids kept), as section answers. */
  revisionDrafts(input: { planId: string }): Promise<{ subTaskForce: SubTaskForceKind; prefill: Record<string, unknown> }[]>;
  /** A compiled performance report's starting answers, from the Sub-TFs' parts (achievements and contributions gathered, budgets summed). */
  reportPrefill(input: { planId: string; report: Record<string, unknown>; parts: { subTaskForce: SubTaskForceKind; submissionId: string | null }[] }): Promise<Record<string, unknown>>;
  /** Records an outside body's step (and ends it). */
  recordOutsideStep(input: { planId: string; stepId: string; round: number; body: string; referenceNumber: string; date: string; note: string | null; actorId: string; at: string }): Promise<void>;
  endOutsideStep(input: { planId: string; stepId: string; at: string; referenceNumber?: string | null; date?: string | null }): Promise<void>;
}
