import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { agreementStatus, buildPacket, consentedCategories, DATA_CATEGORIES, otherParty, partyCovers, type PacketDocument, type PacketSchema } from '@gugus/cases';
import { ErrorCode, type BilingualText, type CaseReadPurpose, type CaseShareList, type CaseShareView, type CaseSharedRecordView, type ShareCaseRequest } from '@gugus/contracts';
import { optionLabels } from '@gugus/forms';
import type { AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { jakartaDate } from '@gugus/server-calendar';
import { FormsService } from '@gugus/server-forms';
import { DomainError } from '@gugus/server-http';
import { NotificationsService } from '@gugus/server-notifications';
import { TasksRepository } from '@gugus/server-tasks';
import { CASE_PROCESS_KEY } from '@gugus/workflows';
import { caseFor, caseForReader, openCaseFor, sharesOf } from './case-access';
import { CaseConsentsService } from './case-consents.service';
import { fieldsOf } from './packet-fields';
import type { CaseEntity, CaseShareEntity, CooperationAgreementEntity } from './cases.entities';
import { CasesRepository } from './cases.repository';
import { CooperationAgreementsService } from './cooperation-agreements.service';

const CATEGORY_LABELS = optionLabels('case-data-categories');
const invalid = (field: string, message: BilingualText) => new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field, message }] });
const shareNotFound = (code: string) => new DomainError(ErrorCode.NOT_FOUND, { id: `Pembagian kasus ${code} ini tidak ditemukan.`, en: `This share of case ${code} was not found.` });

/** The steps whose forms a partner's shared record is drawn from (each form's answers filtered by category). */
const SHARED_STEPS = ['intake', 'screening', 'conference', 'reintegration-plan', 'follow-up'];

/**
 * Cases shared across regions (PRODUCT §3.2 step 9): the case team shares a case, under a cooperation
 * agreement in force, with a member agency of the other party's task force — typically the person's area
 * of origin, which may lead the return and reintegration. The partner's case team then finds the case in
 * its list, reads its record and steps, and reads the shared record: only the answers whose category the
 * agreement covers and the person's consent for the partner agency covers, built at each read (so a
 * withdrawal, a termination or an end of the share applies at once). Every share, end and read is audited.
 */
@Injectable()
export class CaseSharesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly agreements: CooperationAgreementsService,
    private readonly consents: CaseConsentsService,
    private readonly forms: FormsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly taskRows: TasksRepository,
  ) {}

  async share(user: AuthUser, code: string, body: ShareCaseRequest, requestId: string | null): Promise<CaseShareView> {
    const found = await openCaseFor(this.cases, user, code);
    const agreement = await this.cases.findAgreement(body.agreementId);
    const partner = agreement ? otherParty([agreement.partyA, agreement.partyB], found.jurisdictionCode) : null;
    if (!agreement || !partner) throw invalid('agreementId', { id: 'bukan perjanjian kerja sama gugus tugas kasus ini', en: "is not a cooperation agreement of this case's task force" });
    const status = agreementStatus(agreement, jakartaDate(new Date()));
    if (status !== 'active') {
      const why: Record<string, BilingualText> = {
        pending: { id: `perjanjian ini baru berlaku mulai ${agreement.validFrom}`, en: `this agreement takes effect on ${agreement.validFrom}` },
        expired: { id: `perjanjian ini berakhir pada ${agreement.validUntil}`, en: `this agreement ended on ${agreement.validUntil}` },
        terminated: { id: `perjanjian ini diakhiri pada ${agreement.terminatedOn}`, en: `this agreement was terminated on ${agreement.terminatedOn}` },
      };
      throw invalid('agreementId', why[status]);
    }
    // An unknown agency and one outside the other party's task force get the same answer.
    const agencyJurisdiction = await this.cases.agencyJurisdiction(body.partnerAgencyId);
    if (!agencyJurisdiction || !partyCovers(partner, agencyJurisdiction)) {
      throw invalid('partnerAgencyId', { id: 'bukan instansi anggota gugus tugas pihak lain perjanjian ini', en: "is not a member agency of the agreement's other party's task force" });
    }
    const live = (await this.cases.shares(found.id)).filter((s) => !s.endedAt);
    if (live.some((s) => s.partnerAgencyId === body.partnerAgencyId)) {
      throw new DomainError(ErrorCode.CONFLICT, { id: `Kasus ${found.code} sudah dibagikan dengan lembaga ini.`, en: `Case ${found.code} is already shared with this agency.` });
    }
    if (body.leadsReintegration && live.some((s) => s.leadsReintegration)) {
      throw invalid('leadsReintegration', { id: 'reintegrasi kasus ini sudah dipimpin gugus tugas lain; akhiri pembagian itu lebih dulu', en: "another task force already leads this case's reintegration; end that share first" });
    }
    const row: CaseShareEntity = {
      id: randomUUID(),
      caseId: found.id,
      agreementId: agreement.id,
      partnerAgencyId: body.partnerAgencyId,
      partnerJurisdictionCode: agencyJurisdiction,
      leadsReintegration: body.leadsReintegration,
      sharedAt: new Date(),
      sharedBy: user.personId,
      endedAt: null,
      endedBy: null,
    };
    await this.cases.transaction(async (tx) => {
      await this.cases.insertShare(row, tx);
      await this.audit.record(
        { actorId: user.personId, action: 'case.shared', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, after: { agreementId: agreement.id, partnerAgencyId: row.partnerAgencyId, partner: agencyJurisdiction, leadsReintegration: row.leadsReintegration } },
        tx,
      );
    });
    // The partner agency hears of it by the case code alone.
    await this.notifications.notify({
      dedupeKey: `case:${found.code}:shared:${row.id}`,
      kind: 'case.shared',
      recipients: { agencyId: row.partnerAgencyId },
      title: { id: `Kasus ${found.code} dibagikan dengan lembaga Anda`, en: `Case ${found.code} shared with your agency` },
      body: {
        id: `Kasus ${found.code} dibagikan dengan lembaga Anda berdasarkan perjanjian kerja sama ${agreement.reference}${row.leadsReintegration ? '; gugus tugas Anda memimpin pemulangan dan reintegrasi' : ''}. Data yang dapat dibaca hanya yang tercakup perjanjian dan persetujuan yang bersangkutan.`,
        en: `Case ${found.code} was shared with your agency under cooperation agreement ${agreement.reference}${row.leadsReintegration ? '; your task force leads the return and reintegration' : ''}. Only data covered by the agreement and the person's consent can be read.`,
      },
      link: `/kasus/${found.code}`,
    });
    return (await this.views(found, [row]))[0];
  }

  /** Ends a share (the case's own team): from now on the partner reads nothing of the case. */
  async end(user: AuthUser, code: string, shareId: string, requestId: string | null): Promise<CaseShareView> {
    const found = await caseFor(this.cases, user, code, 'create');
    const share = await this.cases.findShare(shareId);
    if (!share || share.caseId !== found.id) throw shareNotFound(found.code);
    const at = new Date();
    await this.cases.transaction(async (tx) => {
      if (!(await this.cases.endShare(share.id, user.personId, at, tx))) {
        throw new DomainError(ErrorCode.CONFLICT, { id: `Pembagian kasus ${found.code} ini sudah diakhiri.`, en: `This share of case ${found.code} has already ended.` });
      }
      await this.audit.record({ actorId: user.personId, action: 'case.share_ended', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, after: { shareId: share.id, partnerAgencyId: share.partnerAgencyId } }, tx);
    });
    return (await this.views(found, [{ ...share, endedAt: at, endedBy: user.personId }]))[0];
  }

  /** The case's shares (all of them for its team; the partner's own live ones for a partner) and, for the team, the agreements it can be shared under. */
  async list(user: AuthUser, code: string, purpose: CaseReadPurpose, requestId: string | null): Promise<CaseShareList> {
    const { found, access } = await caseForReader(this.cases, user, code);
    await this.audit.record({ actorId: user.personId, action: 'case_share.read', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, purpose });
    const rows = access === 'team' ? await this.cases.shares(found.id) : await sharesOf(this.cases, user, found);
    return {
      caseCode: found.code,
      items: await this.views(found, rows),
      agreements: access === 'team' ? await this.agreements.views(user, await this.agreements.inForceFor(found.jurisdictionCode)) : [],
    };
  }

  /**
   * What the partner sees through share `shareId`: the case's answers in the categories both the
   * agreement and today's consent for the partner agency cover. For the partner's case team and the
   * case's own team; 404 for anyone else and for a share that no longer carries (ended, or its agreement
   * no longer in force) when the reader is the partner.
   */
  async record(user: AuthUser, code: string, shareId: string, purpose: CaseReadPurpose, requestId: string | null): Promise<CaseSharedRecordView> {
    const { found, access } = await caseForReader(this.cases, user, code);
    const share = await this.cases.findShare(shareId);
    if (!share || share.caseId !== found.id) throw shareNotFound(found.code);
    if (access === 'partner' && !(await sharesOf(this.cases, user, found)).some((s) => s.id === share.id)) throw shareNotFound(found.code);
    await this.audit.record({ actorId: user.personId, action: 'case_shared_record.read', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, purpose, after: { shareId: share.id } });

    const agreement = (await this.cases.findAgreement(share.agreementId)) as CooperationAgreementEntity;
    const [view] = await this.views(found, [share]);
    const consent = consentedCategories(await this.consents.decisions(found.id), share.partnerAgencyId, jakartaDate(new Date()));
    const covered = new Set<string>(consent.status === 'granted' ? consent.categories : []);
    const needed = DATA_CATEGORIES.filter((c) => agreement.dataCategories.includes(c));
    const selection = { serviceType: 'case_share', needed, shared: needed.filter((c) => covered.has(c)), withheld: needed.filter((c) => !covered.has(c)), consent };
    const documents: (PacketDocument & { title: BilingualText })[] = [];
    if (view.active) {
      const sources = [...(await this.taskRows.submissionsOfProcess(CASE_PROCESS_KEY, found.id, SHARED_STEPS)), ...(await this.cases.documents(found.id, 'return-assessment')).map((d) => d.submissionId)];
      for (const id of sources) {
        const row = await this.forms.submissionData(id);
        if (!row) continue;
        const [id_, en] = await Promise.all([this.forms.version(row.formVersionId, 'id'), this.forms.version(row.formVersionId, 'en')]);
        documents.push({ formKey: id_.key, schema: id_.schema as PacketSchema, data: row.data, title: { id: id_.title, en: en.title } });
      }
    }
    const packet = buildPacket(documents, selection, found.code);
    // Each form on its own, with its own title and schema (a form with nothing shared is left out).
    const shown = documents.flatMap((doc) => buildPacket([doc], selection, found.code).documents.map((d) => ({ formKey: d.formKey, title: doc.title, data: d.data, fields: fieldsOf(doc.schema, d.data) })));
    return {
      share: view,
      categories: packet.categories,
      withheld: packet.withheld,
      categoryLabels: Object.fromEntries([...packet.categories, ...packet.withheld].map((c) => [c, CATEGORY_LABELS.get(c) ?? { id: c, en: c }])),
      consent: packet.consent,
      documents: shown,
      ...(!view.active
        ? { notice: share.endedAt ? { id: `Pembagian kasus ${found.code} ini sudah diakhiri; datanya tidak lagi dibagikan.`, en: `This share of case ${found.code} has ended; its data is no longer shared.` } : { id: `Perjanjian ${agreement.reference} tidak berlaku lagi; data kasus ${found.code} tidak lagi dibagikan.`, en: `Agreement ${agreement.reference} is no longer in force; the data of case ${found.code} is no longer shared.` } }
        : packet.notice
          ? { notice: packet.notice }
          : {}),
    };
  }

  private async views(found: CaseEntity, rows: CaseShareEntity[]): Promise<CaseShareView[]> {
    const names = await this.cases.agencyNames([...new Set(rows.map((r) => r.partnerAgencyId))]);
    const today = jakartaDate(new Date());
    const out: CaseShareView[] = [];
    for (const r of rows) {
      const a = (await this.cases.findAgreement(r.agreementId)) as CooperationAgreementEntity;
      const status = agreementStatus(a, today);
      out.push({
        id: r.id,
        caseCode: found.code,
        agreement: { id: a.id, reference: a.reference, title: a.title, status, terminatedOn: a.terminatedOn, validUntil: a.validUntil },
        partnerAgency: { id: r.partnerAgencyId, name: names.get(r.partnerAgencyId) ?? null, jurisdictionCode: r.partnerJurisdictionCode },
        leadsReintegration: r.leadsReintegration,
        sharedAt: r.sharedAt.toISOString(),
        endedAt: r.endedAt?.toISOString() ?? null,
        active: !r.endedAt && status === 'active',
      });
    }
    return out;
  }
}
