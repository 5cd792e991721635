import { createHash } from 'node:crypto';

/** `prev_hash` of the first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry its hash covers: everything but the hashes themselves. */
export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  jurisdictionCode: string | null;
  requestId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** JSON with object keys sorted at every depth, so equal values always give the same text. */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
  return text ?? 'null';
}

/**
 * SHA-256 (hex) of a record's canonical JSON. The log keeps this instead of the record, so it can prove
 * what a record looked like without holding victim data.
 */
export function digestOf(value: unknown): string {
  return sha256(canonicalJson(value));
}

/** Hash of one entry, chained to its predecessor: changing any field or any earlier entry changes it. */
export function entryHash(prevHash: string, entry: ChainedFields): string {
  const fields = {
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    jurisdictionCode: entry.jurisdictionCode,
    requestId: entry.requestId,
    beforeDigest: entry.beforeDigest,
    afterDigest: entry.afterDigest,
  };
  return sha256(prevHash + canonicalJson(fields));
}
