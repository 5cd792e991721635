/** Process settings, as cases need them (implemented by `@gugus/server-process-settings`). */
export interface CaseSettingsSource {
  effective(processKey: string, jurisdictionCode: string): Promise<{ version: number; settings: unknown }>;
}

export const CASE_SETTINGS = Symbol('CASE_SETTINGS');
