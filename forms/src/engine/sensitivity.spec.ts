import { FORM_LIBRARY } from '../index';
import { highestSensitivity, mergeAnswers, pointerOf, redactAbove, splitBySensitivity } from './sensitivity';
import type { FormSchema } from './types';

const schema: FormSchema = {
  type: 'object',
  properties: {
    intakeDate: { type: 'string', 'x-sensitivity': 'internal' },
    sex: { type: 'string', 'x-sensitivity': 'restricted' },
    identity: {
      type: 'object',
      'x-sensitivity': 'identifying',
      properties: { fullName: { type: 'string', 'x-sensitivity': 'identifying' }, nameWithheld: { type: 'boolean', 'x-sensitivity': 'restricted' } },
    },
    actions: {
      type: 'array',
      'x-sensitivity': 'internal',
      items: { type: 'object', properties: { agencyId: { type: 'string', 'x-sensitivity': 'internal' }, notes: { type: 'string', 'x-sensitivity': 'restricted' } } },
    },
    tags: { type: 'array', 'x-sensitivity': 'internal', items: { type: 'string', 'x-sensitivity': 'identifying' } },
    untagged: { type: 'string' },
  },
};

const data = {
  intakeDate: '2026-12-01',
  sex: 'female',
  identity: { fullName: 'Siti', nameWithheld: false },
  actions: [{ agencyId: 'a1', notes: 'rumah aman' }, { agencyId: 'a2' }],
  tags: ['x', 'y'],
  untagged: 'u',
  smuggled: 'not in the schema',
};

describe('splitBySensitivity', () => {
  it('keeps what is below the level and takes the rest with its place', () => {
    const { below, atOrAbove } = splitBySensitivity(schema, data, 'restricted');
    expect(below).toEqual({ intakeDate: '2026-12-01', actions: [{ agencyId: 'a1' }, { agencyId: 'a2' }], tags: [null, null] });
    expect(atOrAbove.map((a) => pointerOf(a.path)).sort()).toEqual(['/actions/0/notes', '/identity', '/sex', '/smuggled', '/tags/0', '/tags/1', '/untagged']);
  });

  it('puts every answer back where it was', () => {
    const { below, atOrAbove } = splitBySensitivity(schema, data, 'restricted');
    expect(mergeAnswers(below, atOrAbove)).toEqual(data);
  });

  it('does not let a "__proto__" key reach a prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "intakeDate": "2026-12-01"}') as Record<string, unknown>;
    const { below, atOrAbove } = splitBySensitivity(schema, hostile, 'restricted');
    const merged = mergeAnswers(below, atOrAbove);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((merged as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
  });
});

describe('redactAbove', () => {
  it.each([
    ['identifying', []],
    ['restricted', ['/identity', '/smuggled', '/tags/0', '/tags/1', '/untagged']],
    ['internal', ['/actions/0/notes', '/identity', '/sex', '/smuggled', '/tags/0', '/tags/1', '/untagged']],
    ['public', ['/actions', '/identity', '/intakeDate', '/sex', '/smuggled', '/tags', '/untagged']],
  ] as const)('a reader allowed %s answers does not get %j', (allowed, withheld) => {
    expect(redactAbove(schema, data, allowed).withheld.sort()).toEqual(withheld);
  });
});

describe('the national library', () => {
  it.each(FORM_LIBRARY.map((f) => [f.definition.key, f] as const))('%s: its valid fixture survives a split and merge', (_key, form) => {
    for (const fixture of Object.values(form.valid)) {
      const { below, atOrAbove } = splitBySensitivity(form.definition.schema, fixture as Record<string, unknown>, 'restricted');
      expect(mergeAnswers(below, atOrAbove)).toEqual(fixture);
      expect(JSON.stringify(below)).not.toMatch(/"(fullName|phone|number|guardianName)":/);
    }
  });

  it('knows which forms can hold identifying answers', () => {
    const identifying = FORM_LIBRARY.filter((f) => highestSensitivity(f.definition.schema) === 'identifying').map((f) => f.definition.key).sort();
    expect(identifying).toEqual(['case-intake', 'reintegration-plan']);
  });
});
