import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CaseFacts } from '@gugus/cases';
import type { CaseRiskLevel, CaseStage, ReferralStatus } from '@gugus/contracts';
import { CaseEntity, CasePacketListEntity, CaseReferralEntity, CaseShareEntity, CooperationAgreementEntity } from './cases.entities';

export interface CaseListFilter {
  /** Regex sources of the jurisdictions the reader may see; null: everywhere. */
  scopePatterns: string[] | null;
  /** Regex source of the jurisdiction asked for (it and those below it). */
  jurisdictionPattern?: string;
  stage?: CaseStage;
  risk?: CaseRiskLevel;
  /** Cases shared with the reader's task forces (under agreements in force), shown beside those in scope. */
  sharedIds?: string[];
  limit: number;
  offset: number;
}

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * The next number of (jurisdiction, year), inside the caller's transaction. The counter row stays
   * locked until that transaction ends, so concurrent openings queue on it: no two share a number, and
   * one that rolls back gives its number back instead of leaving a gap.
   */
  async nextSeq(jurisdictionCode: string, year: number, tx: EntityManager): Promise<number> {
    const rows = (await tx.query(
      `INSERT INTO case_code_counters AS counter (jurisdiction_code, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (jurisdiction_code, year) DO UPDATE SET last = counter.last + 1
       RETURNING last`,
      [jurisdictionCode, year],
    )) as { last: number }[];
    return rows[0].last;
  }

  async insert(values: CaseEntity, tx: EntityManager): Promise<void> {
    await tx.insert(CaseEntity, values);
  }

  findById(id: string): Promise<CaseEntity | null> {
    return this.db.manager.findOneBy(CaseEntity, { id });
  }

  /** Moves the case's read model on (stage, identification status), inside the caller's transaction. */
  async updateProgress(id: string, values: Pick<CaseEntity, 'stage' | 'identificationStatus'>, tx: EntityManager): Promise<void> {
    await tx.update(CaseEntity, { id }, values);
  }

  findByCode(code: string): Promise<CaseEntity | null> {
    return this.db.manager.findOneBy(CaseEntity, { code });
  }

  async list(filter: CaseListFilter): Promise<{ rows: CaseEntity[]; total: number }> {
    const qb = this.db.manager.createQueryBuilder(CaseEntity, 'c');
    if (filter.scopePatterns) {
      // Without shared cases the condition stays the one the list index serves.
      if (filter.sharedIds?.length) qb.andWhere('(c.jurisdictionCode ~ ANY(CAST(:scopes AS text[])) OR c.id = ANY(CAST(:shared AS uuid[])))', { scopes: filter.scopePatterns, shared: filter.sharedIds });
      else qb.andWhere('c.jurisdictionCode ~ ANY(CAST(:scopes AS text[]))', { scopes: filter.scopePatterns });
    }
    if (filter.jurisdictionPattern) qb.andWhere('c.jurisdictionCode ~ :asked', { asked: filter.jurisdictionPattern });
    if (filter.stage) qb.andWhere('c.stage = :stage', { stage: filter.stage });
    if (filter.risk) qb.andWhere('c.riskLevel = :risk', { risk: filter.risk });
    const [rows, total] = await qb.orderBy('c.openedAt', 'DESC').addOrderBy('c.seq', 'DESC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { rows, total };
  }

  /** The agency's jurisdiction, or null when there is no such agency. */
  async agencyJurisdiction(agencyId: string): Promise<string | null> {
    const rows = (await this.db.query(`SELECT jurisdiction_code FROM agencies WHERE id = $1`, [agencyId])) as { jurisdiction_code: string }[];
    return rows[0]?.jurisdiction_code ?? null;
  }

  async agencyName(agencyId: string): Promise<string | null> {
    const rows = (await this.db.query(`SELECT name FROM agencies WHERE id = $1`, [agencyId])) as { name: string }[];
    return rows[0]?.name ?? null;
  }

  /** Links a recorded consent form to its case (inside the caller's transaction). */
  async insertConsent(values: { caseId: string; submissionId: string; recordedAt: Date; recordedBy: string }, tx: EntityManager): Promise<void> {
    await tx.query(`INSERT INTO case_consents (case_id, submission_id, recorded_at, recorded_by) VALUES ($1, $2, $3, $4)`, [values.caseId, values.submissionId, values.recordedAt, values.recordedBy]);
  }

  /** The codes of one justice record (migrations 2630, 2640): the day it speaks of, the day it was entered, the stage, the verdict. */
  async saveJusticeFacts(values: { submissionId: string; caseId: string; recordedOn: string; enteredOn: string; stage: string | null; verdict: string | null }, tx?: EntityManager): Promise<void> {
    const code = (v: string | null) => (v && /^[a-z_]{1,40}$/.test(v) ? v : null);
    await (tx ?? this.db).query(
      `INSERT INTO case_justice_facts (submission_id, case_id, recorded_on, entered_on, stage, verdict) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (submission_id) DO NOTHING`,
      [values.submissionId, values.caseId, values.recordedOn, values.enteredOn, code(values.stage), code(values.verdict)],
    );
  }

  /** Justice records made before their codes were kept (migration 2630). */
  async justiceRecordsWithoutFacts(): Promise<{ caseId: string; submissionId: string; recordedAt: Date }[]> {
    return (await this.db.query(
      `SELECT d.case_id AS "caseId", d.submission_id AS "submissionId", d.recorded_at AS "recordedAt" FROM case_documents d
        WHERE d.kind = 'justice-record' AND NOT EXISTS (SELECT 1 FROM case_justice_facts j WHERE j.submission_id = d.submission_id)`,
    )) as { caseId: string; submissionId: string; recordedAt: Date }[];
  }

  /** Cases with consent forms but no consent state per purpose yet (recorded before migration 2620). */
  async casesWithoutConsentPurposes(): Promise<string[]> {
    const rows = (await this.db.query(`SELECT DISTINCT c.case_id FROM case_consents c WHERE NOT EXISTS (SELECT 1 FROM case_consent_purposes p WHERE p.case_id = c.case_id)`)) as { case_id: string }[];
    return rows.map((r) => r.case_id);
  }

  /** Serialises the consent recordings of one case (held until the transaction ends). */
  async lockConsents(caseId: string, tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('case-consents:' || $1::text, 0))`, [caseId]);
  }

  /** Whether the case's consent state per purpose is kept already. */
  async hasConsentPurposes(caseId: string, tx: EntityManager): Promise<boolean> {
    return ((await tx.query(`SELECT 1 FROM case_consent_purposes WHERE case_id = $1 LIMIT 1`, [caseId])) as unknown[]).length > 0;
  }

  /** Replaces the case's consent state per purpose (codes and days only; see migrations 2620 and 2640). Call under `lockConsents`. */
  async saveConsentPurposes(caseId: string, purposes: readonly { purpose: string; status: string; since?: string; validUntil?: string; recheckOn?: string }[], tx: EntityManager): Promise<void> {
    const day = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null);
    const rows = purposes.filter((p) => /^[a-z_]{1,64}$/.test(p.purpose));
    await tx.query(`DELETE FROM case_consent_purposes WHERE case_id = $1`, [caseId]);
    await tx.query(
      `INSERT INTO case_consent_purposes (case_id, purpose, status, since, valid_until, recheck_on, updated_at)
       SELECT $1, x.purpose, x.status, x.since, x.valid_until, x.recheck_on, now() FROM unnest($2::text[], $3::text[], $4::date[], $5::date[], $6::date[]) AS x(purpose, status, since, valid_until, recheck_on)`,
      [caseId, rows.map((p) => p.purpose), rows.map((p) => p.status), rows.map((p) => day(p.since)), rows.map((p) => day(p.validUntil)), rows.map((p) => day(p.recheckOn))],
    );
  }

  /** The case's consent forms, in the order recorded. */
  async consents(caseId: string): Promise<{ submissionId: string; recordedAt: Date }[]> {
    const rows = (await this.db.query(`SELECT submission_id, recorded_at FROM case_consents WHERE case_id = $1 ORDER BY seq`, [caseId])) as { submission_id: string; recorded_at: Date }[];
    return rows.map((r) => ({ submissionId: r.submission_id, recordedAt: r.recorded_at }));
  }

  async agencyNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = (await this.db.query(`SELECT id, name FROM agencies WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The case's statistical facts (codes), or none yet. */
  async facts(caseId: string): Promise<CaseFacts | null> {
    const rows = (await this.db.query(
      `SELECT sex, age_group AS "ageGroup", age_uncertain AS "ageUncertain", nationality_group AS "nationalityGroup", nationality, trafficking_scope AS "traffickingScope",
         origin_region AS "originRegion", identified_in_region AS "identifiedInRegion", exploitation_types AS "exploitationTypes", sectors, means
       FROM case_facts WHERE case_id = $1`,
      [caseId],
    )) as CaseFacts[];
    return rows[0] ?? null;
  }

  async saveFacts(caseId: string, f: CaseFacts): Promise<void> {
    await this.db.query(
      `INSERT INTO case_facts (case_id, sex, age_group, age_uncertain, nationality_group, nationality, trafficking_scope, origin_region, identified_in_region, exploitation_types, sectors, means, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
       ON CONFLICT (case_id) DO UPDATE SET sex = $2, age_group = $3, age_uncertain = $4, nationality_group = $5, nationality = $6, trafficking_scope = $7,
         origin_region = $8, identified_in_region = $9, exploitation_types = $10, sectors = $11, means = $12, updated_at = now()`,
      [caseId, f.sex, f.ageGroup, f.ageUncertain, f.nationalityGroup, f.nationality, f.traffickingScope, f.originRegion, f.identifiedInRegion, f.exploitationTypes, f.sectors, f.means],
    );
  }

  /** The case's latest assessed risk (a newer assessment replaces an older one, never the other way round). */
  async setRisk(id: string, level: CaseEntity['riskLevel'], at: Date): Promise<void> {
    await this.db.query(`UPDATE cases SET risk_level = $2, risk_assessed_at = $3 WHERE id = $1 AND (risk_assessed_at IS NULL OR risk_assessed_at <= $3)`, [id, level, at]);
  }

  async setReunified(id: string, at: Date, tx: EntityManager): Promise<void> {
    await tx.getRepository(CaseEntity).update({ id }, { reunifiedAt: at });
  }

  async close(id: string, at: Date, tx: EntityManager): Promise<void> {
    await tx.getRepository(CaseEntity).update({ id }, { stage: 'closed', closedAt: at });
  }

  /** A closed case back to its team's conference (false when it was not closed), inside the caller's transaction. */
  async reopen(id: string, tx: EntityManager): Promise<boolean> {
    // A new reunification will be recorded: a child's two years count from it, not from the first.
    const result = await tx.createQueryBuilder().update(CaseEntity).set({ stage: 'case_conference', closedAt: null, reunifiedAt: null }).where(`id = :id AND stage = 'closed'`, { id }).execute();
    return (result.affected ?? 0) > 0;
  }

  // ------------------------------------------------------------------------------------------------
  // Referrals

  /** Inserts a referral with the case's next number, inside the caller's transaction (the case row is locked meanwhile). */
  async insertReferral(values: Omit<CaseReferralEntity, 'number'>, tx: EntityManager): Promise<CaseReferralEntity> {
    await tx.query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE`, [values.caseId]);
    const [{ next }] = (await tx.query(`SELECT coalesce(max(number), 0) + 1 AS next FROM case_referrals WHERE case_id = $1`, [values.caseId])) as { next: number }[];
    const row = { ...values, number: Number(next) };
    await tx.getRepository(CaseReferralEntity).insert(row);
    return row;
  }

  findReferral(id: string): Promise<CaseReferralEntity | null> {
    return this.db.getRepository(CaseReferralEntity).findOneBy({ id });
  }

  findReferralByNumber(caseId: string, number: number): Promise<CaseReferralEntity | null> {
    return this.db.getRepository(CaseReferralEntity).findOneBy({ caseId, number });
  }

  /** The referral a re-referral task's submission already made (a retried activity finds it). */
  findReferralBySubmission(submissionId: string): Promise<CaseReferralEntity | null> {
    return this.db.getRepository(CaseReferralEntity).findOneBy({ referralSubmissionId: submissionId });
  }

  referrals(caseId: string): Promise<CaseReferralEntity[]> {
    return this.db.getRepository(CaseReferralEntity).find({ where: { caseId }, order: { number: 'ASC' } });
  }

  /** Moves a referral on only from one of `from` (a concurrent change wins the race cleanly); true when it did. */
  async moveReferral(id: string, from: ReferralStatus[], values: Partial<Pick<CaseReferralEntity, 'status' | 'responseSubmissionId' | 'respondedAt' | 'completedAt'>>, tx: EntityManager): Promise<boolean> {
    const result = await tx.createQueryBuilder().update(CaseReferralEntity).set(values).where('id = :id AND status IN (:...from)', { id, from }).execute();
    return (result.affected ?? 0) > 0;
  }

  async updateReferral(id: string, values: Partial<Pick<CaseReferralEntity, 'status' | 'responseSubmissionId' | 'outcomeSubmissionId' | 'respondedAt' | 'completedAt'>>, tx?: EntityManager): Promise<void> {
    await (tx ?? this.db.manager).getRepository(CaseReferralEntity).update({ id }, values);
  }

  // ------------------------------------------------------------------------------------------------
  // Packet lists

  /** A province's adjusted lists, by service. */
  packetLists(province: string): Promise<CasePacketListEntity[]> {
    return this.db.getRepository(CasePacketListEntity).find({ where: { jurisdictionCode: province } });
  }

  async packetList(province: string, serviceType: string): Promise<CasePacketListEntity | null> {
    return this.db.getRepository(CasePacketListEntity).findOneBy({ jurisdictionCode: province, serviceType });
  }

  async savePacketList(row: CasePacketListEntity, tx: EntityManager): Promise<void> {
    await tx.getRepository(CasePacketListEntity).upsert(row, ['jurisdictionCode', 'serviceType']);
  }

  async removePacketList(province: string, serviceType: string, tx: EntityManager): Promise<void> {
    await tx.getRepository(CasePacketListEntity).delete({ jurisdictionCode: province, serviceType });
  }

  // ------------------------------------------------------------------------------------------------
  // Cooperation agreements and shared cases

  agreements(): Promise<CooperationAgreementEntity[]> {
    return this.db.getRepository(CooperationAgreementEntity).find({ order: { validFrom: 'DESC', reference: 'ASC' } });
  }

  findAgreement(id: string): Promise<CooperationAgreementEntity | null> {
    return this.db.getRepository(CooperationAgreementEntity).findOneBy({ id });
  }

  async insertAgreement(row: CooperationAgreementEntity, tx: EntityManager): Promise<void> {
    await tx.getRepository(CooperationAgreementEntity).insert(row);
  }

  /** Terminates the agreement unless it already is (false then), inside the caller's transaction. */
  async terminateAgreement(id: string, values: { terminatedOn: string; terminationReason: string; terminatedBy: string }, tx: EntityManager): Promise<boolean> {
    const result = await tx.createQueryBuilder().update(CooperationAgreementEntity).set(values).where('id = :id AND terminated_on IS NULL', { id }).execute();
    return (result.affected ?? 0) > 0;
  }

  async jurisdictionNames(codes: readonly string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = (await this.db.query(`SELECT code, name FROM jurisdictions WHERE code = ANY($1::text[])`, [codes])) as { code: string; name: string }[];
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  shares(caseId: string): Promise<CaseShareEntity[]> {
    return this.db.getRepository(CaseShareEntity).find({ where: { caseId }, order: { sharedAt: 'ASC' } });
  }

  findShare(id: string): Promise<CaseShareEntity | null> {
    return this.db.getRepository(CaseShareEntity).findOneBy({ id });
  }

  async insertShare(row: CaseShareEntity, tx: EntityManager): Promise<void> {
    await tx.getRepository(CaseShareEntity).insert(row);
  }

  /** Ends a live share (false when it had already ended), inside the caller's transaction. */
  async endShare(id: string, by: string, at: Date, tx: EntityManager): Promise<boolean> {
    const result = await tx.createQueryBuilder().update(CaseShareEntity).set({ endedAt: at, endedBy: by }).where('id = :id AND ended_at IS NULL', { id }).execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Cases shared, under agreements in force on `today`, with agencies of the jurisdictions matching
   * `scopePatterns` (regex sources): the partner side's cases.
   */
  async sharedCaseIds(scopePatterns: string[], today: string): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT DISTINCT s.case_id FROM case_shares s JOIN cooperation_agreements a ON a.id = s.agreement_id
        WHERE s.ended_at IS NULL AND s.partner_jurisdiction_code ~ ANY($1::text[])
          AND a.valid_from <= $2::date AND a.valid_until >= $2::date AND (a.terminated_on IS NULL OR a.terminated_on > $2::date)`,
      [scopePatterns, today],
    )) as { case_id: string }[];
    return rows.map((r) => r.case_id);
  }

  // ------------------------------------------------------------------------------------------------
  // Forms recorded on the case outside its tasks

  async insertDocument(values: { caseId: string; kind: string; submissionId: string; recordedAt: Date; recordedBy: string }, tx: EntityManager): Promise<void> {
    await tx.query(`INSERT INTO case_documents (case_id, kind, submission_id, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5)`, [values.caseId, values.kind, values.submissionId, values.recordedAt, values.recordedBy]);
  }

  /** The case's forms of `kind`, in the order recorded. */
  async documents(caseId: string, kind: string): Promise<{ submissionId: string; recordedAt: Date }[]> {
    const rows = (await this.db.query(`SELECT submission_id, recorded_at FROM case_documents WHERE case_id = $1 AND kind = $2 ORDER BY seq`, [caseId, kind])) as { submission_id: string; recorded_at: Date }[];
    return rows.map((r) => ({ submissionId: r.submission_id, recordedAt: r.recorded_at }));
  }
}
