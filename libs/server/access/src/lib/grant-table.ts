import { ErrorCode, NATIONAL_CODE, ROLES, Role, type GrantableRoles, type Grant } from '@gugus/contracts';
import { DomainError, type BilingualText } from '@gugus/server-http';
import { covers } from './coverage';

/**
 * What a role lets its holder hand out. "Hand out" (grant) is anything that gives a person a role:
 * creating a position that carries it, making someone the holder of such a position, or appointing
 * someone acting official (Plt.) for it.
 */
export interface GrantPower {
  /** The roles this role may hand out. */
  roles: readonly Role[];
  /**
   * Where: `everywhere`, or `covered` — the jurisdictions the grantor's own grant covers (their province
   * and its regencies), and only from a province or regency grant, so the national level stays with the
   * system administrator.
   */
  reach: 'everywhere' | 'covered';
}

/** The roles of a task force's daily work, which a provincial administrator staffs. */
export const OPERATIONAL_ROLES: readonly Role[] = [Role.SECRETARIAT, Role.CHAIR, Role.AGENCY_OFFICER, Role.LEGAL_REVIEWER, Role.CASE_COORDINATOR, Role.CASE_WORKER];

const NOTHING: GrantPower = { roles: [], reach: 'covered' };

/**
 * Who may grant what, and where: the one table. Anything not granted here is refused.
 *
 * - `system_admin` and the national roles (`national_analyst`, and any role at the national level) are
 *   handed out only by a system administrator.
 * - A provincial administrator staffs the operational roles in their province and its regencies, but
 *   does not appoint provincial administrators: only a system administrator does. No role other than
 *   `system_admin` can hand out itself or a role that could hand it out, so the "may grant" graph has no
 *   cycle and a province cannot grow its own administrators (tested in grant-table.spec.ts).
 * - Nobody else grants anything.
 *
 * Nobody grants a role to themselves, whatever this table says: the services refuse a holder or Plt.
 * who is the caller.
 */
export const GRANT_TABLE: Readonly<Record<Role, GrantPower>> = {
  [Role.SYSTEM_ADMIN]: { roles: ROLES, reach: 'everywhere' },
  [Role.PROVINCIAL_ADMIN]: { roles: OPERATIONAL_ROLES, reach: 'covered' },
  [Role.SECRETARIAT]: NOTHING,
  [Role.CHAIR]: NOTHING,
  [Role.AGENCY_OFFICER]: NOTHING,
  [Role.LEGAL_REVIEWER]: NOTHING,
  [Role.CASE_COORDINATOR]: NOTHING,
  [Role.CASE_WORKER]: NOTHING,
  [Role.NATIONAL_ANALYST]: NOTHING,
};

/** The jurisdictions (at and below this code) where one grant's power applies, or null for none. */
function powerScope(grant: Grant): string | null {
  const power = GRANT_TABLE[grant.role];
  if (power.roles.length === 0) return null;
  if (power.reach === 'everywhere') return NATIONAL_CODE;
  return grant.jurisdictionCode === NATIONAL_CODE ? null : grant.jurisdictionCode;
}

/**
 * May someone with `grantorGrants` give `role` in `targetJurisdictionCode` (the jurisdiction of the
 * position's agency)? Rights from a Plt. delegation count like those of a holder.
 */
export function mayGrant(grantorGrants: readonly Grant[], role: Role, targetJurisdictionCode: string): boolean {
  return grantorGrants.some((grant) => {
    const scope = powerScope(grant);
    return scope !== null && GRANT_TABLE[grant.role].roles.includes(role) && covers(scope, targetJurisdictionCode);
  });
}

/** Every role someone with `grantorGrants` may give in `targetJurisdictionCode`, in the contracts' order. */
export function grantableRoles(grantorGrants: readonly Grant[], targetJurisdictionCode: string): Role[] {
  return ROLES.filter((role) => mayGrant(grantorGrants, role, targetJurisdictionCode));
}

/**
 * The same answer for every jurisdiction at once, for the web (`GET /auth/me`): each entry applies to
 * its jurisdiction and every one below it, and the roles grantable somewhere are the union of the
 * entries covering it.
 */
export function grantableScopes(grantorGrants: readonly Grant[]): GrantableRoles[] {
  const byCode = new Map<string, Set<Role>>();
  for (const grant of grantorGrants) {
    const scope = powerScope(grant);
    if (scope === null) continue;
    const roles = byCode.get(scope) ?? new Set<Role>();
    GRANT_TABLE[grant.role].roles.forEach((r) => roles.add(r));
    byCode.set(scope, roles);
  }
  return [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([jurisdictionCode, roles]) => ({ jurisdictionCode, roles: ROLES.filter((r) => roles.has(r)) }));
}

/** Names of the roles in refusals, which a person reads (the web has its own labels). */
export const ROLE_NAMES: Readonly<Record<Role, BilingualText>> = {
  [Role.SYSTEM_ADMIN]: { id: 'Administrator sistem', en: 'System administrator' },
  [Role.PROVINCIAL_ADMIN]: { id: 'Administrator provinsi', en: 'Provincial administrator' },
  [Role.SECRETARIAT]: { id: 'Sekretariat gugus tugas', en: 'Task force secretariat' },
  [Role.AGENCY_OFFICER]: { id: 'Petugas instansi', en: 'Agency officer' },
  [Role.LEGAL_REVIEWER]: { id: 'Peninjau hukum', en: 'Legal reviewer' },
  [Role.CASE_COORDINATOR]: { id: 'Koordinator kasus', en: 'Case coordinator' },
  [Role.CASE_WORKER]: { id: 'Pekerja kasus', en: 'Case worker' },
  [Role.CHAIR]: { id: 'Ketua / kepala daerah', en: 'Chair / head of region' },
  [Role.NATIONAL_ANALYST]: { id: 'Analis nasional', en: 'National analyst' },
};

/**
 * 403: the caller may not give these roles here (nor take them away: moving or vacating a position is
 * refused on the same terms). `details.roles` lists them for clients.
 */
export function grantForbidden(roles: readonly Role[], jurisdictionCode: string): DomainError {
  const names = (lang: keyof BilingualText) => roles.map((r) => `"${ROLE_NAMES[r][lang]}" (${r})`).join(', ');
  // Tell the reader whom to ask when the table leaves it to the system administrator alone.
  const onlySystemAdmin = roles.every((r) => !OPERATIONAL_ROLES.includes(r));
  return new DomainError(
    ErrorCode.FORBIDDEN,
    {
      id: `Anda tidak berwenang memberikan atau mencabut peran ${names('id')} di wilayah ${jurisdictionCode}.${onlySystemAdmin ? ' Peran ini hanya dapat diberikan oleh administrator sistem.' : ''}`,
      en: `You may not grant or withdraw the role ${names('en')} in jurisdiction ${jurisdictionCode}.${onlySystemAdmin ? ' Only a system administrator can grant it.' : ''}`,
    },
    { roles: [...roles] },
  );
}

/** 403: nobody makes themselves holder or acting official (Plt.) of a position. */
export function selfGrantForbidden(): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, {
    id: 'Anda tidak dapat memberikan jabatan atau peran kepada diri sendiri; mintalah administrator lain.',
    en: 'You cannot give a position or role to yourself; ask another administrator.',
  });
}
