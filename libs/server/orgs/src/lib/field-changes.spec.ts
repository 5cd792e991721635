import { fieldChanges } from './orgs.service';

describe('fieldChanges (what a change history entry lists)', () => {
  it.each([
    ['nothing changed', { name: 'A', roles: ['x'] }, { name: 'A', roles: ['x'] }, []],
    ['a text', { name: 'A', roles: ['x'] }, { name: 'B', roles: ['x'] }, [{ field: 'name', before: 'A', after: 'B' }]],
    ['a list', { name: 'A', roles: ['x'] }, { name: 'A', roles: ['x', 'y'] }, [{ field: 'roles', before: ['x'], after: ['x', 'y'] }]],
    ['a flag and a text, in field order', { title: 'T', representsAgency: false }, { title: 'U', representsAgency: true }, [
      { field: 'title', before: 'T', after: 'U' },
      { field: 'representsAgency', before: false, after: true },
    ]],
    ['from none to a value', { email: null }, { email: 'a@b.id' }, [{ field: 'email', before: null, after: 'a@b.id' }]],
  ])('%s', (_what, before, after, expected) => {
    expect(fieldChanges(before as never, after as never)).toEqual(expected);
  });
});
