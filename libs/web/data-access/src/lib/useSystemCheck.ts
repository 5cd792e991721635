import { useCallback, useState } from 'react';
import type { SystemCheckView } from '@gugus/contracts';
import { apiClient } from './apiClient';
import { toApiError, type ApiError } from './apiError';
import { usePolling } from './usePolling';

export const SYSTEM_CHECK_POLL_MS = 1_000;

export function isSystemCheckFinished(check: SystemCheckView): boolean {
  return check.status === 'completed' || check.status === 'failed';
}

export interface StartSystemCheckState {
  /** The check as the API accepted it (202), before any polling. */
  started: SystemCheckView | undefined;
  error: ApiError | undefined;
  isStarting: boolean;
  start: () => Promise<SystemCheckView | undefined>;
}

/** POST /system-checks: starts the system check workflow. */
export function useStartSystemCheck(): StartSystemCheckState {
  const [state, setState] = useState<Omit<StartSystemCheckState, 'start'>>({ started: undefined, error: undefined, isStarting: false });
  const start = useCallback(async () => {
    setState({ started: undefined, error: undefined, isStarting: true });
    try {
      const started = await apiClient.post<SystemCheckView>('/system-checks', {});
      setState({ started, error: undefined, isStarting: false });
      return started;
    } catch (err) {
      setState({ started: undefined, error: toApiError(err), isStarting: false });
      return undefined;
    }
  }, []);
  return { ...state, start };
}

export interface SystemCheckState {
  check: SystemCheckView | undefined;
  error: ApiError | undefined;
}

/** GET /system-checks/:id every second until the check has completed or failed. Idle without an ID. */
export function useSystemCheck(id: string | undefined): SystemCheckState {
  const { data, error } = usePolling(
    (signal) => apiClient.get<SystemCheckView>(`/system-checks/${encodeURIComponent(id ?? '')}`, { signal }),
    { key: id, enabled: id !== undefined, intervalMs: SYSTEM_CHECK_POLL_MS, isDone: isSystemCheckFinished },
  );
  return { check: data, error };
}
