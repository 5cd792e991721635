import { createFormAjv, FORM_LIBRARY, OPTION_LISTS, resolveForm } from '@gugus/forms';
import { createServerFormAjv, re2PatternProblem } from './form-ajv';

describe('the server form validator', () => {
  it('compiles patterns with RE2: a backreference, which RE2 cannot run, does not compile (the shared one does)', () => {
    const schema = { type: 'string', pattern: '^(a)\\1$' };
    expect(() => createFormAjv().compile(schema)).not.toThrow();
    expect(() => createServerFormAjv().compile(schema)).toThrow(/invalid escape|backreference|\\1/i);
  });

  it('answers at once for input that makes a backtracking engine run for hours', () => {
    // 2^40 paths for `(a|a)*` in a backtracking engine; RE2 is linear. A regression hangs this test.
    const validate = createServerFormAjv().compile({ type: 'string', pattern: '^(a|a)*$' });
    expect(validate(`${'a'.repeat(40)}!`)).toBe(false);
    expect(validate('aaaa')).toBe(true);
  });

  it.each(FORM_LIBRARY.map((f) => [f.definition.key, f] as const))('compiles the national form %s with RE2 and accepts its valid fixtures', (_key, form) => {
    const validate = createServerFormAjv().compile(resolveForm(form.definition, OPTION_LISTS, 'id').schema);
    for (const data of Object.values(form.valid)) expect(validate(data)).toBe(true);
  });

  it('validates a national pattern as before', () => {
    const validate = createServerFormAjv().compile({ type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });
    expect(validate('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(validate('not-a-uuid')).toBe(false);
  });

  it.each([
    ['a backreference', '^(a)\\1$'],
    ['a lookahead', '^(?=a)a$'],
    ['a lookbehind', '(?<=a)b'],
    ['a repetition above the RE2 limit (JavaScript accepts it)', '^[0-9]{1001}$'],
  ])('refuses %s, which RE2 cannot compile', (_what, pattern) => {
    expect(re2PatternProblem(pattern)).toEqual({ id: expect.stringContaining('RE2'), en: expect.stringContaining('RE2') });
  });

  it.each(['^[0-9]{16}$', '^(\\+62|0)8[0-9]{8,11}$', '^\\p{L}+$'])('admits %s', (pattern) => {
    expect(re2PatternProblem(pattern)).toBeUndefined();
  });
});
