import { createFormAjv } from './ajv';
import { clearInapplicable, fieldErrors, inapplicableClearer, toExtraErrors } from './submission';
import type { FormSchema } from './types';

const schema: FormSchema = {
  type: 'object',
  required: ['ageGroup'],
  properties: {
    ageGroup: { type: 'string', enum: ['child', 'adult'] },
    guardian: { type: 'string', minLength: 2 },
    means: { type: 'array', items: { type: 'string' } },
    contact: { type: 'object', properties: { phone: { type: 'string', maxLength: 5 } } },
  },
  allOf: [
    { if: { properties: { ageGroup: { const: 'child' } }, required: ['ageGroup'] }, then: { required: ['guardian'] } },
    { if: { properties: { ageGroup: { const: 'adult' } }, required: ['ageGroup'] }, then: { required: ['means'] } },
  ],
};

describe('form submission helpers', () => {
  const ajv = createFormAjv();
  const validate = ajv.compile(schema);

  it('reports each field error once, in Bahasa Indonesia and English', () => {
    validate({ ageGroup: 'child', contact: { phone: '0812345678' } });
    const errors = fieldErrors(validate.errors);
    expect(errors).toEqual([
      { field: '/guardian', keyword: 'required', message: { id: 'wajib diisi', en: 'is required' } },
      { field: '/contact/phone', keyword: 'maxLength', message: { id: expect.stringContaining('5'), en: 'must NOT be longer than 5 characters' } },
    ]);
    expect(errors[1].message.id).not.toBe(errors[1].message.en);
  });

  it('words a `not` rule (a choice the form forbids in that case) in its own message, not ajv\'s', () => {
    const shared: FormSchema = {
      type: 'object',
      properties: { consented: { type: 'array', items: { type: 'string' } }, shared: { type: 'array', items: { type: 'string' } } },
      allOf: [{ if: { properties: { consented: { type: 'array', not: { contains: { const: 'identity' } } } }, required: ['consented'] }, then: { properties: { shared: { type: 'array', not: { contains: { const: 'identity' } } } } } }],
    };
    const check = ajv.compile(shared);
    expect(check({ consented: ['profile'], shared: ['identity'] })).toBe(false);
    expect(fieldErrors(check.errors)).toEqual([{ field: '/shared', keyword: 'not', message: { id: expect.stringContaining('tidak diizinkan'), en: expect.stringContaining('not allowed') } }]);
  });

  it('shapes errors as rjsf extraErrors for the reader’s language', () => {
    validate({ ageGroup: 'child', contact: { phone: '0812345678' } });
    const extra = toExtraErrors(fieldErrors(validate.errors), 'en');
    expect(extra).toEqual({ guardian: { __errors: [expect.any(String)] }, contact: { phone: { __errors: ['must NOT be longer than 5 characters'] } } });
  });

  it('keeps a field that any of the rules requiring it still applies to', () => {
    const twoRules: FormSchema = {
      type: 'object',
      properties: { status: { type: 'string' }, evidence: { type: 'string' } },
      allOf: [
        { if: { properties: { status: { const: 'done' } }, required: ['status'] }, then: { required: ['evidence'] } },
        { if: { properties: { status: { const: 'audited' } }, required: ['status'] }, then: { required: ['evidence'] } },
      ],
    };
    expect(clearInapplicable(ajv, twoRules, { status: 'done', evidence: 'BA-01' }).cleared).toEqual([]);
    expect(clearInapplicable(ajv, twoRules, { status: 'planned', evidence: 'BA-01' }).cleared).toEqual(['/evidence']);
  });

  it.each([
    ['an adult: the child-only guardian answer is cleared', { ageGroup: 'adult', guardian: 'Bibi', means: ['fraud'] }, ['/guardian'], { ageGroup: 'adult', means: ['fraud'] }],
    ['a child: the adult-only means are cleared', { ageGroup: 'child', guardian: 'Bibi', means: ['fraud'] }, ['/means'], { ageGroup: 'child', guardian: 'Bibi' }],
    ['nothing inapplicable', { ageGroup: 'child', guardian: 'Bibi' }, [], { ageGroup: 'child', guardian: 'Bibi' }],
  ])('clears hidden conditional answers for %s', (_what, data, cleared, expected) => {
    const result = clearInapplicable(ajv, schema, data);
    expect(result).toEqual({ data: expected, cleared });
    expect(data).toHaveProperty('ageGroup'); // the input is not modified
  });

  it('clears conditional answers inside groups and list items, with the plan compiled once per schema', () => {
    const person: FormSchema = {
      type: 'object',
      properties: { hasPhone: { type: 'boolean' }, phone: { type: 'string' } },
      allOf: [{ if: { properties: { hasPhone: { const: true } }, required: ['hasPhone'] }, then: { required: ['phone'] } }],
    };
    const nested: FormSchema = { type: 'object', properties: { note: { type: 'string' }, contact: person, others: { type: 'array', items: person } } };
    const clear = inapplicableClearer(ajv, nested);
    expect(inapplicableClearer(ajv, nested)).toBe(clear);
    const data = { note: 'x', contact: { hasPhone: false, phone: '0812' }, others: [{ hasPhone: true, phone: '0813' }, { phone: '0814' }] };
    expect(clear(data)).toEqual({
      data: { note: 'x', contact: { hasPhone: false }, others: [{ hasPhone: true, phone: '0813' }, {}] },
      cleared: ['/contact/phone', '/others/1/phone'],
    });
    // A form without conditional fields: the data itself comes back, nothing walked or copied.
    const flat: FormSchema = { type: 'object', properties: { a: { type: 'string' } } };
    const answers = { a: 'x' };
    expect(inapplicableClearer(ajv, flat)(answers).data).toBe(answers);
  });

  it('words only the errors it keeps, leaving ajv\'s own error objects as they were', () => {
    validate({ ageGroup: 'child', contact: { phone: '0812345678' } });
    const before = structuredClone(validate.errors);
    fieldErrors(validate.errors);
    expect(validate.errors).toEqual(before);
  });
});
