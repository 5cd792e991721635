import type { AuditFilter } from '@gugus/web-data-access';

/** What the filter form holds: plain texts, dates as YYYY-MM-DD (calendar days in WIB), `kind` `read` or empty. */
export interface AuditFilterDraft {
  action: string;
  targetType: string;
  jurisdictionCode: string;
  from: string;
  to: string;
  kind: string;
}

export const FILTER_KEYS = ['action', 'targetType', 'jurisdictionCode', 'from', 'to', 'kind'] as const satisfies readonly (keyof AuditFilterDraft)[];

export const EMPTY_DRAFT: AuditFilterDraft = { action: '', targetType: '', jurisdictionCode: '', from: '', to: '', kind: '' };

export function draftFromParams(params: URLSearchParams): AuditFilterDraft {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as AuditFilterDraft;
}

/** The API filter: whole WIB days, `from` at 00:00 and `to` through 23:59:59.999 (the API's bounds are inclusive). */
export function toAuditFilter(draft: AuditFilterDraft): AuditFilter {
  const filter: AuditFilter = {};
  if (draft.action.trim()) filter.action = draft.action.trim();
  if (draft.targetType.trim()) filter.targetType = draft.targetType.trim();
  if (draft.jurisdictionCode.trim()) filter.jurisdictionCode = draft.jurisdictionCode.trim();
  if (draft.kind === 'read') filter.kind = 'read';
  if (draft.from) filter.from = `${draft.from}T00:00:00.000+07:00`;
  if (draft.to) filter.to = `${draft.to}T23:59:59.999+07:00`;
  return filter;
}
