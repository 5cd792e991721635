import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { changedFields, checkPlanItem, consentedCategories, PLAN_ITEMS_MAX, planTotals, type PlanItemInput, type ProviderLookup } from '@gugus/cases';
import { ErrorCode, type BilingualText, type CasePlanItemFields, type CasePlanView, type CaseReadPurpose, type SaveCasePlanItemRequest } from '@gugus/contracts';
import type { AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { jakartaDate } from '@gugus/server-calendar';
import { DomainError } from '@gugus/server-http';
import { NotificationsService } from '@gugus/server-notifications';
import { TasksRepository } from '@gugus/server-tasks';
import { caseForReader, openCaseFor, sharesOf } from './case-access';
import { CaseConsentsService } from './case-consents.service';
import { CASE_PLAN_LABELS } from './case-plan-labels';
import { CasePlansRepository, type PlanItemRow } from './case-plans.repository';
import type { CaseEntity } from './cases.entities';
import { CasesRepository } from './cases.repository';
import { ServiceDirectoryService } from './service-directory.service';

const invalid = (fields: { field: string; message: BilingualText }[]) => new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields });
const CHANGES_SHOWN = 50;

/** What the audit trail keeps of an item: codes, figures and dates; of the typed budget line only whether there is one. */
const audited = (fields: Partial<CasePlanItemFields>) => ('budgetLine' in fields ? { ...fields, budgetLine: fields.budgetLine ? 'present' : null } : fields);

const fieldsOf = (i: PlanItemInput | PlanItemRow): CasePlanItemFields => ({
  serviceType: i.serviceType,
  agencyId: i.agencyId,
  horizon: i.horizon,
  budgetLine: i.budgetLine,
  fundingSource: i.fundingSource,
  amountPlanned: i.amountPlanned,
  amountSpent: i.amountSpent,
  startsOn: i.startsOn,
  endsOn: i.endsOn,
  status: i.status,
});

/**
 * The case-management plan (PRODUCT §3.2 step 10; digest F8 "case management plan + budget"): the
 * services the person needs, each with its responsible agency — chosen from the province's directory of
 * service providers —, its budget line and funding source, dates, amounts and status. One plan per case,
 * kept current by its whole team: every change moves the plan's version (a change made on an older
 * version is refused with 409, never silently overwriting a colleague's), is kept in the plan's history
 * and in the audit trail, and the agency given a service hears of it by the case code alone. A partner
 * task force reads the plan only when the agreement and the person's consent for its agency cover
 * "needs and plan".
 */
@Injectable()
export class CasePlansService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly repo: CasePlansRepository,
    private readonly directory: ServiceDirectoryService,
    private readonly consents: CaseConsentsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly taskRows: TasksRepository,
  ) {}

  async view(user: AuthUser, code: string, purpose: CaseReadPurpose, requestId: string | null): Promise<CasePlanView> {
    const { found, access } = await caseForReader(this.cases, user, code);
    if (access === 'partner' && !(await this.partnerMayRead(user, found))) {
      throw new DomainError(ErrorCode.NOT_FOUND, {
        id: `Rencana penanganan kasus ${found.code} tidak tercakup perjanjian kerja sama dan persetujuan untuk lembaga Anda.`,
        en: `The plan of case ${found.code} is not covered by the cooperation agreement and the consent for your agency.`,
      });
    }
    await this.audit.record({ actorId: user.personId, action: 'case_plan.read', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, purpose });
    return this.build(found, access === 'team' && found.stage !== 'closed', access === 'team');
  }

  async add(user: AuthUser, code: string, body: SaveCasePlanItemRequest, requestId: string | null): Promise<CasePlanView> {
    const found = await openCaseFor(this.cases, user, code);
    const lookup = await this.directory.lookup(found.jurisdictionCode.split('.')[0]);
    const { item, problems } = checkPlanItem(body.item, lookup, 'item/');
    if (!item) throw invalid(problems);
    if ((await this.repo.countItems(found.id)) >= PLAN_ITEMS_MAX) {
      throw invalid([{ field: 'item', message: { id: `rencana ini sudah memuat ${PLAN_ITEMS_MAX} layanan; batalkan atau ubah yang ada`, en: `this plan already holds ${PLAN_ITEMS_MAX} services; cancel or change one` } }]);
    }
    const id = randomUUID();
    const at = new Date();
    let number = 0;
    await this.repo.transaction(async (tx) => {
      const version = await this.bump(found, body.expectedVersion, tx);
      number = await this.repo.insertItem({ id, caseId: found.id, item: fieldsOf(item) }, user.personId, at, tx);
      await this.repo.recordChange(found.id, { itemId: id, planVersion: version, action: 'added', fields: Object.keys(fieldsOf(item)), before: null, after: fieldsOf(item), actorId: user.personId, at }, tx);
      await this.audit.record({ actorId: user.personId, action: 'case_plan.item_added', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, after: { planVersion: version, number, ...audited(fieldsOf(item)) } }, tx);
    });
    await this.tellAgency(found, item, number);
    return this.build(found, true, true);
  }

  async update(user: AuthUser, code: string, itemId: string, body: SaveCasePlanItemRequest, requestId: string | null): Promise<CasePlanView> {
    const found = await openCaseFor(this.cases, user, code);
    const before = await this.repo.item(itemId);
    if (!before || before.caseId !== found.id) throw new DomainError(ErrorCode.NOT_FOUND, { id: `Layanan ini tidak ada dalam rencana kasus ${found.code}.`, en: `This service is not in the plan of case ${found.code}.` });
    const directory = await this.directory.lookup(found.jurisdictionCode.split('.')[0]);
    // A service planned with an agency stays valid for it even if the directory has changed since.
    const kept = (agencyId: string) => agencyId.toLowerCase() === before.agencyId && (body.item as Partial<CasePlanItemFields> | undefined)?.serviceType === before.serviceType;
    const lookup: ProviderLookup = (agencyId) => (kept(agencyId) ? { name: '', services: [before.serviceType] } : directory(agencyId));
    const { item, problems } = checkPlanItem(body.item, lookup, 'item/');
    if (!item) throw invalid(problems);
    const fields = changedFields(fieldsOf(before) as PlanItemInput, item);
    if (!fields.length) return this.build(found, true, true);
    const at = new Date();
    await this.repo.transaction(async (tx) => {
      const version = await this.bump(found, body.expectedVersion, tx);
      await this.repo.updateItem(itemId, fieldsOf(item), user.personId, at, tx);
      const pick = (from: CasePlanItemFields) => Object.fromEntries(fields.map((f) => [f, from[f]]));
      await this.repo.recordChange(found.id, { itemId, planVersion: version, action: 'changed', fields, before: pick(fieldsOf(before)), after: pick(fieldsOf(item)), actorId: user.personId, at }, tx);
      await this.audit.record(
        { actorId: user.personId, action: 'case_plan.item_changed', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, before: { number: before.number, ...audited(pick(fieldsOf(before))) }, after: { planVersion: version, number: before.number, ...audited(pick(fieldsOf(item))) } },
        tx,
      );
    });
    if (item.agencyId !== before.agencyId) await this.tellAgency(found, item, before.number);
    return this.build(found, true, true);
  }

  /** Moves the plan on from the version the change was made on; 409 when a colleague saved first. */
  private async bump(found: CaseEntity, expected: number, tx: Parameters<CasePlansRepository['bumpPlanVersion']>[2]): Promise<number> {
    const version = await this.repo.bumpPlanVersion(found.id, expected, tx);
    if (version === null) {
      throw new DomainError(ErrorCode.CONFLICT, {
        id: `Rencana kasus ${found.code} sudah diubah orang lain sejak Anda membukanya; muat ulang rencana, lalu ulangi perubahan Anda.`,
        en: `The plan of case ${found.code} was changed by someone else since you opened it; reload the plan and make your change again.`,
      });
    }
    return version;
  }

  private async partnerMayRead(user: AuthUser, found: CaseEntity): Promise<boolean> {
    const today = jakartaDate(new Date());
    const decisions = await this.consents.decisions(found.id);
    for (const share of await sharesOf(this.cases, user, found)) {
      const agreement = await this.cases.findAgreement(share.agreementId);
      const consent = consentedCategories(decisions, share.partnerAgencyId, today);
      if (agreement?.dataCategories.includes('needs_and_plan') && consent.status === 'granted' && consent.categories.includes('needs_and_plan')) return true;
    }
    return false;
  }

  private async tellAgency(found: CaseEntity, item: PlanItemInput, number: number): Promise<void> {
    const service = CASE_PLAN_LABELS.services[item.serviceType] ?? { id: item.serviceType, en: item.serviceType };
    await this.notifications.notify({
      dedupeKey: `case:${found.code}:plan:${number}:${item.agencyId}`,
      kind: 'case.plan_assigned',
      recipients: { agencyId: item.agencyId },
      title: { id: `Kasus ${found.code}: layanan ${service.id} untuk lembaga Anda`, en: `Case ${found.code}: ${service.en} by your agency` },
      body: {
        id: `Rencana penanganan kasus ${found.code} menetapkan lembaga Anda sebagai penanggung jawab layanan ${service.id} mulai ${item.startsOn}. Rincian dan data yang diperlukan datang melalui rujukan dari koordinator kasus.`,
        en: `The plan of case ${found.code} makes your agency responsible for ${service.en} from ${item.startsOn}. The details and the data needed come through a referral from the case coordinator.`,
      },
    });
  }

  private async build(found: CaseEntity, canEdit: boolean, showNames: boolean): Promise<CasePlanView> {
    const [rows, version, changes, referrals] = await Promise.all([this.repo.items(found.id), this.repo.planVersion(found.id), this.repo.changes(found.id, CHANGES_SHOWN), this.repo.latestReferrals(found.id)]);
    const names = await this.taskRows.names({ agencies: [...new Set(rows.map((r) => r.agencyId))], people: showNames ? [...new Set(changes.map((c) => c.actorId))] : [], positions: [] });
    const numbers = new Map(rows.map((r) => [r.id, r.number]));
    return {
      caseCode: found.code,
      version,
      items: rows.map((r) => {
        const referral = referrals.find((x) => x.serviceType === r.serviceType && x.agencyId === r.agencyId);
        return { ...fieldsOf(r), id: r.id, number: r.number, agency: { id: r.agencyId, name: names[r.agencyId] ?? null }, referral: referral ? { id: referral.id, number: referral.number, status: referral.status } : null, updatedAt: r.updatedAt.toISOString() };
      }),
      totals: planTotals(rows as unknown as PlanItemInput[]),
      changes: changes.map((c) => ({ planVersion: c.planVersion, itemNumber: numbers.get(c.itemId) ?? 0, action: c.action, fields: c.fields, before: c.before, after: c.after, actor: { id: c.actorId, name: (showNames && names[c.actorId]) || null }, at: c.at.toISOString() })),
      canEdit,
      labels: CASE_PLAN_LABELS,
    };
  }
}
