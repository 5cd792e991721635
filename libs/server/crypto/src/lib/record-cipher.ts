import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { keyById, parseKeyring, SERVER_CONFIG, type Keyring, type ServerConfig } from '@gugus/server-config';
import { open, seal } from './aead';
import { DataKeysRepository } from './data-keys.repository';

/** A record's own data key, unwrapped, with the id stored next to the record. */
export interface DataKey {
  id: string;
  key: Buffer;
}

const SETTING = 'DATA_ENCRYPTION_KEYS';
const CACHE_LIMIT = 2000;
const wrapContext = (dataKeyId: string) => `data_keys:${dataKeyId}`;

/**
 * Envelope encryption of personal data at rest: every record gets its own random AES-256 data key,
 * stored wrapped (AES-256-GCM) by a key-encryption key from configuration, so rotating that key means
 * re-wrapping small keys, never re-encrypting records. Sealed values are bound to their record and
 * column (`context`), so a blob copied elsewhere does not open.
 */
@Injectable()
export class RecordCipher {
  private readonly ring: Keyring;
  // Unwrapped keys of recently read records; unwrapping needs a database round trip.
  private readonly cache = new Map<string, Buffer>();

  constructor(
    private readonly keys: DataKeysRepository,
    @Inject(SERVER_CONFIG) config: Pick<ServerConfig, 'DATA_ENCRYPTION_KEYS'>,
  ) {
    this.ring = parseKeyring(config.DATA_ENCRYPTION_KEYS);
  }

  /** A fresh data key for one record, stored wrapped (inside `manager`'s transaction when given). */
  async newDataKey(manager?: EntityManager): Promise<DataKey> {
    const id = randomUUID();
    const key = randomBytes(32);
    await this.keys.insert({ id, kekId: this.ring.primary.id, wrapped: seal(this.ring.primary.key, key, wrapContext(id)) }, manager);
    this.remember(id, key);
    return { id, key };
  }

  /** The data key `id`, unwrapped with whichever configured key wrapped it. */
  async dataKey(id: string, manager?: EntityManager): Promise<DataKey> {
    const cached = this.cache.get(id);
    if (cached) return { id, key: cached };
    const row = await this.keys.find(id, manager);
    if (!row) throw new Error(`Data key ${id} does not exist`);
    const key = open(keyById(this.ring, row.kekId, SETTING).key, row.wrapped, wrapContext(id));
    this.remember(id, key);
    return { id, key };
  }

  sealJson(key: DataKey, value: unknown, context: string): Buffer {
    return seal(key.key, Buffer.from(JSON.stringify(value), 'utf8'), `${key.id}:${context}`);
  }

  openJson<T>(key: DataKey, blob: Buffer, context: string): T {
    return JSON.parse(open(key.key, blob, `${key.id}:${context}`).toString('utf8')) as T;
  }

  /**
   * Re-wraps every data key under the primary key-encryption key (the first of DATA_ENCRYPTION_KEYS), a
   * batch at a time; afterwards the other keys can be removed from the configuration.
   */
  async rewrapAll(onBatch: (done: number) => void = () => undefined): Promise<number> {
    let done = 0;
    for (;;) {
      const batch = await this.keys.notWrappedBy(this.ring.primary.id, 500);
      if (!batch.length) return done;
      for (const row of batch) {
        const key = open(keyById(this.ring, row.kekId, SETTING).key, row.wrapped, wrapContext(row.id));
        if (await this.keys.rewrap(row.id, row.kekId, { kekId: this.ring.primary.id, wrapped: seal(this.ring.primary.key, key, wrapContext(row.id)) })) done++;
      }
      onBatch(done);
    }
  }

  /** Key-encryption keys that wrap stored data keys but are missing from the configuration. */
  async missingKeys(): Promise<{ kekId: string; count: number }[]> {
    return (await this.keys.countByKek()).filter((k) => !this.ring.byId.has(k.kekId));
  }

  /** Data keys per key-encryption key, and which one is primary (for the key CLI). */
  async status(): Promise<{ primary: string; wrapped: { kekId: string; count: number; configured: boolean }[] }> {
    return { primary: this.ring.primary.id, wrapped: (await this.keys.countByKek()).map((k) => ({ ...k, configured: this.ring.byId.has(k.kekId) })) };
  }

  private remember(id: string, key: Buffer): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(id, key);
  }
}
