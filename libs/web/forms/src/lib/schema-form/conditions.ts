import type { FormSchema, UiSchema } from '@gugus/forms';
import { INAPPLICABLE_OPTION } from './formContext';

/**
 * Conditional fields whose condition does not hold, as paths of property names. Same rule as the engine's
 * `clearInapplicable` (a field required only in `then` branches applies when one of their `if`s holds),
 * which drops such answers on the server: the form does not ask what would not be kept. Objects only;
 * array items share one uiSchema, so their conditional fields always show.
 */
export function inapplicableFields(schema: FormSchema, data: unknown, holds: (condition: FormSchema, value: Record<string, unknown>) => boolean): string[][] {
  const out: string[][] = [];
  const visit = (node: FormSchema, value: unknown, path: string[]) => {
    const record = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    const applies = new Map<string, boolean>();
    for (const branch of node.allOf ?? []) {
      if (!branch.if || !branch.then?.required) continue;
      const holdsNow = holds(branch.if, record);
      for (const name of branch.then.required) applies.set(name, (applies.get(name) ?? false) || holdsNow);
    }
    for (const [name, holdsNow] of applies) if (!holdsNow && !node.required?.includes(name)) out.push([...path, name]);
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      if (child.type === 'object' && child.properties) visit(child, record[name], [...path, name]);
    }
  };
  visit(schema, data, []);
  return out;
}

/** A copy of `uiSchema` with the inapplicable fields marked (FieldTemplate then renders nothing for them). */
export function markInapplicable(uiSchema: UiSchema, paths: readonly string[][]): UiSchema {
  if (!paths.length) return uiSchema;
  const copy = structuredClone(uiSchema);
  for (const path of paths) {
    let node = copy;
    for (const part of path) {
      node[part] = { ...((node[part] as UiSchema | undefined) ?? {}) };
      node = node[part] as UiSchema;
    }
    node[`ui:${INAPPLICABLE_OPTION}`] = true;
  }
  return copy;
}

/** A copy of `data` without the answers at `paths` (the same object when there are none). */
export function withoutPaths<T>(data: T, paths: readonly string[][]): T {
  const present = paths.filter((path) => {
    let node: unknown = data;
    for (const part of path) {
      if (node === null || typeof node !== 'object') return false;
      node = (node as Record<string, unknown>)[part];
    }
    return node !== undefined;
  });
  if (!present.length) return data;
  const copy = structuredClone(data);
  for (const path of present) {
    const holder = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy) as Record<string, unknown>;
    delete holder[path[path.length - 1]];
  }
  return copy;
}
