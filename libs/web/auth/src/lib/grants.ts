import { NATIONAL_CODE, ROLES, Role, type Grant } from '@gugus/contracts';

/**
 * Whether a grant in `grantCode` reaches `code`: national covers everything, a province itself and its
 * regencies. The server decides; the interface uses this only to hide actions that would be refused.
 */
export function covers(grantCode: string, code: string): boolean {
  return grantCode === NATIONAL_CODE || code === grantCode || code.startsWith(`${grantCode}.`);
}

/** The most senior role held, in the contracts' order (system administrator first). */
export function primaryRole(grants: readonly Grant[]): Role | undefined {
  return ROLES.find((role) => grants.some((g) => g.role === role));
}

function holds(grants: readonly Grant[], roles: readonly Role[], code?: string): boolean {
  return grants.some((g) => roles.includes(g.role) && (code === undefined || covers(g.jurisdictionCode, code)));
}

/** Add agencies, positions and people, move holders, appoint acting officials, form task forces in `code`. */
export function canManageOrgs(grants: readonly Grant[], code: string): boolean {
  return holds(grants, [Role.SYSTEM_ADMIN]) || holds(grants, [Role.PROVINCIAL_ADMIN], code);
}

/** Name the task force's chair and its Sub-TFs' leads in `code` (administrators and the secretariat). */
export function canSetTaskForceRoles(grants: readonly Grant[], code: string): boolean {
  return canManageOrgs(grants, code) || holds(grants, [Role.SECRETARIAT], code);
}

/** Read the audit trail (of some jurisdiction). */
export function canReadAudit(grants: readonly Grant[]): boolean {
  return holds(grants, [Role.SYSTEM_ADMIN, Role.PROVINCIAL_ADMIN, Role.SECRETARIAT]);
}

/** Where "my agencies" starts: the jurisdiction of the most senior grant. */
export function homeJurisdiction(grants: readonly Grant[]): string | undefined {
  const role = primaryRole(grants);
  return grants.find((g) => g.role === role)?.jurisdictionCode;
}
