import { NATIONAL_CODE, Role, type Grant } from '@gugus/contracts';
import { covers } from '@gugus/web-auth';

// The server decides (abilityFor); these only keep the interface from offering what it would refuse.

const MEETING_READERS: readonly Role[] = [Role.SECRETARIAT, Role.CHAIR, Role.PROVINCIAL_ADMIN, Role.AGENCY_OFFICER, Role.SYSTEM_ADMIN];
const TASK_OVERSEERS: readonly Role[] = [Role.SYSTEM_ADMIN, Role.PROVINCIAL_ADMIN, Role.SECRETARIAT, Role.CHAIR];

/** Jurisdictions whose meeting calendar the person reads by role, most involved role first. */
export function meetingJurisdictions(grants: readonly Grant[]): string[] {
  return [...new Set(MEETING_READERS.flatMap((role) => grants.filter((g) => g.role === role).map((g) => g.jurisdictionCode)))];
}

export function canReadMeetings(grants: readonly Grant[]): boolean {
  return meetingJurisdictions(grants).length > 0;
}

/** May look at meetings of `code` (a grant there or above it). */
export function mayReadMeetingsIn(grants: readonly Grant[], code: string): boolean {
  return grants.some((g) => MEETING_READERS.includes(g.role) && (g.jurisdictionCode === NATIONAL_CODE || covers(g.jurisdictionCode, code)));
}

/** May schedule meetings in `code`: its secretariat (or one above it), or a system administrator. */
export function canScheduleIn(grants: readonly Grant[], code: string): boolean {
  return grants.some((g) => g.role === Role.SYSTEM_ADMIN || (g.role === Role.SECRETARIAT && covers(g.jurisdictionCode, code)));
}

/**
 * Would the task page open for this person: someone in the assigned agency, or an overseer of the
 * jurisdiction (the API's visibility rule; it answers 404 otherwise).
 */
export function maySeeTask(grants: readonly Grant[], agencyId: string, jurisdictionCode: string): boolean {
  return grants.some((g) => g.agencyId === agencyId || (TASK_OVERSEERS.includes(g.role) && covers(g.jurisdictionCode, jurisdictionCode)));
}
