export * from './plan-of-action.workflow';
export * from './plan.messages';
export type * from './plan.activities';
