import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ValidateFunction } from 'ajv';
import {
  applyOverlay,
  classifyChanges,
  clearInapplicable,
  createFormAjv,
  NATIONAL_FORM_JURISDICTION,
  OVERLAY_SHAPE,
  resolveForm,
  toExtraErrors,
  validateForm,
  type FormChange,
  type FormOverlay,
  type Language,
  type OptionList,
  type ResolvedForm,
} from '@gugus/forms';
import { ErrorCode } from '@gugus/contracts';
import { abilityFor, assertCan, canOn, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { DomainError, isUniqueViolation } from '@gugus/server-http';
import type { FormVersionEntity } from './forms.entities';
import { FormsRepository } from './forms.repository';
import { listsUsedBy } from './national-forms-sync';

const JURISDICTION_CODE = /^(00|\d{2}|\d{2}\.\d{2})$/;

/** Nearest first: a regency, its province, the nation. */
export function jurisdictionChain(code: string): string[] {
  const chain = [code];
  if (code.includes('.')) chain.push(code.split('.')[0]);
  if (code !== NATIONAL_FORM_JURISDICTION) chain.push(NATIONAL_FORM_JURISDICTION);
  return chain;
}

export interface VersionView extends ResolvedForm {
  id: string;
  jurisdictionCode: string;
  number: number;
  status: FormVersionEntity['status'];
  overlay: FormOverlay | null;
  baseVersionId: string | null;
}

const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, { id: `${what} tidak ditemukan.`, en: `${what} was not found.` });
const invalid = (fields: { field: string; message: { id: string; en: string } }[], details: Record<string, unknown> = {}) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields, ...details });

/** Forms as data: effective versions, province variants as overlays, and submissions pinned to versions. */
@Injectable()
export class FormsService {
  private readonly ajv = createFormAjv();
  private readonly shape = this.ajv.compile(OVERLAY_SHAPE);
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    private readonly repo: FormsRepository,
    private readonly audit: AuditService,
  ) {}

  private listsOf(version: Pick<FormVersionEntity, 'optionLists'>): Map<string, OptionList> {
    return new Map(version.optionLists.map((l) => [l.key, l]));
  }

  private view(version: FormVersionEntity, language: Language): VersionView {
    return {
      ...resolveForm(version.definition, this.listsOf(version), language),
      id: version.id,
      jurisdictionCode: version.jurisdictionCode,
      number: version.number,
      status: version.status,
      overlay: version.overlay,
      baseVersionId: version.baseVersionId,
    };
  }

  /** Compiled once per version: published versions never change. */
  private validatorFor(version: FormVersionEntity): ValidateFunction {
    let validate = this.validators.get(version.id);
    if (!validate || version.status === 'draft') {
      validate = this.ajv.compile(resolveForm(version.definition, this.listsOf(version), 'id').schema);
      if (version.status !== 'draft') this.validators.set(version.id, validate);
    }
    return validate;
  }

  private assertCode(code: string, field = 'jurisdictionCode'): void {
    if (!JURISDICTION_CODE.test(code)) throw invalid([{ field, message: { id: 'harus kode wilayah resmi seperti 32 atau 32.04', en: 'must be an official region code such as 32 or 32.04' } }]);
  }

  /** The version a new form in `jurisdictionCode` uses: the nearest published one up the hierarchy. */
  async effective(formKey: string, jurisdictionCode: string, language: Language): Promise<VersionView> {
    this.assertCode(jurisdictionCode);
    const version = await this.repo.effectiveVersion(formKey, jurisdictionChain(jurisdictionCode));
    if (!version) throw notFound(`Formulir ${formKey}`);
    return this.view(version, language);
  }

  async version(id: string, language: Language): Promise<VersionView & { changes: FormChange[] }> {
    const version = await this.repo.findVersion(id);
    if (!version) throw notFound(`Versi formulir ${id}`);
    const base = version.baseVersionId ? await this.repo.findVersion(version.baseVersionId) : null;
    const changes = base ? classifyChanges(base.definition, version.definition, this.listsOf(base), this.listsOf(version)) : [];
    return { ...this.view(version, language), changes };
  }

  async versions(formKey: string, jurisdictionCode: string, language: Language): Promise<VersionView[]> {
    this.assertCode(jurisdictionCode);
    return (await this.repo.listVersions(formKey, jurisdictionCode)).map((v) => this.view(v, language));
  }

  /**
   * Opens (or returns) the province's draft, starting from its current overlay on the current national
   * version. Idempotent: requests racing to open it all get the same draft.
   */
  async openDraft(user: AuthUser, formKey: string, provinceCode: string, language: Language): Promise<VersionView> {
    this.assertCode(provinceCode);
    if (provinceCode.includes('.') || provinceCode === NATIONAL_FORM_JURISDICTION) {
      throw invalid([{ field: 'jurisdictionCode', message: { id: 'varian dibuat di tingkat provinsi', en: 'variants are made at province level' } }]);
    }
    assertCan(user, 'update', 'FormVersion', { jurisdictionCode: provinceCode });
    const existing = await this.repo.findDraft(formKey, provinceCode);
    if (existing) return this.view(existing, language);
    const base = await this.repo.effectiveVersion(formKey, [NATIONAL_FORM_JURISDICTION]);
    if (!base) throw notFound(`Formulir ${formKey}`);
    const current = await this.repo.effectiveVersion(formKey, [provinceCode]);
    const overlay = current?.overlay ?? {};
    const applied = applyOverlay(base.definition, overlay, this.listsOf(base), `${provinceCode}`);
    let draft: FormVersionEntity;
    try {
      draft = await this.repo.transaction((tx) =>
        this.repo.insertVersion(
          {
            formKey,
            jurisdictionCode: provinceCode,
            status: 'draft',
            libraryVersion: null,
            baseVersionId: base.id,
            overlay,
            definition: applied.definition,
            optionLists: listsUsedBy(applied.definition, applied.lists),
            createdBy: user.personId,
            publishedBy: null,
            publishedAt: null,
          },
          tx,
        ),
      );
    } catch (err) {
      // Opened twice at once (two tabs, a double click): the other request's insert won, on the one-draft
      // index or on the version number both computed. Its draft is committed by now; answer with it.
      const raced = isUniqueViolation(err) ? await this.repo.findDraft(formKey, provinceCode) : null;
      if (!raced) throw err;
      draft = raced;
    }
    return this.view(draft, language);
  }

  /** Replaces a draft's overlay. Published versions are immutable; conflicts name the field and rule. */
  async saveDraft(user: AuthUser, versionId: string, overlay: unknown, language: Language): Promise<VersionView> {
    const draft = await this.editableDraft(user, versionId);
    if (!this.shape(overlay)) {
      throw invalid(
        (this.shape.errors ?? []).map((e) => ({ field: `overlay${e.instancePath}`, message: { id: e.message ?? e.keyword, en: e.message ?? e.keyword } })),
      );
    }
    const base = await this.repo.effectiveVersion(draft.formKey, [NATIONAL_FORM_JURISDICTION]);
    if (!base) throw notFound(`Formulir ${draft.formKey}`);
    const applied = applyOverlay(base.definition, overlay as FormOverlay, this.listsOf(base), draft.jurisdictionCode);
    if (applied.conflicts.length) {
      throw invalid(
        applied.conflicts.map((c) => ({ field: c.path, message: c.message })),
        { conflicts: applied.conflicts.map((c) => ({ path: c.path, rule: c.rule })) },
      );
    }
    this.assertCompiles(applied.definition, applied.lists);
    await this.repo.updateDraft(draft.id, { overlay: overlay as FormOverlay, definition: applied.definition, optionLists: listsUsedBy(applied.definition, applied.lists), baseVersionId: base.id });
    return this.view((await this.repo.findVersion(draft.id)) as FormVersionEntity, language);
  }

  /**
   * Publishes a draft. A breaking change (against what the province uses now) needs `confirmBreaking`;
   * without it the answer lists the changes and the drafts still open on the versions it replaces.
   */
  async publish(user: AuthUser, versionId: string, confirmBreaking: boolean, language: Language): Promise<VersionView & { changes: FormChange[] }> {
    const draft = await this.editableDraft(user, versionId);
    const previous = await this.repo.effectiveVersion(draft.formKey, jurisdictionChain(draft.jurisdictionCode));
    this.assertCompiles(draft.definition, this.listsOf(draft));
    const changes = previous ? classifyChanges(previous.definition, draft.definition, this.listsOf(previous), this.listsOf(draft)) : [];
    const breaking = changes.filter((c) => c.breaking);
    if (breaking.length && !confirmBreaking) {
      const impact = previous ? await this.repo.impactOf(previous.id, draft.jurisdictionCode) : { openTasks: 0, openDrafts: 0, tasks: [], drafts: [] };
      const { openTasks, openDrafts } = impact;
      throw new DomainError(
        ErrorCode.CONFLICT,
        {
          id: `Perubahan ini memutus kompatibilitas (${breaking.map((c) => `${c.path}: ${c.kind}`).join(', ')}); ${openTasks} tugas terbuka dan ${openDrafts} draf terbuka memakai versi sebelumnya. Konfirmasi untuk menerbitkan.`,
          en: `This change is breaking (${breaking.map((c) => `${c.path}: ${c.kind}`).join(', ')}); ${openTasks} open tasks and ${openDrafts} open drafts use the previous version. Confirm to publish.`,
        },
        { changes: breaking, impact },
      );
    }
    await this.repo.transaction(async (tx) => {
      await this.repo.retirePublished(draft.formKey, draft.jurisdictionCode, tx);
      await this.repo.publish(draft.id, user.personId, tx);
      await this.audit.record(
        { actorId: user.personId, action: 'form_version.publish', targetType: 'form_version', targetId: draft.id, jurisdictionCode: draft.jurisdictionCode, requestId: user.requestId ?? null, after: draft.definition },
        tx,
      );
    });
    return this.version(draft.id, language);
  }

  /** Stores a submission pinned to the version in effect; a submitted one must be valid. */
  async submit(user: AuthUser, formKey: string, jurisdictionCode: string, data: unknown, status: 'draft' | 'submitted', language: Language) {
    this.assertCode(jurisdictionCode);
    assertCan(user, 'create', 'FormSubmission', { jurisdictionCode });
    const version = await this.repo.effectiveVersion(formKey, jurisdictionChain(jurisdictionCode));
    if (!version) throw notFound(`Formulir ${formKey}`);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw invalid([{ field: 'data', message: { id: 'harus berupa objek', en: 'must be an object' } }]);
    const { data: cleaned, cleared } = clearInapplicable(this.ajv, version.definition.schema, data);
    if (status === 'submitted') {
      const errors = validateForm(this.validatorFor(version), cleaned);
      if (errors.length) {
        throw invalid(
          errors.map((e) => ({ field: `data${e.field}`, message: e.message })),
          { extraErrors: toExtraErrors(errors, language), formVersionId: version.id },
        );
      }
    }
    const saved = await this.repo.transaction(async (tx) => {
      const row = await this.repo.insertSubmission({ formVersionId: version.id, jurisdictionCode, status, data: cleaned as Record<string, unknown>, createdBy: user.personId }, tx);
      await this.audit.record({ actorId: user.personId, action: 'form_submission.create', targetType: 'form_submission', targetId: row.id, jurisdictionCode, requestId: user.requestId ?? null, after: cleaned }, tx);
      return row;
    });
    return { id: saved.id, formVersionId: version.id, status: saved.status, cleared };
  }

  /** The published version a new task of `formKey` in `jurisdictionCode` is pinned to (nearest up the hierarchy). */
  async pinVersion(formKey: string, jurisdictionCode: string): Promise<{ id: string; number: number; jurisdictionCode: string }> {
    this.assertCode(jurisdictionCode);
    const version = await this.repo.effectiveVersion(formKey, jurisdictionChain(jurisdictionCode));
    if (!version) throw notFound(`Formulir ${formKey}`);
    return { id: version.id, number: version.number, jurisdictionCode: version.jurisdictionCode };
  }

  /**
   * Checks `data` against one exact version (a task's pinned version): answers to questions that do not
   * apply are dropped, and invalid data is refused with field errors (rjsf `extraErrors` in `language`).
   */
  async checkAgainstVersion(versionId: string, data: unknown, language: Language, field = 'data'): Promise<Record<string, unknown>> {
    const version = await this.repo.findVersion(versionId);
    if (!version) throw notFound(`Versi formulir ${versionId}`);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw invalid([{ field, message: { id: 'harus berupa objek', en: 'must be an object' } }]);
    const { data: cleaned } = clearInapplicable(this.ajv, version.definition.schema, data);
    const errors = validateForm(this.validatorFor(version), cleaned);
    if (errors.length) {
      throw invalid(
        errors.map((e) => ({ field: `${field}${e.field}`, message: e.message })),
        { extraErrors: toExtraErrors(errors, language), formVersionId: version.id },
      );
    }
    return cleaned as Record<string, unknown>;
  }

  /** Stores already-checked data as a submitted form of `versionId` (inside the caller's transaction). */
  async storeSubmission(
    input: { versionId: string; jurisdictionCode: string; data: Record<string, unknown>; personId: string; requestId: string | null },
    manager: EntityManager,
  ): Promise<string> {
    const row = await this.repo.insertSubmission({ formVersionId: input.versionId, jurisdictionCode: input.jurisdictionCode, status: 'submitted', data: input.data, createdBy: input.personId }, manager);
    await this.audit.record({ actorId: input.personId, action: 'form_submission.create', targetType: 'form_submission', targetId: row.id, jurisdictionCode: input.jurisdictionCode, requestId: input.requestId, after: input.data }, manager);
    return row.id;
  }

  /** A stored submission's data (for the process that asked for it), or null. */
  async submissionData(id: string): Promise<{ data: Record<string, unknown>; formVersionId: string } | null> {
    const row = await this.repo.findSubmission(id);
    return row ? { data: row.data, formVersionId: row.formVersionId } : null;
  }

  /** A submission with the exact version it was made with, so old submissions open as they were. */
  async submission(user: AuthUser, id: string, language: Language) {
    const row = await this.repo.findSubmission(id);
    if (!row) throw notFound(`Isian formulir ${id}`);
    if (!canOn(abilityFor(user.grants), 'read', 'FormSubmission', { jurisdictionCode: row.jurisdictionCode })) throw notFound(`Isian formulir ${id}`);
    const version = (await this.repo.findVersion(row.formVersionId)) as FormVersionEntity;
    return { id: row.id, status: row.status, jurisdictionCode: row.jurisdictionCode, data: row.data, version: this.view(version, language) };
  }

  private async editableDraft(user: AuthUser, versionId: string): Promise<FormVersionEntity> {
    const version = await this.repo.findVersion(versionId);
    if (!version) throw notFound(`Versi formulir ${versionId}`);
    assertCan(user, 'update', 'FormVersion', { jurisdictionCode: version.jurisdictionCode });
    if (version.status !== 'draft') {
      throw new DomainError(ErrorCode.CONFLICT, {
        id: `Versi ${version.number} formulir ${version.formKey} sudah ${version.status === 'published' ? 'terbit' : 'dipensiunkan'} dan tidak dapat diubah; buka draf baru.`,
        en: `Version ${version.number} of ${version.formKey} is ${version.status} and cannot be changed; open a new draft.`,
      });
    }
    return version;
  }

  private assertCompiles(definition: FormVersionEntity['definition'], lists: ReadonlyMap<string, OptionList>): void {
    try {
      createFormAjv().compile(resolveForm(definition, lists, 'id').schema);
    } catch (err) {
      throw invalid([{ field: 'schema', message: { id: `skema tidak valid: ${(err as Error).message}`, en: `invalid schema: ${(err as Error).message}` } }]);
    }
  }
}
