/*
 * The forms the benches measure: the largest form of the national library, and a generated form of any size.
 */
import { fieldsOf, FORM_LIBRARY, OPTION_LISTS, resolveForm, type FormSchema, type InvalidFixture, type UiSchema } from '@gugus/forms';

export interface LargestLibraryForm {
  key: string;
  fieldCount: number;
  /** Resolved for Bahasa Indonesia, as the forms API serves it to the browser. */
  schema: FormSchema;
  uiSchema: UiSchema;
  valid: unknown;
  invalid: InvalidFixture;
}

/** The form of the national library with the most fields (every depth, array items included). */
export function largestLibraryForm(): LargestLibraryForm {
  const largest = [...FORM_LIBRARY].sort((a, b) => fieldsOf(b.definition.schema).length - fieldsOf(a.definition.schema).length)[0];
  const resolved = resolveForm(largest.definition, OPTION_LISTS, 'id');
  return {
    key: largest.definition.key,
    fieldCount: fieldsOf(largest.definition.schema).length,
    schema: resolved.schema,
    uiSchema: resolved.uiSchema,
    valid: Object.values(largest.valid)[0],
    invalid: Object.values(largest.invalid)[0],
  };
}

/**
 * A generated form with `n` fields of mixed types (text, integer, date, choice, in turn), half of them
 * required. `invalid` breaks every integer field.
 */
export function generatedForm(n: number): { schema: FormSchema; valid: Record<string, unknown>; invalid: Record<string, unknown> } {
  const properties: Record<string, FormSchema> = {};
  const valid: Record<string, unknown> = {};
  const invalid: Record<string, unknown> = {};
  const required: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `f${i}`;
    const kind = i % 4;
    properties[name] = kind === 0 ? { type: 'string', maxLength: 200 } : kind === 1 ? { type: 'integer', minimum: 0 } : kind === 2 ? { type: 'string', format: 'date' } : { type: 'string', enum: ['a', 'b', 'c'] };
    valid[name] = kind === 0 ? `teks ${i}` : kind === 1 ? i : kind === 2 ? '2026-11-23' : 'b';
    invalid[name] = kind === 1 ? -1 : valid[name];
    if (i % 2 === 0) required.push(name);
  }
  return { schema: { type: 'object', required, properties }, valid, invalid };
}
