import { NATIONAL_CODE, withDefaults, type ProcessSettingsDefinition, type ProcessSettingsSource, type ProcessSettingsVersionView } from '@gugus/contracts';
import type { ProcessSettingsRow } from './process-settings.entity';

export function toVersionView<T>(definition: ProcessSettingsDefinition<T>, row: ProcessSettingsRow): ProcessSettingsVersionView<T> {
  return {
    id: row.id,
    processKey: row.processKey,
    jurisdictionCode: row.jurisdictionCode,
    version: row.version,
    settings: withDefaults(definition, row.settings),
    note: row.note,
    createdBy: row.createdBy ? { id: row.createdBy, name: row.createdByName ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Which level effective settings were defined at. */
export function sourceOf(jurisdictionCode: string, version: number): ProcessSettingsSource {
  if (version === 0) return 'default';
  if (jurisdictionCode === NATIONAL_CODE) return 'national';
  return jurisdictionCode.includes('.') ? 'regency' : 'province';
}
