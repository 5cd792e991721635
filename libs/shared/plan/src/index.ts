export * from './lib/plan-types';
export { jsonEqual } from './lib/json';
export { SUB_TASK_FORCE_NAMES, expectedSections } from './lib/sections';
