export { PlansPage } from './lib/list/PlansPage';
export { PlanPage } from './lib/plan/PlanPage';
export { PlanReviewPage } from './lib/review/PlanReviewPage';
export { PlanAnalyticsPage } from './lib/analytics/PlanAnalyticsPage';
export { PlanTaskFacts } from './lib/PlanTaskFacts';
export { canReadPlans } from './lib/grants';
export { planPaths } from './lib/paths';
