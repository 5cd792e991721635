import { ROLES, Role, type Grant } from '@gugus/contracts';

/** A link on the home page to what a role does most; `key` names its label in the `home` translations. */
export interface Shortcut {
  key: ShortcutKey;
  to: string;
}

export type ShortcutKey =
  | 'myTasks'
  | 'areaTasks'
  | 'overdue'
  | 'meetings'
  | 'plans'
  | 'planAnalytics'
  | 'cases'
  | 'serviceDirectory'
  | 'periodicReports'
  | 'dashboard'
  | 'caseFigures'
  | 'jurisdictions'
  | 'agencies'
  | 'forms'
  | 'processSettings'
  | 'audit'
  | 'systemStatus';

const TO: Record<ShortcutKey, string> = {
  myTasks: '/tugas',
  areaTasks: '/tugas?lingkup=wilayah',
  overdue: '/tugas?lingkup=wilayah&tenggat=lewat',
  meetings: '/rapat',
  plans: '/rad',
  planAnalytics: '/rad/analitik',
  cases: '/kasus',
  serviceDirectory: '/direktori-layanan',
  periodicReports: '/laporan/berkala',
  dashboard: '/laporan/dasbor',
  caseFigures: '/laporan/angka-kasus',
  jurisdictions: '/wilayah',
  agencies: '/instansi',
  forms: '/formulir',
  processSettings: '/pengaturan-proses',
  audit: '/audit',
  systemStatus: '/status',
};

/** What each role does most, most frequent first (PRODUCT.md §2). Area views only for roles that oversee an area's tasks. */
const BY_ROLE: Record<Role, ShortcutKey[]> = {
  [Role.SYSTEM_ADMIN]: ['areaTasks', 'jurisdictions', 'processSettings', 'audit', 'systemStatus'],
  [Role.NATIONAL_ANALYST]: ['dashboard', 'periodicReports', 'caseFigures', 'planAnalytics'],
  [Role.PROVINCIAL_ADMIN]: ['agencies', 'forms', 'processSettings', 'overdue', 'audit'],
  [Role.SECRETARIAT]: ['myTasks', 'meetings', 'plans', 'periodicReports', 'overdue'],
  [Role.CHAIR]: ['myTasks', 'plans', 'meetings', 'dashboard'],
  [Role.LEGAL_REVIEWER]: ['myTasks', 'plans'],
  [Role.CASE_COORDINATOR]: ['myTasks', 'cases', 'serviceDirectory'],
  [Role.CASE_WORKER]: ['myTasks', 'cases', 'serviceDirectory'],
  [Role.AGENCY_OFFICER]: ['myTasks', 'meetings', 'plans'],
};

/**
 * The shortcuts for everyone holding `grants`: the roles' lists in seniority order, each link once.
 * The server still decides on every page; a shortcut only saves a click.
 */
export function shortcutsFor(grants: readonly Grant[]): Shortcut[] {
  const held = new Set(grants.map((g) => g.role));
  const keys = ROLES.filter((role) => held.has(role)).flatMap((role) => BY_ROLE[role]);
  return [...new Set(keys)].map((key) => ({ key, to: TO[key] }));
}
