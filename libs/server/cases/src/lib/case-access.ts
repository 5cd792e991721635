import { ErrorCode } from '@gugus/contracts';
import { abilityFor, canOn, type AuthUser } from '@gugus/server-access';
import { DomainError } from '@gugus/server-http';
import type { CaseEntity } from './cases.entities';
import type { CasesRepository } from './cases.repository';

// The same answer for a case that does not exist and one the reader may not see: nothing leaks.
const caseNotFound = (code: string) => new DomainError(ErrorCode.NOT_FOUND, { id: `Kasus ${code} tidak ditemukan.`, en: `Case ${code} was not found.` });

/** The case `code` if `user` may `action` it (its jurisdiction's case roles, a province over its regencies); otherwise 404. */
export async function caseFor(cases: CasesRepository, user: AuthUser, code: string, action: 'create' | 'read'): Promise<CaseEntity> {
  const found = await cases.findByCode(code);
  if (!found || !canOn(abilityFor(user.grants), action, 'Case', { jurisdictionCode: found.jurisdictionCode })) throw caseNotFound(code);
  return found;
}
