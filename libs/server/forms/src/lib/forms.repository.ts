import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { mergeAnswers, splitBySensitivity, type FormSchema, type PlacedAnswer } from '@gugus/forms';
import { RecordCipher } from '@gugus/server-crypto';
import { FormSubmissionEntity, FormVersionEntity } from './forms.entities';

/** A submission as the service sees it: every answer in place, decrypted. */
export interface StoredSubmission {
  id: string;
  formVersionId: string;
  jurisdictionCode: string;
  status: 'draft' | 'submitted';
  data: Record<string, unknown>;
  /** Whether it holds restricted or identifying answers (reading it is then logged). */
  sensitive: boolean;
  createdBy: string | null;
  createdAt: Date;
}

/** Where a submission's sealed answers belong: its own row and column. */
const sealedContext = (id: string) => `form_submissions.sealed:${id}`;

export interface FormVersionImpact {
  openTasks: number;
  openDrafts: number;
  tasks: { id: string; title: { id: string; en: string }; jurisdictionCode: string; dueAt: Date }[];
  drafts: { id: string; jurisdictionCode: string; createdAt: Date }[];
}

@Injectable()
export class FormsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: RecordCipher,
  ) {}

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

  /**
   * Stores a submission: restricted and identifying answers (by the version's `x-sensitivity`; anything
   * the schema does not describe counts as identifying) are sealed under a data key of the record's own,
   * the rest stays queryable as JSON.
   */
  async insertSubmission(
    values: Pick<FormSubmissionEntity, 'formVersionId' | 'jurisdictionCode' | 'status' | 'data' | 'createdBy'>,
    schema: FormSchema,
    manager: EntityManager,
  ): Promise<StoredSubmission> {
    const id = randomUUID();
    const now = new Date();
    const split = await this.splitAndSeal(id, schema, values.data, manager);
    const row = { ...values, id, data: split.data, dataKeyId: split.dataKeyId, sealed: split.sealed, createdAt: now, updatedAt: now };
    await manager.insert(FormSubmissionEntity, row as unknown as QueryDeepPartialEntity<FormSubmissionEntity>);
    return { id, formVersionId: values.formVersionId, jurisdictionCode: values.jurisdictionCode, status: values.status, data: values.data, sensitive: split.sealed !== null, createdBy: values.createdBy, createdAt: now };
  }

  /** What stays plain (`data`) and, when there are restricted or identifying answers, those sealed under a new data key. */
  private async splitAndSeal(id: string, schema: FormSchema, data: Record<string, unknown>, manager: EntityManager): Promise<{ data: Record<string, unknown>; sealed: Buffer | null; dataKeyId: string | null }> {
    const { below, atOrAbove } = splitBySensitivity(schema, data, 'restricted');
    if (!atOrAbove.length) return { data: below, sealed: null, dataKeyId: null };
    const key = await this.cipher.newDataKey(manager);
    return { data: below, sealed: this.cipher.sealJson(key, atOrAbove, sealedContext(id)), dataKeyId: key.id };
  }

  /**
   * Seals the restricted and identifying answers of up to `limit` submissions stored before encryption
   * (plain in `data`); returns how many it looked at. Safe to run beside live writes.
   */
  async sealLegacySubmissions(limit: number): Promise<number> {
    const rows = (await this.db.query(
      `SELECT s.id, s.data, v.definition FROM form_submissions s JOIN form_versions v ON v.id = s.form_version_id WHERE s.needs_sealing ORDER BY s.created_at LIMIT $1`,
      [limit],
    )) as { id: string; data: Record<string, unknown>; definition: { schema: FormSchema } }[];
    for (const row of rows) {
      await this.db.transaction(async (tx) => {
        const split = await this.splitAndSeal(row.id, row.definition.schema, row.data, tx);
        await tx.query('UPDATE form_submissions SET data = $2, sealed = $3, data_key_id = $4, needs_sealing = false WHERE id = $1 AND needs_sealing', [row.id, split.data, split.sealed, split.dataKeyId]);
      });
    }
    return rows.length;
  }

  /** A submission with its sealed answers opened and put back in place. */
  async findSubmission(id: string, manager: EntityManager = this.db.manager): Promise<StoredSubmission | null> {
    const row = await manager.findOneBy(FormSubmissionEntity, { id });
    if (!row) return null;
    let data = row.data;
    let sensitive = false;
    if (row.dataKeyId && row.sealed) {
      const answers = this.cipher.openJson<PlacedAnswer[]>(await this.cipher.dataKey(row.dataKeyId, manager), row.sealed, sealedContext(id));
      data = mergeAnswers(row.data, answers);
      sensitive = answers.length > 0;
    }
    return { id: row.id, formVersionId: row.formVersionId, jurisdictionCode: row.jurisdictionCode, status: row.status, data, sensitive, createdBy: row.createdBy, createdAt: row.createdAt };
  }
}
