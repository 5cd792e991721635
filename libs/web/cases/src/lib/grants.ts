import { NATIONAL_CODE, Role, type Grant } from '@gugus/contracts';
import { covers } from '@gugus/web-auth';

// The server decides (cases are need-to-know: only the case roles); these only keep the interface from
// offering what it would refuse.

/** Who works with cases, most involved first (the first grant's jurisdiction is where the list opens). */
const CASE_ROLES: readonly Role[] = [Role.CASE_COORDINATOR, Role.CASE_WORKER, Role.SYSTEM_ADMIN];

/** Jurisdictions whose cases the person reads and opens by role. */
export function caseJurisdictions(grants: readonly Grant[]): string[] {
  return [...new Set(CASE_ROLES.flatMap((role) => grants.filter((g) => g.role === role).map((g) => g.jurisdictionCode)))];
}

export function canReadCases(grants: readonly Grant[]): boolean {
  return caseJurisdictions(grants).length > 0;
}

/** May list cases of `code` and open one there (a grant there or above it). */
export function mayWorkCasesIn(grants: readonly Grant[], code: string): boolean {
  return grants.some((g) => CASE_ROLES.includes(g.role) && covers(g.jurisdictionCode, code));
}

/** A case belongs to a province or a regency/city, never to the nation. */
export const isCaseJurisdiction = (code: string) => code !== NATIONAL_CODE && /^\d{2}(\.\d{2})?$/.test(code);
