import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** One wrapped data key as stored: which key-encryption key wrapped it, and the sealed key bytes. */
export interface WrappedDataKey {
  id: string;
  kekId: string;
  wrapped: Buffer;
}

/** The `data_keys` table. Only this class touches it. */
@Injectable()
export class DataKeysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(key: WrappedDataKey, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query('INSERT INTO data_keys (id, kek_id, wrapped) VALUES ($1, $2, $3)', [key.id, key.kekId, key.wrapped]);
  }

  async find(id: string, manager: EntityManager = this.db.manager): Promise<WrappedDataKey | null> {
    const rows = (await manager.query('SELECT id, kek_id, wrapped FROM data_keys WHERE id = $1', [id])) as { id: string; kek_id: string; wrapped: Buffer }[];
    return rows[0] ? { id: rows[0].id, kekId: rows[0].kek_id, wrapped: rows[0].wrapped } : null;
  }

  /** How many data keys each key-encryption key wraps. */
  async countByKek(): Promise<{ kekId: string; count: number }[]> {
    const rows = (await this.db.query('SELECT kek_id, count(*)::int AS n FROM data_keys GROUP BY kek_id ORDER BY kek_id')) as { kek_id: string; n: number }[];
    return rows.map((r) => ({ kekId: r.kek_id, count: r.n }));
  }

  /** Up to `limit` data keys not wrapped by `kekId`, for a rotation. */
  async notWrappedBy(kekId: string, limit: number): Promise<WrappedDataKey[]> {
    const rows = (await this.db.query('SELECT id, kek_id, wrapped FROM data_keys WHERE kek_id <> $1 ORDER BY id LIMIT $2', [kekId, limit])) as { id: string; kek_id: string; wrapped: Buffer }[];
    return rows.map((r) => ({ id: r.id, kekId: r.kek_id, wrapped: r.wrapped }));
  }

  /** Replaces a wrapping only if it is still the one read (a concurrent rotation wins, nothing is lost). */
  async rewrap(id: string, fromKekId: string, next: { kekId: string; wrapped: Buffer }): Promise<boolean> {
    const [, affected] = (await this.db.query('UPDATE data_keys SET kek_id = $3, wrapped = $4, rewrapped_at = now() WHERE id = $1 AND kek_id = $2', [id, fromKekId, next.kekId, next.wrapped])) as [unknown, number];
    return affected === 1;
  }
}
