import { Injectable } from '@nestjs/common';
import { checkProvider, isServiceType, type ProviderLookup } from '@gugus/cases';
import { ErrorCode, type BilingualText, type ServiceDirectoryView, type ServiceProviderView } from '@gugus/contracts';
import { abilityFor, assertCan, canOn, type AuthUser, type GugusAbility } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { DomainError } from '@gugus/server-http';
import { CASE_PLAN_LABELS } from './case-plan-labels';
import { CasePlansRepository, type ProviderRow } from './case-plans.repository';

const PROVINCE = /^\d{2}$/;
const invalid = (fields: { field: string; message: BilingualText }[]) => new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields });
const badProvince = () => invalid([{ field: 'province', message: { id: 'harus kode provinsi dua angka, misalnya 32', en: 'must be a two-digit province code, such as 32' } }]);

/**
 * The directory of service providers of a province (PRODUCT §3.2 step 10; digest F21): for each member
 * agency of its task forces, the services it offers, whom it serves, its capacity, the desk to contact and
 * how to refer. Case plans choose each service's responsible agency from it. Read by the province's task
 * forces (any of its regencies' too: a regency's case team plans with the province's shelter); kept by
 * the province's administrators and secretariat, and by each agency's own officers for its own entry.
 * Every change is audited.
 */
@Injectable()
export class ServiceDirectoryService {
  constructor(
    private readonly repo: CasePlansRepository,
    private readonly audit: AuditService,
  ) {}

  async view(user: AuthUser, province: string, serviceType?: string): Promise<ServiceDirectoryView> {
    if (!PROVINCE.test(province)) throw badProvince();
    if (serviceType !== undefined && !isServiceType(serviceType)) throw invalid([{ field: 'serviceType', message: { id: 'jenis layanan tidak dikenal', en: 'unknown service' } }]);
    const ability = abilityFor(user.grants);
    this.assertReads(user, ability, province);
    const rows = await this.repo.providers(province);
    return {
      jurisdictionCode: province,
      items: rows.filter((r) => !serviceType || (r.services ?? []).includes(serviceType)).map((r) => this.toView(r, ability)),
      labels: CASE_PLAN_LABELS,
    };
  }

  async update(user: AuthUser, province: string, agencyId: string, body: unknown, requestId: string | null): Promise<ServiceProviderView> {
    if (!PROVINCE.test(province)) throw badProvince();
    const ability = abilityFor(user.grants);
    this.assertReads(user, ability, province);
    const row = await this.repo.provider(agencyId);
    // An unknown agency and one of another province get the same answer.
    if (!row || !(row.jurisdictionCode === province || row.jurisdictionCode.startsWith(`${province}.`))) {
      throw new DomainError(ErrorCode.NOT_FOUND, { id: 'Lembaga ini tidak ditemukan di provinsi ini.', en: 'This agency was not found in this province.' });
    }
    assertCan(user, 'update', 'ServiceDirectory', { jurisdictionCode: row.jurisdictionCode, agencyId: row.agencyId });
    const { entry, problems } = checkProvider(body);
    if (!entry) throw invalid(problems);
    const before = row.services === null ? null : { services: row.services, targetGroups: row.targetGroups, capacity: row.capacity };
    await this.repo.transaction(async (tx) => {
      await this.repo.saveProvider(agencyId, entry, user.personId, new Date(), tx);
      // Codes and figures only in the trail: the free-text desk and protocol are the agency's own, not a person's.
      await this.audit.record(
        { actorId: user.personId, action: 'service_provider.update', targetType: 'agency', targetId: agencyId, jurisdictionCode: row.jurisdictionCode, requestId, before, after: { services: entry.services, targetGroups: entry.targetGroups, capacity: entry.capacity } },
        tx,
      );
    });
    return this.toView((await this.repo.provider(agencyId)) as ProviderRow, ability);
  }

  /** Which of the province's agencies offer which services (for checking a plan item's agency). */
  async lookup(province: string): Promise<ProviderLookup> {
    const rows = new Map((await this.repo.providers(province)).filter((r) => r.services?.length).map((r) => [r.agencyId, { name: r.name, services: r.services as string[] }]));
    return (agencyId) => rows.get(agencyId.toLowerCase()) ?? null;
  }

  /** The province's directory is open to whoever may read it there or in one of its regencies/cities. */
  private assertReads(user: AuthUser, ability: GugusAbility, province: string): void {
    const codes = [province, ...user.grants.map((g) => g.jurisdictionCode).filter((c) => c.startsWith(`${province}.`))];
    if (!codes.some((jurisdictionCode) => canOn(ability, 'read', 'ServiceDirectory', { jurisdictionCode }))) assertCan(user, 'read', 'ServiceDirectory', { jurisdictionCode: province });
  }

  private toView(r: ProviderRow, ability: GugusAbility): ServiceProviderView {
    return {
      agency: { id: r.agencyId, name: r.name, jurisdictionCode: r.jurisdictionCode, kind: r.kind },
      services: r.services ?? [],
      targetGroups: r.targetGroups ?? [],
      capacity: r.capacity,
      contactPoint: r.contactPoint,
      referralProtocol: r.referralProtocol,
      updatedAt: r.updatedAt?.toISOString() ?? null,
      canEdit: canOn(ability, 'update', 'ServiceDirectory', { jurisdictionCode: r.jurisdictionCode, agencyId: r.agencyId }),
    };
  }
}
