// The app's navigation bar needs only who may open the plans and where they live: this entry keeps the
// plan screens out of the app's first chunk (they load when a route opens them; issue 13).
export { canReadPlans } from './lib/grants';
export { planPaths } from './lib/paths';
