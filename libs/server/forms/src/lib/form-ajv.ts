import RE2 from 're2';
import re2 from 'ajv/dist/runtime/re2';
import type Ajv2020 from 'ajv/dist/2020';
import type { RegExpEngine } from 'ajv/dist/types';
import type { ValidateFunction } from 'ajv';
import { createFormAjv, inapplicableClearer, validateForm, type BilingualText, type FormFieldError, type FormSchema, type InapplicableClearer } from '@gugus/forms';

/**
 * The server's form validator: the shared configuration (`createFormAjv`) with RE2 as ajv's regular
 * expression engine (`code.regExp`, ajv's own RE2 adapter). RE2 runs in time linear in the input, so no
 * pattern — a province's or the nation's — can stall the API's event loop while a submission is checked.
 * Server-only: RE2 is a native module and must never reach the browser bundle.
 */
export function createServerFormAjv(): Ajv2020 {
  // ajv's adapter is the RE2 constructor with a `code` for standalone output; its typings describe the
  // module namespace rather than the callable ajv invokes as `regExp(pattern, flags)`.
  return createFormAjv({ regExp: re2 as unknown as RegExpEngine });
}

/** Why RE2 cannot compile `pattern` (as ajv will: with the `u` flag), or undefined when it can. */
export function re2PatternProblem(pattern: string): BilingualText | undefined {
  try {
    new RE2(pattern, 'u');
    return undefined;
  } catch {
    return {
      id: 'Pola tidak dapat dikompilasi oleh mesin pola server (RE2); hindari rujukan balik dan lookaround.',
      en: "The pattern cannot be compiled by the server's pattern engine (RE2); avoid backreferences and lookaround.",
    };
  }
}

/**
 * What the server checks a submission of one form version with, compiled once per version (a published
 * version never changes): clearing answers to questions that do not apply (on the definition's schema),
 * and the validator of the resolved schema.
 */
export interface SubmissionCheck {
  clear: InapplicableClearer;
  validate: ValidateFunction;
}

export function compileSubmissionCheck(ajv: Ajv2020, definitionSchema: FormSchema, resolvedSchema: FormSchema): SubmissionCheck {
  return { clear: inapplicableClearer(ajv, definitionSchema), validate: ajv.compile(resolvedSchema) };
}

/**
 * A submitted form's whole check, as the API runs it: inapplicable answers dropped, then the rest
 * validated; bilingual messages are made only for the fields in error.
 */
export function runSubmissionCheck(check: SubmissionCheck, data: unknown): { data: unknown; cleared: string[]; errors: FormFieldError[] } {
  const cleaned = check.clear(data);
  return { ...cleaned, errors: validateForm(check.validate, cleaned.data) };
}
