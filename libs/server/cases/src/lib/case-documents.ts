import type { BilingualText } from '@gugus/contracts';
import type { Language } from '@gugus/forms';
import type { AuthUser } from '@gugus/server-access';
import type { AuditService } from '@gugus/server-audit';
import type { FormsService } from '@gugus/server-forms';
import type { CaseEntity } from './cases.entities';
import type { CasesRepository } from './cases.repository';
import type { CooperationAgreementsService } from './cooperation-agreements.service';

export interface CaseDocumentDeps {
  cases: CasesRepository;
  forms: FormsService;
  audit: AuditService;
  agreements: CooperationAgreementsService;
}

/**
 * Records a form on the case outside its process's tasks (an assessment, a decision, a justice record):
 * the form in effect for the case's region checks the answers (and `rules`, field errors in the form's
 * shape), the answers are stored sealed and linked to the case as `kind`, and the audit entry holds only
 * `summary` — codes, never an answer's text. `alsoInside` runs in the same transaction (a failure there rolls everything back).
 */
export async function recordCaseDocument(
  deps: CaseDocumentDeps,
  input: {
    user: AuthUser;
    found: CaseEntity;
    formKey: string;
    kind: string;
    data: unknown;
    language: Language;
    requestId: string | null;
    action: string;
    rules?: (cleaned: Record<string, unknown>) => { field: string; message: BilingualText }[];
    summary: (cleaned: Record<string, unknown>) => Record<string, unknown>;
    alsoInside?: (cleaned: Record<string, unknown>, tx: Parameters<Parameters<CasesRepository['transaction']>[0]>[0], submissionId: string) => Promise<void>;
  },
): Promise<{ submissionId: string; recordedAt: Date; cleaned: Record<string, unknown> }> {
  const { cases, forms, audit, agreements } = deps;
  const { user, found } = input;
  const version = await forms.pinVersion(input.formKey, found.jurisdictionCode);
  const cleaned = await forms.checkAgainstVersion(version.id, input.data, found.jurisdictionCode, input.language, await agreements.agencyScope(found.jurisdictionCode));
  if (input.rules) forms.refuse(input.rules(cleaned).map((p) => ({ ...p, keyword: input.kind })), version.id, input.language);
  const recordedAt = new Date();
  const submissionId = await cases.transaction(async (tx) => {
    const id = await forms.storeSubmission({ versionId: version.id, jurisdictionCode: found.jurisdictionCode, data: cleaned, personId: user.personId, requestId: input.requestId }, tx);
    await cases.insertDocument({ caseId: found.id, kind: input.kind, submissionId: id, recordedAt, recordedBy: user.personId }, tx);
    await audit.record({ actorId: user.personId, action: input.action, targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId: input.requestId, after: { submissionId: id, ...input.summary(cleaned) } }, tx);
    // Last, so that what it tells the outside (a process signal) follows everything the commit holds.
    await input.alsoInside?.(cleaned, tx, id);
    return id;
  });
  return { submissionId, recordedAt, cleaned };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The case's forms of `kind` with their answers, oldest first (for listings that show codes only). */
export async function caseDocuments(cases: CasesRepository, forms: FormsService, caseId: string, kind: string): Promise<{ submissionId: string; recordedAt: Date; data: Record<string, unknown> }[]> {
  const out: { submissionId: string; recordedAt: Date; data: Record<string, unknown> }[] = [];
  for (const link of await cases.documents(caseId, kind)) {
    const row = await forms.submissionData(link.submissionId);
    out.push({ ...link, data: isRecord(row?.data) ? row.data : {} });
  }
  return out;
}
