import { Role, type Grant } from '@gugus/contracts';
import { covers } from '@gugus/web-auth';

// The server decides; these only keep the interface from offering what it would refuse.

/** Who reads plans, most involved role first (the first grant's jurisdiction is where the list opens). */
const PLAN_READERS: readonly Role[] = [Role.SECRETARIAT, Role.LEGAL_REVIEWER, Role.CHAIR, Role.PROVINCIAL_ADMIN, Role.AGENCY_OFFICER, Role.NATIONAL_ANALYST, Role.SYSTEM_ADMIN];
/** Who reads the review analytics: a province's secretariat, the national analyst across provinces. */
const ANALYTICS_READERS: readonly Role[] = [Role.SECRETARIAT, Role.NATIONAL_ANALYST, Role.PROVINCIAL_ADMIN, Role.CHAIR, Role.SYSTEM_ADMIN];

const jurisdictionsOf = (grants: readonly Grant[], roles: readonly Role[]) => [...new Set(roles.flatMap((role) => grants.filter((g) => g.role === role).map((g) => g.jurisdictionCode)))];

/** Jurisdictions whose plans the person reads by role. */
export function planJurisdictions(grants: readonly Grant[]): string[] {
  return jurisdictionsOf(grants, PLAN_READERS);
}

export function canReadPlans(grants: readonly Grant[]): boolean {
  return planJurisdictions(grants).length > 0;
}

/** May look at plans of `code` (a grant there or above it). */
export function mayReadPlansIn(grants: readonly Grant[], code: string): boolean {
  return grants.some((g) => PLAN_READERS.includes(g.role) && covers(g.jurisdictionCode, code));
}

/** May start a plan in `code`: its secretariat, or a system administrator. */
export function canStartPlanIn(grants: readonly Grant[], code: string): boolean {
  return grants.some((g) => g.role === Role.SYSTEM_ADMIN || (g.role === Role.SECRETARIAT && g.jurisdictionCode === code));
}

export function analyticsJurisdictions(grants: readonly Grant[]): string[] {
  return jurisdictionsOf(grants, ANALYTICS_READERS);
}

export function canReadPlanAnalytics(grants: readonly Grant[]): boolean {
  return analyticsJurisdictions(grants).length > 0;
}

export function mayReadAnalyticsIn(grants: readonly Grant[], code: string): boolean {
  return grants.some((g) => ANALYTICS_READERS.includes(g.role) && covers(g.jurisdictionCode, code));
}
