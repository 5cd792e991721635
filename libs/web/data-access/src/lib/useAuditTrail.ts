import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntryView, AuditKind } from '@gugus/contracts';
import { apiClient, withQuery } from './apiClient';
import { toApiError, type ApiError } from './apiError';

export const AUDIT_PAGE_SIZE = 50;

/** Filters of the audit trail; `from`/`to` are ISO date-times (inclusive). */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** `read`: only reads of records (who viewed what, and why). */
  kind?: AuditKind;
  /** This jurisdiction and those below it. */
  jurisdictionCode?: string;
  from?: string;
  to?: string;
}

export const auditApi = {
  /** Newest first; `beforeSeq` pages backwards. */
  list: (filter: AuditFilter, page: { limit: number; beforeSeq?: number }, signal?: AbortSignal) =>
    apiClient.get<AuditEntryView[]>(withQuery('/audit', { ...filter, ...page }), { signal }),
};

export interface AuditTrailState {
  entries: AuditEntryView[];
  /** The last page was full: there may be older entries. */
  hasMore: boolean;
  isLoading: boolean;
  error: ApiError | undefined;
  loadMore: () => void;
}

interface Pages {
  key: string;
  entries: AuditEntryView[];
  hasMore: boolean;
  isLoading: boolean;
  error?: ApiError;
}

/** The audit trail for a filter, one page at a time ("load more" asks for entries before the oldest shown). */
export function useAuditTrail(filter: AuditFilter): AuditTrailState {
  const key = JSON.stringify(filter);
  const [pages, setPages] = useState<Pages>({ key, entries: [], hasMore: false, isLoading: true });
  const controller = useRef<AbortController | undefined>(undefined);

  const fetchPage = useCallback(
    async (forKey: string, beforeSeq: number | undefined) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setPages((prev) => (prev.key === forKey ? { ...prev, isLoading: true, error: undefined } : { key: forKey, entries: [], hasMore: false, isLoading: true }));
      try {
        const page = await auditApi.list(JSON.parse(forKey) as AuditFilter, { limit: AUDIT_PAGE_SIZE, beforeSeq }, current.signal);
        if (current.signal.aborted) return;
        setPages((prev) => ({
          key: forKey,
          entries: beforeSeq === undefined || prev.key !== forKey ? page : [...prev.entries, ...page],
          hasMore: page.length === AUDIT_PAGE_SIZE,
          isLoading: false,
        }));
      } catch (err) {
        if (current.signal.aborted) return;
        setPages((prev) => ({ ...(prev.key === forKey ? prev : { key: forKey, entries: [], hasMore: false }), isLoading: false, error: toApiError(err) }));
      }
    },
    [],
  );

  useEffect(() => {
    void fetchPage(key, undefined);
    return () => controller.current?.abort();
  }, [fetchPage, key]);

  const current: Pages = pages.key === key ? pages : { key, entries: [], hasMore: false, isLoading: true };
  const oldest = current.entries.at(-1)?.seq;
  const loadMore = useCallback(() => {
    if (oldest !== undefined) void fetchPage(key, oldest);
  }, [fetchPage, key, oldest]);
  return { entries: current.entries, hasMore: current.hasMore, isLoading: current.isLoading, error: current.error, loadMore };
}
