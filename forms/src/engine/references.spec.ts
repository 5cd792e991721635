import { FORM_LIBRARY } from '../index';
import { agencyReferences } from './references';

const minutes = FORM_LIBRARY.find((f) => f.definition.key === 'meeting-minutes')!.definition;

describe('agencyReferences', () => {
  it('finds agency pickers at every depth, in lists too', () => {
    const refs = agencyReferences(minutes.uiSchema, {
      chairAgencyId: 'chair',
      attendance: { presentAgencyIds: ['p1', 'p2'], absentAgencyIds: [] },
      actionPoints: [{ description: 'x', responsibleAgencyId: 'r1' }, { description: 'y' }, { description: 'z', responsibleAgencyId: 'r3' }],
    });
    expect(refs).toEqual(
      expect.arrayContaining([
        { pointer: '/chairAgencyId', value: 'chair' },
        { pointer: '/attendance/presentAgencyIds/0', value: 'p1' },
        { pointer: '/attendance/presentAgencyIds/1', value: 'p2' },
        { pointer: '/actionPoints/0/responsibleAgencyId', value: 'r1' },
        { pointer: '/actionPoints/2/responsibleAgencyId', value: 'r3' },
      ]),
    );
    expect(refs).toHaveLength(5);
  });

  it.each([[{}], [null], [{ actionPoints: 'not a list' }], [{ chairAgencyId: '' }]])('finds nothing in %j', (data) => {
    expect(agencyReferences(minutes.uiSchema, data)).toEqual([]);
  });
});
