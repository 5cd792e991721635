import type { ErrorSchema, RJSFValidationError } from '@rjsf/utils';
import { ownMessage, type ExtraErrors } from '@gugus/forms';
import type { Language } from '@gugus/web-i18n';

/**
 * ajv's messages (already localised by ajv-i18n) tidied for showing at the field exactly as the server
 * words them (`fieldErrors` in `@gugus/forms`): the `if` that only reports a failed `then` is dropped, and
 * "must have required property 'X'" — which reads oddly under X's own label — and a `not` rule's message
 * become Gugus's own words (`ownMessage`).
 */
export function tidyErrors(errors: RJSFValidationError[], language: Language): RJSFValidationError[] {
  return errors
    .filter((e) => e.name !== 'if')
    .map((e) => {
      const message = (e.name && ownMessage(e.name)?.[language]) ?? (e.message ?? '').trim();
      return { ...e, message, stack: e.title ? `${e.title}: ${message}` : message };
    });
}

/** `errors` without the entry at `path` (the field the person just changed), so a fixed field stops showing the server's complaint. */
export function withoutPath(errors: ExtraErrors | undefined, path: readonly string[]): ExtraErrors | undefined {
  if (!errors || !path.length) return errors;
  const [head, ...rest] = path;
  const child = errors[head];
  if (child === undefined || Array.isArray(child)) return errors;
  const next = { ...errors };
  if (rest.length) {
    const pruned = withoutPath(child, rest);
    if (pruned) next[head] = pruned;
    else delete next[head];
  } else {
    delete next[head];
  }
  return Object.keys(next).length ? next : undefined;
}

export const asErrorSchema = (errors: ExtraErrors | undefined) => errors as ErrorSchema | undefined;
