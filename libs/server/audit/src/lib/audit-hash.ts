import { createHash, createHmac } from 'node:crypto';
import type { AuditKey } from './audit-keyring';

/** `prev_hash` of the first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How an entry's hash was made. 1: unkeyed SHA-256, written before the audit key existed (kept so old
 * entries still verify). 2: HMAC-SHA-256 with a configured key; every entry written now.
 */
export const UNKEYED_HASH_VERSION = 1;
export const HMAC_HASH_VERSION = 2;

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

/** What a keyed (version 2) entry's HMAC covers in addition. */
export interface KeyedFields extends ChainedFields {
  purpose: string | null;
  keyId: string;
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
 * HMAC-SHA-256 (hex), under the audit key, of a record's canonical JSON. The log keeps this instead of
 * the record, so it can prove what a record looked like without holding victim data. Keyed, because a
 * plain hash of a small record (a name, a birth date, an ID number) can be found by trying guesses; the
 * key's id is the entry's `key_id`.
 */
export function digestOf(value: unknown, key: AuditKey): string {
  return createHmac('sha256', key.secret).update(`gugus-audit-digest\0${canonicalJson(value)}`, 'utf8').digest('hex');
}

function chainedFields(entry: ChainedFields) {
  return {
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
}

/**
 * Version 1: unkeyed SHA-256 of an entry chained to its predecessor. Anyone can recompute it, so it
 * only proves integrity up to the first keyed entry, whose HMAC covers its link to the last unkeyed one.
 */
export function unkeyedEntryHash(prevHash: string, entry: ChainedFields): string {
  return sha256(prevHash + canonicalJson(chainedFields(entry)));
}

/**
 * Version 2: HMAC-SHA-256 under `key` of the entry (its purpose and key id included) chained to its
 * predecessor. Without the key nobody can produce a matching hash, so a rewritten entry, or a forged
 * chain of them, does not verify.
 */
export function keyedEntryHash(key: AuditKey, prevHash: string, entry: KeyedFields): string {
  const fields = { ...chainedFields(entry), purpose: entry.purpose, keyId: entry.keyId, v: HMAC_HASH_VERSION };
  return createHmac('sha256', key.secret).update(prevHash + canonicalJson(fields), 'utf8').digest('hex');
}
