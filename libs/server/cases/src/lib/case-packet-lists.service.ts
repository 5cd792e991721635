import { Injectable } from '@nestjs/common';
import { checkPacketList, DATA_CATEGORIES, DEFAULT_PACKET_CATEGORIES, isServiceType, SERVICE_TYPES } from '@gugus/cases';
import { ErrorCode, type BilingualText, type CasePacketListView } from '@gugus/contracts';
import { optionLabels } from '@gugus/forms';
import { abilityFor, assertCan, canOn, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { DomainError } from '@gugus/server-http';
import { CasesRepository } from './cases.repository';

const SERVICE_LABELS = optionLabels('services');
const CATEGORY_LABELS = optionLabels('case-data-categories');
const PROVINCE = /^\d{2}$/;

const invalid = (fields: { field: string; message: BilingualText }[]) => new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields });

/**
 * What each service's referral packet carries, per province (PRODUCT §3.2 step 6): the national default
 * unless the province's administrator adjusted it; the person's consent narrows it further for every
 * referral (`@gugus/cases` packetCategories). Read by the province's case team and administrators;
 * adjusted by its administrators (process settings), every change audited.
 */
@Injectable()
export class CasePacketListsService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
  ) {}

  /** The list that applies to `serviceType` in the province of `jurisdictionCode` (undefined: the national default). */
  async listFor(jurisdictionCode: string, serviceType: string): Promise<string[] | undefined> {
    return (await this.cases.packetList(jurisdictionCode.split('.')[0], serviceType))?.categories;
  }

  async view(user: AuthUser, province: string): Promise<CasePacketListView> {
    if (!PROVINCE.test(province)) throw invalid([{ field: 'jurisdictionCode', message: { id: 'harus kode provinsi dua angka, misalnya 32', en: 'must be a two-digit province code, such as 32' } }]);
    const ability = abilityFor(user.grants);
    if (!canOn(ability, 'read', 'ProcessSettings', { jurisdictionCode: province }) && !canOn(ability, 'read', 'Case', { jurisdictionCode: province })) assertCan(user, 'read', 'ProcessSettings', { jurisdictionCode: province });
    const rows = new Map((await this.cases.packetLists(province)).map((r) => [r.serviceType, r]));
    return {
      jurisdictionCode: province,
      items: SERVICE_TYPES.map((serviceType) => {
        const row = rows.get(serviceType);
        return {
          serviceType,
          serviceLabel: SERVICE_LABELS.get(serviceType) ?? { id: serviceType, en: serviceType },
          defaults: [...DEFAULT_PACKET_CATEGORIES[serviceType]],
          categories: row ? DATA_CATEGORIES.filter((c) => row.categories.includes(c)) : [...DEFAULT_PACKET_CATEGORIES[serviceType]],
          adjusted: !!row,
          updatedAt: row?.updatedAt.toISOString() ?? null,
        };
      }),
      allCategories: DATA_CATEGORIES.map((code) => ({ code, label: CATEGORY_LABELS.get(code) ?? { id: code, en: code } })),
      canEdit: canOn(ability, 'manage', 'ProcessSettings', { jurisdictionCode: province }),
    };
  }

  async update(user: AuthUser, province: string, serviceType: string, categories: unknown, requestId: string | null): Promise<CasePacketListView> {
    if (!PROVINCE.test(province)) throw invalid([{ field: 'jurisdictionCode', message: { id: 'harus kode provinsi dua angka, misalnya 32', en: 'must be a two-digit province code, such as 32' } }]);
    assertCan(user, 'manage', 'ProcessSettings', { jurisdictionCode: province });
    if (categories !== null) {
      const problems = checkPacketList(serviceType, categories);
      if (problems.length) throw invalid(problems);
    } else if (!isServiceType(serviceType)) {
      throw invalid(checkPacketList(serviceType, []));
    }
    const before = (await this.cases.packetList(province, serviceType))?.categories ?? null;
    await this.cases.transaction(async (tx) => {
      if (categories === null) await this.cases.removePacketList(province, serviceType, tx);
      else await this.cases.savePacketList({ jurisdictionCode: province, serviceType, categories: DATA_CATEGORIES.filter((c) => (categories as string[]).includes(c)), updatedBy: user.personId, updatedAt: new Date() }, tx);
      await this.audit.record(
        { actorId: user.personId, action: 'case_packet_list.update', targetType: 'case_packet_list', targetId: `${province}:${serviceType}`, jurisdictionCode: province, requestId, before: { categories: before }, after: { categories } },
        tx,
      );
    });
    return this.view(user, province);
  }
}
