import type { CoordinationMeetingSettings } from '@gugus/contracts';

/** Process settings, as meetings need them (implemented by `@gugus/server-process-settings`). */
export interface MeetingSettingsSource {
  effective(processKey: string, jurisdictionCode: string): Promise<{ version: number; settings: unknown }>;
}

export const MEETING_SETTINGS = Symbol('MEETING_SETTINGS');
export const MEETING_PROCESS_KEY = 'coordination-meeting';
export type { CoordinationMeetingSettings };
