import type {
  PlanAllocation,
  PlanAnalytics,
  PlanAnalyticsOverview,
  PlanDiffView,
  PlanList,
  PlanVersionView,
  PlanView,
  RecordAllocationRequest,
  StartOutsideStepRequest,
  StartPlanRequest,
} from '@gugus/contracts';
import { apiClient, withQuery, type DownloadedFile } from './apiClient';

/** What `GET /plans/:id/export.<format>` sends: the plan document (PDF) or its activities (XLSX). */
export type PlanExportFormat = 'pdf' | 'xlsx';

const seg = encodeURIComponent;

/** Plans of action (Rencana Aksi Daerah): the API's response types come from `@gugus/contracts` as they are. */
export const plansApi = {
  list: (jurisdictionCode: string, signal?: AbortSignal) => apiClient.get<PlanList>(withQuery('/plans', { jurisdictionCode }), { signal }),
  plan: (id: string, signal?: AbortSignal) => apiClient.get<PlanView>(`/plans/${seg(id)}`, { signal }),
  version: (id: string, seq: number, signal?: AbortSignal) => apiClient.get<PlanVersionView>(`/plans/${seg(id)}/versions/${seq}`, { signal }),
  diff: (id: string, from: number, to: number, signal?: AbortSignal) => apiClient.get<PlanDiffView>(withQuery(`/plans/${seg(id)}/diff`, { from, to }), { signal }),
  analytics: (id: string, signal?: AbortSignal) => apiClient.get<PlanAnalytics>(`/plans/${seg(id)}/analytics`, { signal }),
  /** Across the plans of a province (its secretariat), or of every province (`00`, the national analyst). */
  overview: (jurisdictionCode: string, signal?: AbortSignal) => apiClient.get<PlanAnalyticsOverview>(withQuery('/plans/analytics', { jurisdictionCode }), { signal }),
  /** Starts the plan's process; 400 with field errors, 409 when the jurisdiction has no task force to draft it. */
  start: (body: StartPlanRequest) => apiClient.post<PlanView>('/plans', body),
  /** The reviewer's clock stops while the draft is with a body outside the task force; 409 outside legal review or endorsement. */
  startOutsideStep: ({ planId, ...body }: StartOutsideStepRequest & { planId: string }) => apiClient.post<PlanView>(`/plans/${seg(planId)}/outside-steps`, body),
  endOutsideStep: ({ planId, stepId }: { planId: string; stepId: string }) => apiClient.post<PlanView>(`/plans/${seg(planId)}/outside-steps/${seg(stepId)}/end`, {}),
  /** Ends the member comment period: agencies that have not commented are not waited for (409 in another stage). */
  closeComments: (planId: string) => apiClient.post<PlanView>(`/plans/${seg(planId)}/close-comments`, {}),
  /** Monitoring found the plan needs changing: a new version goes through review and endorsement again. */
  openRevision: ({ planId, reason }: { planId: string; reason: string }) => apiClient.post<PlanView>(`/plans/${seg(planId)}/revision`, { reason }),
  /** 409 naming the plan's state before endorsement or while a revision is unendorsed. */
  recordAllocation: ({ planId, ...body }: RecordAllocationRequest & { planId: string }) => apiClient.post<PlanAllocation>(`/plans/${seg(planId)}/allocations`, body),
  /** The version `version` names, else the endorsed one (the newest before endorsement). */
  export: ({ planId, format, version }: { planId: string; format: PlanExportFormat; version?: number }): Promise<DownloadedFile> => apiClient.download(withQuery(`/plans/${seg(planId)}/export.${format}`, { version })),
};
