import { ErrorCode, ROLES, Role, type Grant } from '@gugus/contracts';
import { GRANT_TABLE, grantableRoles, grantableScopes, grantForbidden, mayGrant, OPERATIONAL_ROLES } from './grant-table';

const grant = (role: Role, jurisdictionCode: string, via: Grant['via'] = 'holder'): Grant => ({ role, jurisdictionCode, agencyId: `agency-${jurisdictionCode}`, positionId: `position-${role}-${jurisdictionCode}`, via });

/** Where grantors sit and where they try to grant: national, two provinces and a regency in each. */
const CODES = ['00', '32', '32.04', '32.73', '21', '21.71'];

/** The rules as the product states them, written out independently of the table. */
function allowed(grantorRole: Role, grantorCode: string, role: Role, target: string): boolean {
  if (grantorRole === Role.SYSTEM_ADMIN) return true;
  if (grantorRole !== Role.PROVINCIAL_ADMIN || grantorCode === '00') return false;
  const operational = ['secretariat', 'chair', 'agency_officer', 'legal_reviewer', 'case_coordinator', 'case_worker'].includes(role);
  const ownProvinceOrBelow = target === grantorCode || target.startsWith(`${grantorCode}.`);
  return operational && ownProvinceOrBelow;
}

const cases = ROLES.flatMap((grantorRole) =>
  CODES.flatMap((grantorCode) => ROLES.flatMap((role) => CODES.map((target) => ({ grantorRole, grantorCode, role, target, ok: allowed(grantorRole, grantorCode, role, target) })))),
);

describe('mayGrant: grantor role × role × jurisdiction', () => {
  it.each(cases)('$grantorRole at $grantorCode grants $role in $target → $ok', ({ grantorRole, grantorCode, role, target, ok }) => {
    expect(mayGrant([grant(grantorRole, grantorCode)], role, target)).toBe(ok);
  });
});

describe('the rules that matter most', () => {
  const jabarAdmin = [grant(Role.PROVINCIAL_ADMIN, '32')];
  it.each([
    ['a provincial administrator grants system administrator', false, jabarAdmin, Role.SYSTEM_ADMIN, '32'],
    ['a provincial administrator grants national analyst', false, jabarAdmin, Role.NATIONAL_ANALYST, '32'],
    ['a provincial administrator appoints another provincial administrator', false, jabarAdmin, Role.PROVINCIAL_ADMIN, '32.04'],
    ['a provincial administrator grants in another province', false, jabarAdmin, Role.AGENCY_OFFICER, '21'],
    ['a provincial administrator grants at the national level', false, jabarAdmin, Role.SECRETARIAT, '00'],
    ['a provincial administrator staffs an agency in a regency of their province', true, jabarAdmin, Role.AGENCY_OFFICER, '32.04'],
    ['a provincial administrator names the chair of their province', true, jabarAdmin, Role.CHAIR, '32'],
    ['a secretariat grants anything', false, [grant(Role.SECRETARIAT, '32')], Role.CASE_WORKER, '32'],
    ['a national analyst grants anything', false, [grant(Role.NATIONAL_ANALYST, '00')], Role.CASE_WORKER, '32'],
    ['an acting (Plt.) provincial administrator staffs their province', true, [grant(Role.PROVINCIAL_ADMIN, '32', 'delegation')], Role.CASE_WORKER, '32'],
    ['the system administrator appoints a system administrator', true, [grant(Role.SYSTEM_ADMIN, '00')], Role.SYSTEM_ADMIN, '00'],
    ['the system administrator appoints a provincial administrator', true, [grant(Role.SYSTEM_ADMIN, '00')], Role.PROVINCIAL_ADMIN, '21'],
    ['several grants add up', true, [grant(Role.CASE_WORKER, '32'), grant(Role.PROVINCIAL_ADMIN, '21')], Role.AGENCY_OFFICER, '21.71'],
  ])('%s → %s', (_what, ok, grants, role, target) => {
    expect(mayGrant(grants, role, target)).toBe(ok);
  });

  it('lets nobody grant anything without a grant', () => {
    expect(CODES.flatMap((code) => grantableRoles([], code))).toEqual([]);
  });

  it('lists what a provincial administrator may grant in their regency', () => {
    expect(grantableRoles([grant(Role.PROVINCIAL_ADMIN, '32')], '32.04')).toEqual([...OPERATIONAL_ROLES].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)));
  });
});

describe('the table has no privilege cycle', () => {
  it.each([Role.SYSTEM_ADMIN, Role.NATIONAL_ANALYST, Role.PROVINCIAL_ADMIN])('only the system administrator hands out %s', (role) => {
    const grantors = ROLES.filter((r) => GRANT_TABLE[r].roles.includes(role));
    expect(grantors).toEqual([Role.SYSTEM_ADMIN]);
  });

  it('no role but the system administrator can reach itself through the roles it hands out', () => {
    const reachable = (from: Role): Set<Role> => {
      const seen = new Set<Role>();
      const next = [...GRANT_TABLE[from].roles];
      while (next.length) {
        const role = next.pop() as Role;
        if (seen.has(role)) continue;
        seen.add(role);
        next.push(...GRANT_TABLE[role].roles);
      }
      return seen;
    };
    const cyclic = ROLES.filter((role) => role !== Role.SYSTEM_ADMIN && reachable(role).has(role));
    expect(cyclic).toEqual([]);
  });
});

describe('grantableScopes (what GET /auth/me tells the web)', () => {
  it.each([
    ['system administrator', [grant(Role.SYSTEM_ADMIN, '00')]],
    ['provincial administrator', [grant(Role.PROVINCIAL_ADMIN, '32')]],
    ['regency-level administrator', [grant(Role.PROVINCIAL_ADMIN, '32.04')]],
    ['provincial administrator placed at the national level', [grant(Role.PROVINCIAL_ADMIN, '00')]],
    ['two provinces and a case worker role', [grant(Role.PROVINCIAL_ADMIN, '32'), grant(Role.PROVINCIAL_ADMIN, '21'), grant(Role.CASE_WORKER, '32')]],
    ['a case worker', [grant(Role.CASE_WORKER, '32')]],
  ])('gives the same roles as grantableRoles in every jurisdiction: %s', (_who, grants) => {
    const scopes = grantableScopes(grants);
    for (const code of CODES) {
      const fromScopes = ROLES.filter((role) => scopes.some((s) => (s.jurisdictionCode === '00' || code === s.jurisdictionCode || code.startsWith(`${s.jurisdictionCode}.`)) && s.roles.includes(role)));
      expect({ code, roles: fromScopes }).toEqual({ code, roles: grantableRoles(grants, code) });
    }
  });

  it('is empty for someone who grants nothing, and one national entry for the system administrator', () => {
    expect(grantableScopes([grant(Role.CASE_WORKER, '32'), grant(Role.NATIONAL_ANALYST, '00')])).toEqual([]);
    expect(grantableScopes([grant(Role.SYSTEM_ADMIN, '00'), grant(Role.PROVINCIAL_ADMIN, '32')])).toEqual([
      { jurisdictionCode: '00', roles: [...ROLES] },
      { jurisdictionCode: '32', roles: ROLES.filter((r) => OPERATIONAL_ROLES.includes(r)) },
    ]);
  });
});

describe('grantForbidden', () => {
  it('names each role in both languages and says who can grant it', () => {
    const error = grantForbidden([Role.SYSTEM_ADMIN, Role.NATIONAL_ANALYST], '32');
    expect(error.code).toBe(ErrorCode.FORBIDDEN);
    expect(error.text.id).toContain('"Administrator sistem" (system_admin), "Analis nasional" (national_analyst)');
    expect(error.text.id).toContain('hanya dapat diberikan oleh administrator sistem');
    expect(error.text.en).toContain('"System administrator" (system_admin)');
    expect(error.details).toEqual({ roles: ['system_admin', 'national_analyst'] });
  });
});
