import { createHash } from 'node:crypto';
import { canonicalJson, digestOf, GENESIS_HASH, keyedEntryHash, unkeyedEntryHash, type ChainedFields, type KeyedFields } from './audit-hash';
import { AuditKeyring } from './audit-keyring';

const key = { id: 'k1', secret: 'a-test-secret-of-at-least-32-characters' };

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
  // A digest as entries written before keyed digests hold it (SHA-256 of {"name":"x"}): the pinned hashes below cover it.
  afterDigest: '0229d37e33daae149bf40543a5ce1db4459d10f830d5139279aa2bfd5f6485a1',
};

const keyed: KeyedFields = { ...entry, purpose: 'assignee', keyId: key.id };

describe('digestOf', () => {
  it.each([
    [{ a: 1, b: 2 }, { b: 2, a: 1 }],
    [{ outer: { x: [1, { q: 1, p: 2 }], y: null } }, { outer: { y: null, x: [1, { p: 2, q: 1 }] } }],
    [{ at: new Date('2025-01-01T00:00:00Z') }, { at: '2025-01-01T00:00:00.000Z' }],
  ])('does not depend on key order: %j', (a, b) => {
    expect(digestOf(a, key)).toBe(digestOf(b, key));
    expect(digestOf(a, key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [{ a: 1 }, { a: 2 }],
    [{ a: 1 }, { b: 1 }],
    [{ a: [1, 2] }, { a: [2, 1] }],
    [{ a: null }, {}],
    ['1', 1],
  ])('differs for different values: %j vs %j', (a, b) => {
    expect(digestOf(a, key)).not.toBe(digestOf(b, key));
  });

  it('cannot be recomputed without the audit key (a guessed name or ID number does not match)', () => {
    const record = { fullName: 'Siti Aminah', nik: '3204123456780001' };
    expect(digestOf(record, { id: 'k2', secret: 'another-secret-of-at-least-32-characters' })).not.toBe(digestOf(record, key));
    expect(digestOf(record, key)).not.toBe(createHash('sha256').update(canonicalJson(record)).digest('hex'));
  });

  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: 0 })).toBe('{"a":0,"b":{"c":2,"d":1}}');
  });
});

const fieldChanges: [keyof ChainedFields, unknown][] = [
  ['seq', 8],
  ['at', new Date('2025-11-20T08:30:00.124Z')],
  ['actorId', null],
  ['action', 'person.update'],
  ['targetType', 'Agency'],
  ['targetId', '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8fa'],
  ['jurisdictionCode', '32'],
  ['requestId', 'req-2'],
  ['beforeDigest', digestOf({ name: 'y' }, key)],
  ['afterDigest', null],
];

describe('unkeyedEntryHash (entries written before the audit key)', () => {
  const base = unkeyedEntryHash(GENESIS_HASH, entry);

  it('is the SHA-256 the chain has always used', () => {
    // Pinned: existing databases hold entries hashed this way and must keep verifying.
    expect(unkeyedEntryHash(GENESIS_HASH, { ...entry })).toBe(base);
    expect(base).toBe('a6b43a63a6ece73a56da469c0d3b88035b3bba5228c67feab974cef4126bbbd6');
  });

  it.each(fieldChanges)('changes when %s changes', (field, value) => {
    expect(unkeyedEntryHash(GENESIS_HASH, { ...entry, [field]: value })).not.toBe(base);
  });

  it('changes when the predecessor changes', () => {
    expect(unkeyedEntryHash('f'.repeat(64), entry)).not.toBe(base);
  });
});

describe('keyedEntryHash (HMAC-SHA-256)', () => {
  const base = keyedEntryHash(key, GENESIS_HASH, keyed);

  it('is stable for the same key, entry and predecessor, and differs from the unkeyed hash', () => {
    expect(keyedEntryHash({ ...key }, GENESIS_HASH, { ...keyed })).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(base).not.toBe(unkeyedEntryHash(GENESIS_HASH, entry));
  });

  it.each<[keyof KeyedFields, unknown]>([...fieldChanges, ['purpose', 'team'], ['purpose', null], ['keyId', 'k2']])('changes when %s changes', (field, value) => {
    expect(keyedEntryHash(key, GENESIS_HASH, { ...keyed, [field]: value })).not.toBe(base);
  });

  it('changes when the predecessor changes', () => {
    expect(keyedEntryHash(key, 'f'.repeat(64), keyed)).not.toBe(base);
  });

  it('cannot be recomputed without the key', () => {
    expect(keyedEntryHash({ ...key, secret: `${key.secret}!` }, GENESIS_HASH, keyed)).not.toBe(base);
  });
});

describe('AuditKeyring', () => {
  it('seals with the current key and still finds retired ones for verification', () => {
    const ring = AuditKeyring.fromConfig({
      AUDIT_HMAC_KEY: 'k3:third-secret-of-at-least-32-characters-long',
      AUDIT_HMAC_OLD_KEYS: 'k1:first-secret-of-at-least-32-characters-long, k2:second-secret-of-at-least-32-characters-long',
    });
    expect(ring.current).toEqual({ id: 'k3', secret: 'third-secret-of-at-least-32-characters-long' });
    expect(ring.find('k1')?.secret).toBe('first-secret-of-at-least-32-characters-long');
    expect(ring.find('k2')?.secret).toBe('second-secret-of-at-least-32-characters-long');
    expect(ring.find('k4')).toBeUndefined();
  });

  it('keeps secrets that contain a colon whole', () => {
    expect(AuditKeyring.fromConfig({ AUDIT_HMAC_KEY: 'k1:abc:def-ghi-jkl-mno-pqr-stu-vwx-yz0123' }).current.secret).toBe('abc:def-ghi-jkl-mno-pqr-stu-vwx-yz0123');
  });
});
