import type { CaseFiguresView } from '@gugus/contracts';
import { apiClient, withQuery, type DownloadedFile } from './apiClient';
import { useApiMutation, type MutationState } from './useApiMutation';
import { useApiQuery, type QueryState } from './useApiQuery';

/** Monitoring and reporting (issue 12): aggregates only. */
export const reportsApi = {
  /** A quarter's case figures of a region (00, a province or a regency/city), by breakdown; the read is audited. */
  caseFigures: (jurisdictionCode: string, year: number, quarter: number, signal?: AbortSignal) =>
    apiClient.get<CaseFiguresView>(withQuery('/reports/case-figures', { jurisdictionCode, year, quarter }), { signal }),
  /** The same figures as a CSV file (the export is audited). */
  caseFiguresCsv: ({ jurisdictionCode, year, quarter }: { jurisdictionCode: string; year: number; quarter: number }): Promise<DownloadedFile> =>
    apiClient.download(withQuery('/reports/case-figures.csv', { jurisdictionCode, year, quarter })),
};

export function useCaseFiguresCsv(): MutationState<{ jurisdictionCode: string; year: number; quarter: number }, DownloadedFile> {
  return useApiMutation(reportsApi.caseFiguresCsv);
}

/** Idle without a region. */
export function useCaseFigures(jurisdictionCode: string | undefined, year: number, quarter: number): QueryState<CaseFiguresView> {
  return useApiQuery(jurisdictionCode ? `case-figures:${jurisdictionCode}:${year}:${quarter}` : undefined, (signal) => reportsApi.caseFigures(jurisdictionCode ?? '', year, quarter, signal));
}
