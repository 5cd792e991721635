import type { ProcessSettingsValue, ProcessSettingsOverview, ProcessSettingsVersionView } from '@gugus/contracts';
import { apiClient, withQuery } from './apiClient';

/** A new settings version to save for one process and jurisdiction. */
export interface NewSettingsVersion {
  processKey: string;
  jurisdictionCode: string;
  settings: ProcessSettingsValue;
  note?: string;
}

const seg = encodeURIComponent;

/** Per-jurisdiction process settings: what applies, where from, and its versions. */
export const processSettingsApi = {
  overview: (processKey: string, jurisdictionCode: string, signal?: AbortSignal) =>
    apiClient.get<ProcessSettingsOverview>(withQuery(`/process-settings/${seg(processKey)}`, { jurisdictionCode }), { signal }),
  save: ({ processKey, jurisdictionCode, settings, note }: NewSettingsVersion) =>
    apiClient.post<ProcessSettingsVersionView>(`/process-settings/${seg(processKey)}/${seg(jurisdictionCode)}`, { settings, note: note || undefined }),
};
