import Ajv2020 from 'ajv/dist/2020';
import type { Options } from 'ajv';
import addFormats from 'ajv-formats';

/** Gugus annotations: carried in schemas, ignored by validation itself. */
export const GUGUS_KEYWORDS = ['x-label', 'x-help', 'x-core', 'x-sensitivity', 'x-options', 'x-unit', 'x-data-category'] as const;

/** The formats forms may use (forms/README.md). */
export const FORM_FORMATS = ['date', 'date-time', 'email', 'uri'] as const;

/**
 * The one ajv configuration. The browser passes the same options to `@rjsf/validator-ajv8`'s
 * `customizeValidator` (with Ajv2020 as the class), so both sides accept and reject the same data.
 * `ownProperties`: a property counts only when the data has it itself, so `required: ['constructor']`
 * is not met by `Object.prototype.constructor` and `properties` never validate inherited values.
 */
export const FORM_AJV_OPTIONS: Options = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  ownProperties: true,
  keywords: [...GUGUS_KEYWORDS],
};

/**
 * A fresh validator instance for form schemas (draft 2020-12). `code` lets a server swap the regular
 * expression engine (`code.regExp`, RE2 in `@gugus/server-forms`) without this shared engine, which the
 * browser bundles too, depending on a native module.
 */
export function createFormAjv(code?: Options['code']): Ajv2020 {
  const ajv = new Ajv2020({ ...FORM_AJV_OPTIONS, ...(code ? { code } : {}) });
  addFormats(ajv, [...FORM_FORMATS]);
  return ajv;
}
