import type { FormDefinition, FormSchema, Language, OptionList, UiSchema } from './types';

export class UnknownOptionListError extends Error {
  constructor(
    readonly pointer: string,
    readonly list: string,
  ) {
    super(`${pointer}: unknown option list "${list}"`);
  }
}

/** A form ready for one language: enums expanded from option lists, labels in that language. */
export interface ResolvedForm {
  key: string;
  version: string;
  title: string;
  description?: string;
  schema: FormSchema;
  uiSchema: UiSchema;
}

/** Visits every schema node under `properties`, `items`, `allOf`, `if`/`then`/`else`, with its JSON pointer. */
export function walkSchema(node: FormSchema, visit: (node: FormSchema, pointer: string) => void, pointer = ''): void {
  visit(node, pointer);
  for (const [name, child] of Object.entries(node.properties ?? {})) walkSchema(child, visit, `${pointer}/properties/${name}`);
  if (node.items) walkSchema(node.items, visit, `${pointer}/items`);
  node.allOf?.forEach((child, i) => walkSchema(child, visit, `${pointer}/allOf/${i}`));
  for (const k of ['if', 'then', 'else'] as const) if (node[k]) walkSchema(node[k] as FormSchema, visit, `${pointer}/${k}`);
}

/** The data fields of a schema: every property at every depth, with its data path (e.g. `/activities/items/budget`). */
export function fieldsOf(schema: FormSchema): { path: string; node: FormSchema }[] {
  const out: { path: string; node: FormSchema }[] = [];
  const visit = (node: FormSchema, path: string) => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      out.push({ path: `${path}/${name}`, node: child });
      visit(child, `${path}/${name}`);
    }
    if (node.items) visit(node.items, `${path}/items`);
  };
  visit(schema, '');
  return out;
}

function uiNodeFor(ui: UiSchema, dataPath: string): UiSchema {
  let node = ui;
  for (const part of dataPath.split('/').filter(Boolean)) {
    // Own entries only: `ui['__proto__']` would be Object.prototype, and writing labels there reaches every object.
    if (!Object.hasOwn(node, part)) Object.defineProperty(node, part, { value: {}, enumerable: true, writable: true, configurable: true });
    node = node[part] as UiSchema;
  }
  return node;
}

/**
 * Expands `x-options` into `enum` (validation) and `ui:enumNames` (labels), and `x-label`/`x-help` into
 * `title`/`description`, for `language`. The definition is not modified.
 */
export function resolveForm(form: FormDefinition, lists: ReadonlyMap<string, OptionList>, language: Language): ResolvedForm {
  const schema = structuredClone(form.schema);
  const uiSchema = structuredClone(form.uiSchema);
  walkSchema(schema, (node, pointer) => {
    if (node['x-label']) node.title = node['x-label'][language];
    if (node['x-help']) node.description = node['x-help'][language];
    const listKey = node['x-options'];
    if (listKey) {
      const list = lists.get(listKey);
      if (!list) throw new UnknownOptionListError(pointer, listKey);
      node.enum = list.options.map((o) => o.code);
    }
  });
  for (const { path, node } of fieldsOf(schema)) {
    const listKey = node['x-options'] ?? node.items?.['x-options'];
    if (!listKey) continue;
    const list = lists.get(listKey) as OptionList;
    const names = Object.fromEntries(list.options.map((o) => [o.code, o.label[language]]));
    // rjsf reads a multiple choice's labels from the array field's own uiSchema.
    const ui = uiNodeFor(uiSchema, path);
    ui['ui:enumNames'] = names;
  }
  return {
    key: form.key,
    version: form.version,
    title: form.title[language],
    description: form.description?.[language],
    schema,
    uiSchema,
  };
}
