import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020';
import localizeEn from 'ajv-i18n/localize/en';
import localizeId from 'ajv-i18n/localize/id';
import { FORM_AJV_OPTIONS, FORM_FORMATS } from '@gugus/forms';
import type { Language } from '@gugus/web-i18n';

export type FormData = Record<string, unknown>;
export type FormValidator = ValidatorType<FormData, RJSFSchema>;

const LOCALIZERS = { id: localizeId, en: localizeEn } as const;
const validators = new Map<Language, FormValidator>();

const OBJECT_KEYWORDS = ['properties', 'required', 'patternProperties', 'additionalProperties', 'minProperties', 'maxProperties', 'dependentRequired'];

/** True when `schema` speaks of an object's members (itself or through `not`/`allOf`/`anyOf`/`oneOf`) without saying it is one. */
function isUntypedObjectCondition(schema: RJSFSchema): boolean {
  if (typeof schema !== 'object' || schema === null || schema.type !== undefined) return false;
  if (OBJECT_KEYWORDS.some((k) => k in schema)) return true;
  const nested = [schema.not, ...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  return nested.some((s) => typeof s === 'object' && s !== null && isUntypedObjectCondition(s as RJSFSchema));
}

/**
 * rjsf evaluates `if` branches (to know which conditional fields are required) by compiling each one on
 * its own. Standing alone, `{ properties, required }` (or `{ not: { properties } }`) has no `type`, which
 * the strict configuration refuses — and a refused condition would count as not holding; inside the form
 * it inherits `type: object` from its parent. The engine compiles conditions the same way
 * (`clearInapplicable`). Validation of the data itself is untouched.
 */
function asStandaloneCondition(schema: RJSFSchema): RJSFSchema {
  return isUntypedObjectCondition(schema) ? { type: 'object', ...schema } : schema;
}

/**
 * The validator rjsf uses, one per language: Ajv 2020 with the server's options and formats
 * (`FORM_AJV_OPTIONS`, `FORM_FORMATS` from `@gugus/forms`), messages localised by ajv-i18n.
 */
export function formValidator(language: Language): FormValidator {
  let validator = validators.get(language);
  if (!validator) {
    const created = customizeValidator<FormData>(
      // ajv's 2020 class has the same constructor as the default one rjsf types against.
      { AjvClass: Ajv2020 as never, ajvOptionsOverrides: FORM_AJV_OPTIONS, ajvFormatOptions: [...FORM_FORMATS] },
      LOCALIZERS[language],
    );
    const isValid = created.isValid.bind(created);
    created.isValid = (schema, formData, rootSchema) => isValid(asStandaloneCondition(schema), formData, rootSchema);
    validator = created;
    validators.set(language, validator);
  }
  return validator;
}
