/** Process settings, as plans need them (implemented by `@gugus/server-process-settings`). */
export interface PlanSettingsSource {
  effective(processKey: string, jurisdictionCode: string): Promise<{ version: number; settings: unknown }>;
}

export const PLAN_SETTINGS = Symbol('PLAN_SETTINGS');
