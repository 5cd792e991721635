import type { HealthReport } from '@gugus/contracts';
import { apiClient } from './apiClient';
import type { ApiError } from './apiError';
import { usePolling } from './usePolling';

export const HEALTH_REFRESH_MS = 10_000;

export interface HealthState {
  report: HealthReport | undefined;
  error: ApiError | undefined;
  isLoading: boolean;
  refresh: () => void;
}

/** GET /health, refreshed every 10 s. A 503 still carries a full report (some component is down): it is data. */
export function useHealth(): HealthState {
  const { data, error, isLoading, refresh } = usePolling(
    (signal) => apiClient.get<HealthReport>('/health', { signal, acceptStatuses: [503] }),
    { key: 'health', intervalMs: HEALTH_REFRESH_MS },
  );
  return { report: data, error, isLoading, refresh };
}
