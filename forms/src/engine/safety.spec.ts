import { createFormAjv } from './ajv';
import { OVERLAY_SHAPE, overlayShapeErrors } from './overlay';
import { resolveForm } from './resolve';
import { clearInapplicable, toExtraErrors } from './submission';
import { ADDED_FIELD_LIMITS, addedFieldProblems, addedFieldsProblems, patternProblem, type AddedFieldCheck } from './safety';
import type { FormSchema } from './types';

const label = { id: 'Nomor', en: 'Number' };
const check: AddedFieldCheck = { optionLists: new Set(['sex', 'sectors']) };
const text = (extra: FormSchema = {}): FormSchema => ({ type: 'string', maxLength: 100, 'x-label': label, 'x-sensitivity': 'internal', ...extra });
const pointers = (schema: unknown, c: AddedFieldCheck = check) => addedFieldProblems(schema, c).map((p) => p.pointer);

describe('addedFieldProblems: the allow-list for a field a province adds', () => {
  it.each<[string, FormSchema]>([
    ['a bounded text', text()],
    ['a text with a safe pattern', text({ pattern: '^(\\+62|0)8[0-9]{8,11}$', minLength: 9, maxLength: 15 })],
    ['a date', text({ format: 'date', maxLength: 10 })],
    ['a choice from a national list (bounded by the list)', { type: 'string', 'x-options': 'sex', 'x-label': label, 'x-sensitivity': 'restricted' }],
    ['money', { type: 'integer', minimum: 0, 'x-unit': 'IDR', 'x-label': label, 'x-sensitivity': 'internal', 'x-core': false }],
    ['a number with bounds', { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 100, multipleOf: 0.5, 'x-label': label, 'x-help': label, 'x-sensitivity': 'public' }],
    ['a yes/no', { type: 'boolean', 'x-label': label, 'x-sensitivity': 'internal' }],
    ['a multiple choice', { type: 'array', uniqueItems: true, minItems: 1, maxItems: 5, items: { type: 'string', 'x-options': 'sectors' }, 'x-label': label, 'x-sensitivity': 'restricted' }],
    [
      'a list of groups',
      {
        type: 'array',
        maxItems: 20,
        items: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: text(), age: { type: 'integer', minimum: 0, maximum: 120, 'x-label': label, 'x-sensitivity': 'identifying' } } },
        'x-label': label,
        'x-sensitivity': 'identifying',
      },
    ],
  ])('admits %s', (_what, schema) => {
    expect(addedFieldProblems(schema, check)).toEqual([]);
    // What the allow-list admits also compiles under the strict form configuration.
    expect(() => createFormAjv().compile({ type: 'object', properties: { f: schema } })).not.toThrow();
  });

  it.each<[string, unknown]>([
    ['$ref', { $ref: '#/properties/x' }],
    ['$id', { $id: 'https://evil.example/s' }],
    ['$defs', { $defs: { x: { type: 'string' } } }],
    ['$schema', { $schema: 'https://json-schema.org/draft/2020-12/schema' }],
    ['$anchor', { $anchor: 'a' }],
    ['$dynamicRef', { $dynamicRef: '#a' }],
    ['if', { if: { minLength: 1 } }],
    ['then', { then: { minLength: 1 } }],
    ['else', { else: { minLength: 1 } }],
    ['allOf', { allOf: [{ minLength: 1 }] }],
    ['anyOf', { anyOf: [{ minLength: 1 }] }],
    ['oneOf', { oneOf: [{ minLength: 1 }] }],
    ['not', { not: { minLength: 1 } }],
    ['dependentSchemas', { dependentSchemas: {} }],
    ['dependentRequired', { dependentRequired: {} }],
    ['contains', { contains: { type: 'string' } }],
    ['unevaluatedProperties', { unevaluatedProperties: false }],
    ['unevaluatedItems', { unevaluatedItems: false }],
    ['patternProperties', { patternProperties: { '.*': {} } }],
    ['propertyNames', { propertyNames: { maxLength: 3 } }],
    ['const', { const: 'x'.repeat(100_000) }],
    ['enum', { enum: Array.from({ length: 10_000 }, (_, i) => String(i)) }],
    ['default', { default: 'x' }],
    ['examples', { examples: ['x'] }],
    ['title', { title: 'x' }],
    ['description', { description: 'x' }],
    ['contentEncoding', { contentEncoding: 'base64' }],
    ['an unknown keyword', { 'x-evil': true }],
  ])('refuses the keyword %s, naming it', (keyword, extra) => {
    const problems = addedFieldProblems(text(extra as FormSchema), check);
    expect(problems).toEqual([{ pointer: `/${keyword === 'an unknown keyword' ? 'x-evil' : keyword}`, message: { id: expect.stringMatching(/tidak diizinkan/), en: expect.stringMatching(/not allowed/) } }]);
  });

  it.each<[string, unknown, string]>([
    ['a text without maxLength', { type: 'string', 'x-label': label, 'x-sensitivity': 'internal' }, '/maxLength'],
    ['a date without maxLength', { type: 'string', format: 'date', 'x-label': label, 'x-sensitivity': 'internal' }, '/maxLength'],
    ['an oversize maxLength', text({ maxLength: ADDED_FIELD_LIMITS.maxLength + 1 }), '/maxLength'],
    ['a fractional maxLength', text({ maxLength: 10.5 }), '/maxLength'],
    ['a patterned text with a long maxLength', text({ pattern: '^[0-9]+$', maxLength: ADDED_FIELD_LIMITS.patternedMaxLength + 1 }), '/maxLength'],
    ['minLength above maxLength', text({ minLength: 101 }), '/minLength'],
    ['a format outside the form formats', text({ format: 'regex' }), '/format'],
    ['a list without maxItems', { type: 'array', items: text(), 'x-label': label, 'x-sensitivity': 'internal' }, '/maxItems'],
    ['an oversize maxItems', { type: 'array', maxItems: ADDED_FIELD_LIMITS.maxItems + 1, items: text(), 'x-label': label, 'x-sensitivity': 'internal' }, '/maxItems'],
    ['a list without items', { type: 'array', maxItems: 3, 'x-label': label, 'x-sensitivity': 'internal' }, '/items'],
    ['a tuple', { type: 'array', maxItems: 3, items: [text()], 'x-label': label, 'x-sensitivity': 'internal' }, '/items'],
    ['a nested text without maxLength', { type: 'array', maxItems: 3, items: { type: 'string' }, 'x-label': label, 'x-sensitivity': 'internal' }, '/items/maxLength'],
    ['a keyword of another type', text({ minimum: 1 }), '/minimum'],
    ['a missing type', { maxLength: 3, 'x-label': label, 'x-sensitivity': 'internal' }, '/type'],
    ['an unknown type', text({ type: 'null' }), '/type'],
    ['a union type', text({ type: ['string', 'null'] }), '/type'],
    ['a missing label', { type: 'string', maxLength: 3, 'x-sensitivity': 'internal' }, '/x-label'],
    ['a one-language label', text({ 'x-label': { id: 'Nomor' } as never }), '/x-label'],
    ['an oversize label', text({ 'x-label': { id: 'x'.repeat(501), en: 'x' } }), '/x-label'],
    ['a missing sensitivity', { type: 'string', maxLength: 3, 'x-label': label }, '/x-sensitivity'],
    ['an unknown sensitivity', text({ 'x-sensitivity': 'secret' as never }), '/x-sensitivity'],
    ['a core flag', text({ 'x-core': true }), '/x-core'],
    ['an unknown option list', { type: 'string', 'x-options': 'no-such-list', 'x-label': label, 'x-sensitivity': 'internal' }, '/x-options'],
    ['additionalProperties other than false', { type: 'object', properties: { a: text() }, additionalProperties: {}, 'x-label': label, 'x-sensitivity': 'internal' }, '/additionalProperties'],
    ['a group without fields', { type: 'object', properties: {}, 'x-label': label, 'x-sensitivity': 'internal' }, '/properties'],
    ['required naming a missing field', { type: 'object', properties: { a: text() }, required: ['b'], 'x-label': label, 'x-sensitivity': 'internal' }, '/required'],
    ['a nested field without sensitivity', { type: 'object', properties: { a: { type: 'boolean', 'x-label': label } }, 'x-label': label, 'x-sensitivity': 'internal' }, '/properties/a/x-sensitivity'],
    ['a nested field name that is not a plain name', { type: 'object', properties: { 'a-b': text() }, 'x-label': label, 'x-sensitivity': 'internal' }, '/properties/a-b'],
    ['a non-finite bound', { type: 'number', maximum: '9' as never, 'x-label': label, 'x-sensitivity': 'internal' }, '/maximum'],
    ['multipleOf zero', { type: 'number', multipleOf: 0, 'x-label': label, 'x-sensitivity': 'internal' }, '/multipleOf'],
    ['a schema that is not an object', 'string', ''],
  ])('refuses %s, naming where', (_what, schema, pointer) => {
    expect(pointers(schema)).toContain(pointer);
  });

  it('caps nesting depth and the number of fields', () => {
    let deep: FormSchema = text();
    for (let i = 0; i <= ADDED_FIELD_LIMITS.depth; i++) deep = { type: 'object', properties: { a: deep }, 'x-label': label, 'x-sensitivity': 'internal' };
    expect(pointers(deep).some((p) => /\/properties$/.test(p))).toBe(true);
    const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: ADDED_FIELD_LIMITS.properties + 1 }, (_, i) => [`f${i}`, text()])), 'x-label': label, 'x-sensitivity': 'internal' };
    expect(pointers(wide)).toEqual(['/properties']);
  });

  it.each(['__proto__', 'prototype', 'constructor'])('refuses the nested field name %s', (name) => {
    // JSON.parse makes `__proto__` an own key, as the API receives it.
    const schema = JSON.parse(`{"type":"object","x-label":{"id":"a","en":"a"},"x-sensitivity":"internal","properties":{"${name}":{"type":"boolean","x-label":{"id":"a","en":"a"},"x-sensitivity":"internal"}}}`);
    expect(addedFieldProblems(schema, check)).toEqual([{ pointer: `/properties/${name}`, message: { id: expect.stringContaining(name), en: expect.stringContaining(name) } }]);
  });

  it('refuses a `__proto__` keyword sent as JSON', () => {
    expect(pointers(JSON.parse('{"type":"string","maxLength":3,"x-label":{"id":"a","en":"a"},"x-sensitivity":"internal","__proto__":{"x-label":1}}'))).toEqual(['/__proto__']);
  });

  it('runs the extra pattern check it is given (the server: RE2)', () => {
    const refuse = { optionLists: check.optionLists, checkPattern: () => ({ id: 'tidak', en: 'no' }) };
    expect(addedFieldProblems(text({ pattern: '^[0-9]+$' }), refuse)).toEqual([{ pointer: '/pattern', message: { id: 'tidak', en: 'no' } }]);
  });

  describe('x-data-category on a province field', () => {
    const withCategories: AddedFieldCheck = { ...check, dataCategories: ['family', 'medical'] };

    it('admits a known category on an answer field, at any depth', () => {
      expect(addedFieldProblems(text({ 'x-data-category': 'family' }), withCategories)).toEqual([]);
      const group = { type: 'object', properties: { a: text({ 'x-data-category': 'medical' }) }, 'x-label': label, 'x-sensitivity': 'internal' };
      expect(addedFieldProblems(group, withCategories)).toEqual([]);
      expect(() => createFormAjv().compile({ type: 'object', properties: { f: group } })).not.toThrow();
    });

    it.each<[string, unknown, AddedFieldCheck, string, string]>([
      ['an unknown category', text({ 'x-data-category': 'everything' }), withCategories, '/x-data-category', '/'],
      ['an unknown category deep in a group', { type: 'object', properties: { kin: text({ 'x-data-category': 'relatives' }) }, 'x-label': label, 'x-sensitivity': 'internal' }, withCategories, '/properties/kin/x-data-category', '/kin'],
      ['any category when the version has no category list', text({ 'x-data-category': 'family' }), check, '/x-data-category', '/'],
      ['a category on a group', { type: 'object', properties: { a: text() }, 'x-label': label, 'x-sensitivity': 'internal', 'x-data-category': 'family' }, withCategories, '/x-data-category', '/'],
    ])('refuses %s, naming the field', (_what, schema, c, pointer, field) => {
      const problems = addedFieldProblems(schema, c);
      expect(problems).toEqual([{ pointer, message: { id: expect.stringContaining(`Isian ${field}`), en: expect.stringContaining(`Field ${field}`) } }]);
    });

    it('names the field from the request body', () => {
      const problems = addedFieldsProblems([{ schema: text({ 'x-data-category': 'whole_file' }) }], withCategories);
      expect(problems.map((p) => p.field)).toEqual(['overlay/addFields/0/schema/x-data-category']);
      expect(problems[0].message.en).toContain('whole_file');
    });
  });

  it('names each problem from the request body', () => {
    const problems = addedFieldsProblems([{ schema: text() }, { schema: text({ pattern: '^(a+)+$' }) }], check);
    expect(problems.map((p) => p.field)).toEqual(['overlay/addFields/1/schema/pattern']);
  });
});

describe('patternProblem: patterns the browser runs with a backtracking engine', () => {
  it.each([
    '^[0-9]{16}$', // NIK
    '^(\\+62|62|0)8[0-9]{8,11}$',
    '^[A-Z]{1,2} ?[0-9]{1,4} ?[A-Z]{0,3}$',
    '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
    '^\\p{L}{1,40}$',
    '^[a-z]+@[a-z]+$',
  ])('admits %s', (pattern) => {
    expect(patternProblem(pattern)).toBeUndefined();
  });

  it.each<[string, string, RegExp]>([
    ['nested repetition', '^(a+)+$', /bertingkat/],
    ['nested repetition in a class of words', '^(\\w+\\s?)*$', /bertingkat/],
    ['a starred group of stars', '(a*)*b', /bertingkat/],
    ['repeated alternation (star height 1, still exponential)', '^(a|a)*$', /pilihan yang diulang/],
    ['repeated overlapping alternation', '^(a|ab)+$', /pilihan yang diulang/],
    ['alternation nested in a repeated group', '^((a|b)c)+$', /pilihan yang diulang/],
    ['too many open repetitions', '^\\d*\\d*\\d*$', /panjang terbuka/],
    ['too many repetitions', `^${'a?'.repeat(ADDED_FIELD_LIMITS.patternRepetitions + 1)}$`, /terlalu banyak pengulangan/],
    ['a backreference (RE2 cannot run it)', '^(a)\\1$', /rujukan balik/],
    ['a named backreference', '^(?<x>a)\\k<x>$', /rujukan balik/],
    ['a lookahead', '^(?=a)a$', /lookaround/],
    ['a negative lookbehind', '^(?<!a)b$', /lookaround/],
    ['an invalid expression', '^(a$', /tidak valid|bukan ekspresi/],
    ['an oversize pattern', `^${'a'.repeat(ADDED_FIELD_LIMITS.patternLength)}$`, /terlalu panjang/],
  ])('refuses %s', (_what, pattern, message) => {
    expect(patternProblem(pattern)).toEqual({ id: expect.stringMatching(message), en: expect.any(String) });
  });
});

describe('OVERLAY_SHAPE: reserved names in every path and name', () => {
  const shape = createFormAjv().compile(OVERLAY_SHAPE);
  const bilingual = { id: 'x', en: 'x' };
  const field = { parent: '', name: 'ok', schema: text() };

  it.each<[string, unknown, string]>([
    ['relabel', { relabel: { '/__proto__': bilingual } }, 'overlay/relabel/__proto__'],
    ['help', { help: { '/victim/prototype': bilingual } }, 'overlay/help/victim/prototype'],
    ['extendOptions', { extendOptions: { '/constructor': [{ code: 'a', label: bilingual }] } }, 'overlay/extendOptions/constructor'],
    ['order keys', { order: { '/__proto__': ['a'] } }, 'overlay/order/__proto__'],
    ['order names', { order: { '': ['constructor', '*'] } }, 'overlay/order//0'],
    ['hide', { hide: ['/__proto__'] }, 'overlay/hide/0'],
    ['require', { require: ['/a/prototype/b'] }, 'overlay/require/0'],
    ['addFields parent', { addFields: [{ ...field, parent: '/__proto__' }] }, 'overlay/addFields/0/parent'],
    ['addFields name', { addFields: [{ ...field, name: 'constructor' }] }, 'overlay/addFields/0/name'],
    ['addFields when.field', { addFields: [{ ...field, when: { field: 'prototype', equals: 'x' } }] }, 'overlay/addFields/0/when/field'],
  ])('refuses a reserved name in %s, naming the field in both languages', (_part, overlay, field) => {
    expect(shape(overlay)).toBe(false);
    expect(overlayShapeErrors(shape.errors)).toContainEqual({ field, message: { id: expect.stringMatching(/dicadangkan/), en: expect.stringMatching(/reserved/) } });
  });

  it('still admits ordinary paths that merely contain the words', () => {
    expect(shape({ relabel: { '/constructorName': bilingual, '/my_prototype': bilingual }, hide: ['/protoType'] })).toBe(true);
  });
});

describe('engine helpers never write onto Object.prototype', () => {
  const unpolluted = () => [{}, structuredClone({})].every((o) => !('ui:enumNames' in o) && !('__errors' in o));

  it('resolveForm keeps a stored field named __proto__ (a schema from before the allow-list) to itself', () => {
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string","x-options":"sex"}}}') as FormSchema;
    const lists = new Map([['sex', { key: 'sex', title: label, options: [{ code: 'f', label }] }]]);
    const resolved = resolveForm({ key: 'k', version: '1', title: label, schema, uiSchema: {} }, lists, 'id');
    expect(unpolluted()).toBe(true);
    expect(Object.hasOwn(resolved.uiSchema, '__proto__')).toBe(true);
  });

  it('toExtraErrors keeps an error on a __proto__ key to its own tree', () => {
    const tree = toExtraErrors([{ field: '/__proto__/x', keyword: 'type', message: label }], 'id');
    expect(unpolluted()).toBe(true);
    expect(JSON.parse(JSON.stringify(tree))).toEqual(JSON.parse('{"__proto__":{"x":{"__errors":["Nomor"]}}}'));
  });

  it('clearInapplicable does not take inherited members for answers', () => {
    const schema: FormSchema = { type: 'object', properties: { a: { type: 'string' } }, allOf: [{ if: { properties: { a: { const: 'y' } }, required: ['a'] }, then: { required: ['constructor'] } }] };
    expect(clearInapplicable(createFormAjv(), schema, { a: 'n' })).toEqual({ data: { a: 'n' }, cleared: [] });
  });

  it('validates with own properties only (ownProperties)', () => {
    const validate = createFormAjv().compile({ type: 'object', required: ['constructor'], properties: { constructor: { type: 'string' } } });
    expect(validate({})).toBe(false);
    expect(validate({ constructor: 'x' })).toBe(true);
  });
});
