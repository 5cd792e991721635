import { frozenJsonCopy, jsonEqual, pointerTo } from './json';

describe('jsonEqual', () => {
  it.each([
    ['objects with keys in another order', { a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 }, true],
    ['a member that is undefined and one that is absent', { a: 1, b: undefined }, { a: 1 }, true],
    ['arrays in another order', [1, 2], [2, 1], false],
    ['a number and the same digits as text', { units: 10 }, { units: '10' }, false],
    ['null and an empty object', null, {}, false],
    ['an array and an object with index keys', [1], { 0: 1 }, false],
    ['an extra member', { a: 1 }, { a: 1, b: null }, false],
    ['0 and -0 (the same once stored)', 0, -0, true],
  ])('%s → %s', (_case, a, b, equal) => {
    expect(jsonEqual(a as never, b as never)).toBe(equal);
    expect(jsonEqual(b as never, a as never)).toBe(equal);
  });
});

describe('frozenJsonCopy', () => {
  it('copies and freezes deeply, leaving out undefined members', () => {
    const source = { a: [{ b: 1 }], c: undefined, d: 'x' };
    const copy = frozenJsonCopy(source, '', () => undefined) as { a: { b: number }[] };
    expect(copy).toEqual({ a: [{ b: 1 }], d: 'x' });
    expect(Object.keys(copy)).not.toContain('c');
    expect(Object.isFrozen(copy) && Object.isFrozen(copy.a) && Object.isFrozen(copy.a[0])).toBe(true);
    source.a[0].b = 2;
    expect(copy.a[0].b).toBe(1);
  });

  it('reports values JSON cannot hold at their pointers', () => {
    const seen: string[] = [];
    frozenJsonCopy({ n: NaN, list: [1, Infinity], when: new Date(0), 'a/b': { '~': () => 1 } }, '/x', (at) => seen.push(at));
    expect(seen).toEqual(['/x/n', '/x/list/1', '/x/when', '/x/a~1b/~0']);
  });
});

describe('pointerTo', () => {
  it('escapes ~ and / (RFC 6901)', () => {
    expect(pointerTo('/activities', 3)).toBe('/activities/3');
    expect(pointerTo('', 'a/b~c')).toBe('/a~1b~0c');
  });
});
