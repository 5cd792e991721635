import { NATIONAL_CODE, Role, type Grant } from '@gugus/contracts';
import { covers } from '@gugus/web-auth';

// The server decides; these only hide what it would refuse.

/** Save process settings for `code`: the system administrator, or a provincial administrator covering it. */
export function canEditSettings(grants: readonly Grant[], code: string): boolean {
  return grants.some((g) => g.role === Role.SYSTEM_ADMIN || (g.role === Role.PROVINCIAL_ADMIN && covers(g.jurisdictionCode, code)));
}

const SETTINGS_READERS: readonly Role[] = [Role.SYSTEM_ADMIN, Role.PROVINCIAL_ADMIN, Role.SECRETARIAT, Role.CHAIR];

/** Where the person may look at process settings: the jurisdictions of their grants that carry the right (most senior first). */
export function settingsJurisdictions(grants: readonly Grant[]): string[] {
  const codes = SETTINGS_READERS.flatMap((role) => grants.filter((g) => g.role === role).map((g) => g.jurisdictionCode));
  return [...new Set(codes)];
}

export function canReadSettings(grants: readonly Grant[]): boolean {
  return settingsJurisdictions(grants).length > 0;
}

/** Add, change or remove holidays: the system administrator only. */
export function canManageHolidays(grants: readonly Grant[]): boolean {
  return grants.some((g) => g.role === Role.SYSTEM_ADMIN);
}

/** Whether a grant in `grantCode` lets the person look at `code`. */
export function mayView(grantCodes: readonly string[], code: string): boolean {
  return grantCodes.some((g) => g === NATIONAL_CODE || covers(g, code));
}
