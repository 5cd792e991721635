import { FORM_LIBRARY, OPTION_LISTS, resolveForm } from '@gugus/forms';
import { commentMarkerCss, commentTargets, cssString, fieldDomId } from './fieldPaths';

const minutesDefinition = FORM_LIBRARY.find((f) => f.definition.key === 'meeting-minutes')?.definition;
if (!minutesDefinition) throw new Error('meeting-minutes is missing from the library');
// What the task page gets for the minutes under review, in Bahasa Indonesia.
const minutes = resolveForm(minutesDefinition, OPTION_LISTS, 'id');

describe('comments that point into a form', () => {
  it('offers the answered fields in form order, and each item of a list', () => {
    const targets = commentTargets(minutes.schema, minutes.uiSchema, {
      meetingDate: '2026-12-15',
      meetingType: 'plenary',
      chairPosition: 'Ketua Harian',
      actionPoints: [{ description: 'a' }, { description: 'b' }],
      venue: '',
    });
    expect(targets).toEqual([
      { pointer: '/meetingType', label: 'Jenis rapat' },
      { pointer: '/meetingDate', label: 'Tanggal rapat' },
      { pointer: '/chairPosition', label: 'Jabatan pimpinan rapat' },
      { pointer: '/actionPoints', label: 'Rencana tindak lanjut' },
      { pointer: '/actionPoints/0', label: 'Rencana tindak lanjut #1' },
      { pointer: '/actionPoints/1', label: 'Rencana tindak lanjut #2' },
    ]);
  });

  it.each([
    ['/actionPoints/1', 'root', 'root_actionPoints_1'],
    ['/chairPosition', 'tinjau', 'tinjau_chairPosition'],
  ])('finds the field %s under the id prefix %s as %s', (pointer, prefix, id) => {
    expect(fieldDomId(pointer, prefix)).toBe(id);
  });

  it.each([
    ['plain', '"plain"'],
    ['say "no"', '"say \\"no\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['two\nlines', '"two\\A lines"'],
  ])('quotes %j for CSS', (text, css) => {
    expect(cssString(text)).toBe(css);
  });

  it('marks each commented field once with all its comments, and ignores general or malformed pointers', () => {
    const css = commentMarkerCss(
      '.form',
      [
        { field: '/actionPoints/1', text: 'Majukan tenggat.' },
        { field: '/actionPoints/1', text: 'Sebutkan "instansi".' },
        { text: 'Umum.' },
        { field: '/a"]{}', text: 'x' },
      ],
      'Komentar:',
    );
    expect(css.match(/\[data-field="root_actionPoints_1"\]\{/g)).toHaveLength(1);
    expect(css).toContain('content:"Komentar: Majukan tenggat. / Sebutkan \\"instansi\\"."');
    expect(css).not.toContain('Umum');
    expect(css).not.toContain('a"]');
  });
});
