import { FORM_LIBRARY, OPTION_LISTS } from '../index';
import { createFormAjv } from './ajv';
import { dataCategoryCodes, dataCategoryProblems, uncategorisedFields } from './data-category';
import { applyOverlay } from './overlay';
import { resolveForm } from './resolve';
import type { FormSchema } from './types';

const categories = ['identity', 'contact', 'medical'];
const label = { id: 'Isian', en: 'Field' };

const schema = (extra: Record<string, FormSchema>): FormSchema => ({ type: 'object', properties: extra });

describe('x-data-category: which consent category an answer is', () => {
  it('takes the codes from the data category list', () => {
    expect(dataCategoryCodes(OPTION_LISTS)).toEqual(OPTION_LISTS.get('case-data-categories')?.options.map((o) => o.code));
    expect(dataCategoryCodes(new Map())).toEqual([]);
  });

  it('accepts known categories on answer fields at any depth', () => {
    const ok = schema({
      name: { type: 'string', 'x-data-category': 'identity' },
      contact: { type: 'object', properties: { phone: { type: 'string', 'x-data-category': 'contact' } } },
      visits: { type: 'array', items: { type: 'object', properties: { health: { type: 'string', 'x-data-category': 'medical' } } } },
      tags: { type: 'array', items: { type: 'string' }, 'x-data-category': 'medical' },
    });
    expect(dataCategoryProblems(ok, categories)).toEqual([]);
  });

  it.each<[string, FormSchema, string]>([
    ['an unknown code at the top', schema({ bankAccount: { type: 'string', 'x-data-category': 'bank_account' } }), '/bankAccount'],
    ['an unknown code deep in a list of groups', schema({ visits: { type: 'array', items: { type: 'object', properties: { notes: { type: 'string', 'x-data-category': 'everything' } } } } }), '/visits/items/notes'],
    ['a code that is not a string', schema({ name: { type: 'string', 'x-data-category': ['identity', 'contact'] as never } }), '/name'],
    ['a category in upper case', schema({ name: { type: 'string', 'x-data-category': 'IDENTITY' } }), '/name'],
    ['a category on a group', schema({ contact: { type: 'object', 'x-data-category': 'contact', properties: { phone: { type: 'string', 'x-data-category': 'contact' } } } }), '/contact'],
    ['a category on a list of groups', schema({ visits: { type: 'array', 'x-data-category': 'medical', items: { type: 'object', properties: { a: { type: 'string' } } } } }), '/visits'],
    ['a category on the items of a list', schema({ tags: { type: 'array', items: { type: 'string', 'x-data-category': 'medical' } } }), '/tags/items'],
    ['a category inside a condition', { ...schema({ a: { type: 'string' } }), allOf: [{ if: { properties: { a: { const: 'x' } } }, then: { properties: { a: { 'x-data-category': 'identity' } } } }] }, '/a'],
  ])('refuses %s, naming the field in both languages', (_what, hostile, field) => {
    const problems = dataCategoryProblems(hostile, categories);
    expect(problems.map((p) => p.field)).toEqual([field]);
    const named = field.replace(/\/items$/, '');
    expect(problems[0].message.id).toContain(named);
    expect(problems[0].message.en).toContain(named);
    expect(problems[0].message.id).not.toEqual(problems[0].message.en);
  });

  it('shows at most a short piece of a hostile value', () => {
    const [problem] = dataCategoryProblems(schema({ a: { type: 'string', 'x-data-category': 'x'.repeat(5000) } }), categories);
    expect(problem.message.en.length).toBeLessThan(300);
  });

  it('lists restricted and identifying answers without a category, counting the sensitivity of their group', () => {
    const s = schema({
      tagged: { type: 'string', 'x-sensitivity': 'identifying', 'x-data-category': 'identity' },
      note: { type: 'string', 'x-sensitivity': 'restricted' },
      date: { type: 'string', 'x-sensitivity': 'internal' },
      unmarked: { type: 'string' },
      guardian: { type: 'object', 'x-sensitivity': 'identifying', properties: { type: { type: 'string', 'x-sensitivity': 'internal' } } },
      rows: { type: 'array', 'x-sensitivity': 'internal', items: { type: 'object', properties: { notes: { type: 'string', 'x-sensitivity': 'restricted' }, when: { type: 'string', 'x-sensitivity': 'internal' } } } },
    });
    expect(uncategorisedFields(s, 'restricted')).toEqual(['/note', '/unmarked', '/guardian/type', '/rows/items/notes']);
    expect(uncategorisedFields(s, 'identifying')).toEqual(['/unmarked', '/guardian/type']);
  });

  it('is an annotation ajv accepts under the strict form configuration', () => {
    const intake = FORM_LIBRARY.find((f) => f.definition.key === 'case-intake');
    expect(JSON.stringify(intake?.definition.schema)).toContain('x-data-category');
    expect(() => createFormAjv().compile(resolveForm(intake!.definition, OPTION_LISTS, 'id').schema)).not.toThrow();
  });

  it('lets a province tag the fields it adds, and refuses an unknown category naming the field', () => {
    const intake = FORM_LIBRARY.find((f) => f.definition.key === 'case-intake')!.definition;
    const field = (category: string): FormSchema => ({ type: 'string', maxLength: 200, 'x-label': label, 'x-sensitivity': 'restricted', 'x-data-category': category });
    const ok = applyOverlay(intake, { addFields: [{ parent: '', name: 'villageHeadNotes', schema: field('family') }] }, OPTION_LISTS, '32');
    expect(ok.conflicts).toEqual([]);
    expect(ok.definition.schema.properties?.villageHeadNotes?.['x-data-category']).toBe('family');

    const bad = applyOverlay(intake, { addFields: [{ parent: '', name: 'villageHeadNotes', schema: field('whole_file') }] }, OPTION_LISTS, '32');
    expect(bad.conflicts).toEqual([{ path: '/villageHeadNotes', rule: 'invalid-field', message: { id: expect.stringContaining('whole_file'), en: expect.stringContaining('whole_file') } }]);
    expect(bad.definition.schema.properties?.villageHeadNotes).toBeUndefined();
  });
});
