import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { agreementStatus, checkAgreement, checkTermination, DATA_CATEGORIES, otherParty, partyCovers, type AgreementProblem } from '@gugus/cases';
import { ErrorCode, type AgreementList, type AgreementView, type RecordAgreementRequest, type TerminateAgreementRequest } from '@gugus/contracts';
import { optionLabels } from '@gugus/forms';
import { abilityFor, canOn, forbidden, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { jakartaDate } from '@gugus/server-calendar';
import { DomainError } from '@gugus/server-http';
import { OrgsService } from '@gugus/server-orgs';
import type { CooperationAgreementEntity } from './cases.entities';
import { CasesRepository } from './cases.repository';

const CATEGORY_LABELS = optionLabels('case-data-categories');
const invalid = (problems: AgreementProblem[]) => new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: problems });
const agreementNotFound = (id: string) => new DomainError(ErrorCode.NOT_FOUND, { id: `Perjanjian kerja sama ${id} tidak ditemukan.`, en: `Cooperation agreement ${id} was not found.` });

/** The province's task force's chain for a case of `code`: the regency and its province. */
const ownChain = (code: string) => (code.includes('.') ? [code, code.split('.')[0]] : [code]);

/**
 * The register of cooperation agreements (MoU / perjanjian kerja sama) between task forces (PRODUCT §3.2
 * step 9): parties, scope (the data categories that may pass), duration, termination. The secretariat or
 * administrators of either party enter and terminate them; each party's case teams and chair read them.
 * Every change is audited. A terminated or expired agreement stops carrying shares at once: access is
 * computed from the register at each read.
 */
@Injectable()
export class CooperationAgreementsService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
    orgs: OrgsService,
  ) {
    // A case team names the partner's agencies (consent, referral, share): it reads the member agencies
    // of the other party of an agreement in force with one of its case jurisdictions.
    orgs.registerDirectoryGrant(async (user, code) => {
      const caseCodes = user.grants.filter((g) => canOn(abilityFor([g]), 'create', 'Case', { jurisdictionCode: g.jurisdictionCode })).map((g) => g.jurisdictionCode);
      if (!caseCodes.length) return false;
      const today = jakartaDate(new Date());
      return (await this.cases.agreements()).some((a) => {
        if (agreementStatus(a, today) !== 'active') return false;
        // The reader's side is a party its case grant covers or lies within; the partner is the other one.
        const mine = (party: string) => caseCodes.some((own) => partyCovers(own, party) || partyCovers(party, own));
        return (mine(a.partyA) && partyCovers(a.partyB, code)) || (mine(a.partyB) && partyCovers(a.partyA, code));
      });
    });
  }

  /** Whether `user` may `action` agreements of task force `party`: a grant over it, or (reading) one of a region it covers. */
  private may(user: AuthUser, action: 'create' | 'read' | 'update', party: string): boolean {
    const ability = abilityFor(user.grants);
    if (canOn(ability, action, 'Agreement', { jurisdictionCode: party })) return true;
    // A regency's case team works under its province's agreements.
    return action === 'read' && user.grants.some((g) => partyCovers(party, g.jurisdictionCode) && canOn(abilityFor([g]), 'read', 'Agreement', { jurisdictionCode: g.jurisdictionCode }));
  }

  private visible(user: AuthUser, a: CooperationAgreementEntity): boolean {
    return this.may(user, 'read', a.partyA) || this.may(user, 'read', a.partyB);
  }

  async views(user: AuthUser, rows: CooperationAgreementEntity[]): Promise<AgreementView[]> {
    const names = await this.cases.jurisdictionNames([...new Set(rows.flatMap((r) => [r.partyA, r.partyB]))]);
    const today = jakartaDate(new Date());
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      parties: [r.partyA, r.partyB].map((code) => ({ code, name: names.get(code) ?? null })),
      dataCategories: DATA_CATEGORIES.filter((c) => r.dataCategories.includes(c)),
      signedOn: r.signedOn,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      terminatedOn: r.terminatedOn,
      terminationReason: r.terminationReason,
      status: agreementStatus(r, today),
      recordedAt: r.recordedAt.toISOString(),
      canTerminate: r.terminatedOn === null && (this.may(user, 'update', r.partyA) || this.may(user, 'update', r.partyB)),
    }));
  }

  /** The agreements of the reader's task forces (either party), newest first. */
  async list(user: AuthUser): Promise<AgreementList> {
    if (!user.grants.some((g) => canOn(abilityFor([g]), 'read', 'Agreement', { jurisdictionCode: g.jurisdictionCode }))) throw forbidden();
    const rows = (await this.cases.agreements()).filter((a) => this.visible(user, a));
    return { items: await this.views(user, rows), allCategories: DATA_CATEGORIES.map((code) => ({ code, label: CATEGORY_LABELS.get(code) ?? { id: code, en: code } })) };
  }

  async record(user: AuthUser, body: RecordAgreementRequest, requestId: string | null): Promise<AgreementView> {
    const problems = checkAgreement(body);
    if (problems.length) throw invalid(problems);
    const names = await this.cases.jurisdictionNames([body.partyA, body.partyB]);
    const unknown = (['partyA', 'partyB'] as const).filter((f) => !names.has(body[f]));
    if (unknown.length) throw invalid(unknown.map((field) => ({ field, message: { id: 'tidak ada wilayah dengan kode ini', en: 'there is no region with this code' } })));
    // Entered by one of the parties: its secretariat or administrators.
    if (!this.may(user, 'create', body.partyA) && !this.may(user, 'create', body.partyB)) throw forbidden();
    const row: CooperationAgreementEntity = {
      id: randomUUID(),
      reference: body.reference.trim(),
      title: body.title.trim(),
      partyA: body.partyA,
      partyB: body.partyB,
      dataCategories: DATA_CATEGORIES.filter((c) => body.dataCategories.includes(c)),
      signedOn: body.signedOn,
      validFrom: body.validFrom,
      validUntil: body.validUntil,
      terminatedOn: null,
      terminationReason: null,
      recordedBy: user.personId,
      recordedAt: new Date(),
      terminatedBy: null,
    };
    const duplicate = (await this.cases.agreements()).some((a) => a.reference === row.reference && [a.partyA, a.partyB].sort().join() === [row.partyA, row.partyB].sort().join());
    if (duplicate) {
      throw new DomainError(ErrorCode.CONFLICT, { id: `Perjanjian nomor ${row.reference} antara kedua pihak ini sudah tercatat.`, en: `Agreement number ${row.reference} between these parties is already in the register.` });
    }
    await this.cases.transaction(async (tx) => {
      await this.cases.insertAgreement(row, tx);
      await this.audit.record(
        { actorId: user.personId, action: 'agreement.record', targetType: 'agreement', targetId: row.id, jurisdictionCode: row.partyA, requestId, after: { reference: row.reference, parties: [row.partyA, row.partyB], dataCategories: row.dataCategories, validFrom: row.validFrom, validUntil: row.validUntil } },
        tx,
      );
    });
    return (await this.views(user, [row]))[0];
  }

  async terminate(user: AuthUser, id: string, body: TerminateAgreementRequest, requestId: string | null): Promise<AgreementView> {
    const found = await this.cases.findAgreement(id);
    if (!found || !this.visible(user, found)) throw agreementNotFound(id);
    if (!this.may(user, 'update', found.partyA) && !this.may(user, 'update', found.partyB)) throw forbidden();
    if (found.terminatedOn) {
      throw new DomainError(ErrorCode.CONFLICT, { id: `Perjanjian ${found.reference} sudah diakhiri pada ${found.terminatedOn}.`, en: `Agreement ${found.reference} was already terminated on ${found.terminatedOn}.` });
    }
    const problems = checkTermination(found, body);
    if (problems.length) throw invalid(problems);
    const values = { terminatedOn: body.terminatedOn, terminationReason: body.reason.trim(), terminatedBy: user.personId };
    await this.cases.transaction(async (tx) => {
      if (!(await this.cases.terminateAgreement(id, values, tx))) {
        throw new DomainError(ErrorCode.CONFLICT, { id: `Perjanjian ${found.reference} sudah diakhiri.`, en: `Agreement ${found.reference} was already terminated.` });
      }
      await this.audit.record({ actorId: user.personId, action: 'agreement.terminate', targetType: 'agreement', targetId: id, jurisdictionCode: found.partyA, requestId, after: { terminatedOn: values.terminatedOn } }, tx);
    });
    return (await this.views(user, [{ ...found, ...values }]))[0];
  }

  /** The agreements in force today under which a case of `caseJurisdiction` can be shared. */
  async inForceFor(caseJurisdiction: string): Promise<CooperationAgreementEntity[]> {
    const today = jakartaDate(new Date());
    return (await this.cases.agreements()).filter((a) => agreementStatus(a, today) === 'active' && otherParty([a.partyA, a.partyB], caseJurisdiction) !== null);
  }

  /**
   * The jurisdictions whose agencies a case's forms (consent, referral) may name: the case's own task
   * forces, and the other party of each agreement in force (with its regencies).
   */
  async agencyJurisdictions(caseJurisdiction: string): Promise<string[]> {
    const partners = (await this.inForceFor(caseJurisdiction)).map((a) => otherParty([a.partyA, a.partyB], caseJurisdiction) as string);
    return [...new Set([...ownChain(caseJurisdiction), ...partners])];
  }

  /**
   * The check a referral's receiving agency must pass: an agency of the case's own province (its regencies
   * included). A partner task force is reached through a share, whose record the agreement bounds — never
   * through a referral, whose packet the agreement would not bound.
   */
  static provinceScope(caseJurisdiction: string): (agencyJurisdiction: string) => boolean {
    const province = caseJurisdiction.split('.')[0];
    return (code) => partyCovers(province, code);
  }

  /** The check a case form's agency answer must pass (consent, the forms recorded on a case): an agency of one of {@link agencyJurisdictions}. */
  async agencyScope(caseJurisdiction: string): Promise<(agencyJurisdiction: string) => boolean> {
    const scope = await this.agencyJurisdictions(caseJurisdiction);
    const province = caseJurisdiction.split('.')[0];
    // The case's province and all its regencies (neighbouring regencies' shelters), and each partner with its regencies.
    return (code) => partyCovers(province, code) || scope.some((j) => partyCovers(j, code));
  }
}
