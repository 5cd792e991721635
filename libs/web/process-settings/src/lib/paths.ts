/** Addresses of the process-settings and calendar screens (Bahasa Indonesia paths, like the rest of the app). */
export const processSettingsPaths = {
  settings: '/pengaturan-proses',
  calendar: '/kalender-kerja',
};
