import type { PlanAnalyticsOverview, PlanDiffView, PlanList, PlanVersionView, PlanView } from '@gugus/contracts';
import { plansApi } from './plansApi';
import { useApiMutation } from './useApiMutation';
import { useApiQuery, type QueryState } from './useApiQuery';
import { usePageVisible } from './usePageVisible';
import { usePolling } from './usePolling';

/** How often a plan that is moving is asked for again while its page is looked at. */
export const PLAN_POLL_MS = 5_000;

/** Monitoring and closed plans change only when someone changes them here (a report, an allocation), not on their own. */
export const isPlanSettled = (plan: PlanView) => plan.stage === 'monitoring' || plan.stage === 'closed';

// Plans are read in the reader's language on the client (texts are data or bilingual), so keys carry no language.

/** Plans of a jurisdiction, newest first. Idle while undefined. */
export function usePlans(jurisdictionCode: string | undefined): QueryState<PlanList> {
  return useApiQuery(jurisdictionCode && `plans:${jurisdictionCode}`, (signal) => plansApi.list(jurisdictionCode ?? '', signal));
}

export function usePlan(id: string | undefined): QueryState<PlanView> {
  return useApiQuery(id && `plan:${id}`, (signal) => plansApi.plan(id ?? '', signal));
}

/**
 * A plan that keeps itself current while it moves through its stages (others decide, the process
 * records): asked again every {@link PLAN_POLL_MS} while the tab is visible, until it is settled
 * ({@link isPlanSettled}); asked at once when the tab is shown again, and on `reload()`.
 */
export function useLivePlan(id: string | undefined): QueryState<PlanView> {
  const visible = usePageVisible();
  const { data, error, isLoading, refresh } = usePolling((signal) => plansApi.plan(id ?? '', signal), { key: id && `plan:${id}`, enabled: id !== undefined && visible, intervalMs: PLAN_POLL_MS, isDone: isPlanSettled });
  return { data, error, isLoading, reload: refresh };
}

/** One version of a plan (an earlier round stays readable). Idle until both are known. */
export function usePlanVersion(id: string | undefined, seq: number | undefined): QueryState<PlanVersionView> {
  const key = id && seq !== undefined ? `plan-version:${id}:${seq}` : undefined;
  return useApiQuery(key, (signal) => plansApi.version(id ?? '', seq ?? 0, signal));
}

/** What changed from version `from` to `to`, and which earlier comments the changes address. */
export function usePlanDiff(id: string | undefined, from: number | undefined, to: number | undefined): QueryState<PlanDiffView> {
  const key = id && from !== undefined && to !== undefined ? `plan-diff:${id}:${from}:${to}` : undefined;
  return useApiQuery(key, (signal) => plansApi.diff(id ?? '', from ?? 0, to ?? 0, signal));
}

export function usePlanAnalyticsOverview(jurisdictionCode: string | undefined): QueryState<PlanAnalyticsOverview> {
  return useApiQuery(jurisdictionCode && `plan-analytics:${jurisdictionCode}`, (signal) => plansApi.overview(jurisdictionCode ?? '', signal));
}

export const useStartPlan = () => useApiMutation(plansApi.start);
export const useStartOutsideStep = () => useApiMutation(plansApi.startOutsideStep);
export const useEndOutsideStep = () => useApiMutation(plansApi.endOutsideStep);
export const useRecordAllocation = () => useApiMutation(plansApi.recordAllocation);
export const useClosePlanComments = () => useApiMutation(plansApi.closeComments);
export const useOpenPlanRevision = () => useApiMutation(plansApi.openRevision);
/** Fetches an export with the session (a link could not carry it). */
export const usePlanExport = () => useApiMutation(plansApi.export);
