import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { FormSubmissionEntity, FormVersionEntity } from './forms.entities';

export interface FormVersionImpact {
  openTasks: number;
  openDrafts: number;
  tasks: { id: string; title: { id: string; en: string }; jurisdictionCode: string; dueAt: Date }[];
  drafts: { id: string; jurisdictionCode: string; createdAt: Date }[];
}

@Injectable()
export class FormsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findVersion(id: string, manager: EntityManager = this.db.manager): Promise<FormVersionEntity | null> {
    return manager.findOneBy(FormVersionEntity, { id });
  }

  /** The published version of `formKey` for the first of `codes` that has one (nearest jurisdiction first). */
  async effectiveVersion(formKey: string, codes: string[]): Promise<FormVersionEntity | null> {
    const rows = await this.db.manager.findBy(FormVersionEntity, { formKey, status: 'published', jurisdictionCode: In(codes) });
    return codes.map((c) => rows.find((r) => r.jurisdictionCode === c)).find(Boolean) ?? null;
  }

  findDraft(formKey: string, jurisdictionCode: string): Promise<FormVersionEntity | null> {
    return this.db.manager.findOneBy(FormVersionEntity, { formKey, jurisdictionCode, status: 'draft' });
  }

  listVersions(formKey: string, jurisdictionCode: string): Promise<FormVersionEntity[]> {
    return this.db.manager.find(FormVersionEntity, { where: { formKey, jurisdictionCode }, order: { number: 'DESC' } });
  }

  async nextNumber(formKey: string, jurisdictionCode: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query('SELECT coalesce(max(number), 0) + 1 AS next FROM form_versions WHERE form_key = $1 AND jurisdiction_code = $2', [formKey, jurisdictionCode]);
    return Number(row.next);
  }

  async insertVersion(values: Omit<FormVersionEntity, 'id' | 'createdAt' | 'number'>, manager: EntityManager): Promise<FormVersionEntity> {
    const id = randomUUID();
    const number = await this.nextNumber(values.formKey, values.jurisdictionCode, manager);
    // jsonb columns hold plain JSON; TypeORM's deep-partial typing cannot follow the definition types.
    await manager.insert(FormVersionEntity, { ...values, id, number, createdAt: new Date() } as unknown as QueryDeepPartialEntity<FormVersionEntity>);
    return (await this.findVersion(id, manager)) as FormVersionEntity;
  }

  async updateDraft(id: string, values: Pick<FormVersionEntity, 'overlay' | 'definition' | 'optionLists' | 'baseVersionId'>): Promise<void> {
    await this.db.manager.update(FormVersionEntity, { id, status: 'draft' }, values as unknown as QueryDeepPartialEntity<FormVersionEntity>);
  }

  async retirePublished(formKey: string, jurisdictionCode: string, manager: EntityManager): Promise<void> {
    await manager.update(FormVersionEntity, { formKey, jurisdictionCode, status: 'published' }, { status: 'retired' });
  }

  async publish(id: string, by: string | null, manager: EntityManager): Promise<void> {
    await manager.update(FormVersionEntity, { id, status: 'draft' }, { status: 'published', publishedBy: by, publishedAt: new Date() });
  }

  /** Draft submissions still pinned to any of these versions (the impact of replacing them). */

  /**
   * What still uses `versionId` within a jurisdiction (a province covers its regencies): open human tasks
   * pinned to it and draft submissions made with it — counted, and the first `limit` of each listed.
   */
  async impactOf(versionId: string, jurisdictionCode: string, limit = 20): Promise<FormVersionImpact> {
    const inScope = jurisdictionCode === '00' ? 'TRUE' : `(jurisdiction_code = $2 OR jurisdiction_code LIKE $2 || '.%')`;
    const params = jurisdictionCode === '00' ? [versionId] : [versionId, jurisdictionCode];
    const [tasks, drafts, counts] = await Promise.all([
      this.db.query(`SELECT id, title, jurisdiction_code AS "jurisdictionCode", due_at AS "dueAt" FROM tasks WHERE status = 'open' AND form_version_id = $1 AND ${inScope} ORDER BY due_at LIMIT ${limit}`, params),
      this.db.query(`SELECT id, jurisdiction_code AS "jurisdictionCode", created_at AS "createdAt" FROM form_submissions WHERE status = 'draft' AND form_version_id = $1 AND ${inScope} ORDER BY created_at DESC LIMIT ${limit}`, params),
      this.db.query(
        `SELECT (SELECT count(*)::int FROM tasks WHERE status = 'open' AND form_version_id = $1 AND ${inScope}) AS "openTasks",
                (SELECT count(*)::int FROM form_submissions WHERE status = 'draft' AND form_version_id = $1 AND ${inScope}) AS "openDrafts"`,
        params,
      ),
    ]);
    const { openTasks, openDrafts } = (counts as { openTasks: number; openDrafts: number }[])[0];
    return { openTasks, openDrafts, tasks, drafts } as FormVersionImpact;
  }

  async insertSubmission(values: Omit<FormSubmissionEntity, 'id' | 'createdAt' | 'updatedAt'>, manager: EntityManager): Promise<FormSubmissionEntity> {
    const id = randomUUID();
    const now = new Date();
    await manager.insert(FormSubmissionEntity, { ...values, id, createdAt: now, updatedAt: now } as unknown as QueryDeepPartialEntity<FormSubmissionEntity>);
    return (await manager.findOneBy(FormSubmissionEntity, { id })) as FormSubmissionEntity;
  }

  findSubmission(id: string): Promise<FormSubmissionEntity | null> {
    return this.db.manager.findOneBy(FormSubmissionEntity, { id });
  }
}
