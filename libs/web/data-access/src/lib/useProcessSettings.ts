import type { ProcessSettingsOverview } from '@gugus/contracts';
import { processSettingsApi } from './processSettingsApi';
import { useApiMutation } from './useApiMutation';
import { useApiQuery, type QueryState } from './useApiQuery';

/** Settings of `processKey` in effect in `jurisdictionCode`, where they come from, and that jurisdiction's history. Idle while either is undefined. */
export function useProcessSettings(processKey: string | undefined, jurisdictionCode: string | undefined): QueryState<ProcessSettingsOverview> {
  const key = processKey && jurisdictionCode ? `process-settings:${processKey}:${jurisdictionCode}` : undefined;
  return useApiQuery(key, (signal) => processSettingsApi.overview(processKey ?? '', jurisdictionCode ?? '', signal));
}

export const useSaveProcessSettings = () => useApiMutation(processSettingsApi.save);
