import type { BilingualText, FormOverlay, FormSchema, Language, Sensitivity, UiSchema } from '@gugus/forms';
import { nodeAt, orderedNames, splitPath, type EditorBase, type VariantPreview } from './variantModel';

export type FieldKind = 'group' | 'list' | 'multiChoice' | 'choice' | 'date' | 'text' | 'money' | 'integer' | 'number' | 'boolean' | 'other';

export function kindOf(node: FormSchema): FieldKind {
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (type === 'object') return 'group';
  if (type === 'array') return node.items?.['x-options'] ? 'multiChoice' : 'list';
  if (type === 'string') return node['x-options'] ? 'choice' : node.format === 'date' ? 'date' : 'text';
  if (type === 'integer') return node['x-unit'] === 'IDR' ? 'money' : 'integer';
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'other';
}

export interface FieldOption {
  code: string;
  label: string;
  /** Added by this province (can be removed again). */
  added: boolean;
}

/** One field as the editor lists it: national state, what the overlay does to it, and what it allows. */
export interface FieldRow {
  path: string;
  name: string;
  parent: string;
  depth: number;
  /** Label as the variant shows it (the province's if relabelled). */
  label: BilingualText;
  nationalLabel?: BilingualText;
  kind: FieldKind;
  core: boolean;
  sensitivity?: Sensitivity;
  /** Required by the national form (always, or under a condition). */
  requiredNationally: boolean;
  conditional: boolean;
  /** Required in this province on top of the national form. */
  requiredHere: boolean;
  added: boolean;
  hidden: boolean;
  relabelled: boolean;
  /** The condition of a province field ("only when X equals Y"). */
  when?: { field: string; equals: string | number | boolean };
  options?: FieldOption[];
  /** Moves within its parent: only top-level fields can be reordered here. */
  movable: boolean;
}

function requiredIn(parent: FormSchema | undefined, name: string): { always: boolean; conditional: boolean } {
  return {
    always: Boolean(parent?.required?.includes(name)),
    conditional: Boolean(parent?.allOf?.some((b) => b.then?.required?.includes(name))),
  };
}

function uiAt(ui: UiSchema, path: string): UiSchema {
  let node: UiSchema | undefined = ui;
  for (const part of path.split('/').filter(Boolean)) node = node && Object.hasOwn(node, part) ? (node[part] as UiSchema) : undefined;
  return node ?? {};
}

/**
 * The fields of the variant in the order the form shows them, each followed by its nested fields; hidden
 * national fields stay listed (at the end of their level) so they can be shown again.
 */
export function fieldRows(base: EditorBase, overlay: FormOverlay, preview: VariantPreview, language: Language): FieldRow[] {
  const variantSchema = preview.definition.schema;
  const hidden = new Set(overlay.hide ?? []);
  const addedPaths = new Map((overlay.addFields ?? []).map((f) => [`${f.parent}/${f.name}`, f]));
  const rows: FieldRow[] = [];

  const visit = (parentPath: string, depth: number) => {
    const baseNode = nodeAt(base.definition.schema, parentPath);
    const variantNode = nodeAt(variantSchema, parentPath);
    const visible = Object.keys(variantNode?.properties ?? {});
    const shown = orderedNames(visible, uiAt(preview.definition.uiSchema, parentPath)['ui:order']);
    const hiddenHere = Object.keys(baseNode?.properties ?? {}).filter((n) => !visible.includes(n));
    for (const name of [...shown, ...hiddenHere]) {
      const path = `${parentPath}/${name}`;
      const node = variantNode?.properties?.[name] ?? baseNode?.properties?.[name];
      if (!node) continue;
      const national = baseNode?.properties?.[name];
      const req = requiredIn(baseNode, name);
      const added = addedPaths.get(path);
      const key = node['x-options'] ?? node.items?.['x-options'];
      const list = key ? preview.lists.get(key) : undefined;
      const extra = new Set((overlay.extendOptions?.[path] ?? []).map((o) => o.code));
      rows.push({
        path,
        name,
        parent: parentPath,
        depth,
        label: overlay.relabel?.[path] ?? node['x-label'] ?? { id: name, en: name },
        nationalLabel: national?.['x-label'],
        kind: kindOf(node),
        core: Boolean(national?.['x-core']),
        sensitivity: node['x-sensitivity'],
        requiredNationally: req.always,
        conditional: req.conditional,
        requiredHere: added ? Boolean(added.required && !added.when) : Boolean(overlay.require?.includes(path)),
        added: Boolean(added),
        hidden: hidden.has(path) || !visible.includes(name),
        relabelled: Boolean(overlay.relabel?.[path]),
        when: added?.when,
        options: list?.options.map((o) => ({ code: o.code, label: o.label[language], added: extra.has(o.code) })),
        movable: parentPath === '' && visible.includes(name),
      });
      if (node.properties) visit(path, depth + 1);
      if (node.items?.properties) visit(`${path}/items`, depth + 1);
    }
  };
  visit('', 0);
  return rows;
}

/** The names of `parent`'s fields in the order shown now (what "move up/down" reorders). */
export function shownOrder(rows: readonly FieldRow[], parent: string): string[] {
  return rows.filter((r) => r.parent === parent && !r.hidden).map((r) => r.name);
}

export { splitPath };
