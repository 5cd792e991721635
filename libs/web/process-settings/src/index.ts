export { ProcessSettingsPage } from './lib/settings/ProcessSettingsPage';
export { WorkingCalendarPage } from './lib/calendar/WorkingCalendarPage';
export { canManageHolidays, canReadSettings } from './lib/grants';
export { processSettingsPaths } from './lib/paths';
