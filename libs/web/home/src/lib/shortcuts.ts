import { ROLES, Role, type Grant } from '@gugus/contracts';
import { casePaths } from '@gugus/web-cases/nav';
import { meetingPaths } from '@gugus/web-meetings/nav';
import { planPaths } from '@gugus/web-plans/nav';
import { processSettingsPaths } from '@gugus/web-process-settings/nav';
import { reportPaths } from '@gugus/web-reports/nav';
import { taskPaths } from '@gugus/web-tasks';

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

// The feature libraries' own addresses; the app-level screens (regions, agencies, forms, audit, status) as the app shell names them.
const AREA = `${taskPaths.inbox}?lingkup=wilayah`;
const TO: Record<ShortcutKey, string> = {
  myTasks: taskPaths.inbox,
  areaTasks: AREA,
  overdue: `${AREA}&tenggat=lewat`,
  meetings: meetingPaths.list,
  plans: planPaths.list,
  planAnalytics: planPaths.analytics,
  cases: casePaths.list,
  serviceDirectory: casePaths.directory,
  periodicReports: reportPaths.periodic,
  dashboard: reportPaths.dashboard,
  caseFigures: reportPaths.caseFigures,
  jurisdictions: '/wilayah',
  agencies: '/instansi',
  forms: '/formulir',
  processSettings: processSettingsPaths.settings,
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
