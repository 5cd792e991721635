import { Injectable } from '@nestjs/common';
import { returnOutcome, type ReturnAssessmentFacts } from '@gugus/cases';
import type { CaseReadPurpose, CaseReturnAssessmentList, ReturnAssessmentView } from '@gugus/contracts';
import type { Language } from '@gugus/forms';
import type { AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { FormsService } from '@gugus/server-forms';
import { caseFor, openCaseFor } from './case-access';
import { caseDocuments, recordCaseDocument } from './case-documents';
import { CasesRepository } from './cases.repository';
import { CooperationAgreementsService } from './cooperation-agreements.service';

/** The national assessment before a return (`forms/library/return-assessment`); a province's variant applies where it has one. */
export const RETURN_ASSESSMENT_FORM_KEY = 'return-assessment';
const KIND = 'return-assessment';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * The assessment before a return (PRODUCT §3.2 step 8, foreign national path): fear of return, the risk
 * of serious harm (non-refoulement), nationality and statelessness, the person's wish. Recorded on the
 * case by its team (a sealed form, audited by id only); the latest one decides whether a referral for
 * repatriation may go, and a fear, a risk or statelessness offers international protection instead.
 */
@Injectable()
export class CaseReturnsService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly forms: FormsService,
    private readonly audit: AuditService,
    private readonly agreements: CooperationAgreementsService,
  ) {}

  async record(user: AuthUser, code: string, data: unknown, language: Language, requestId: string | null): Promise<ReturnAssessmentView> {
    const found = await openCaseFor(this.cases, user, code);
    const { submissionId, recordedAt, cleaned } = await recordCaseDocument(
      { cases: this.cases, forms: this.forms, audit: this.audit, agreements: this.agreements },
      {
        user,
        found,
        formKey: RETURN_ASSESSMENT_FORM_KEY,
        kind: KIND,
        data,
        language,
        requestId,
        action: 'case.return_assessed',
        // The outcome in codes, never an answer.
        summary: (c) => ((o) => ({ returnAllowed: o.returnAllowed, blocks: o.blocks }))(returnOutcome(c as ReturnAssessmentFacts)),
      },
    );
    return { submissionId, recordedAt: recordedAt.toISOString(), assessmentDate: text(cleaned['assessmentDate']), recommendation: text(cleaned['recommendation']), outcome: returnOutcome(cleaned as ReturnAssessmentFacts) };
  }

  async list(user: AuthUser, code: string, purpose: CaseReadPurpose, requestId: string | null): Promise<CaseReturnAssessmentList> {
    const found = await caseFor(this.cases, user, code, 'read');
    await this.audit.record({ actorId: user.personId, action: 'case_return_assessment.read', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, purpose });
    const items = (await caseDocuments(this.cases, this.forms, found.id, KIND)).map((d) => ({
      submissionId: d.submissionId,
      recordedAt: d.recordedAt.toISOString(),
      assessmentDate: text(d.data['assessmentDate']),
      recommendation: text(d.data['recommendation']),
      outcome: returnOutcome(d.data),
    }));
    return { caseCode: found.code, items };
  }

  /** The latest assessment's answers the return rule reads, or null when none is recorded. */
  async latest(caseId: string): Promise<ReturnAssessmentFacts | null> {
    const last = (await this.cases.documents(caseId, KIND)).at(-1);
    if (!last) return null;
    const row = await this.forms.submissionData(last.submissionId);
    return isRecord(row?.data) ? row.data : {};
  }
}
