// Bundle entry for the worker: every workflow function exported here is registered by name.
export * from './system-check/system-check.workflow';
export * from './system-check/system-check.messages';
export type * from './system-check/system-check.activities';
export * from './tasks';
export * from './meetings';
export * from './activity-options';
export * from './plans';
export * from './cases';
export * from './reports';
