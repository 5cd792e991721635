import type { ErrorObject } from 'ajv';
import localizeEn from 'ajv-i18n/localize/en';
import localizeId from 'ajv-i18n/localize/id';
import { dataCategoryCodes } from './data-category';
import { fieldsOf } from './resolve';
import { addedFieldProblems, isReservedName, RESERVED_NAMES, reservedNameMessage, reservedSegmentOf, type OverlayFieldError } from './safety';
import type { BilingualText, FormDefinition, FormSchema, OptionList } from './types';

/**
 * A province variant as a declared overlay on a national base version. Because it is declarative, the
 * same overlay can be re-applied to a newer national version; whatever no longer fits is reported as
 * a conflict instead of being silently dropped.
 *
 * Paths are data paths as in {@link fieldsOf}: `/victim/sex`, `/activities/items/unit`.
 */
export interface FormOverlay {
  /** New fields, appended to the object at `parent` ('' for the top level). */
  addFields?: {
    parent: string;
    name: string;
    schema: FormSchema;
    required?: boolean;
    /** Shown (and required, if `required`) only when another field of the same object has this value. */
    when?: { field: string; equals: string | number | boolean };
  }[];
  relabel?: Record<string, BilingualText>;
  help?: Record<string, BilingualText>;
  /** Extra choices for a field with `x-options` (codes must not clash with the national list). */
  extendOptions?: Record<string, { code: string; label: BilingualText }[]>;
  /** Optional, non-core fields this province does not ask. */
  hide?: string[];
  /** Optional fields this province requires. */
  require?: string[];
  /** `ui:order` per object path ('' for the top level). */
  order?: Record<string, string[]>;
}

export type OverlayRule =
  | 'unknown-field'
  | 'core-field'
  | 'hide-required'
  | 'name-taken'
  | 'not-an-object'
  | 'not-a-choice'
  | 'code-clash'
  | 'bad-condition'
  | 'invalid-field';

/** Why a part of an overlay cannot apply. `path` names the field, `rule` the rule it breaks. */
export interface OverlayConflict {
  path: string;
  rule: OverlayRule;
  message: BilingualText;
}

const conflict = (path: string, rule: OverlayRule, id: string, en: string): OverlayConflict => ({ path, rule, message: { id, en } });

/** `record[key]` when the record has it itself: an inherited `__proto__` or `constructor` is never a field. */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function nodeAt(schema: FormSchema, path: string): FormSchema | undefined {
  let node: FormSchema | undefined = schema;
  for (const part of path.split('/').filter(Boolean)) {
    node = part === 'items' ? node?.items : own(node?.properties, part);
    if (!node) return undefined;
  }
  return node;
}

function parentAndName(path: string): { parent: string; name: string } {
  const i = path.lastIndexOf('/');
  return { parent: path.slice(0, i), name: path.slice(i + 1) };
}

/** The option list key a choice field uses (single or multiple choice), if any. */
function optionsKey(node: FormSchema): string | undefined {
  return node['x-options'] ?? node.items?.['x-options'];
}

/**
 * Applies `overlay` to a national base. Returns the variant definition (with province option lists
 * derived for extended choices) and every conflict; callers refuse to publish while there are any.
 */
export function applyOverlay(
  base: FormDefinition,
  overlay: FormOverlay,
  lists: ReadonlyMap<string, OptionList>,
  variantId: string,
): { definition: FormDefinition; lists: Map<string, OptionList>; conflicts: OverlayConflict[] } {
  const schema = structuredClone(base.schema);
  const uiSchema = structuredClone(base.uiSchema);
  const outLists = new Map(lists);
  const conflicts: OverlayConflict[] = [];

  // A reserved name anywhere in a path would lead to Object.prototype; such a part never applies.
  const reserved = (path: string, names: readonly string[] = []): boolean => {
    const name = reservedSegmentOf(path) ?? names.find(isReservedName);
    if (name) conflicts.push(conflict(path, 'invalid-field', reservedNameMessage(name).id, reservedNameMessage(name).en));
    return Boolean(name);
  };

  for (const add of overlay.addFields ?? []) {
    const path = `${add.parent}/${add.name}`;
    if (reserved(path, add.when ? [add.when.field] : [])) continue;
    const parent = nodeAt(schema, add.parent);
    if (!parent?.properties) {
      conflicts.push(conflict(path, 'not-an-object', `Induk ${add.parent || '(formulir)'} bukan kelompok isian.`, `Parent ${add.parent || '(form)'} is not a group of fields.`));
      continue;
    }
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(add.name)) {
      conflicts.push(conflict(path, 'invalid-field', 'Nama isian hanya huruf dan angka, diawali huruf.', 'Field names are letters and digits, starting with a letter.'));
      continue;
    }
    if (own(parent.properties, add.name)) {
      conflicts.push(conflict(path, 'name-taken', `Nama isian ${add.name} sudah dipakai formulir nasional.`, `The national form already has a field ${add.name}.`));
      continue;
    }
    // Only what the allow-list admits (the server refuses the rest before it gets here).
    const [problem] = addedFieldProblems(add.schema, { optionLists: lists, dataCategories: dataCategoryCodes(lists) });
    if (problem) {
      const where = problem.pointer ? ` (${problem.pointer.slice(1)})` : '';
      conflicts.push(conflict(path, 'invalid-field', `Isian baru tidak dapat ditambahkan${where}: ${problem.message.id}`, `The new field cannot be added${where}: ${problem.message.en}`));
      continue;
    }
    // Province fields never count nationally.
    parent.properties[add.name] = { ...structuredClone(add.schema), 'x-core': false };
    if (add.when) {
      if (!own(parent.properties, add.when.field)) {
        conflicts.push(conflict(path, 'bad-condition', `Syarat merujuk isian yang tidak ada: ${add.when.field}.`, `The condition refers to a missing field: ${add.when.field}.`));
        continue;
      }
      if (add.required) {
        parent.allOf = [...(parent.allOf ?? []), { if: { properties: { [add.when.field]: { const: add.when.equals } }, required: [add.when.field] }, then: { required: [add.name] } }];
      }
    } else if (add.required) {
      parent.required = [...(parent.required ?? []), add.name];
    }
  }

  for (const [path, label] of Object.entries(overlay.relabel ?? {})) {
    if (reserved(path)) continue;
    const node = nodeAt(schema, path);
    if (!node) conflicts.push(conflict(path, 'unknown-field', `Isian ${path} tidak ada di formulir.`, `The form has no field ${path}.`));
    else node['x-label'] = label;
  }
  for (const [path, help] of Object.entries(overlay.help ?? {})) {
    if (reserved(path)) continue;
    const node = nodeAt(schema, path);
    if (!node) conflicts.push(conflict(path, 'unknown-field', `Isian ${path} tidak ada di formulir.`, `The form has no field ${path}.`));
    else node['x-help'] = help;
  }

  for (const [path, extra] of Object.entries(overlay.extendOptions ?? {})) {
    if (reserved(path)) continue;
    const node = nodeAt(schema, path);
    const key = node && optionsKey(node);
    const list = key ? lists.get(key) : undefined;
    if (!node || !key || !list) {
      conflicts.push(conflict(path, 'not-a-choice', `Isian ${path} bukan isian pilihan.`, `Field ${path} is not a choice field.`));
      continue;
    }
    const clash = extra.filter((o) => list.options.some((n) => n.code === o.code));
    if (clash.length) {
      conflicts.push(conflict(path, 'code-clash', `Kode sudah ada di daftar nasional: ${clash.map((c) => c.code).join(', ')}.`, `Codes already in the national list: ${clash.map((c) => c.code).join(', ')}.`));
      continue;
    }
    const variantKey = `${key}@${variantId}${path.replace(/\//g, '.')}`;
    outLists.set(variantKey, { ...list, key: variantKey, options: [...list.options, ...extra] });
    if (node['x-options']) node['x-options'] = variantKey;
    else if (node.items) node.items['x-options'] = variantKey;
  }

  for (const path of overlay.hide ?? []) {
    if (reserved(path)) continue;
    const node = nodeAt(schema, path);
    const { parent, name } = parentAndName(path);
    const parentNode = nodeAt(schema, parent);
    if (!node || !parentNode?.properties) conflicts.push(conflict(path, 'unknown-field', `Isian ${path} tidak ada di formulir.`, `The form has no field ${path}.`));
    else if (node['x-core']) conflicts.push(conflict(path, 'core-field', `Isian inti ${path} dipakai pelaporan nasional dan tidak boleh disembunyikan.`, `Core field ${path} feeds national reporting and cannot be hidden.`));
    else if (parentNode.required?.includes(name)) conflicts.push(conflict(path, 'hide-required', `Isian wajib ${path} tidak boleh disembunyikan.`, `Required field ${path} cannot be hidden.`));
    else {
      // Hidden: the field is not asked; stored data for it is cleared (additionalProperties stays open).
      delete parentNode.properties[name];
      const ui = uiAt(uiSchema, parent);
      if (Array.isArray(ui['ui:order'])) ui['ui:order'] = (ui['ui:order'] as string[]).filter((n) => n !== name);
    }
  }

  for (const path of overlay.require ?? []) {
    if (reserved(path)) continue;
    const { parent, name } = parentAndName(path);
    const parentNode = nodeAt(schema, parent);
    if (!parentNode || !own(parentNode.properties, name)) conflicts.push(conflict(path, 'unknown-field', `Isian ${path} tidak ada di formulir.`, `The form has no field ${path}.`));
    else if (!parentNode.required?.includes(name)) parentNode.required = [...(parentNode.required ?? []), name];
  }

  for (const [path, order] of Object.entries(overlay.order ?? {})) {
    if (reserved(path, order)) continue;
    const node = nodeAt(schema, path);
    if (!node?.properties) {
      conflicts.push(conflict(path, 'not-an-object', `Induk ${path || '(formulir)'} bukan kelompok isian.`, `Parent ${path || '(form)'} is not a group of fields.`));
      continue;
    }
    const unknown = order.filter((n) => n !== '*' && !own(node.properties, n));
    if (unknown.length) conflicts.push(conflict(path, 'unknown-field', `Urutan menyebut isian yang tidak ada: ${unknown.join(', ')}.`, `The order names missing fields: ${unknown.join(', ')}.`));
    else uiAt(uiSchema, path)['ui:order'] = order.includes('*') ? order : [...order, '*'];
  }

  return { definition: { ...base, schema, uiSchema }, lists: outLists, conflicts };
}

function uiAt(ui: Record<string, unknown>, path: string): Record<string, unknown> {
  let node = ui;
  for (const part of path.split('/').filter(Boolean)) {
    // Callers pass checked paths; this guard keeps a slip from writing onto Object.prototype.
    if (isReservedName(part)) throw new Error(`reserved path segment ${part}`);
    if (!Object.hasOwn(node, part)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  return node;
}

export type ChangeKind = 'removed-field' | 'narrowed-type' | 'removed-option' | 'new-required' | 'added-field' | 'added-option' | 'relabelled';

/** One difference between two versions; `breaking` when data valid before may be invalid (or lost) after. */
export interface FormChange {
  path: string;
  kind: ChangeKind;
  breaking: boolean;
}

function typesOf(node: FormSchema): string[] {
  return Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
}

function requiredPaths(schema: FormSchema): Set<string> {
  const out = new Set<string>();
  const visit = (node: FormSchema, path: string) => {
    for (const r of node.required ?? []) out.add(`${path}/${r}`);
    for (const [name, child] of Object.entries(node.properties ?? {})) visit(child, `${path}/${name}`);
    if (node.items) visit(node.items, `${path}/items`);
    // Conditional requirements count too: they can make an old draft incomplete.
    for (const branch of node.allOf ?? []) for (const r of branch.then?.required ?? []) out.add(`${path}/${r}`);
  };
  visit(schema, '');
  return out;
}

/**
 * Classifies the changes from `before` to `after` (both resolved against their option lists). Breaking:
 * a removed field, a narrowed type, a removed option, a new required field.
 */
export function classifyChanges(before: FormDefinition, after: FormDefinition, listsBefore: ReadonlyMap<string, OptionList>, listsAfter: ReadonlyMap<string, OptionList>): FormChange[] {
  const changes: FormChange[] = [];
  const a = new Map(fieldsOf(before.schema).map((f) => [f.path, f.node]));
  const b = new Map(fieldsOf(after.schema).map((f) => [f.path, f.node]));
  for (const [path, old] of a) {
    const now = b.get(path);
    if (!now) {
      changes.push({ path, kind: 'removed-field', breaking: true });
      continue;
    }
    const oldTypes = typesOf(old);
    const newTypes = typesOf(now);
    if (oldTypes.some((t) => !newTypes.includes(t) && !(t === 'integer' && newTypes.includes('number')))) changes.push({ path, kind: 'narrowed-type', breaking: true });
    const codes = (node: FormSchema, lists: ReadonlyMap<string, OptionList>) => {
      const key = optionsKey(node);
      return new Set(key ? (lists.get(key)?.options.map((o) => o.code) ?? []) : []);
    };
    const oldCodes = codes(old, listsBefore);
    const newCodes = codes(now, listsAfter);
    if ([...oldCodes].some((c) => !newCodes.has(c))) changes.push({ path, kind: 'removed-option', breaking: true });
    if ([...newCodes].some((c) => !oldCodes.has(c))) changes.push({ path, kind: 'added-option', breaking: false });
    if (JSON.stringify(old['x-label']) !== JSON.stringify(now['x-label'])) changes.push({ path, kind: 'relabelled', breaking: false });
  }
  for (const path of b.keys()) if (!a.has(path)) changes.push({ path, kind: 'added-field', breaking: false });
  const reqBefore = requiredPaths(before.schema);
  for (const path of requiredPaths(after.schema)) if (!reqBefore.has(path) && b.has(path)) changes.push({ path, kind: 'new-required', breaking: true });
  return changes;
}

const bilingual = { type: 'object', required: ['id', 'en'], additionalProperties: false, properties: { id: { type: 'string', minLength: 1, maxLength: 500 }, en: { type: 'string', minLength: 1, maxLength: 500 } } };
// Reserved names (`__proto__`, `prototype`, `constructor`) are refused in every path and name; the
// engine checks them again when it applies an overlay. Written without lookahead: the server compiles
// this shape with RE2.
const notReservedPath = { not: { pattern: `(^|/)(${RESERVED_NAMES.join('|')})(/|$)` } };
const notReservedName = { not: { enum: [...RESERVED_NAMES] } };
const path = { type: 'string', maxLength: 300, pattern: '^(/[A-Za-z0-9_]+)*$', ...notReservedPath };
const fieldName = { type: 'string', maxLength: 60, pattern: '^[a-zA-Z][a-zA-Z0-9]*$', ...notReservedName };

/** The shape of a {@link FormOverlay}, checked before applying one received from a person. */
export const OVERLAY_SHAPE = {
  type: 'object',
  additionalProperties: false,
  properties: {
    addFields: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['parent', 'name', 'schema'],
        additionalProperties: false,
        properties: {
          parent: path,
          name: fieldName,
          // Its content is checked against the allow-list (addedFieldProblems), which names each problem.
          schema: { type: 'object' },
          required: { type: 'boolean' },
          when: { type: 'object', required: ['field', 'equals'], additionalProperties: false, properties: { field: fieldName, equals: { type: ['string', 'number', 'boolean'], maxLength: 200 } } },
        },
      },
    },
    relabel: { type: 'object', maxProperties: 500, propertyNames: path, additionalProperties: bilingual },
    help: { type: 'object', maxProperties: 500, propertyNames: path, additionalProperties: bilingual },
    extendOptions: {
      type: 'object',
      maxProperties: 200,
      propertyNames: path,
      additionalProperties: {
        type: 'array',
        maxItems: 200,
        items: { type: 'object', required: ['code', 'label'], additionalProperties: false, properties: { code: { type: 'string', pattern: '^[a-z0-9]+(_[a-z0-9]+)*$', maxLength: 60 }, label: bilingual } },
      },
    },
    hide: { type: 'array', maxItems: 200, items: path },
    require: { type: 'array', maxItems: 200, items: path },
    order: { type: 'object', maxProperties: 200, propertyNames: path, additionalProperties: { type: 'array', maxItems: 300, items: { type: 'string', maxLength: 60, ...notReservedName } } },
  },
} as const;

/**
 * ajv's errors for {@link OVERLAY_SHAPE} as field errors in both languages, named from the request body
 * (`overlay/hide/0`; a refused key as `overlay/relabel/victim/__proto__`). A reserved name gets its own
 * message instead of ajv's "must NOT be valid".
 */
export function overlayShapeErrors(errors: readonly ErrorObject[] | null | undefined): OverlayFieldError[] {
  // `propertyNames` repeats what its inner error says, without the name.
  const relevant = (errors ?? []).filter((e) => e.keyword !== 'propertyNames');
  const inId = structuredClone(relevant);
  const inEn = structuredClone(relevant);
  localizeId(inId);
  localizeEn(inEn);
  return relevant.map((e, i) => {
    const key = e.propertyName;
    const field = `overlay${e.instancePath}${key === undefined ? '' : key.startsWith('/') ? key : `/${key}`}`;
    if (e.keyword === 'not') return { field, message: reservedNameMessage(key?.split('/').find(isReservedName)) };
    return { field, message: { id: inId[i].message ?? e.keyword, en: inEn[i].message ?? e.keyword } };
  });
}
