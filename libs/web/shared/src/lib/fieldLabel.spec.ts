import { FORM_LIBRARY, OPTION_LISTS, resolveForm } from '@gugus/forms';
import { fieldLabel } from './fieldLabel';

const minutesDefinition = FORM_LIBRARY.find((f) => f.definition.key === 'meeting-minutes')?.definition;
if (!minutesDefinition) throw new Error('meeting-minutes is missing from the library');
// What the task page gets for the minutes under review, in Bahasa Indonesia.
const minutes = resolveForm(minutesDefinition, OPTION_LISTS, 'id');

describe('the label of the field a pointer names', () => {
  it.each([
    ['/actionPoints', 'Rencana tindak lanjut'],
    ['/actionPoints/1', 'Rencana tindak lanjut #2'],
    ['/actionPoints/0/dueDate', 'Rencana tindak lanjut #1 › Batas waktu'],
    ['/attendance/presentAgencyIds', 'Kehadiran › Instansi yang hadir'],
    ['/chairPosition', 'Jabatan pimpinan rapat'],
    ['/noSuchField', undefined],
    ['/actionPoints/1/noSuchField', undefined],
    ['', undefined],
  ])('names %s as the reader sees it: %s', (pointer, label) => {
    expect(fieldLabel(minutes.schema, pointer)).toBe(label);
  });
});
