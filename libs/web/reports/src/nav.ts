// The app's navigation bar needs only who may open the reports and where they live: this entry keeps the
// report screens out of the app's first chunk (they load when a route opens them; issue 13).
export { canReadReports } from './lib/grants';
export { reportPaths } from './lib/paths';
