import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { buildPacket, consentedCategories, familyContactProblem, packetCategories, referralConsentProblem, returnProblem, type PacketDocument, type PacketSchema } from '@gugus/cases';
import { ErrorCode, type BilingualText, type CaseReadPurpose, type CaseReferralList, type CaseReferralPacketView, type CaseReferralView } from '@gugus/contracts';
import { optionLabels, type Language } from '@gugus/forms';
import { abilityFor, canOn, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { jakartaDate } from '@gugus/server-calendar';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { FormsService } from '@gugus/server-forms';
import { DomainError } from '@gugus/server-http';
import { TasksRepository, TasksService } from '@gugus/server-tasks';
import { CASE_PROCESS_KEY, caseReferral, caseReferralWorkflowId } from '@gugus/workflows';
import { caseFor, openCaseFor } from './case-access';
import { CaseConsentsService } from './case-consents.service';
import { CooperationAgreementsService } from './cooperation-agreements.service';
import { CaseReturnsService } from './case-returns.service';
import { CasePacketListsService } from './case-packet-lists.service';
import type { CaseEntity, CaseReferralEntity } from './cases.entities';
import { CasesRepository } from './cases.repository';
import { CASE_START_WAIT_MS } from './cases.service';
import { fieldsOf } from './packet-fields';

/** The national referral form (`forms/library/referral`); a province's variant applies where it has one. */
export const REFERRAL_FORM_KEY = 'referral';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const referralNotFound = (code: string, number: number | string) =>
  new DomainError(ErrorCode.NOT_FOUND, { id: `Rujukan #${number} kasus ${code} tidak ditemukan.`, en: `Referral #${number} of case ${code} was not found.` });
const engineDown = () =>
  new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, {
    id: 'Mesin proses (Temporal) tidak dapat dihubungi; rujukan belum dikirim. Coba lagi sebentar lagi.',
    en: 'The process engine (Temporal) cannot be reached; the referral was not sent. Try again shortly.',
  });

const URGENCY_LABELS = optionLabels('case-referral-urgency');
const CATEGORY_LABELS = optionLabels('case-data-categories');
const SHARING_STATUS: Record<string, BilingualText> = {
  none: { id: 'belum ada persetujuan berbagi data dengan lembaga ini', en: 'there is no consent to share data with this agency' },
  declined: { id: 'yang bersangkutan menolak berbagi data dengan lembaga ini', en: 'the person declined to share data with this agency' },
  withdrawn: { id: 'persetujuan berbagi data dengan lembaga ini sudah ditarik', en: 'consent to share data with this agency was withdrawn' },
  expired: { id: 'persetujuan berbagi data dengan lembaga ini sudah berakhir', en: 'consent to share data with this agency has expired' },
  granted: { id: 'kategori ini tidak tercakup persetujuan berbagi data dengan lembaga ini', en: 'this category is not covered by the consent to share data with this agency' },
};

/**
 * Referrals of a case (PRODUCT §3.2 step 6): the case team sends one (the `referral` form, checked
 * against the person's consent: no category the consent for that agency does not cover may be declared
 * shared), which starts its closed-loop process; the receiving agency reads the packet — only what the
 * service needs and the consent covers, computed here from the case's forms at each read, so a
 * withdrawal takes effect at once. Every send and every packet read is audited (reads with their purpose).
 */
@Injectable()
export class CaseReferralsService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly forms: FormsService,
    private readonly consents: CaseConsentsService,
    private readonly lists: CasePacketListsService,
    private readonly audit: AuditService,
    private readonly temporal: Client,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    tasks: TasksService,
    private readonly taskRows: TasksRepository,
    private readonly returns: CaseReturnsService,
  ) {
    // A re-referral is a referral too: the same consent rules before it goes.
    tasks.registerDecisionCheck(CASE_PROCESS_KEY, 're-referral', async (data, task) => {
      const row = await this.cases.findById(task.processId);
      if (row?.stage === 'closed') return [{ field: '/receivingAgencyId', message: { id: `kasus ${row.code} sudah ditutup; tidak ada rujukan ulang`, en: `case ${row.code} is closed; there is no re-referral` } }];
      return this.consentProblems(task.processId, data);
    });
  }

  async send(user: AuthUser, code: string, data: unknown, language: Language, requestId: string | null): Promise<CaseReferralView> {
    const found = await openCaseFor(this.cases, user, code);
    const version = await this.forms.pinVersion(REFERRAL_FORM_KEY, found.jurisdictionCode);
    const cleaned = await this.forms.checkAgainstVersion(version.id, data, found.jurisdictionCode, language, CooperationAgreementsService.provinceScope(found.jurisdictionCode));
    const agencyId = cleaned['receivingAgencyId'] as string;
    const serviceType = cleaned['serviceType'] as string;
    this.forms.refuse(await this.consentProblems(found.id, cleaned), version.id, language);
    // "Covered by consent" is the system's to fill: what the consent on record covers today for this agency, whatever the form sent.
    const consent = consentedCategories(await this.consents.decisions(found.id), agencyId, jakartaDate(new Date()));
    cleaned['consentedCategories'] = consent.status === 'granted' ? [...consent.categories] : [];
    const sentAt = new Date();
    const row = await this.cases.transaction(async (tx) => {
      const submissionId = await this.forms.storeSubmission({ versionId: version.id, jurisdictionCode: found.jurisdictionCode, data: cleaned, personId: user.personId, requestId }, tx);
      const referral = await this.cases.insertReferral(
        { id: randomUUID(), caseId: found.id, serviceType, receivingAgencyId: agencyId, status: 'sent', referralSubmissionId: submissionId, responseSubmissionId: null, outcomeSubmissionId: null, replacesId: null, sentAt, sentBy: user.personId, respondedAt: null, completedAt: null },
        tx,
      );
      await this.audit.record(
        { actorId: user.personId, action: 'case_referral.send', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, after: { number: referral.number, serviceType, agencyId, submissionId } },
        tx,
      );
      // No referral without its process (as for a case): Temporal down rolls the referral back.
      try {
        await this.temporal.withDeadline(Date.now() + CASE_START_WAIT_MS, () =>
          this.temporal.workflow.start(caseReferral, {
            workflowId: caseReferralWorkflowId(found.code, referral.number),
            taskQueue: this.config.TEMPORAL_TASK_QUEUE,
            args: [{ caseId: found.id, caseCode: found.code, referralId: referral.id }],
            workflowIdConflictPolicy: 'TERMINATE_EXISTING',
          }),
        );
      } catch {
        throw engineDown();
      }
      return referral;
    });
    return (await this.views(found, [row]))[0];
  }

  /**
   * What today's consent does not allow in a referral form: a service that waits for its own consent
   * (consular notification, a return), and each category declared shared that the consent for the
   * receiving agency does not cover. Field errors, none when the referral may go.
   */
  private async consentProblems(caseId: string, data: Record<string, unknown>): Promise<{ field: string; keyword: string; message: BilingualText }[]> {
    const problems: { field: string; keyword: string; message: BilingualText }[] = [];
    const serviceType = String(data['serviceType']);
    // A return only after the assessment before return allows it, and with the person's consent to return.
    const waiting =
      (serviceType === 'repatriation' ? returnProblem(serviceType, await this.returns.latest(caseId)) : null) ??
      referralConsentProblem(serviceType, await this.consents.purposeStatus(caseId)) ??
      (serviceType === 'family_tracing' ? familyContactProblem(serviceType, await this.familyFacts(caseId)) : null);
    if (waiting) problems.push({ field: '/serviceType', keyword: 'consent', message: waiting });
    const consented = consentedCategories(await this.consents.decisions(caseId), String(data['receivingAgencyId']), jakartaDate(new Date()));
    const covered = new Set<string>(consented.status === 'granted' ? consented.categories : []);
    const declared = Array.isArray(data['sharedDataCategories']) ? (data['sharedDataCategories'] as unknown[]) : [];
    declared.forEach((category, i) => {
      if (typeof category === 'string' && covered.has(category)) return;
      const name = CATEGORY_LABELS.get(String(category)) ?? { id: String(category), en: String(category) };
      problems.push({ field: `/sharedDataCategories/${i}`, keyword: 'consent', message: { id: `${name.id}: ${SHARING_STATUS[consented.status].id}`, en: `${name.en}: ${SHARING_STATUS[consented.status].en}` } });
    });
    return problems;
  }

  /** Whether the person is a child (or of doubtful age) and what the latest family assessment found, from the sealed forms. */
  private async familyFacts(caseId: string): Promise<{ child: boolean; familyAssessment: { familyInvolvementSuspected: string | null } | null }> {
    const read = async (step: string) => {
      const id = (await this.taskRows.submissionsOfProcess(CASE_PROCESS_KEY, caseId, [step])).at(-1);
      return id ? ((await this.forms.submissionData(id))?.data ?? {}) : {};
    };
    const screening = await read('screening');
    const plan = await read('reintegration-plan');
    const childPath = isRecord(plan['childPath']) ? plan['childPath'] : {};
    const assessment = isRecord(childPath['familyAssessment']) ? childPath['familyAssessment'] : null;
    return {
      child: screening['ageGroup'] === 'child' || screening['ageUncertain'] === true || plan['ageGroup'] === 'child',
      familyAssessment: assessment ? { familyInvolvementSuspected: typeof assessment['familyInvolvementSuspected'] === 'string' ? assessment['familyInvolvementSuspected'] : null } : null,
    };
  }

  /** The case's referrals, for the case team (audited as a case read). */
  async list(user: AuthUser, code: string, purpose: CaseReadPurpose, requestId: string | null): Promise<CaseReferralList> {
    const found = await caseFor(this.cases, user, code, 'read');
    await this.audit.record({ actorId: user.personId, action: 'case_referral.read', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, purpose });
    return { caseCode: found.code, items: await this.views(found, await this.cases.referrals(found.id)) };
  }

  /**
   * The packet of referral `number`, for the receiving agency's people and the case team; 404 for anyone
   * else (the same as an unknown referral). Built at each read from today's consent.
   */
  async packet(user: AuthUser, code: string, number: number, purpose: CaseReadPurpose, requestId: string | null): Promise<CaseReferralPacketView> {
    const found = await this.cases.findByCode(code);
    const referral = found ? await this.cases.findReferralByNumber(found.id, number) : null;
    if (!found || !referral) throw referralNotFound(code, number);
    const team = canOn(abilityFor(user.grants), 'read', 'Case', { jurisdictionCode: found.jurisdictionCode });
    const receiver = user.grants.some((g) => g.agencyId === referral.receivingAgencyId);
    if (!team && !receiver) throw referralNotFound(code, number);
    await this.audit.record({ actorId: user.personId, action: 'case_packet.read', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, purpose, after: { number } });

    const consented = consentedCategories(await this.consents.decisions(found.id), referral.receivingAgencyId, jakartaDate(new Date()));
    const selection = packetCategories(referral.serviceType, await this.lists.listFor(found.jurisdictionCode, referral.serviceType), consented);
    const [view] = await this.views(found, [referral]);
    const referralForm = await this.forms.submissionData(referral.referralSubmissionId);
    const terms = isRecord(referralForm?.data) ? referralForm.data : {};
    // A declined referral, or one cancelled when its case closed, is no longer the agency's to read; the case team still sees what was sent.
    const closedToReceiver = !team && (referral.status === 'declined' || referral.status === 'cancelled');
    const documents: (PacketDocument & { title: BilingualText })[] = [];
    if (!closedToReceiver) {
      // What a packet is drawn from: the case's intake, screening and conferences, its assessments before return, and the referral itself.
      const sources = [
        ...(await this.taskRows.submissionsOfProcess(CASE_PROCESS_KEY, found.id, ['intake', 'screening', 'conference'])),
        ...(await this.cases.documents(found.id, 'return-assessment')).map((d) => d.submissionId),
        referral.referralSubmissionId,
      ];
      for (const id of sources) {
        const row = await this.forms.submissionData(id);
        if (!row) continue;
        const [id_, en] = await Promise.all([this.forms.version(row.formVersionId, 'id'), this.forms.version(row.formVersionId, 'en')]);
        documents.push({ formKey: id_.key, schema: id_.schema as PacketSchema, data: row.data, title: { id: id_.title, en: en.title } });
      }
    }
    const packet = buildPacket(documents, selection, found.code);
    return {
      referral: view,
      urgency: typeof terms['urgency'] === 'string' ? terms['urgency'] : null,
      urgencyLabel: typeof terms['urgency'] === 'string' ? (URGENCY_LABELS.get(terms['urgency']) ?? null) : null,
      requestedStartDate: typeof terms['requestedStartDate'] === 'string' ? terms['requestedStartDate'] : null,
      categories: packet.categories,
      withheld: packet.withheld,
      categoryLabels: Object.fromEntries([...packet.categories, ...packet.withheld].map((c) => [c, CATEGORY_LABELS.get(c) ?? { id: c, en: c }])),
      consent: packet.consent,
      // Each form on its own, with its own title and schema (two conference rounds are two documents).
      documents: documents.flatMap((doc) => buildPacket([doc], selection, found.code).documents.map((d) => ({ formKey: d.formKey, title: doc.title, data: d.data, fields: fieldsOf(doc.schema, d.data) }))),
      ...(closedToReceiver
        ? {
            notice:
              referral.status === 'cancelled'
                ? { id: `Rujukan #${number} dibatalkan karena kasus ${found.code} ditutup; datanya tidak lagi dibagikan.`, en: `Referral #${number} was cancelled as case ${found.code} closed; its data is no longer shared.` }
                : { id: `Rujukan #${number} ditolak oleh lembaga Anda; datanya tidak lagi dibagikan.`, en: `Referral #${number} was declined by your agency; its data is no longer shared.` },
          }
        : packet.notice
          ? { notice: packet.notice }
          : {}),
    };
  }

  private async views(found: CaseEntity, rows: CaseReferralEntity[]): Promise<CaseReferralView[]> {
    const names = await this.cases.agencyNames([...new Set(rows.map((r) => r.receivingAgencyId))]);
    const all = rows.some((r) => r.replacesId) ? await this.cases.referrals(found.id) : rows;
    const numberOf = new Map(all.map((r) => [r.id, r.number]));
    return rows.map((r) => ({
      caseCode: found.code,
      number: r.number,
      serviceType: r.serviceType,
      receivingAgency: { id: r.receivingAgencyId, name: names.get(r.receivingAgencyId) ?? null },
      status: r.status,
      replacesNumber: r.replacesId ? (numberOf.get(r.replacesId) ?? null) : null,
      sentAt: r.sentAt.toISOString(),
      respondedAt: r.respondedAt?.toISOString() ?? null,
      completedAt: r.completedAt?.toISOString() ?? null,
    }));
  }
}
