export * from './lib/plan-types';
export { jsonEqual } from './lib/json';
export { SUB_TASK_FORCE_NAMES, expectedSections } from './lib/sections';
export { compilePlanVersion, identifyActivities, toSectionAnswers } from './lib/plan-version';
export { diffPlanVersions, type ActivityChange, type ActivityRef, type FieldChange, type PlanDiff, type SectionChange } from './lib/plan-diff';
export { planBudget, type ActivityBudget, type PlanBudget } from './lib/plan-budget';
export { carryOver } from './lib/carry-over';
