// The app's navigation bar needs only who may open the cases and where they live: this entry keeps the
// case screens out of the app's first chunk (they load when a route opens them; issue 13).
export { canReadCases } from './lib/grants';
export { casePaths } from './lib/paths';
