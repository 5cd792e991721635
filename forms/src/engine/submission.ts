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

/** ajv's errors in both languages (ajv-i18n), one per field and keyword; structural noise dropped. */
export function fieldErrors(errors: readonly ErrorObject[] | null | undefined): FormFieldError[] {
  if (!errors?.length) return [];
  // `if` only reports that a `then` failed; the `then` error itself is listed separately.
  const relevant = errors.filter((e) => e.keyword !== 'if');
  const inId = structuredClone(relevant);
  const inEn = structuredClone(relevant);
  localizeId(inId);
  localizeEn(inEn);
  const seen = new Set<string>();
  const out: FormFieldError[] = [];
  relevant.forEach((e, i) => {
    const field = fieldOf(e);
    const key = `${field}|${e.keyword}`;
    if (seen.has(key)) return;
    seen.add(key);
    const message = ownMessage(e.keyword) ?? { id: (inId[i].message ?? e.keyword).trim(), en: (inEn[i].message ?? e.keyword).trim() };
    out.push({ field, keyword: e.keyword, message });
  });
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
 * Removes answers to conditional fields whose condition does not hold (fields required only in an
 * `allOf` `then` branch whose `if` fails), at every depth, so hidden answers are never silently kept.
 * Returns the cleaned copy and the pointers it cleared.
 */
export function clearInapplicable(ajv: Ajv2020, schema: FormSchema, data: unknown): { data: unknown; cleared: string[] } {
  // First find what to clear; copy the data only when there is something (the common case has nothing).
  const clear: { holder: string[]; name: string }[] = [];
  const visit = (node: FormSchema, value: unknown, path: string[]) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      if (node.items) value.forEach((item, i) => visit(node.items as FormSchema, item, [...path, String(i)]));
      return;
    }
    const record = value as Record<string, unknown>;
    // A field applies if any rule that requires it holds; it is cleared only when none does.
    const applies = new Map<string, boolean>();
    for (const branch of node.allOf ?? []) {
      if (!branch.if || !branch.then?.required) continue;
      const holds = conditionOf(ajv, branch.if)(record);
      for (const name of branch.then.required) applies.set(name, (applies.get(name) ?? false) || holds);
    }
    for (const [name, holds] of applies) {
      if (!holds && !node.required?.includes(name) && Object.hasOwn(record, name)) clear.push({ holder: path, name });
    }
    for (const [name, child] of Object.entries(node.properties ?? {})) if (Object.hasOwn(record, name)) visit(child, record[name], [...path, name]);
  };
  visit(schema, data, []);
  if (!clear.length) return { data, cleared: [] };
  const copy = structuredClone(data);
  for (const { holder, name } of clear) {
    const record = holder.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy) as Record<string, unknown>;
    delete record[name];
  }
  return { data: copy, cleared: clear.map(({ holder, name }) => `/${[...holder, name].join('/')}`) };
}

/** Validates `data` and returns its errors (none when valid). */
export function validateForm(validate: ValidateFunction, data: unknown): FormFieldError[] {
  return validate(data) ? [] : fieldErrors(validate.errors);
}
