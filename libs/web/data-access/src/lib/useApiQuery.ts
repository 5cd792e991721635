import type { ApiError } from './apiError';
import { usePolling } from './usePolling';

/** An unreachable API is asked again after this long; answers (even 4xx) are final until `reload()`. */
export const QUERY_RETRY_MS = 10_000;

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  isLoading: boolean;
  /** Ask again now, e.g. after a change; the current data stays visible meanwhile. */
  reload: () => void;
}

/**
 * Loads once per `key` (undefined: idle). Built on {@link usePolling}: a successful answer ends it,
 * a client error ends it, an outage is retried.
 */
export function useApiQuery<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>): QueryState<T> {
  const { data, error, isLoading, refresh } = usePolling(load, { key, enabled: key !== undefined, intervalMs: QUERY_RETRY_MS, isDone: () => true });
  return { data, error, isLoading, reload: refresh };
}
