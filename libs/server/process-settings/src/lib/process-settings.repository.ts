import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ProcessSettingsEntity, type ProcessSettingsRow } from './process-settings.entity';

@Injectable()
export class ProcessSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async jurisdictionExists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM jurisdictions WHERE code = $1', [code]);
    return rows.length > 0;
  }

  /** The newest version for the first of `codes` that has one (nearest jurisdiction first). */
  async latestAlong(processKey: string, codes: string[]): Promise<ProcessSettingsEntity | null> {
    const rows = await this.db.manager.find(ProcessSettingsEntity, { where: { processKey, jurisdictionCode: In(codes) }, order: { version: 'DESC' } });
    return codes.map((c) => rows.find((r) => r.jurisdictionCode === c)).find(Boolean) ?? null;
  }

  /** Versions saved for exactly this jurisdiction, newest first, with who saved them. */
  async history(processKey: string, jurisdictionCode: string): Promise<ProcessSettingsRow[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT s.id, s.process_key, s.jurisdiction_code, s.version, s.settings, s.note, s.created_by, s.created_at, p.full_name AS created_by_name
       FROM process_settings s LEFT JOIN people p ON p.id = s.created_by
       WHERE s.process_key = $1 AND s.jurisdiction_code = $2 ORDER BY s.version DESC`,
      [processKey, jurisdictionCode],
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      processKey: r['process_key'] as string,
      jurisdictionCode: r['jurisdiction_code'] as string,
      version: Number(r['version']),
      settings: r['settings'] as Record<string, unknown>,
      note: r['note'] as string | null,
      createdBy: r['created_by'] as string | null,
      createdAt: r['created_at'] as Date,
      createdByName: r['created_by_name'] as string | null,
    }));
  }

  /** Appends the next version number (saves for the same process and jurisdiction queue behind each other). */
  async insertNext(values: Pick<ProcessSettingsEntity, 'processKey' | 'jurisdictionCode' | 'settings' | 'note' | 'createdBy'>, manager: EntityManager): Promise<ProcessSettingsEntity> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`process_settings:${values.processKey}:${values.jurisdictionCode}`]);
    const [row] = await manager.query('SELECT coalesce(max(version), 0) + 1 AS next FROM process_settings WHERE process_key = $1 AND jurisdiction_code = $2', [values.processKey, values.jurisdictionCode]);
    const entity: ProcessSettingsEntity = { ...values, id: randomUUID(), version: Number(row.next), createdAt: new Date() };
    // jsonb holds plain JSON; TypeORM's deep-partial typing cannot follow `unknown` values.
    await manager.insert(ProcessSettingsEntity, entity as unknown as QueryDeepPartialEntity<ProcessSettingsEntity>);
    return entity;
  }
}
