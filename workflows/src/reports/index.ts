export * from './report-cycle.workflow';
export * from './report.messages';
export type * from './report.activities';
