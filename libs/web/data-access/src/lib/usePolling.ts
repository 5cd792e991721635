import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from './apiError';

export interface PollingOptions<T> {
  /** Polling restarts, and earlier results are dropped, when this changes (e.g. a record ID). */
  key: string | undefined;
  intervalMs: number;
  enabled?: boolean;
  /** Stop polling once this returns true (e.g. a finished job). */
  isDone?: (data: T) => boolean;
}

export interface PollingState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True until the first answer or failure for the current key. */
  isLoading: boolean;
  /** Ask again now, then continue at the usual interval. */
  refresh: () => void;
}

interface Snapshot<T> {
  key: string | undefined;
  data?: T;
  error?: ApiError;
}

/** Loads, then reloads `intervalMs` after each answer, so slow answers never pile up. */
export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, options: PollingOptions<T>): PollingState<T> {
  const { key, intervalMs, enabled = true } = options;
  const loadRef = useRef(load);
  const isDoneRef = useRef(options.isDone);
  useEffect(() => {
    loadRef.current = load;
    isDoneRef.current = options.isDone;
  });
  const [snapshot, setSnapshot] = useState<Snapshot<T>>({ key });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async (): Promise<void> => {
      let again: boolean;
      try {
        const data = await loadRef.current(controller.signal);
        if (controller.signal.aborted) return;
        setSnapshot({ key, data });
        again = !isDoneRef.current?.(data);
      } catch (err) {
        if (controller.signal.aborted) return;
        const error = toApiError(err);
        setSnapshot((prev) => ({ key, data: prev.key === key ? prev.data : undefined, error }));
        again = !error.isClientError;
      }
      if (again) timer = setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [enabled, intervalMs, key, round]);

  const refresh = useCallback(() => setRound((r) => r + 1), []);
  const current: Snapshot<T> = snapshot.key === key ? snapshot : { key };
  return {
    data: current.data,
    error: current.error,
    isLoading: enabled && current.data === undefined && current.error === undefined,
    refresh,
  };
}
