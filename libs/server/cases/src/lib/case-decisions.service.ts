import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type BilingualText, type CaseIdentificationDecisionList, type CaseJusticeRecordList, type CaseReadPurpose, type IdentificationDecisionView, type JusticeRecordView } from '@gugus/contracts';
import type { Language } from '@gugus/forms';
import type { AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { jakartaDate } from '@gugus/server-calendar';
import { FormsService } from '@gugus/server-forms';
import { caseFor, openCaseFor } from './case-access';
import { caseDocuments, recordCaseDocument, type CaseDocumentDeps } from './case-documents';
import type { CaseEntity } from './cases.entities';
import { CasesRepository } from './cases.repository';
import { CooperationAgreementsService } from './cooperation-agreements.service';

const text = (v: unknown) => (typeof v === 'string' ? v : null);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/**
 * What the identification rule asks of a decision (PRODUCT §3.2 step 2; seed 003 §identification):
 * verification by the authorised officers' determination interview, once the person is in a safe place;
 * confirmation after verification; "not confirmed" at any stage — with support adjusted by the decision,
 * the case going on (it is never closed by it).
 */
export function identificationProblems(current: string | null, data: Record<string, unknown>): { field: string; message: BilingualText }[] {
  const status = data['status'];
  if (status === 'verified' && !(data['interviewHeld'] === true && data['personInSafePlace'] === true)) {
    return [{ field: '/interviewHeld', message: { id: 'verifikasi memerlukan wawancara penentuan oleh petugas berwenang setelah yang bersangkutan berada di tempat aman', en: "verification needs the authorised officers' determination interview, held once the person is in a safe place" } }];
  }
  if (status === 'confirmed' && current !== 'verified' && current !== 'confirmed') {
    return [{ field: '/status', message: { id: 'status dikonfirmasi hanya setelah diverifikasi', en: 'a status is confirmed only after it was verified' } }];
  }
  if ((status === 'verified' || status === 'confirmed') && current !== 'presumed' && current !== 'verified' && current !== 'confirmed' && current !== 'not_confirmed') {
    return [{ field: '/status', message: { id: 'hanya calon korban yang diduga korban yang dapat diverifikasi', en: 'only a person presumed a victim can be verified' } }];
  }
  return [];
}

/**
 * Decisions recorded on the case page by its team: the identification status after screening — verified,
 * confirmed, or a later "not a victim" finding that adjusts support by a recorded decision instead of
 * dropping the person — and the justice track (stage, charges, verdict, restitution, post-trial safety),
 * never a condition for help, recorded so that reports count it. Forms sealed; audit and listings in codes.
 */
@Injectable()
export class CaseDecisionsService implements OnApplicationBootstrap {
  private readonly deps: CaseDocumentDeps;

  constructor(
    private readonly cases: CasesRepository,
    private readonly forms: FormsService,
    audit: AuditService,
    agreements: CooperationAgreementsService,
  ) {
    this.deps = { cases, forms, audit, agreements };
  }

  async decideIdentification(user: AuthUser, code: string, data: unknown, language: Language, requestId: string | null): Promise<IdentificationDecisionView> {
    const found = await openCaseFor(this.cases, user, code);
    const { submissionId, recordedAt, cleaned } = await recordCaseDocument(this.deps, {
      user,
      found,
      formKey: 'identification-decision',
      kind: 'identification-decision',
      data,
      language,
      requestId,
      action: 'case.identification',
      rules: (c) => identificationProblems(found.identificationStatus, c),
      summary: (c) => ({ before: found.identificationStatus, status: c['status'], supportAdjustment: c['supportAdjustment'] ?? null }),
      alsoInside: async (c, tx) => this.cases.updateProgress(found.id, { stage: found.stage, identificationStatus: c['status'] as CaseEntity['identificationStatus'] }, tx),
    });
    return { submissionId, recordedAt: recordedAt.toISOString(), decidedOn: text(cleaned['decidedOn']), status: text(cleaned['status']), supportAdjustment: text(cleaned['supportAdjustment']) };
  }

  async identificationDecisions(user: AuthUser, code: string, purpose: CaseReadPurpose, requestId: string | null): Promise<CaseIdentificationDecisionList> {
    const found = await caseFor(this.cases, user, code, 'read');
    await this.deps.audit.record({ actorId: user.personId, action: 'case_identification.read', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, purpose });
    const items = (await caseDocuments(this.cases, this.forms, found.id, 'identification-decision')).map((d) => ({
      submissionId: d.submissionId,
      recordedAt: d.recordedAt.toISOString(),
      decidedOn: text(d.data['decidedOn']),
      status: text(d.data['status']),
      supportAdjustment: text(d.data['supportAdjustment']),
    }));
    return { caseCode: found.code, identificationStatus: found.identificationStatus, items };
  }

  /** Justice records made before their codes were kept get them once, at start-up (safe to run twice). */
  async onApplicationBootstrap(): Promise<void> {
    for (const r of await this.cases.justiceRecordsWithoutFacts()) {
      const row = await this.forms.submissionData(r.submissionId);
      const data = row?.data !== null && typeof row?.data === 'object' && !Array.isArray(row?.data) ? (row.data as Record<string, unknown>) : {};
      await this.cases.saveJusticeFacts({ submissionId: r.submissionId, caseId: r.caseId, ...justiceFacts(data, r.recordedAt) });
    }
  }

  async recordJustice(user: AuthUser, code: string, data: unknown, language: Language, requestId: string | null): Promise<JusticeRecordView> {
    // The justice track may go on after the case closes (a trial outlasts support): closed cases take records too.
    const found = await caseFor(this.cases, user, code, 'create');
    const { submissionId, recordedAt, cleaned } = await recordCaseDocument(this.deps, {
      user,
      found,
      formKey: 'justice-record',
      kind: 'justice-record',
      data,
      language,
      requestId,
      action: 'case.justice_record',
      summary: (c) => ({ stage: c['stage'], verdict: c['verdict'] ?? null }),
      // Its codes beside the sealed form, for the quarter's prosecution figures (migration 2630).
      alsoInside: (c, tx, submissionId) => this.cases.saveJusticeFacts({ submissionId, caseId: found.id, ...justiceFacts(c, new Date()) }, tx),
    });
    return toJustice(submissionId, recordedAt, cleaned);
  }

  async justiceRecords(user: AuthUser, code: string, purpose: CaseReadPurpose, requestId: string | null): Promise<CaseJusticeRecordList> {
    const found = await caseFor(this.cases, user, code, 'read');
    await this.deps.audit.record({ actorId: user.personId, action: 'case_justice.read', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, purpose });
    return { caseCode: found.code, items: (await caseDocuments(this.cases, this.forms, found.id, 'justice-record')).map((d) => toJustice(d.submissionId, d.recordedAt, d.data)) };
  }
}

/** What the prosecution figures count of a justice record: the day it speaks of (else the day it was entered), the day it was entered (Jakarta), the stage, the verdict. */
function justiceFacts(d: Record<string, unknown>, recordedAt: Date): { recordedOn: string; enteredOn: string; stage: string | null; verdict: string | null } {
  const on = text(d['recordedOn']);
  const entered = jakartaDate(recordedAt);
  return { recordedOn: on && /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : entered, enteredOn: entered, stage: text(d['stage']), verdict: text(d['verdict']) };
}

function toJustice(submissionId: string, recordedAt: Date, d: Record<string, unknown>): JusticeRecordView {
  return {
    submissionId,
    recordedAt: recordedAt.toISOString(),
    recordedOn: text(d['recordedOn']),
    stage: text(d['stage']),
    charges: Array.isArray(d['charges']) ? d['charges'].filter((c): c is string => typeof c === 'string') : [],
    suspectsCount: int(d['suspectsCount']),
    verdict: text(d['verdict']),
    sentenceMonths: int(d['sentenceMonths']),
    restitutionOrderedIdr: int(d['restitutionOrderedIdr']),
    restitutionPaidIdr: int(d['restitutionPaidIdr']),
  };
}
