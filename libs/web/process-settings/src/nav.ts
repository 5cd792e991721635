// The app's navigation bar needs only who may open the settings and where they live: this entry keeps the
// settings screens out of the app's first chunk (they load when a route opens them; issue 13).
export { canReadSettings } from './lib/grants';
export { processSettingsPaths } from './lib/paths';
