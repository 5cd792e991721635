import { ROLES, type Me, type Role } from '@gugus/contracts';
import { covers } from '@gugus/web-auth';

/**
 * The roles `me` may hand out in `jurisdictionCode` (as a position's roles, its holder's or its Plt.'s),
 * from the grant table the server applies (`GET /auth/me`). The interface offers only these; the server
 * checks again.
 */
export function grantableRolesIn(me: Me | undefined, jurisdictionCode: string): Role[] {
  const scopes = (me?.grantableRoles ?? []).filter((s) => covers(s.jurisdictionCode, jurisdictionCode));
  return ROLES.filter((role) => scopes.some((s) => s.roles.includes(role)));
}
