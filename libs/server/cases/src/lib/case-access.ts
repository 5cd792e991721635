import { agreementStatus } from '@gugus/cases';
import { ErrorCode, type CaseAccess } from '@gugus/contracts';
import { abilityFor, canOn, type AuthUser } from '@gugus/server-access';
import { jakartaDate } from '@gugus/server-calendar';
import { DomainError } from '@gugus/server-http';
import type { CaseEntity, CaseShareEntity } from './cases.entities';
import type { CasesRepository } from './cases.repository';

// The same answer for a case that does not exist and one the reader may not see: nothing leaks.
const caseNotFound = (code: string) => new DomainError(ErrorCode.NOT_FOUND, { id: `Kasus ${code} tidak ditemukan.`, en: `Case ${code} was not found.` });

/** The case `code` if `user` may `action` it (its jurisdiction's case roles, a province over its regencies); otherwise 404. */
export async function caseFor(cases: CasesRepository, user: AuthUser, code: string, action: 'create' | 'read'): Promise<CaseEntity> {
  const found = await cases.findByCode(code);
  if (!found || !canOn(abilityFor(user.grants), action, 'Case', { jurisdictionCode: found.jurisdictionCode })) throw caseNotFound(code);
  return found;
}

/** The case `code` for its team to act on, while it is open: 404 as {@link caseFor}, 409 once it is closed (reopen it first). */
export async function openCaseFor(cases: CasesRepository, user: AuthUser, code: string): Promise<CaseEntity> {
  const found = await caseFor(cases, user, code, 'create');
  if (found.stage === 'closed') {
    throw new DomainError(ErrorCode.CONFLICT, { id: `Kasus ${found.code} sudah ditutup; buka kembali kasus lebih dulu.`, en: `Case ${found.code} is closed; reopen it first.` });
  }
  return found;
}

/** The case's shares that carry today: not ended, under an agreement in force. */
export async function liveShares(cases: CasesRepository, caseId: string, today = jakartaDate(new Date())): Promise<CaseShareEntity[]> {
  const out: CaseShareEntity[] = [];
  for (const share of await cases.shares(caseId)) {
    if (share.endedAt) continue;
    const agreement = await cases.findAgreement(share.agreementId);
    if (agreement && agreementStatus(agreement, today) === 'active') out.push(share);
  }
  return out;
}

/** The live shares through which `user` (a case role of the partner's task force) reads the case. */
export async function sharesOf(cases: CasesRepository, user: AuthUser, found: CaseEntity): Promise<CaseShareEntity[]> {
  const ability = abilityFor(user.grants);
  return (await liveShares(cases, found.id)).filter((s) => canOn(ability, 'read', 'Case', { jurisdictionCode: s.partnerJurisdictionCode }));
}

/**
 * The case `code` for reading by its own team or by the team of a task force it is shared with (a live
 * share under an agreement in force, the reader holding a case role there): `access` says which. Anyone
 * else gets the same 404 as for an unknown case.
 */
export async function caseForReader(cases: CasesRepository, user: AuthUser, code: string): Promise<{ found: CaseEntity; access: CaseAccess }> {
  const found = await cases.findByCode(code);
  if (!found) throw caseNotFound(code);
  if (canOn(abilityFor(user.grants), 'read', 'Case', { jurisdictionCode: found.jurisdictionCode })) return { found, access: 'team' };
  if ((await sharesOf(cases, user, found)).length) return { found, access: 'partner' };
  throw caseNotFound(code);
}
