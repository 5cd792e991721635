/** Roles a position can carry. The anonymous public has no role: it sees only public routes. */
export const Role = {
  SYSTEM_ADMIN: 'system_admin',
  /** Configures forms and process settings for a province and the regencies in it. */
  PROVINCIAL_ADMIN: 'provincial_admin',
  SECRETARIAT: 'secretariat',
  AGENCY_OFFICER: 'agency_officer',
  LEGAL_REVIEWER: 'legal_reviewer',
  CASE_COORDINATOR: 'case_coordinator',
  CASE_WORKER: 'case_worker',
  /** Chair / head of region: endorses plans, reads dashboards. */
  CHAIR: 'chair',
  /** Aggregates only, never individual records. */
  NATIONAL_ANALYST: 'national_analyst',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

/** What a person may do, because they hold (or act for) a position. */
export interface Grant {
  role: Role;
  /** Jurisdiction of the position's agency: the grant covers it and, for a province, its regencies. */
  jurisdictionCode: string;
  agencyId: string;
  positionId: string;
  /** `delegation` for an acting official (Plt.) within the delegation's dates. */
  via: 'holder' | 'delegation';
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface SessionTokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
}

/** Roles a person may hand out (as a position's roles, its holder's or its Plt.'s) in a jurisdiction and every one below it. */
export interface GrantableRoles {
  jurisdictionCode: string;
  roles: Role[];
}

export interface Me {
  personId: string;
  name: string;
  email: string;
  grants: Grant[];
  /**
   * Where this person may hand out which roles, from the server's grant table: the roles grantable in a
   * jurisdiction are the union of the entries whose code covers it. Empty for most people.
   */
  grantableRoles: GrantableRoles[];
}
