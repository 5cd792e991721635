import type { CaseFiguresView, PeriodicReportView, ReportCycleView, PublicFiguresView, ReportDashboardView, ReportExportKind, ReportExportView } from '@gugus/contracts';
import { apiClient, withQuery, type DownloadedFile } from './apiClient';
import { useApiMutation, type MutationState } from './useApiMutation';
import { useApiQuery, type QueryState } from './useApiQuery';
import { usePolling } from './usePolling';

/** Monitoring and reporting (issue 12): aggregates only. */
export const reportsApi = {
  /** A quarter's case figures of a region (00, a province or a regency/city), by breakdown; the read is audited. */
  caseFigures: (jurisdictionCode: string, year: number, quarter: number, signal?: AbortSignal) =>
    apiClient.get<CaseFiguresView>(withQuery('/reports/case-figures', { jurisdictionCode, year, quarter }), { signal }),
  /** The monitoring dashboard of a range of quarters, national (00) or a province's. */
  dashboard: (q: { jurisdictionCode: string; from: string; to: string }, signal?: AbortSignal) => apiClient.get<ReportDashboardView>(withQuery('/reports/dashboard', q), { signal }),
  /** The report cycles, newest first. */
  cycles: (signal?: AbortSignal) => apiClient.get<ReportCycleSummary[]>('/reports/cycles', { signal }),
  /** A cycle with the reports the caller covers and timeliness per level. */
  cycle: (period: string, signal?: AbortSignal) => apiClient.get<ReportCycleView>(`/reports/cycles/${encodeURIComponent(period)}`, { signal }),
  /** Opens a quarter's cycle by hand (national level). */
  openCycle: ({ period }: { period: string }) => apiClient.post<ReportCycleView>('/reports/cycles', { period }),
  /** One version of a report with its figures. */
  report: (id: string, signal?: AbortSignal) => apiClient.get<PeriodicReportView>(`/reports/periodic/${encodeURIComponent(id)}`, { signal }),
  /** Corrects an accepted report: a new version goes through the same review. */
  correct: ({ id, reason }: { id: string; reason: string }) => apiClient.post<PeriodicReportView>(`/reports/periodic/${encodeURIComponent(id)}/corrections`, { reason }),
  /** The same figures as a CSV file (the export is audited). */
  caseFiguresCsv: ({ jurisdictionCode, year, quarter }: { jurisdictionCode: string; year: number; quarter: number }): Promise<DownloadedFile> =>
    apiClient.download(withQuery('/reports/case-figures.csv', { jurisdictionCode, year, quarter })),
  /** Starts an XLSX export of the accepted reports of a scope and range; it runs in the background. */
  startExport: (q: { kind: ReportExportKind; format: 'xlsx' | 'csv'; jurisdictionCode: string; from: string; to: string }) => apiClient.post<ReportExportView>('/reports/exports', q),
  /** An export's progress (the caller's own exports only). */
  exportStatus: (id: string, signal?: AbortSignal) => apiClient.get<ReportExportView>(`/reports/exports/${encodeURIComponent(id)}`, { signal }),
  /** The public annual figures (no login). */
  publicFigures: (signal?: AbortSignal) => apiClient.get<PublicFiguresView>('/public/figures', { signal }),
  /** The finished export's file (audited). */
  exportFile: ({ id }: { id: string }): Promise<DownloadedFile> => apiClient.download(`/reports/exports/${encodeURIComponent(id)}/file`),
};

export function useCaseFiguresCsv(): MutationState<{ jurisdictionCode: string; year: number; quarter: number }, DownloadedFile> {
  return useApiMutation(reportsApi.caseFiguresCsv);
}

/** Idle without a region. */
export function useCaseFigures(jurisdictionCode: string | undefined, year: number, quarter: number): QueryState<CaseFiguresView> {
  return useApiQuery(jurisdictionCode ? `case-figures:${jurisdictionCode}:${year}:${quarter}` : undefined, (signal) => reportsApi.caseFigures(jurisdictionCode ?? '', year, quarter, signal));
}

/** A cycle as `GET /reports/cycles` lists it. */
export interface ReportCycleSummary {
  period: string;
  from: string;
  until: string;
  status: 'open' | 'closed';
  openedAt: string;
}

export function useReportCycles(): QueryState<ReportCycleSummary[]> {
  return useApiQuery('report-cycles', (signal) => reportsApi.cycles(signal));
}

/** Idle without a period. */
export function useReportCycle(period: string | undefined): QueryState<ReportCycleView> {
  return useApiQuery(period ? `report-cycle:${period}` : undefined, (signal) => reportsApi.cycle(period ?? '', signal));
}

/** Idle without an id. */
export function usePeriodicReport(id: string | undefined): QueryState<PeriodicReportView> {
  return useApiQuery(id ? `periodic-report:${id}` : undefined, (signal) => reportsApi.report(id ?? '', signal));
}

export function useOpenReportCycle(): MutationState<{ period: string }, ReportCycleView> {
  return useApiMutation(reportsApi.openCycle);
}

export function useCorrectReport(): MutationState<{ id: string; reason: string }, PeriodicReportView> {
  return useApiMutation(reportsApi.correct);
}

export function useReportDashboard(q: { jurisdictionCode: string; from: string; to: string } | undefined): QueryState<ReportDashboardView> {
  return useApiQuery(q ? `report-dashboard:${q.jurisdictionCode}:${q.from}:${q.to}` : undefined, (signal) => reportsApi.dashboard(q ?? { jurisdictionCode: '00', from: '', to: '' }, signal));
}

export function useStartReportExport(): MutationState<{ kind: ReportExportKind; format: 'xlsx' | 'csv'; jurisdictionCode: string; from: string; to: string }, ReportExportView> {
  return useApiMutation(reportsApi.startExport);
}

/** Polls an export's progress every half second until it is done or failed; idle without an id. */
export function useReportExport(id: string | undefined): QueryState<ReportExportView> {
  const { data, error, isLoading, refresh } = usePolling((signal) => reportsApi.exportStatus(id ?? '', signal), {
    key: id ? `report-export:${id}` : undefined,
    enabled: id !== undefined,
    intervalMs: 500,
    isDone: (x) => x.status !== 'running',
  });
  return { data, error, isLoading, reload: refresh };
}

export function useReportExportFile(): MutationState<{ id: string }, DownloadedFile> {
  return useApiMutation(reportsApi.exportFile);
}

/** The public annual figures; works logged out. */
export function usePublicFigures(): QueryState<PublicFiguresView> {
  return useApiQuery('public-figures', (signal) => reportsApi.publicFigures(signal));
}
