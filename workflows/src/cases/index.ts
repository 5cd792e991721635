export * from './case.workflow';
export * from './case.messages';
export type * from './case.activities';
export * from './referral.workflow';
