import { canonicalJson, digestOf, entryHash, GENESIS_HASH, type ChainedFields } from './audit-hash';

const entry: ChainedFields = {
  seq: 7,
  at: new Date('2025-11-20T08:30:00.123Z'),
  actorId: '6f1c2d4e-8a9b-4c1d-9e2f-3a4b5c6d7e8f',
  action: 'person.read',
  targetType: 'Person',
  targetId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  jurisdictionCode: '32.04',
  requestId: 'req-1',
  beforeDigest: null,
  afterDigest: digestOf({ name: 'x' }),
};

describe('digestOf', () => {
  it.each([
    [{ a: 1, b: 2 }, { b: 2, a: 1 }],
    [{ outer: { x: [1, { q: 1, p: 2 }], y: null } }, { outer: { y: null, x: [1, { p: 2, q: 1 }] } }],
    [{ at: new Date('2025-01-01T00:00:00Z') }, { at: '2025-01-01T00:00:00.000Z' }],
  ])('does not depend on key order: %j', (a, b) => {
    expect(digestOf(a)).toBe(digestOf(b));
    expect(digestOf(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [{ a: 1 }, { a: 2 }],
    [{ a: 1 }, { b: 1 }],
    [{ a: [1, 2] }, { a: [2, 1] }],
    [{ a: null }, {}],
    ['1', 1],
  ])('differs for different values: %j vs %j', (a, b) => {
    expect(digestOf(a)).not.toBe(digestOf(b));
  });

  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: 0 })).toBe('{"a":0,"b":{"c":2,"d":1}}');
  });
});

describe('entryHash', () => {
  const base = entryHash(GENESIS_HASH, entry);

  it('is stable for the same entry and predecessor', () => {
    expect(entryHash(GENESIS_HASH, { ...entry })).toBe(base);
  });

  it.each<[keyof ChainedFields, unknown]>([
    ['seq', 8],
    ['at', new Date('2025-11-20T08:30:00.124Z')],
    ['actorId', null],
    ['action', 'person.update'],
    ['targetType', 'Agency'],
    ['targetId', '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8fa'],
    ['jurisdictionCode', '32'],
    ['requestId', 'req-2'],
    ['beforeDigest', digestOf({ name: 'y' })],
    ['afterDigest', null],
  ])('changes when %s changes', (field, value) => {
    expect(entryHash(GENESIS_HASH, { ...entry, [field]: value })).not.toBe(base);
  });

  it('changes when the predecessor changes', () => {
    expect(entryHash('f'.repeat(64), entry)).not.toBe(base);
  });
});
