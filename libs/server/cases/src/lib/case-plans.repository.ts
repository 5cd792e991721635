import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CasePlanItemFields } from '@gugus/contracts';

/** A member agency with its directory entry (null columns: not listed as a provider yet). */
export interface ProviderRow {
  agencyId: string;
  name: string;
  jurisdictionCode: string;
  kind: string;
  services: string[] | null;
  targetGroups: string[] | null;
  capacity: number | null;
  contactPoint: string | null;
  referralProtocol: string | null;
  updatedAt: Date | null;
}

export interface PlanItemRow extends CasePlanItemFields {
  id: string;
  caseId: string;
  number: number;
  updatedAt: Date;
}

export interface PlanChangeRow {
  itemId: string;
  planVersion: number;
  action: 'added' | 'changed';
  fields: string[];
  before: Partial<CasePlanItemFields> | null;
  after: Partial<CasePlanItemFields>;
  actorId: string;
  at: Date;
}

const PROVIDER_COLUMNS = `a.id AS "agencyId", a.name, a.jurisdiction_code AS "jurisdictionCode", a.kind, p.services, p.target_groups AS "targetGroups",
  p.capacity, p.contact_point AS "contactPoint", p.referral_protocol AS "referralProtocol", p.updated_at AS "updatedAt"`;
const ITEM_COLUMNS = `id, case_id AS "caseId", number, service_type AS "serviceType", agency_id AS "agencyId", horizon, budget_line AS "budgetLine",
  funding_source AS "fundingSource", amount_planned::float8 AS "amountPlanned", amount_spent::float8 AS "amountSpent",
  to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", status, updated_at AS "updatedAt"`;

/** The directory of service providers and the case-management plans (migration 1763900002400). */
@Injectable()
export class CasePlansRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Every member agency of the province (`32`) and its regencies/cities, with its directory entry. */
  async providers(province: string): Promise<ProviderRow[]> {
    return (await this.db.query(
      `SELECT ${PROVIDER_COLUMNS} FROM agencies a LEFT JOIN service_providers p ON p.agency_id = a.id
        WHERE a.jurisdiction_code = $1 OR a.jurisdiction_code LIKE $1 || '.%'
        ORDER BY (p.services IS NULL OR cardinality(p.services) = 0), a.jurisdiction_code, a.name`,
      [province],
    )) as ProviderRow[];
  }

  async provider(agencyId: string): Promise<ProviderRow | null> {
    const rows = (await this.db.query(`SELECT ${PROVIDER_COLUMNS} FROM agencies a LEFT JOIN service_providers p ON p.agency_id = a.id WHERE a.id = $1`, [agencyId])) as ProviderRow[];
    return rows[0] ?? null;
  }

  async saveProvider(agencyId: string, entry: { services: string[]; targetGroups: string[]; capacity: number | null; contactPoint: string | null; referralProtocol: string | null }, by: string, at: Date, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO service_providers (agency_id, services, target_groups, capacity, contact_point, referral_protocol, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (agency_id) DO UPDATE SET services = $2, target_groups = $3, capacity = $4, contact_point = $5, referral_protocol = $6, updated_by = $7, updated_at = $8`,
      [agencyId, entry.services, entry.targetGroups, entry.capacity, entry.contactPoint, entry.referralProtocol, by, at],
    );
  }

  async planVersion(caseId: string): Promise<number> {
    const rows = (await this.db.query(`SELECT plan_version FROM cases WHERE id = $1`, [caseId])) as { plan_version: number }[];
    return rows[0]?.plan_version ?? 0;
  }

  /**
   * Moves the plan from version `expected` to the next, inside the caller's transaction; null when the
   * plan has moved on meanwhile (someone else saved first). The row stays locked until the transaction
   * ends, so two saves on the same version cannot both pass.
   */
  async bumpPlanVersion(caseId: string, expected: number, tx: EntityManager): Promise<number | null> {
    const rows = (await tx.query(`WITH moved AS (UPDATE cases SET plan_version = plan_version + 1 WHERE id = $1 AND plan_version = $2 RETURNING plan_version) SELECT plan_version FROM moved`, [caseId, expected])) as { plan_version: number }[];
    return rows[0]?.plan_version ?? null;
  }

  async items(caseId: string): Promise<PlanItemRow[]> {
    return (await this.db.query(`SELECT ${ITEM_COLUMNS} FROM case_plan_items WHERE case_id = $1 ORDER BY number`, [caseId])) as PlanItemRow[];
  }

  async item(itemId: string): Promise<PlanItemRow | null> {
    const rows = (await this.db.query(`SELECT ${ITEM_COLUMNS} FROM case_plan_items WHERE id = $1`, [itemId])) as PlanItemRow[];
    return rows[0] ?? null;
  }

  async insertItem(row: { id: string; caseId: string; item: CasePlanItemFields }, by: string, at: Date, tx: EntityManager): Promise<number> {
    const i = row.item;
    const rows = (await tx.query(
      `INSERT INTO case_plan_items (id, case_id, number, service_type, agency_id, horizon, budget_line, funding_source, amount_planned, amount_spent, starts_on, ends_on, status, created_by, created_at, updated_by, updated_at)
       VALUES ($1, $2, (SELECT coalesce(max(number), 0) + 1 FROM case_plan_items WHERE case_id = $2), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13, $14)
       RETURNING number`,
      [row.id, row.caseId, i.serviceType, i.agencyId, i.horizon, i.budgetLine, i.fundingSource, i.amountPlanned, i.amountSpent, i.startsOn, i.endsOn, i.status, by, at],
    )) as { number: number }[];
    return rows[0].number;
  }

  async updateItem(itemId: string, i: CasePlanItemFields, by: string, at: Date, tx: EntityManager): Promise<void> {
    await tx.query(
      `UPDATE case_plan_items SET service_type = $2, agency_id = $3, horizon = $4, budget_line = $5, funding_source = $6, amount_planned = $7, amount_spent = $8,
         starts_on = $9, ends_on = $10, status = $11, updated_by = $12, updated_at = $13 WHERE id = $1`,
      [itemId, i.serviceType, i.agencyId, i.horizon, i.budgetLine, i.fundingSource, i.amountPlanned, i.amountSpent, i.startsOn, i.endsOn, i.status, by, at],
    );
  }

  async countItems(caseId: string): Promise<number> {
    const rows = (await this.db.query(`SELECT count(*)::int AS n FROM case_plan_items WHERE case_id = $1`, [caseId])) as { n: number }[];
    return rows[0].n;
  }

  async recordChange(caseId: string, change: PlanChangeRow, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO case_plan_changes (case_id, item_id, plan_version, action, fields, before, after, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [caseId, change.itemId, change.planVersion, change.action, change.fields, change.before === null ? null : JSON.stringify(change.before), JSON.stringify(change.after), change.actorId, change.at],
    );
  }

  async changes(caseId: string, limit: number): Promise<PlanChangeRow[]> {
    return (await this.db.query(
      `SELECT item_id AS "itemId", plan_version AS "planVersion", action, fields, before, after, actor_id AS "actorId", at
         FROM case_plan_changes WHERE case_id = $1 ORDER BY plan_version DESC, id DESC LIMIT $2`,
      [caseId, limit],
    )) as PlanChangeRow[];
  }

  /** The latest referral of the case per (service, receiving agency). */
  async latestReferrals(caseId: string): Promise<{ id: string; number: number; status: string; serviceType: string; agencyId: string }[]> {
    return (await this.db.query(
      `SELECT DISTINCT ON (service_type, receiving_agency_id) id, number, status, service_type AS "serviceType", receiving_agency_id AS "agencyId"
         FROM case_referrals WHERE case_id = $1 ORDER BY service_type, receiving_agency_id, number DESC`,
      [caseId],
    )) as { id: string; number: number; status: string; serviceType: string; agencyId: string }[];
  }
}
