import { addedFieldsProblems, FORM_LIBRARY, OPTION_LISTS, resolveForm, type FormOverlay } from '@gugus/forms';
import { fieldRows, shownOrder } from './fieldRows';
import { addField, extendOptions, move, relabel, removeAddedField, removeExtraOption, retypeAddedField, setHidden, setRequired } from './overlayOps';
import { baseFromVersion, orderedNames, previewVariant } from './variantModel';

const screening = FORM_LIBRARY.find((f) => f.definition.key === 'victim-screening')?.definition;
if (!screening) throw new Error('victim-screening is missing from the library');
// What GET /form-versions/:id answers for the national base, in Bahasa Indonesia.
const base = baseFromVersion(resolveForm(screening, OPTION_LISTS, 'id'));
const label = { id: 'Asal perekrut', en: 'Recruiter origin' };

describe('province overlay edits', () => {
  it.each(['text', 'number', 'date', 'choice'] as const)('adds a %s field that the allow-list admits, without a conflict', (type) => {
    const overlay = addField({}, { name: 'baru', label, type, optionsKey: type === 'choice' ? 'age-groups' : undefined, sensitivity: 'internal', required: false });
    expect(addedFieldsProblems(overlay.addFields, { optionLists: base.lists })).toEqual([]);
    expect(previewVariant(base, overlay, '32', 'id').conflicts).toEqual([]);
  });

  it('shows a refused added field (written in the JSON view) as a conflict before saving', () => {
    const overlay: FormOverlay = { addFields: [{ parent: '', name: 'kode', schema: { type: 'string', maxLength: 20, pattern: '^(a+)+$', 'x-label': label, 'x-sensitivity': 'internal' } }] };
    expect(previewVariant(base, overlay, '32', 'id').conflicts).toEqual([expect.objectContaining({ path: '/kode', rule: 'invalid-field', message: { id: expect.stringContaining('pattern'), en: expect.stringContaining('pattern') } })]);
  });

  it('adds, relabels and extends, and the preview shows it all without conflicts or breaking changes', () => {
    let overlay: FormOverlay = {};
    overlay = addField(overlay, { name: 'asalPerekrut', label, type: 'text', sensitivity: 'restricted', required: false });
    overlay = relabel(overlay, '/otherReferral', { id: 'Rujukan Jawa Barat', en: 'West Java referral' });
    overlay = extendOptions(overlay, '/identificationSource', { code: 'jabar_posko', label: { id: 'Posko Jawa Barat', en: 'West Java post' } });
    const preview = previewVariant(base, overlay, '32', 'id');
    expect(preview.conflicts).toEqual([]);
    expect(preview.resolved?.schema.properties?.asalPerekrut?.title).toBe('Asal perekrut');
    expect(preview.resolved?.schema.properties?.otherReferral?.title).toBe('Rujukan Jawa Barat');
    expect(preview.resolved?.schema.properties?.identificationSource?.enum).toContain('jabar_posko');
    expect((preview.resolved?.uiSchema.identificationSource as Record<string, Record<string, string>>)['ui:enumNames'].jabar_posko).toBe('Posko Jawa Barat');
    expect(preview.changes.map((c) => [c.path, c.kind, c.breaking])).toEqual(
      expect.arrayContaining([
        ['/asalPerekrut', 'added-field', false],
        ['/otherReferral', 'relabelled', false],
        ['/identificationSource', 'added-option', false],
      ]),
    );
  });

  it.each([
    ['hiding a core field', setHidden({}, '/screeningDate', true), '/screeningDate', 'core-field'],
    ['hiding a required field', setHidden({}, '/rationale', true), '/rationale', 'hide-required'],
    ['a name the national form uses', addField({}, { name: 'rationale', label, type: 'text', sensitivity: 'internal', required: false }), '/rationale', 'name-taken'],
    ['a code the national list has', extendOptions({}, '/sex', { code: base.lists.get('sex')?.options[0].code ?? '', label }), '/sex', 'code-clash'],
  ])('reports %s as a conflict naming the field and the rule', (_what, overlay, path, rule) => {
    expect(previewVariant(base, overlay, '32', 'id').conflicts).toEqual([expect.objectContaining({ path, rule })]);
  });

  it('requires optional fields (a breaking change) and a condition makes a new field required only when it holds', () => {
    const overlay = addField(setRequired({}, '/otherReferral', true), { name: 'tahap', label, type: 'text', sensitivity: 'internal', required: false, when: { field: 'ageGroup', equals: 'child' } });
    const preview = previewVariant(base, overlay, '32', 'id');
    expect(preview.resolved?.schema.required).toContain('otherReferral');
    expect(preview.resolved?.schema.required).not.toContain('tahap');
    expect(preview.changes.filter((c) => c.breaking).map((c) => c.path)).toEqual(expect.arrayContaining(['/otherReferral', '/tahap']));
  });

  it('reorders top-level fields, and a hidden field leaves the order', () => {
    const rows = fieldRows(base, {}, previewVariant(base, {}, '32', 'id'), 'id');
    const order = shownOrder(rows, '');
    expect(order.slice(0, 2)).toEqual(['screeningDate', 'identificationSource']);
    const moved = move({}, '', order, 'identificationSource', -1);
    expect(moved.order?.['']?.slice(0, 2)).toEqual(['identificationSource', 'screeningDate']);
    const hidden = setHidden(moved, '/ageUncertain', true);
    expect(hidden.order?.['']).not.toContain('ageUncertain');
    const preview = previewVariant(base, hidden, '32', 'id');
    expect(preview.conflicts).toEqual([]);
    expect(orderedNames(Object.keys(preview.resolved?.schema.properties ?? {}), preview.resolved?.uiSchema['ui:order'])[0]).toBe('identificationSource');
    expect(fieldRows(base, hidden, preview, 'id').find((r) => r.name === 'ageUncertain')).toMatchObject({ hidden: true, core: false });
  });

  it('removes an added field with everything the overlay said about it, and empty sections disappear', () => {
    let overlay = addField({}, { name: 'asalPerekrut', label, type: 'choice', optionsKey: 'sex', sensitivity: 'internal', required: false });
    overlay = extendOptions(overlay, '/asalPerekrut', { code: 'lain', label });
    overlay = retypeAddedField(overlay, '/asalPerekrut', 'choice', 'sex');
    expect(previewVariant(base, overlay, '32', 'id').conflicts).toEqual([]);
    expect(removeExtraOption(overlay, '/asalPerekrut', 'lain').extendOptions).toBeUndefined();
    expect(removeAddedField(overlay, '/asalPerekrut')).toEqual({});
  });

  it('marks core fields in the rows', () => {
    const rows = fieldRows(base, {}, previewVariant(base, {}, '32', 'id'), 'id');
    expect(rows.find((r) => r.path === '/screeningDate')).toMatchObject({ core: true, requiredNationally: true, kind: 'date' });
    expect(rows.find((r) => r.path === '/purpose/exploitationTypes')).toMatchObject({ core: true, depth: 1, kind: 'multiChoice', movable: false });
  });
});
