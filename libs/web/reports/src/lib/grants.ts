import { Role, type Grant } from '@gugus/contracts';

// The server decides; these only keep the interface from offering what it would refuse.

/** Who reads report figures (aggregates): administrators, secretariats, chairs and the national analyst. */
const FIGURE_READERS: readonly Role[] = [Role.SECRETARIAT, Role.NATIONAL_ANALYST, Role.PROVINCIAL_ADMIN, Role.CHAIR, Role.SYSTEM_ADMIN];

/** The regions whose figures the person reads, most involved role first. */
export function figureJurisdictions(grants: readonly Grant[]): string[] {
  return [...new Set(FIGURE_READERS.flatMap((role) => grants.filter((g) => g.role === role).map((g) => g.jurisdictionCode)))];
}

/** Whether the nav offers "Laporan": to those who read the figures (administrators, secretariats, chairs, the national analyst). */
export function canReadReports(grants: readonly Grant[]): boolean {
  return grants.some((g) => FIGURE_READERS.includes(g.role));
}
