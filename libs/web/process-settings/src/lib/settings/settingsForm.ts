import type { ProcessSettingsValue, ProcessSettingsDefinition } from '@gugus/contracts';

/** What the form holds: numbers as typed (so a bad entry can be named), roles as chosen. */
export interface SettingsDraft {
  durations: Record<string, string>;
  roles: Record<string, string>;
}

export function draftOf(definition: ProcessSettingsDefinition<ProcessSettingsValue>, settings: ProcessSettingsValue): SettingsDraft {
  const values = settings as unknown as Record<string, unknown>;
  return {
    durations: Object.fromEntries(definition.durations.map((f) => [f.key, String(values[f.key] ?? '')])),
    roles: Object.fromEntries(definition.roles.map((f) => [f.key, String((settings.roles as Record<string, string>)[f.key] ?? '')])),
  };
}

/** The settings object the draft stands for; an empty number is left out and "abc" becomes NaN, so the schema names them. */
export function settingsOf(definition: ProcessSettingsDefinition<ProcessSettingsValue>, draft: SettingsDraft): unknown {
  const out: Record<string, unknown> = {};
  for (const f of definition.durations) {
    const raw = draft.durations[f.key]?.trim() ?? '';
    if (raw !== '') out[f.key] = Number(raw);
  }
  out['roles'] = { ...draft.roles };
  return out;
}

/** Dotted paths whose value differs between two settings objects, in the definition's order. */
export function changedFields(definition: ProcessSettingsDefinition<ProcessSettingsValue>, before: ProcessSettingsValue, after: ProcessSettingsValue): { field: string; from: string; to: string }[] {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const numbers = definition.durations.filter((f) => a[f.key] !== b[f.key]).map((f) => ({ field: f.key, from: String(a[f.key]), to: String(b[f.key]) }));
  const roleA = before.roles as Record<string, string>;
  const roleB = after.roles as Record<string, string>;
  const roles = definition.roles.filter((f) => roleA[f.key] !== roleB[f.key]).map((f) => ({ field: `roles.${f.key}`, from: roleA[f.key], to: roleB[f.key] }));
  return [...numbers, ...roles];
}
