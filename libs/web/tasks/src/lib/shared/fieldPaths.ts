import type { FormSchema, UiSchema } from '@gugus/forms';

/** A place in a form a comment can point at: its JSON pointer and its label as the reader sees it. */
export interface FieldTarget {
  pointer: string;
  label: string;
}

const titleOf = (node: FormSchema, fallback: string) => (typeof node.title === 'string' && node.title ? node.title : fallback);

/** The order rjsf shows the fields of an object in: `ui:order` first (with `*` for the rest), then the schema's. */
function orderedKeys(schema: FormSchema, uiSchema: UiSchema | undefined): string[] {
  const keys = Object.keys(schema.properties ?? {});
  const order = Array.isArray(uiSchema?.['ui:order']) ? (uiSchema['ui:order'] as string[]) : [];
  const listed = order.filter((k) => k !== '*' && keys.includes(k));
  const rest = keys.filter((k) => !listed.includes(k));
  const star = order.indexOf('*');
  return star < 0 ? [...listed, ...rest] : [...listed.slice(0, star), ...rest, ...listed.slice(star)];
}

/**
 * What a reviewer can point a comment at in a reviewed form: each top-level field that has an answer,
 * and each item of a list (e.g. each action point), in the order the form shows them.
 */
export function commentTargets(schema: FormSchema, uiSchema: UiSchema, data: Record<string, unknown>): FieldTarget[] {
  const out: FieldTarget[] = [];
  for (const key of orderedKeys(schema, uiSchema)) {
    const node = schema.properties?.[key] as FormSchema;
    const value = data[key];
    if (value === undefined || value === null || value === '') continue;
    const label = titleOf(node, key);
    out.push({ pointer: `/${key}`, label });
    if (Array.isArray(value) && node.items?.type === 'object') {
      value.forEach((_, i) => out.push({ pointer: `/${key}/${i}`, label: `${label} #${i + 1}` }));
    }
  }
  return out;
}

/** The id rjsf gives the field at `pointer` (`/actionPoints/1` → `root_actionPoints_1`). */
export function fieldDomId(pointer: string, idPrefix = 'root'): string {
  return [idPrefix, ...pointer.split('/').filter(Boolean)].join('_');
}

/** `text` as a CSS string literal: quotes and backslashes escaped, line breaks kept as line breaks. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\A ')}"`;
}

/** Pointers are checked by the API (`/a/0/b`, letters, digits, `_` and `-`); anything else is not styled. */
const SAFE_POINTER = /^(\/[A-Za-z0-9_-]+)+$/;

/**
 * Style rules that mark each commented field of a form in place and show the comment under it, so the
 * person revising sees it where the change is due. `scope` is a selector for the form's container.
 */
export function commentMarkerCss(scope: string, comments: readonly { field?: string; text: string }[], prefix: string, idPrefix = 'root'): string {
  const byField = new Map<string, string[]>();
  for (const c of comments) {
    if (!c.field || !SAFE_POINTER.test(c.field)) continue;
    byField.set(c.field, [...(byField.get(c.field) ?? []), c.text]);
  }
  return [...byField.entries()]
    .map(([pointer, texts]) => {
      const selector = `${scope} [data-field="${fieldDomId(pointer, idPrefix)}"]`;
      return `${selector}{box-shadow:inset 4px 0 0 var(--gu-color-accent);padding-left:var(--gu-space-3)}${selector}::before{content:${cssString(`${prefix} ${texts.join(' / ')}`)};display:block;white-space:pre-wrap;margin-bottom:var(--gu-space-2);color:var(--gu-color-accent);font-weight:600}`;
    })
    .join('\n');
}
