import type { BilingualText, FormOverlay, FormSchema, Sensitivity } from '@gugus/forms';

// Pure edits of a province overlay. Each returns a new overlay and leaves empty sections out, so the
// JSON view stays as small as what the province actually changed.

type AddedField = NonNullable<FormOverlay['addFields']>[number];

function tidy(overlay: FormOverlay): FormOverlay {
  const out: FormOverlay = {};
  if (overlay.addFields?.length) out.addFields = overlay.addFields;
  for (const key of ['relabel', 'help', 'extendOptions', 'order'] as const) {
    const section = overlay[key] as Record<string, unknown> | undefined;
    if (section && Object.keys(section).length) (out as Record<string, unknown>)[key] = section;
  }
  if (overlay.hide?.length) out.hide = overlay.hide;
  if (overlay.require?.length) out.require = overlay.require;
  return out;
}

function withoutKey<T>(record: Record<string, T> | undefined, key: string): Record<string, T> {
  const copy = { ...(record ?? {}) };
  delete copy[key];
  return copy;
}

/** The kinds of field a province can add from the form editor. */
export type NewFieldType = 'text' | 'number' | 'date' | 'choice';

export interface NewField {
  name: string;
  label: BilingualText;
  type: NewFieldType;
  /** The option list of a choice (one the national form already uses). */
  optionsKey?: string;
  sensitivity: Sensitivity;
  required: boolean;
  /** Asked (and required) only when another top-level field has this value. */
  when?: { field: string; equals: string | number | boolean };
}

/** The JSON Schema of a new field of `type`. */
export function schemaForNewField(field: Pick<NewField, 'type' | 'label' | 'sensitivity' | 'optionsKey'>): FormSchema {
  const base: FormSchema = { 'x-label': field.label, 'x-sensitivity': field.sensitivity };
  switch (field.type) {
    case 'text':
      return { type: 'string', maxLength: 2000, ...base };
    case 'number':
      return { type: 'number', ...base };
    case 'date':
      // Every province text needs a maxLength (the server's allow-list); a date is ten characters.
      return { type: 'string', format: 'date', maxLength: 10, ...base };
    case 'choice':
      return { type: 'string', 'x-options': field.optionsKey, ...base };
  }
}

/** The editor's type of a field the province added (undefined when it was written by hand in JSON). */
export function newFieldType(schema: FormSchema): NewFieldType | undefined {
  if (schema.type === 'string' && schema['x-options']) return 'choice';
  if (schema.type === 'string' && schema.format === 'date') return 'date';
  if (schema.type === 'string' && !schema.format) return 'text';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  return undefined;
}

/** Adds a field at the top level. A condition makes the field required when it holds (the engine's rule). */
export function addField(overlay: FormOverlay, field: NewField): FormOverlay {
  const added: AddedField = { parent: '', name: field.name, schema: schemaForNewField(field) };
  if (field.required || field.when) added.required = true;
  if (field.when) added.when = field.when;
  return tidy({ ...overlay, addFields: [...(overlay.addFields ?? []), added] });
}

/** Changes the type of a field the province added (national fields keep theirs). */
export function retypeAddedField(overlay: FormOverlay, path: string, type: NewFieldType, optionsKey?: string): FormOverlay {
  return tidy({
    ...overlay,
    addFields: (overlay.addFields ?? []).map((f) => {
      if (`${f.parent}/${f.name}` !== path) return f;
      const label = f.schema['x-label'] ?? { id: f.name, en: f.name };
      const sensitivity = f.schema['x-sensitivity'] ?? 'internal';
      return { ...f, schema: schemaForNewField({ type, label, sensitivity, optionsKey }) };
    }),
  });
}

/** Removes a field the province added, with everything else the overlay says about it. */
export function removeAddedField(overlay: FormOverlay, path: string): FormOverlay {
  const { name } = { name: path.slice(path.lastIndexOf('/') + 1) };
  const parent = path.slice(0, path.lastIndexOf('/'));
  const under = (p: string) => p === path || p.startsWith(`${path}/`);
  const drop = <T>(record: Record<string, T> | undefined) => Object.fromEntries(Object.entries(record ?? {}).filter(([p]) => !under(p)));
  return tidy({
    ...overlay,
    addFields: (overlay.addFields ?? []).filter((f) => `${f.parent}/${f.name}` !== path),
    relabel: drop(overlay.relabel),
    help: drop(overlay.help),
    extendOptions: drop(overlay.extendOptions),
    hide: overlay.hide?.filter((p) => !under(p)),
    require: overlay.require?.filter((p) => !under(p)),
    order: overlay.order?.[parent] ? { ...overlay.order, [parent]: overlay.order[parent].filter((n) => n !== name) } : overlay.order,
  });
}

/** Gives a field new labels, or (with undefined) its national ones back. An added field's labels are its own. */
export function relabel(overlay: FormOverlay, path: string, label: BilingualText | undefined): FormOverlay {
  const added = overlay.addFields?.find((f) => `${f.parent}/${f.name}` === path);
  if (added && label) {
    return tidy({ ...overlay, addFields: overlay.addFields?.map((f) => (f === added ? { ...f, schema: { ...f.schema, 'x-label': label } } : f)) });
  }
  return tidy({ ...overlay, relabel: label ? { ...overlay.relabel, [path]: label } : withoutKey(overlay.relabel, path) });
}

/** Appends a province choice to a choice field. */
export function extendOptions(overlay: FormOverlay, path: string, option: { code: string; label: BilingualText }): FormOverlay {
  return tidy({ ...overlay, extendOptions: { ...overlay.extendOptions, [path]: [...(overlay.extendOptions?.[path] ?? []), option] } });
}

export function removeExtraOption(overlay: FormOverlay, path: string, code: string): FormOverlay {
  const rest = (overlay.extendOptions?.[path] ?? []).filter((o) => o.code !== code);
  return tidy({ ...overlay, extendOptions: rest.length ? { ...overlay.extendOptions, [path]: rest } : withoutKey(overlay.extendOptions, path) });
}

/** Hides an optional, non-core field (or shows it again). A hidden field leaves the custom order too. */
export function setHidden(overlay: FormOverlay, path: string, hidden: boolean): FormOverlay {
  const { parent, name } = { parent: path.slice(0, path.lastIndexOf('/')), name: path.slice(path.lastIndexOf('/') + 1) };
  const hide = (overlay.hide ?? []).filter((p) => p !== path);
  const order = hidden && overlay.order?.[parent] ? { ...overlay.order, [parent]: overlay.order[parent].filter((n) => n !== name) } : overlay.order;
  return tidy({ ...overlay, hide: hidden ? [...hide, path] : hide, order });
}

/** Requires an optional field in this province (or stops requiring it). */
export function setRequired(overlay: FormOverlay, path: string, required: boolean): FormOverlay {
  const added = overlay.addFields?.find((f) => `${f.parent}/${f.name}` === path);
  if (added) return tidy({ ...overlay, addFields: overlay.addFields?.map((f) => (f === added ? { ...f, required } : f)) });
  const rest = (overlay.require ?? []).filter((p) => p !== path);
  return tidy({ ...overlay, require: required ? [...rest, path] : rest });
}

/** Moves a field of `parent` one place up (-1) or down (+1), given the order shown now. */
export function move(overlay: FormOverlay, parent: string, shown: readonly string[], name: string, delta: -1 | 1): FormOverlay {
  const from = shown.indexOf(name);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= shown.length) return overlay;
  const next = [...shown];
  [next[from], next[to]] = [next[to], next[from]];
  return tidy({ ...overlay, order: { ...overlay.order, [parent]: next } });
}
