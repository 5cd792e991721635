import type { RJSFSchema } from '@rjsf/utils';
import type { ExtraErrors, FormSchema } from '@gugus/forms';
import type { Language } from '@gugus/web-i18n';
import { inapplicableFields, withoutPaths } from './conditions';
import { tidyErrors } from './errors';
import { formValidator, type FormData } from './validator';

/**
 * What `<SchemaForm>` shows for `data`, field by field, without rendering it: the answers to questions
 * that do not apply are dropped (as on every change), then the data is validated with the form's
 * validator and the messages are tidied as at the fields. Same shape as the server's `extraErrors`, so
 * the two can be compared (the browser/server parity test does).
 */
export function checkFormData(schema: FormSchema, data: FormData, language: Language): ExtraErrors {
  const validator = formValidator(language);
  const rjsfSchema = schema as RJSFSchema;
  const kept = withoutPaths(data, inapplicableFields(schema, data, (condition, value) => validator.isValid(condition as RJSFSchema, value, rjsfSchema)));
  const { errorSchema } = validator.validateFormData(kept, rjsfSchema, undefined, (errors) => tidyErrors(errors, language));
  return errorSchema as ExtraErrors;
}
