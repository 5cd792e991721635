import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  agencyReferences,
  addedFieldsProblems,
  dataCategoryCodes,
  applyOverlay,
  classifyChanges,
  NATIONAL_FORM_JURISDICTION,
  OVERLAY_SHAPE,
  redactAbove,
  overlayShapeErrors,
  resolveForm,
  toExtraErrors,
  validateForm,
  type FormChange,
  type FormFieldError,
  type FormOverlay,
  type Language,
  type OptionList,
  type ResolvedForm,
  type Sensitivity,
} from '@gugus/forms';
import { ErrorCode } from '@gugus/contracts';
import { abilityFor, assertCan, canOn, oversightFieldAccess, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { DomainError, isUniqueViolation } from '@gugus/server-http';
import { OrgsRepository } from '@gugus/server-orgs';
import type { FormVersionEntity } from './forms.entities';
import { compileSubmissionCheck, createServerFormAjv, re2PatternProblem, runSubmissionCheck, type SubmissionCheck } from './form-ajv';
import { FormsRepository, type StoredSubmission } from './forms.repository';
import { listsUsedBy } from './national-forms-sync';

/**
 * Does this person work on the record (e.g. they act for a task that produced or reviews it)? Other
 * contexts register one (tasks now, cases later), so forms need not know about them.
 */
export type SubmissionTeamCheck = (user: AuthUser, submissionId: string) => Promise<boolean>;

/** Why a reader receives what they receive (written to the audit trail with each read). */
export type ReadPurpose = 'author' | 'team' | 'assignee' | 'oversight';

/** What one reader may see of one submission. */
export interface SubmissionAccess {
  level: Sensitivity;
  purpose: ReadPurpose;
}

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
  private readonly ajv = createServerFormAjv();
  private readonly shape = this.ajv.compile(OVERLAY_SHAPE);
  private readonly checks = new Map<string, SubmissionCheck>();
  private readonly teamChecks: SubmissionTeamCheck[] = [];

  constructor(
    private readonly repo: FormsRepository,
    private readonly audit: AuditService,
    private readonly orgs: OrgsRepository,
  ) {}

  /** Lets another context say who works on a submission (they then see all of it). */
  registerTeamCheck(check: SubmissionTeamCheck): void {
    this.teamChecks.push(check);
  }

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

  /** Compiled once per version: published versions never change (a draft's is compiled afresh each time). */
  private checkFor(version: FormVersionEntity): SubmissionCheck {
    let check = this.checks.get(version.id);
    if (!check || version.status === 'draft') {
      check = compileSubmissionCheck(this.ajv, version.definition.schema, resolveForm(version.definition, this.listsOf(version), 'id').schema);
      if (version.status !== 'draft') this.checks.set(version.id, check);
    }
    return check;
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
    const base = await this.repo.effectiveVersion(draft.formKey, [NATIONAL_FORM_JURISDICTION]);
    if (!base) throw notFound(`Formulir ${draft.formKey}`);
    this.assertSafeOverlay(overlay, this.listsOf(base));
    const applied = applyOverlay(base.definition, overlay, this.listsOf(base), draft.jurisdictionCode);
    if (applied.conflicts.length) {
      throw invalid(
        applied.conflicts.map((c) => ({ field: c.path, message: c.message })),
        { conflicts: applied.conflicts.map((c) => ({ path: c.path, rule: c.rule })) },
      );
    }
    this.assertCompiles(applied.definition, applied.lists);
    await this.repo.updateDraft(draft.id, { overlay, definition: applied.definition, optionLists: listsUsedBy(applied.definition, applied.lists), baseVersionId: base.id });
    return this.view((await this.repo.findVersion(draft.id)) as FormVersionEntity, language);
  }

  /**
   * Publishes a draft. A breaking change (against what the province uses now) needs `confirmBreaking`;
   * without it the answer lists the changes and the drafts still open on the versions it replaces.
   */
  async publish(user: AuthUser, versionId: string, confirmBreaking: boolean, language: Language): Promise<VersionView & { changes: FormChange[] }> {
    const draft = await this.editableDraft(user, versionId);
    const previous = await this.repo.effectiveVersion(draft.formKey, jurisdictionChain(draft.jurisdictionCode));
    // A draft saved before today's checks existed is held to them too before anyone fills it in.
    this.assertSafeOverlay(draft.overlay ?? {}, this.listsOf(draft));
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
    const check = this.checkFor(version);
    const { data: cleaned, cleared } = check.clear(data);
    if (status === 'submitted') {
      this.refuse(validateForm(check.validate, cleaned), version.id, language);
      await this.assertAgencies(version, cleaned, (code) => code === jurisdictionCode, language);
    }
    const saved = await this.repo.transaction(async (tx) => {
      const row = await this.repo.insertSubmission({ formVersionId: version.id, jurisdictionCode, status, data: cleaned as Record<string, unknown>, createdBy: user.personId }, version.definition.schema, tx);
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
   * Agencies the data names must be of `jurisdictionCode`, unless `agencyScope` says which jurisdictions'
   * agencies may be named (a case's consent may name an agency of a jurisdiction the case is shared with).
   */
  async checkAgainstVersion(
    versionId: string,
    data: unknown,
    jurisdictionCode: string,
    language: Language,
    agencyScope?: (agencyJurisdiction: string) => boolean,
  ): Promise<Record<string, unknown>> {
    const version = await this.repo.findVersion(versionId);
    if (!version) throw notFound(`Versi formulir ${versionId}`);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw invalid([{ field: 'data', message: { id: 'harus berupa objek', en: 'must be an object' } }]);
    const { data: cleaned, errors } = runSubmissionCheck(this.checkFor(version), data);
    this.refuse(errors, version.id, language);
    await this.assertAgencies(version, cleaned, agencyScope ?? ((code) => code === jurisdictionCode), language);
    return cleaned as Record<string, unknown>;
  }

  /**
   * Field errors as a 400 the form shows on each field (`data/…` and rjsf `extraErrors`); nothing when
   * there are none. Public for the rules a process adds to a form at one step (see `TasksService.registerDecisionCheck`).
   */
  refuse(errors: FormFieldError[], formVersionId: string, language: Language): void {
    if (!errors.length) return;
    throw invalid(
      errors.map((e) => ({ field: `data${e.field}`, message: e.message })),
      { extraErrors: toExtraErrors(errors, language), formVersionId },
    );
  }

  /**
   * Every agency the data names (agency-picker fields) must be an agency of the jurisdiction the form is
   * filled in for — what the picker offers. The server checks it: a client can send any id, and an
   * unknown one must stop here, with the field named, before it reaches a process.
   */
  private async assertAgencies(version: FormVersionEntity, data: unknown, inScope: (agencyJurisdiction: string) => boolean, language: Language): Promise<void> {
    const refs = agencyReferences(version.definition.uiSchema, data);
    if (!refs.length) return;
    const known = await this.orgs.agencyJurisdictions(refs.flatMap((r) => (typeof r.value === 'string' ? [r.value] : [])));
    const wrong: FormFieldError[] = refs
      .filter((r) => typeof r.value !== 'string' || !known.has(r.value) || !inScope(known.get(r.value) as string))
      .map((r) => ({
        field: r.pointer,
        keyword: 'agency',
        message:
          typeof r.value === 'string' && known.has(r.value)
            ? { id: 'instansi ini bukan anggota gugus tugas wilayah ini', en: "this agency is not a member of this jurisdiction's task force" }
            : { id: 'instansi tidak dikenal', en: 'unknown agency' },
      }));
    this.refuse(wrong, version.id, language);
  }

  /** Stores already-checked data as a submitted form of `versionId` (inside the caller's transaction). */
  async storeSubmission(
    input: { versionId: string; jurisdictionCode: string; data: Record<string, unknown>; personId: string; requestId: string | null },
    manager: EntityManager,
  ): Promise<string> {
    const version = await this.repo.findVersion(input.versionId, manager);
    if (!version) throw notFound(`Versi formulir ${input.versionId}`);
    const row = await this.repo.insertSubmission({ formVersionId: input.versionId, jurisdictionCode: input.jurisdictionCode, status: 'submitted', data: input.data, createdBy: input.personId }, version.definition.schema, manager);
    await this.audit.record({ actorId: input.personId, action: 'form_submission.create', targetType: 'form_submission', targetId: row.id, jurisdictionCode: input.jurisdictionCode, requestId: input.requestId, after: input.data }, manager);
    return row.id;
  }

  /**
   * A stored submission, decrypted, for server code that acts on it (a process step, a task page that
   * then applies need-to-know). Never hand it to a reader as-is: see {@link readableData}.
   */
  async submissionData(id: string): Promise<StoredSubmission | null> {
    return this.repo.findSubmission(id);
  }

  /**
   * What `access` lets a reader see of a submission: answers above the level are left out and listed in
   * `withheld`. Reading a record that holds restricted or identifying answers is audited, with why.
   */
  async readableData(user: AuthUser, row: StoredSubmission, access: SubmissionAccess): Promise<{ data: Record<string, unknown>; withheld: string[] }> {
    const version = await this.repo.findVersion(row.formVersionId);
    if (!version) throw notFound(`Versi formulir ${row.formVersionId}`);
    if (row.sensitive) {
      await this.audit.record({ actorId: user.personId, action: 'form_submission.read', targetType: 'form_submission', targetId: row.id, jurisdictionCode: row.jurisdictionCode, requestId: user.requestId ?? null, purpose: access.purpose });
    }
    return redactAbove(version.definition.schema, row.data, access.level);
  }

  /**
   * What a reader may see of a submission they do not reach through a task: all of it for its author and
   * whoever works on it (team checks), otherwise what their roles' oversight allows (need to know).
   */
  async accessTo(user: AuthUser, row: StoredSubmission): Promise<SubmissionAccess | null> {
    if (row.createdBy === user.personId) return { level: 'identifying', purpose: 'author' };
    for (const check of this.teamChecks) if (await check(user, row.id)) return { level: 'identifying', purpose: 'team' };
    if (!canOn(abilityFor(user.grants), 'read', 'FormSubmission', { jurisdictionCode: row.jurisdictionCode })) return null;
    const level = oversightFieldAccess(user.grants, row.jurisdictionCode);
    return level ? { level, purpose: 'oversight' } : null;
  }

  /** Seals a batch of submissions stored before encryption; how many it looked at (0: none left). */
  sealLegacySubmissions(limit: number): Promise<number> {
    return this.repo.sealLegacySubmissions(limit);
  }

  /** A submission with the exact version it was made with, showing only what the reader needs to know. */
  async submission(user: AuthUser, id: string, language: Language) {
    const row = await this.repo.findSubmission(id);
    const access = row ? await this.accessTo(user, row) : null;
    if (!row || !access) throw notFound(`Isian formulir ${id}`);
    const version = (await this.repo.findVersion(row.formVersionId)) as FormVersionEntity;
    const { data, withheld } = await this.readableData(user, row, access);
    return { id: row.id, status: row.status, jurisdictionCode: row.jurisdictionCode, data, withheld, access: access.purpose, version: this.view(version, language) };
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

  /**
   * Refuses an overlay whose shape is wrong, which names a reserved path segment (`__proto__`,
   * `prototype`, `constructor`), or which adds a field outside the allow-list (keywords, bounds, patterns
   * that RE2 cannot compile or that backtrack catastrophically in a browser). Every problem is named.
   */
  private assertSafeOverlay(overlay: unknown, lists: ReadonlyMap<string, OptionList>): asserts overlay is FormOverlay {
    if (!this.shape(overlay)) throw invalid(overlayShapeErrors(this.shape.errors));
    const problems = addedFieldsProblems((overlay as FormOverlay).addFields, { optionLists: lists, checkPattern: re2PatternProblem, dataCategories: dataCategoryCodes(lists) });
    if (problems.length) throw invalid(problems);
  }

  private assertCompiles(definition: FormVersionEntity['definition'], lists: ReadonlyMap<string, OptionList>): void {
    try {
      createServerFormAjv().compile(resolveForm(definition, lists, 'id').schema);
    } catch (err) {
      throw invalid([{ field: 'schema', message: { id: `skema tidak valid: ${(err as Error).message}`, en: `invalid schema: ${(err as Error).message}` } }]);
    }
  }
}
