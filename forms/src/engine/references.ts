import type { UiSchema } from './types';

/** A value in a form's data that names a record elsewhere (an agency), with its JSON pointer. */
export interface Reference {
  pointer: string;
  value: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The uiSchema paths (`items` for array elements) of every field drawn with `widget`. */
function widgetPaths(ui: UiSchema, widget: string, path: string[] = []): string[][] {
  const out: string[][] = [];
  if (ui['ui:widget'] === widget) out.push(path);
  for (const [key, child] of Object.entries(ui)) if (!key.startsWith('ui:') && isRecord(child)) out.push(...widgetPaths(child, widget, [...path, key]));
  return out;
}

function valuesAt(value: unknown, path: readonly string[], pointer: string, out: Reference[]): void {
  if (!path.length) {
    if (value !== undefined && value !== null && value !== '') out.push({ pointer, value });
    return;
  }
  const [head, ...rest] = path;
  if (head === 'items' && Array.isArray(value)) value.forEach((element, i) => valuesAt(element, rest, `${pointer}/${i}`, out));
  else if (isRecord(value) && Object.hasOwn(value, head)) valuesAt(value[head], rest, `${pointer}/${head}`, out);
}

/**
 * Every agency a form's data names: the answers of fields drawn with the `agency-picker` widget, which
 * the server must check exist in the task force (the picker only offers those, but the API trusts no
 * client).
 */
export function agencyReferences(uiSchema: UiSchema, data: unknown): Reference[] {
  const out: Reference[] = [];
  for (const path of widgetPaths(uiSchema, 'agency-picker')) valuesAt(data, path, '', out);
  return out;
}
