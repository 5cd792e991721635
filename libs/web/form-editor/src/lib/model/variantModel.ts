import {
  applyOverlay,
  classifyChanges,
  createFormAjv,
  fieldsOf,
  resolveForm,
  type BilingualText,
  type FormChange,
  type FormDefinition,
  type FormOverlay,
  type FormSchema,
  type Language,
  type OptionList,
  type OverlayConflict,
  type ResolvedForm,
  type UiSchema,
} from '@gugus/forms';

/** What the editor needs of a version from the API (a `FormVersionView`). */
export interface VersionLike {
  key: string;
  version: string;
  title: string;
  description?: string;
  schema: FormSchema;
  uiSchema: UiSchema;
}

/** The national base as the engine takes it, rebuilt from the API's resolved view. */
export interface EditorBase {
  definition: FormDefinition;
  lists: Map<string, OptionList>;
}

function uiAt(ui: UiSchema, path: string): UiSchema {
  let node: UiSchema | undefined = ui;
  // Own entries only: `ui['__proto__']` is Object.prototype, never a field's uiSchema.
  for (const part of path.split('/').filter(Boolean)) node = node && Object.hasOwn(node, part) ? (node[part] as UiSchema) : undefined;
  return node ?? {};
}

const both = (text: string): BilingualText => ({ id: text, en: text });

/**
 * The base definition and its option lists from a resolved version: the schema still carries its
 * `x-label`s (both languages) and `x-options`; each list's codes and labels come from the field's `enum`
 * and `ui:enumNames`, so they are exactly the server's, in the reader's language.
 */
export function baseFromVersion(view: VersionLike): EditorBase {
  const lists = new Map<string, OptionList>();
  for (const { path, node } of fieldsOf(view.schema)) {
    const key = node['x-options'] ?? node.items?.['x-options'];
    const codes = (node.enum ?? node.items?.enum) as unknown[] | undefined;
    if (!key || !codes || lists.has(key)) continue;
    const names = (uiAt(view.uiSchema, path)['ui:enumNames'] ?? {}) as Record<string, string>;
    lists.set(key, { key, title: both(key), options: codes.map((code) => ({ code: String(code), label: both(names[String(code)] ?? String(code)) })) });
  }
  return {
    definition: { key: view.key, version: view.version, title: both(view.title), description: view.description ? both(view.description) : undefined, schema: view.schema, uiSchema: view.uiSchema },
    lists,
  };
}

export interface VariantPreview {
  definition: FormDefinition;
  lists: Map<string, OptionList>;
  /** Parts of the overlay that cannot apply (the server refuses to save them). */
  conflicts: OverlayConflict[];
  /** Differences from the national base, breaking or additive. */
  changes: FormChange[];
  /** The form as a person filling it in sees it; undefined when the schema does not compile. */
  resolved?: ResolvedForm;
  /** Why the variant's schema does not compile (e.g. a bad type typed in the JSON view). */
  schemaError?: string;
}

// One validator for compile checks; each checked schema is removed again so it does not pile up.
let checker: ReturnType<typeof createFormAjv> | undefined;

/** Applies `overlay` to the base the way the server does, and resolves it for `language`. */
export function previewVariant(base: EditorBase, overlay: FormOverlay, provinceCode: string, language: Language): VariantPreview {
  const applied = applyOverlay(base.definition, overlay, base.lists, provinceCode);
  const changes = classifyChanges(base.definition, applied.definition, base.lists, applied.lists);
  const out: VariantPreview = { definition: applied.definition, lists: applied.lists, conflicts: applied.conflicts, changes };
  try {
    const resolved = resolveForm(applied.definition, applied.lists, language);
    checker ??= createFormAjv();
    checker.compile(resolved.schema);
    checker.removeSchema(resolved.schema);
    out.resolved = resolved;
  } catch (err) {
    out.schemaError = err instanceof Error ? err.message : String(err);
  }
  return out;
}

/** `names` ordered as rjsf orders them with `ui:order` (a `*` stands for all the others, in schema order). */
export function orderedNames(names: readonly string[], order: unknown): string[] {
  if (!Array.isArray(order)) return [...names];
  const listed = (order as string[]).filter((n) => n !== '*' && names.includes(n));
  const rest = names.filter((n) => !listed.includes(n));
  const at = (order as string[]).indexOf('*');
  if (at === -1) return [...listed, ...rest];
  const before = (order as string[]).slice(0, at).filter((n) => listed.includes(n));
  const after = (order as string[]).slice(at + 1).filter((n) => listed.includes(n));
  return [...before, ...rest, ...after];
}

/** Data path of the parent object and the field name. */
export function splitPath(path: string): { parent: string; name: string } {
  const i = path.lastIndexOf('/');
  return { parent: path.slice(0, i), name: path.slice(i + 1) };
}

export function nodeAt(schema: FormSchema, path: string): FormSchema | undefined {
  let node: FormSchema | undefined = schema;
  for (const part of path.split('/').filter(Boolean)) {
    // Own fields only: `properties['__proto__']` is Object.prototype, never a field.
    node = part === 'items' ? node?.items : node?.properties && Object.hasOwn(node.properties, part) ? node.properties[part] : undefined;
    if (!node) return undefined;
  }
  return node;
}
