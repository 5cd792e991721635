import type { ErrorObject, ValidateFunction } from 'ajv';
import localizeEn from 'ajv-i18n/localize/en';
import localizeId from 'ajv-i18n/localize/id';
import type { Ajv2020 } from 'ajv/dist/2020';
import type { BilingualText, FormSchema } from './types';

/** One field-level error: `field` is a JSON pointer into the data (`/victim/age`). */
export interface FormFieldError {
  field: string;
  keyword: string;
  message: BilingualText;
}

/** The shape rjsf's `extraErrors` takes: `{ victim: { age: { __errors: ['…'] } } }`. */
export interface ExtraErrors {
  __errors?: string[];
  [field: string]: ExtraErrors | string[] | undefined;
}

/**
 * The message for a missing answer, shown under the field's own label. ajv's "must have required property
 * 'X'" reads oddly there, so both the server (`fieldErrors`) and the browser (`tidyErrors` in
 * `@gugus/web-forms`) use this text instead: one message, wherever it is produced.
 */
export const REQUIRED_MESSAGE: BilingualText = { id: 'wajib diisi', en: 'is required' };

/**
 * The message for a `not` rule (an answer a form forbids in that case, e.g. sharing a data category the
 * consent does not cover). ajv's "must NOT be valid according to schema in "not"" says nothing to a
 * person; both the server and the browser use this text instead.
 */
export const NOT_ALLOWED_MESSAGE: BilingualText = { id: 'berisi pilihan yang tidak diizinkan di sini; periksa kembali pilihan Anda', en: 'holds a choice that is not allowed here; check your choices' };

/** The message a person reads for an ajv error of `keyword`, where Gugus words it itself; otherwise undefined. */
export function ownMessage(keyword: string): BilingualText | undefined {
  return keyword === 'required' ? REQUIRED_MESSAGE : keyword === 'not' ? NOT_ALLOWED_MESSAGE : undefined;
}

function fieldOf(e: ErrorObject): string {
  return e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath;
}

/**
 * ajv's errors in both languages (ajv-i18n), one per field and keyword; structural noise dropped. Only the
 * errors kept are worded, each on a light copy: ajv-i18n reads an error's `keyword` and `params` and sets
 * its `message`, so copying the whole error list twice (as a deep clone would) is wasted work.
 */
export function fieldErrors(errors: readonly ErrorObject[] | null | undefined): FormFieldError[] {
  if (!errors?.length) return [];
  const seen = new Set<string>();
  const out: FormFieldError[] = [];
  const toWord: { error: FormFieldError; id: ErrorObject; en: ErrorObject }[] = [];
  for (const e of errors) {
    // `if` only reports that a `then` failed; the `then` error itself is listed separately.
    if (e.keyword === 'if') continue;
    const field = fieldOf(e);
    const key = `${field}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const own = ownMessage(e.keyword);
    const error: FormFieldError = { field, keyword: e.keyword, message: own ?? { id: e.keyword, en: e.keyword } };
    out.push(error);
    if (!own) toWord.push({ error, id: { ...e }, en: { ...e } });
  }
  if (toWord.length) {
    localizeId(toWord.map((w) => w.id));
    localizeEn(toWord.map((w) => w.en));
    for (const { error, id, en } of toWord) error.message = { id: (id.message ?? error.keyword).trim(), en: (en.message ?? error.keyword).trim() };
  }
  return out;
}

/** Field errors as rjsf `extraErrors`, in one language, so the form shows each on its field. */
export function toExtraErrors(errors: readonly FormFieldError[], language: keyof BilingualText): ExtraErrors {
  const root: ExtraErrors = {};
  for (const error of errors) {
    let node = root;
    for (const part of error.field.split('/').filter(Boolean)) {
      // Own entries only, so a data key such as `__proto__` never leads to Object.prototype.
      if (!Object.hasOwn(node, part)) Object.defineProperty(node, part, { value: {}, enumerable: true, writable: true, configurable: true });
      node = node[part] as ExtraErrors;
    }
    node.__errors = [...(node.__errors ?? []), error.message[language]];
  }
  return root;
}

const conditionsByText = new WeakMap<Ajv2020, Map<string, ValidateFunction>>();
const conditionsByObject = new WeakMap<Ajv2020, WeakMap<FormSchema, ValidateFunction>>();

/** The compiled `if` of a rule, cached per validator instance, by object and (for fresh copies) by text. */
function conditionOf(ajv: Ajv2020, condition: FormSchema): ValidateFunction {
  let byObject = conditionsByObject.get(ajv);
  if (!byObject) conditionsByObject.set(ajv, (byObject = new WeakMap()));
  const known = byObject.get(condition);
  if (known) return known;
  let byText = conditionsByText.get(ajv);
  if (!byText) conditionsByText.set(ajv, (byText = new Map()));
  const key = JSON.stringify(condition);
  let validate = byText.get(key);
  if (!validate) byText.set(key, (validate = ajv.compile({ type: 'object', ...condition })));
  byObject.set(condition, validate);
  return validate;
}

/**
 * What clearing looks at in one part of a schema, worked out once per schema: the rules (`if` compiled)
 * deciding which of its fields apply, and only those parts below that have rules of their own. A form
 * without conditional fields has no plan at all, so clearing its answers costs nothing.
 */
interface ClearPlan {
  rules: { holds: ValidateFunction; names: readonly string[] }[];
  required: ReadonlySet<string>;
  properties: [string, ClearPlan][];
  items?: ClearPlan;
}

function planOf(ajv: Ajv2020, node: FormSchema): ClearPlan | undefined {
  const rules = (node.allOf ?? []).flatMap((branch) => (branch.if && branch.then?.required ? [{ holds: conditionOf(ajv, branch.if), names: branch.then.required }] : []));
  const properties = Object.entries(node.properties ?? {}).flatMap(([name, child]): [string, ClearPlan][] => {
    const plan = planOf(ajv, child);
    return plan ? [[name, plan]] : [];
  });
  const items = node.items ? planOf(ajv, node.items) : undefined;
  if (!rules.length && !properties.length && !items) return undefined;
  return { rules, required: new Set(node.required ?? []), properties, items };
}

/** Clears the inapplicable answers of one schema's data: see {@link clearInapplicable}. */
export type InapplicableClearer = (data: unknown) => { data: unknown; cleared: string[] };

const clearers = new WeakMap<Ajv2020, WeakMap<FormSchema, InapplicableClearer>>();

/**
 * {@link clearInapplicable} for one schema, its plan and conditions compiled once: keep it with the
 * schema's compiled validator (a published form version never changes).
 */
export function inapplicableClearer(ajv: Ajv2020, schema: FormSchema): InapplicableClearer {
  let bySchema = clearers.get(ajv);
  if (!bySchema) clearers.set(ajv, (bySchema = new WeakMap()));
  const known = bySchema.get(schema);
  if (known) return known;
  const plan = planOf(ajv, schema);
  const clearer: InapplicableClearer = (data) => {
    if (!plan) return { data, cleared: [] };
    // First find what to clear; copy the data only when there is something (the common case has nothing).
    const clear: { holder: string[]; name: string }[] = [];
    const visit = (node: ClearPlan, value: unknown, path: string[]) => {
      if (value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        const items = node.items;
        if (items) value.forEach((item, i) => visit(items, item, [...path, String(i)]));
        return;
      }
      const record = value as Record<string, unknown>;
      // A field applies if any rule that requires it holds; it is cleared only when none does.
      const applies = new Map<string, boolean>();
      for (const rule of node.rules) {
        const holds = rule.holds(record);
        for (const name of rule.names) applies.set(name, (applies.get(name) ?? false) || holds);
      }
      for (const [name, holds] of applies) {
        if (!holds && !node.required.has(name) && Object.hasOwn(record, name)) clear.push({ holder: path, name });
      }
      for (const [name, child] of node.properties) if (Object.hasOwn(record, name)) visit(child, record[name], [...path, name]);
    };
    visit(plan, data, []);
    if (!clear.length) return { data, cleared: [] };
    const copy = structuredClone(data);
    for (const { holder, name } of clear) {
      const record = holder.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy) as Record<string, unknown>;
      delete record[name];
    }
    return { data: copy, cleared: clear.map(({ holder, name }) => `/${[...holder, name].join('/')}`) };
  };
  bySchema.set(schema, clearer);
  return clearer;
}

/**
 * Removes answers to conditional fields whose condition does not hold (fields required only in an
 * `allOf` `then` branch whose `if` fails), at every depth, so hidden answers are never silently kept.
 * Returns the cleaned copy and the pointers it cleared.
 */
export function clearInapplicable(ajv: Ajv2020, schema: FormSchema, data: unknown): { data: unknown; cleared: string[] } {
  return inapplicableClearer(ajv, schema)(data);
}

/** Validates `data` and returns its errors (none when valid). */
export function validateForm(validate: ValidateFunction, data: unknown): FormFieldError[] {
  return validate(data) ? [] : fieldErrors(validate.errors);
}
