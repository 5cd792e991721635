import { Role, type Grant } from '@gugus/contracts';
import { higher, type Sensitivity } from '@gugus/forms';
import { covers } from './coverage';

/**
 * Need to know, by role: the most sensitive answers a role receives from records in its jurisdictions
 * that it is NOT working on (oversight). Whoever works a record — the assignee of its task, its author,
 * and later the agencies on a case's team — receives every answer (`identifying`). Nobody else sees
 * names, ID numbers, contacts or addresses, whatever their rank: a system administrator runs the
 * system, not cases.
 */
export const OVERSIGHT_FIELD_ACCESS: Readonly<Record<Role, Sensitivity>> = {
  [Role.SYSTEM_ADMIN]: 'internal',
  [Role.PROVINCIAL_ADMIN]: 'internal',
  [Role.SECRETARIAT]: 'internal',
  [Role.CHAIR]: 'internal',
  [Role.AGENCY_OFFICER]: 'internal',
  [Role.LEGAL_REVIEWER]: 'internal',
  // Case coordinators steer referrals: they need the case's facts (exploitation, needs), not who it is.
  [Role.CASE_COORDINATOR]: 'restricted',
  [Role.CASE_WORKER]: 'internal',
  [Role.NATIONAL_ANALYST]: 'public',
};

/** What `grants` entitle a reader to see in a record of `jurisdictionCode` they do not work on (null: nothing). */
export function oversightFieldAccess(grants: readonly Grant[], jurisdictionCode: string): Sensitivity | null {
  let level: Sensitivity | null = null;
  for (const grant of grants) {
    if (!covers(grant.jurisdictionCode, jurisdictionCode)) continue;
    const own = OVERSIGHT_FIELD_ACCESS[grant.role];
    level = level ? higher(level, own) : own;
  }
  return level;
}
