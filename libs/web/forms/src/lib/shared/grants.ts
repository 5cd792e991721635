import { NATIONAL_CODE, Role, type Grant } from '@gugus/contracts';
import { covers } from '@gugus/web-auth';

// The server decides (abilityFor); these only keep the interface from offering what it would refuse.

const SUBMITTING_ROLES: readonly Role[] = [Role.SYSTEM_ADMIN, Role.SECRETARIAT, Role.AGENCY_OFFICER, Role.LEGAL_REVIEWER, Role.CASE_COORDINATOR, Role.CASE_WORKER];

/** May store submissions in `code`. */
export function canSubmitIn(grants: readonly Grant[], code: string): boolean {
  return grants.some((g) => SUBMITTING_ROLES.includes(g.role) && covers(g.jurisdictionCode, code));
}

/** May edit the variants of `provinceCode` (its provincial administrator, or a system administrator). */
export function canEditVariant(grants: readonly Grant[], provinceCode: string): boolean {
  return grants.some((g) => g.role === Role.SYSTEM_ADMIN || (g.role === Role.PROVINCIAL_ADMIN && covers(g.jurisdictionCode, provinceCode)));
}

/** The provinces whose variants this person edits by role (a system administrator picks any). */
export function variantProvinces(grants: readonly Grant[]): string[] {
  const codes = grants.filter((g) => g.role === Role.PROVINCIAL_ADMIN && g.jurisdictionCode !== NATIONAL_CODE).map((g) => g.jurisdictionCode.split('.')[0]);
  return [...new Set(codes)];
}

export function isSystemAdmin(grants: readonly Grant[]): boolean {
  return grants.some((g) => g.role === Role.SYSTEM_ADMIN);
}

/** The jurisdictions of the grants, in grant order, each once: the first is where forms are filled in by default. */
export function grantJurisdictions(grants: readonly Grant[]): string[] {
  return [...new Set(grants.map((g) => g.jurisdictionCode))];
}
