import { createFormAjv } from './ajv';
import { applyOverlay, classifyChanges, type FormOverlay } from './overlay';
import { resolveForm } from './resolve';
import type { FormDefinition, OptionList } from './types';

const label = (id: string, en = id) => ({ id, en });
const lists = new Map<string, OptionList>([
  ['sex', { key: 'sex', title: label('Jenis kelamin', 'Sex'), options: [{ code: 'female', label: label('Perempuan', 'Female') }, { code: 'male', label: label('Laki-laki', 'Male') }] }],
  ['sectors', { key: 'sectors', title: label('Sektor', 'Sectors'), options: [{ code: 'fishing', label: label('Perikanan', 'Fishing') }] }],
]);
const base: FormDefinition = {
  key: 'demo',
  version: '1.0.0',
  title: label('Demo'),
  uiSchema: { 'ui:order': ['sex', 'sectors', 'note', '*'] },
  schema: {
    type: 'object',
    required: ['sex'],
    properties: {
      sex: { type: 'string', 'x-options': 'sex', 'x-label': label('Jenis kelamin', 'Sex'), 'x-core': true, 'x-sensitivity': 'restricted' },
      sectors: { type: 'array', uniqueItems: true, items: { type: 'string', 'x-options': 'sectors' }, 'x-label': label('Sektor', 'Sectors'), 'x-core': true, 'x-sensitivity': 'restricted' },
      note: { type: 'string', maxLength: 100, 'x-label': label('Catatan', 'Note'), 'x-sensitivity': 'internal' },
      village: { type: 'string', 'x-label': label('Desa', 'Village'), 'x-sensitivity': 'identifying' },
    },
  },
};
const field = (id: string) => ({ type: 'string', maxLength: 200, 'x-label': label(id, id), 'x-sensitivity': 'internal' as const });

describe('applyOverlay', () => {
  it('adds, relabels, extends options, hides, requires and reorders', () => {
    const overlay: FormOverlay = {
      addFields: [{ parent: '', name: 'recruiterRoute', schema: field('Jalur perekrutan'), required: true, when: { field: 'sex', equals: 'female' } }],
      relabel: { '/note': label('Keterangan tambahan', 'Additional remarks') },
      extendOptions: { '/sectors': [{ code: 'palm_oil', label: label('Perkebunan sawit', 'Palm oil') }] },
      hide: ['/village'],
      require: ['/note'],
      order: { '': ['note', 'sex'] },
    };
    const { definition, lists: variantLists, conflicts } = applyOverlay(base, overlay, lists, 'jabar-v1');
    expect(conflicts).toEqual([]);
    const resolved = resolveForm(definition, variantLists, 'en');
    expect(resolved.schema.properties?.note?.title).toBe('Additional remarks');
    expect(resolved.schema.properties?.village).toBeUndefined();
    expect(resolved.schema.properties?.recruiterRoute?.['x-core']).toBe(false);
    expect(resolved.uiSchema['ui:order']).toEqual(['note', 'sex', '*']);
    expect((resolved.uiSchema.sectors as { 'ui:enumNames': Record<string, string> })['ui:enumNames']).toEqual({ fishing: 'Fishing', palm_oil: 'Palm oil' });

    const validate = createFormAjv().compile(resolved.schema);
    expect(validate({ sex: 'male', note: 'x', sectors: ['palm_oil'] })).toBe(true);
    // The added field is required only under its condition.
    expect(validate({ sex: 'female', note: 'x' })).toBe(false);
    expect(validate.errors?.map((e) => e.params)).toContainEqual({ missingProperty: 'recruiterRoute' });
    expect(validate({ sex: 'male' })).toBe(false); // note is now required
  });

  it.each<[string, FormOverlay, string, string]>([
    ['hiding a core field', { hide: ['/sex'] }, '/sex', 'core-field'],
    ['relabelling a missing field', { relabel: { '/nope': label('x') } }, '/nope', 'unknown-field'],
    ['adding a field whose name is taken', { addFields: [{ parent: '', name: 'note', schema: field('x') }] }, '/note', 'name-taken'],
    ['adding a field without a sensitivity', { addFields: [{ parent: '', name: 'extra', schema: { type: 'string', maxLength: 9, 'x-label': label('x') } }] }, '/extra', 'invalid-field'],
    ['adding a field outside the allow-list', { addFields: [{ parent: '', name: 'extra', schema: { ...field('x'), $ref: '#/properties/note' } }] }, '/extra', 'invalid-field'],
    ['adding a text without maxLength', { addFields: [{ parent: '', name: 'extra', schema: { type: 'string', 'x-label': label('x'), 'x-sensitivity': 'internal' } }] }, '/extra', 'invalid-field'],
    ['adding a field with a catastrophic pattern', { addFields: [{ parent: '', name: 'extra', schema: { ...field('x'), pattern: '^(a+)+$' } }] }, '/extra', 'invalid-field'],
    ['adding a field under a non-object', { addFields: [{ parent: '/note', name: 'extra', schema: field('x') }] }, '/note/extra', 'not-an-object'],
    ['extending a non-choice field', { extendOptions: { '/note': [{ code: 'a', label: label('a') }] } }, '/note', 'not-a-choice'],
    ['re-using a national option code', { extendOptions: { '/sectors': [{ code: 'fishing', label: label('x') }] } }, '/sectors', 'code-clash'],
    ['a condition on a missing field', { addFields: [{ parent: '', name: 'extra', schema: field('x'), when: { field: 'ghost', equals: 1 } }] }, '/extra', 'bad-condition'],
  ])('reports %s as a conflict naming the field and the rule', (_what, overlay, path, rule) => {
    const { conflicts } = applyOverlay(base, overlay, lists, 'v');
    expect(conflicts).toEqual([expect.objectContaining({ path, rule, message: { id: expect.any(String), en: expect.any(String) } })]);
  });

  // structuredClone makes its copies in Node's own realm, not Jest's: look at both Object.prototypes.
  const expectUnpolluted = () => {
    for (const plain of [{}, structuredClone({})] as Record<string, unknown>[]) {
      for (const key of ['x-label', 'x-help', 'x-options', 'ui:order', 'required', 'properties']) expect(plain[key]).toBeUndefined();
    }
  };

  // The shape check refuses these before an overlay from a person gets here; applying one anyway (an old
  // stored overlay, the editor's preview) must still never reach Object.prototype.
  const bilingual = label('Tercemar', 'Polluted');
  it.each<[string, FormOverlay, string]>([
    ['relabel', { relabel: { '/__proto__': bilingual } }, '/__proto__'],
    ['relabel, nested', { relabel: { '/note/constructor': bilingual } }, '/note/constructor'],
    ['help', { help: { '/prototype': bilingual } }, '/prototype'],
    ['extendOptions', { extendOptions: { '/__proto__': [{ code: 'x', label: bilingual }] } }, '/__proto__'],
    ['hide', { hide: ['/__proto__'] }, '/__proto__'],
    ['require', { require: ['/constructor'] }, '/constructor'],
    ['order keys', { order: { '/__proto__': ['sex'] } }, '/__proto__'],
    ['order names', { order: { '': ['__proto__', 'sex'] } }, ''],
    ['addFields parent', { addFields: [{ parent: '/__proto__', name: 'extra', schema: field('x') }] }, '/__proto__/extra'],
    ['addFields name', { addFields: [{ parent: '', name: 'constructor', schema: field('x') }] }, '/constructor'],
    ['addFields when.field', { addFields: [{ parent: '', name: 'extra', schema: field('x'), required: true, when: { field: '__proto__', equals: 'x' } }] }, '/extra'],
  ])('reports a reserved name in %s as a conflict and pollutes nothing', (_part, overlay, path) => {
    const { conflicts, definition } = applyOverlay(base, overlay, lists, 'v');
    expect(conflicts).toEqual([expect.objectContaining({ path, rule: 'invalid-field', message: { id: expect.stringContaining('dicadangkan'), en: expect.stringContaining('reserved') } })]);
    expectUnpolluted();
    // And the variant still resolves and validates as the national form does.
    expect(createFormAjv().compile(resolveForm(definition, lists, 'id').schema)({ sex: 'female' })).toBe(true);
  });

  it('ignores inherited members when it looks a field up (a stored JSON overlay with own __proto__ keys)', () => {
    const overlay = JSON.parse('{"relabel":{"/__proto__":{"id":"x","en":"x"}},"order":{"":["__proto__"]}}') as FormOverlay;
    applyOverlay(base, overlay, lists, 'v');
    expectUnpolluted();
  });

  it('refuses to hide a required field even when it is not core', () => {
    const strict = structuredClone(base);
    strict.schema.required?.push('note');
    expect(applyOverlay(strict, { hide: ['/note'] }, lists, 'v').conflicts).toEqual([expect.objectContaining({ path: '/note', rule: 'hide-required' })]);
  });

  it('re-applies to a newer national version and reports what no longer fits', () => {
    const newer: FormDefinition = structuredClone(base);
    delete newer.schema.properties?.note;
    const { conflicts } = applyOverlay(newer, { relabel: { '/note': label('Keterangan') }, require: ['/note'] }, lists, 'v');
    expect(conflicts.map((c) => `${c.path}:${c.rule}`)).toEqual(['/note:unknown-field', '/note:unknown-field']);
  });
});

describe('classifyChanges', () => {
  const variant = (overlay: FormOverlay) => applyOverlay(base, overlay, lists, 'v');

  it('calls added fields, added options and new labels additive', () => {
    const after = variant({ addFields: [{ parent: '', name: 'extra', schema: field('x') }], extendOptions: { '/sectors': [{ code: 'mining', label: label('Tambang') }] }, relabel: { '/note': label('Ket') } });
    const changes = classifyChanges(base, after.definition, lists, after.lists);
    expect(changes.every((c) => !c.breaking)).toBe(true);
    expect(changes.map((c) => c.kind).sort()).toEqual(['added-field', 'added-option', 'relabelled']);
  });

  it.each<[string, (d: FormDefinition) => void, string]>([
    ['a removed field', (d) => delete d.schema.properties?.note, 'removed-field'],
    ['a narrowed type', (d) => ((d.schema.properties as Record<string, { type: string }>).note.type = 'integer'), 'narrowed-type'],
    ['a new required field', (d) => d.schema.required?.push('note'), 'new-required'],
  ])('calls %s breaking', (_what, change, kind) => {
    const after = structuredClone(base);
    change(after);
    expect(classifyChanges(base, after, lists, lists)).toContainEqual({ path: '/note', kind, breaking: true });
  });

  it('calls a removed option breaking', () => {
    const fewer = new Map(lists);
    fewer.set('sex', { ...lists.get('sex')!, options: [lists.get('sex')!.options[0]] });
    expect(classifyChanges(base, base, lists, fewer)).toContainEqual({ path: '/sex', kind: 'removed-option', breaking: true });
  });
});
